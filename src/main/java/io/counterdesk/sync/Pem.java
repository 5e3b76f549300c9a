package io.counterdesk.sync;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** X.509 certificates as PEM text (how the enrolment file carries head office's TLS certificate). */
public final class Pem {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private Pem() {
    }

    public static String write(List<X509Certificate> certificates) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate c : certificates) {
            try {
                out.append(BEGIN).append('\n')
                        .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(c.getEncoded()))
                        .append('\n').append(END).append('\n');
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("certificate cannot be encoded", e);
            }
        }
        return out.toString();
    }

    /** Every certificate in {@code pem}; none is an error. */
    public static List<X509Certificate> read(String pem) throws CertificateException {
        List<X509Certificate> out = new ArrayList<>();
        if (pem == null) {
            throw new CertificateException("no certificate");
        }
        CertificateFactory f = CertificateFactory.getInstance("X.509");
        int at = 0;
        while (true) {
            int b = pem.indexOf(BEGIN, at);
            if (b < 0) {
                break;
            }
            int e = pem.indexOf(END, b);
            if (e < 0) {
                throw new CertificateException("certificate not ended");
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(pem.substring(b + BEGIN.length(), e));
            } catch (IllegalArgumentException x) {
                throw new CertificateException("certificate is not Base64", x);
            }
            out.add((X509Certificate) f.generateCertificate(new ByteArrayInputStream(der)));
            at = e + END.length();
        }
        if (out.isEmpty()) {
            throw new CertificateException("no certificate");
        }
        return out;
    }

    /** The certificate's SHA-256 fingerprint, lower-case hex (what a person compares). */
    public static String fingerprint(X509Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
