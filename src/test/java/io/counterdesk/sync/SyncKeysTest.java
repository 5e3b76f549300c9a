package io.counterdesk.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.Signature;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ADR 0026: the signatures are Bouncy Castle's Ed25519 arithmetic on the JDK's keys. They must be
 * exactly the JDK provider's (Ed25519 is deterministic), verifiable by it, and every change of a
 * byte, of the key or of the length must fail.
 */
class SyncKeysTest {

    private static final Random RANDOM = new Random(26);

    @Test
    void signaturesAreTheJdkProvidersByteForByteAndEachSideVerifiesTheOthers() throws Exception {
        for (int round = 0; round < 40; round++) {
            KeyPair pair = SyncKeys.generate();
            byte[] data = new byte[RANDOM.nextInt(5_000)];
            RANDOM.nextBytes(data);
            int length = data.length == 0 ? 0 : RANDOM.nextInt(data.length + 1);

            byte[] ours = SyncKeys.sign(pair.getPrivate(), data, length);
            Signature jdk = Signature.getInstance("Ed25519");
            jdk.initSign(pair.getPrivate());
            jdk.update(data, 0, length);
            byte[] theirs = jdk.sign();
            assertArrayEquals(theirs, ours, "round " + round);

            jdk.initVerify(pair.getPublic());
            jdk.update(data, 0, length);
            assertTrue(jdk.verify(ours));
            assertTrue(SyncKeys.verify(pair.getPublic(), data, length, theirs));
            // a key read back from its text, as head office holds it
            assertTrue(SyncKeys.verify(SyncKeys.publicKey(SyncKeys.publicText(pair.getPublic())), data, length, ours));
        }
    }

    /** The public half kept for the key that signed last: keys taking turns still sign as the JDK does. */
    @Test
    void keysTakingTurnsEachSignAsTheJdkDoes() throws Exception {
        KeyPair[] pairs = {SyncKeys.generate(), SyncKeys.generate(), SyncKeys.generate()};
        for (int round = 0; round < 30; round++) {
            KeyPair pair = pairs[RANDOM.nextInt(pairs.length)];
            byte[] data = new byte[1 + RANDOM.nextInt(2_000)];
            RANDOM.nextBytes(data);
            Signature jdk = Signature.getInstance("Ed25519");
            jdk.initSign(pair.getPrivate());
            jdk.update(data);
            assertArrayEquals(jdk.sign(), SyncKeys.sign(pair.getPrivate(), data, data.length), "round " + round);
        }
    }

    @Test
    void anyChangeFails() {
        KeyPair pair = SyncKeys.generate();
        byte[] data = new byte[3_000];
        RANDOM.nextBytes(data);
        byte[] signature = SyncKeys.sign(pair.getPrivate(), data, data.length);
        assertTrue(SyncKeys.verify(pair.getPublic(), data, data.length, signature));

        for (int i = 0; i < data.length; i += 97) {
            byte[] changed = data.clone();
            changed[i] ^= 1;
            assertFalse(SyncKeys.verify(pair.getPublic(), changed, changed.length, signature), "data byte " + i);
        }
        for (int i = 0; i < signature.length; i++) {
            byte[] changed = signature.clone();
            changed[i] ^= (byte) (1 << (i % 8));
            assertFalse(SyncKeys.verify(pair.getPublic(), data, data.length, changed), "signature byte " + i);
        }
        assertFalse(SyncKeys.verify(SyncKeys.generate().getPublic(), data, data.length, signature), "another key");
        assertFalse(SyncKeys.verify(pair.getPublic(), data, data.length - 1, signature), "one byte fewer");
        assertFalse(SyncKeys.verify(pair.getPublic(), data, data.length + 1, signature), "beyond the data");
        assertFalse(SyncKeys.verify(pair.getPublic(), data, data.length, Arrays.copyOf(signature, 63)), "cut signature");
        assertFalse(SyncKeys.verify(pair.getPublic(), data, data.length, new byte[0]), "empty signature");
        assertFalse(SyncKeys.verify(pair.getPublic(), data, data.length, null), "no signature");
    }
}
