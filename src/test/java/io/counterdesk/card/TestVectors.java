package io.counterdesk.card;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The derivations of docs/card-layout.md written out step by step, independently of CardKeys. */
final class TestVectors {

    private TestVectors() {
    }

    static byte[] psc(String secret, String serial) {
        byte[] pscKey = hmac(secret.getBytes(StandardCharsets.US_ASCII), "CounterDesk card PSC v1");
        return Arrays.copyOf(hmac(pscKey, serial), 3);
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
