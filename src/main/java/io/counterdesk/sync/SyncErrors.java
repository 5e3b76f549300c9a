package io.counterdesk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.counterdesk.shared.I18n;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLException;

/**
 * Why a send did not go through, in the cashier's language (status bar {@code 上传失败（…）} and
 * {@code sync send}): a network failure by its kind, a refusal by head office's code
 * (docs/sync-protocol.md, "Refusals"), an answer that is not head office's. Head office's own English
 * message is kept for the log, never shown as the reason.
 */
final class SyncErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SyncErrors() {
    }

    /** Head office could not be reached, or the connection broke; {@code url} is head office's address. */
    static String unreachable(Exception e, String url) {
        var pin = PinnedTrust.refusal(e);
        if (pin.isPresent()) {
            return I18n.text("sync.error.certificate", pin.get().fingerprint());
        }
        // the most telling cause first: the client wraps an unknown name in a ConnectException
        if (causedBy(e, HttpTimeoutException.class)) { // HttpConnectTimeoutException is one
            return I18n.text("sync.error.timeout", url);
        }
        if (causedBy(e, UnknownHostException.class) || causedBy(e, UnresolvedAddressException.class)) {
            return I18n.text("sync.error.unknownHost", url);
        }
        if (causedBy(e, ConnectException.class) || causedBy(e, NoRouteToHostException.class)) {
            return I18n.text("sync.error.connect", url);
        }
        if (causedBy(e, SSLException.class)) {
            return I18n.text("sync.error.tls", url);
        }
        return I18n.text("sync.error.broken", url);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Head office's refusal (status other than 200) as a reason: its JSON {@code code} names what,
     * {@code expectedSeq} the batch it waits for. A body that is not head office's JSON still says the status.
     */
    static String refused(int status, byte[] body) {
        String code = "";
        long expected = 0;
        try {
            JsonNode n = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            if (n != null && n.isObject()) {
                code = n.path("code").asText("");
                expected = n.path("expectedSeq").asLong(0);
            }
        } catch (IOException e) {
            // not JSON: a proxy's page or an old head office; the status says enough
        }
        String key = "sync.refused." + code;
        if (!code.isEmpty() && I18n.has(I18n.locale(), key)) {
            return I18n.text(key, expected);
        }
        return I18n.text("sync.refused.other", status, code.isEmpty() ? "—" : code);
    }

    static String notEnrolled() {
        return I18n.text("sync.notEnrolled");
    }

    static String otherBatch() {
        return I18n.text("sync.error.otherBatch");
    }

    static String notHeadOffice() {
        return I18n.text("sync.error.notHeadOffice");
    }

    static String interrupted() {
        return I18n.text("sync.error.interrupted");
    }

    /** Head office did not take the terminal's key at enrolment (its JSON refusal, or another answer). */
    static final class EnrolRefused extends IOException {
        EnrolRefused(int status, byte[] body) {
            super(refused(status, body));
        }
    }
}
