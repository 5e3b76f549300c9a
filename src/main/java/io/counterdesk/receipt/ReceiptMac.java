package io.counterdesk.receipt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The verification code printed on every receipt (and in its QR code): the first 12 hex digits of
 * HMAC-SHA256, keyed by the utility's secret, over the receipt's key fields. Head office, holding
 * the same key, recomputes it to tell a genuine receipt from an edited or invented one.
 */
public final class ReceiptMac {

    public static final String KEY_SETTING = "receipt.mac.key";

    private ReceiptMac() {
    }

    /** The fields covered, in order, joined by '|'. */
    public static String canonical(String hallCode, String terminalCode, ReceiptKind kind, long number, String accountNo,
                                   long amountFen, String issuedAtIso) {
        return String.join("|", hallCode, terminalCode, kind.name(), Long.toString(number), accountNo,
                Long.toString(amountFen), issuedAtIso);
    }

    /** The thread's HMAC and the key it was set up with: looking up and keying it per receipt cost more than the code. */
    private static final class Keyed {
        private final Mac mac;
        private byte[] key;

        Keyed() throws GeneralSecurityException {
            mac = Mac.getInstance("HmacSHA256");
        }

        Mac with(byte[] wanted) throws GeneralSecurityException {
            if (!Arrays.equals(key, wanted)) {
                mac.init(new SecretKeySpec(wanted, "HmacSHA256"));
                key = wanted.clone();
            }
            return mac;
        }
    }

    private static final ThreadLocal<Keyed> MAC = new ThreadLocal<>();

    public static String compute(byte[] key, String canonical) {
        try {
            Keyed keyed = MAC.get();
            if (keyed == null) {
                keyed = new Keyed();
                MAC.set(keyed);
            }
            byte[] full = keyed.with(key).doFinal(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(full, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** What a void seals: the receipt's fields and the word VOIDED. */
    public static String voidCanonical(String canonical) {
        return canonical + "|VOIDED";
    }

    /** What a printed code proves, once the receipt's void (if any) is part of what is checked. */
    public enum Verdict {
        /** The code is genuine and the receipt stands. */
        VALID,
        /** The code is genuine, but the receipt was voided (its void seal checks): not a valid payment. */
        VOIDED,
        /** The code, or the void seal, does not check: edited or invented. */
        FORGED
    }

    /**
     * Checks a printed code together with the receipt's void seal ({@code null} when the record says
     * it was not voided). A voided receipt's code never verifies as {@link Verdict#VALID}.
     */
    public static Verdict verdict(byte[] key, String canonical, String code, String voidSeal) {
        if (!verify(key, canonical, code)) {
            return Verdict.FORGED;
        }
        if (voidSeal == null) {
            return Verdict.VALID;
        }
        return verify(key, voidCanonical(canonical), voidSeal) ? Verdict.VOIDED : Verdict.FORGED;
    }

    public static boolean verify(byte[] key, String canonical, String code) {
        return java.security.MessageDigest.isEqual(compute(key, canonical).getBytes(StandardCharsets.US_ASCII),
                code.toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
