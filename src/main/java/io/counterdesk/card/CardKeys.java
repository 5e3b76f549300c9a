package io.counterdesk.card;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys a utility's cards are made with, all derived from one per-utility secret
 * (docs/card-layout.md, "Keys"): the MAC key that seals each record, and the SLE4442 PSC of each
 * card, derived from the card serial. Counters and meters of one utility hold the same secret.
 * Immutable and thread-safe.
 */
public final class CardKeys {

    /** The PSC every fresh SLE4442 comes with from the factory. */
    static final byte[] FACTORY_PSC = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    /** Bytes of HMAC-SHA256 kept as the record MAC. */
    static final int MAC_LENGTH = 8;

    private static final String HMAC = "HmacSHA256";
    private static final int MIN_SECRET_LENGTH = 16;

    private final byte[] macKey;
    private final byte[] pscKey;

    /**
     * @param utilitySecret the utility's card secret, at least 16 random bytes; copied
     */
    public CardKeys(byte[] utilitySecret) {
        if (utilitySecret.length < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the card secret needs at least " + MIN_SECRET_LENGTH + " bytes");
        }
        byte[] secret = utilitySecret.clone();
        this.macKey = hmac(secret, ascii("CounterDesk card MAC v1"));
        this.pscKey = hmac(secret, ascii("CounterDesk card PSC v1"));
        Arrays.fill(secret, (byte) 0);
    }

    /**
     * The SLE4442 PSC of the card with this serial: the first three bytes of
     * HMAC-SHA256(pscKey, serial) that are not FF FF FF (the factory PSC, which would leave a
     * card as open as a fresh one).
     */
    public byte[] psc(String serial) {
        byte[] full = hmac(pscKey, ascii(serial));
        for (int i = 0; i + 3 <= full.length; i += 3) {
            byte[] candidate = Arrays.copyOfRange(full, i, i + 3);
            if (!Arrays.equals(candidate, FACTORY_PSC)) {
                return candidate;
            }
        }
        throw new IllegalStateException("HMAC output of FF bytes only");
    }

    /** The record MAC: HMAC-SHA256(macKey, data[offset .. offset+length)), first 8 bytes. */
    byte[] mac(byte[] data, int offset, int length) {
        return Arrays.copyOf(hmac(macKey, Arrays.copyOfRange(data, offset, offset + length)), MAC_LENGTH);
    }

    /** Whether {@code data[macOffset .. +8)} is the MAC of {@code data[offset .. +length)}, in constant time. */
    boolean macMatches(byte[] data, int offset, int length, int macOffset) {
        return MessageDigest.isEqual(mac(data, offset, length),
                Arrays.copyOfRange(data, macOffset, macOffset + MAC_LENGTH));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
