package io.counterdesk.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The enrolment file head office writes for one terminal (docs/sync-protocol.md, "Enrolment"): format
 * {@code counterdesk-enrolment}, hall, terminal, head office's URL and Ed25519 key, a one-time token,
 * and for an https:// URL the TLS certificate(s) the terminal pins ({@code tlsCertificate}, PEM).
 */
public final class EnrolmentFile {

    public static final String FORMAT = "counterdesk-enrolment";

    private EnrolmentFile() {
    }

    /** The file's bytes; {@code tlsCertificate} may be null (plain HTTP). */
    public static byte[] write(String hall, String terminal, String url, String headOfficeKey, String token,
                               String tlsCertificate) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("hall", hall);
        m.put("terminal", terminal);
        m.put("url", url.replaceAll("/+$", ""));
        m.put("headOfficeKey", headOfficeKey);
        m.put("token", token);
        if (tlsCertificate != null) {
            m.put("tlsCertificate", tlsCertificate);
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(m);
    }
}
