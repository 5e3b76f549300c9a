package io.counterdesk.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 keys (JDK: a jlink image needs the module {@code jdk.crypto.ec}) and signatures (Bouncy
 * Castle's RFC 8032 arithmetic, ADR 0026).
 * Public keys travel as Base64 of their X.509 encoding; a private key is kept as a PKCS#8 file
 * readable by its owner only, beside the data it signs for, never in the H2 file.
 */
public final class SyncKeys {

    private static final String ALGORITHM = "Ed25519";

    private SyncKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this Java runtime (module jdk.crypto.ec)", e);
        }
    }

    /**
     * Ed25519 (RFC 8032, deterministic) by Bouncy Castle's arithmetic on the keys' raw 32 bytes: the
     * same signature the JDK's provider makes, at a twentieth of its CPU (ADR 0026); the JDK's for a
     * key whose encoding is not the plain one.
     */
    public static byte[] sign(PrivateKey key, byte[] data, int length) {
        byte[] seed = key instanceof java.security.interfaces.EdECPrivateKey ed ? ed.getBytes().orElse(null) : null;
        if (seed != null && seed.length == Ed25519.SECRET_KEY_SIZE) {
            Signer signer = lastSigner;
            if (signer == null || signer.key() != key) {
                byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
                Ed25519.generatePublicKey(seed, 0, pk, 0);
                signer = new Signer(key, pk);
                lastSigner = signer;
            }
            byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
            Ed25519.sign(seed, 0, signer.publicKey(), 0, data, 0, length, signature, 0);
            return signature;
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(data, 0, length);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /**
     * The public half of the key that signed last (head office signs every acknowledgement with one key): Bouncy
     * Castle's sign without it derives it again each time, a second scalar multiplication as costly as the signature's.
     */
    private record Signer(PrivateKey key, byte[] publicKey) {
    }

    private static volatile Signer lastSigner;

    /** Whether {@code signature} is {@code key}'s over the first {@code length} bytes of {@code data}; false for any malformed input. */
    public static boolean verify(PublicKey key, byte[] data, int length, byte[] signature) {
        try {
            byte[] raw = raw(key);
            if (raw != null) {
                return signature != null && signature.length == Ed25519.SIGNATURE_SIZE && length >= 0
                        && length <= data.length && Ed25519.verify(signature, 0, raw, 0, data, 0, length);
            }
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data, 0, length);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** X.509 (SubjectPublicKeyInfo) of an Ed25519 key: this prefix, then the key's 32 bytes. */
    private static final byte[] X509_PREFIX = java.util.HexFormat.of().parseHex("302a300506032b6570032100");

    /** The key's raw 32 bytes, or null when its encoding is not the plain Ed25519 one. */
    private static byte[] raw(PublicKey key) {
        byte[] x509 = key.getEncoded();
        if (!ALGORITHM.equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm()) || x509 == null
                || x509.length != X509_PREFIX.length + Ed25519.PUBLIC_KEY_SIZE
                || !java.util.Arrays.equals(x509, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            return null;
        }
        return java.util.Arrays.copyOfRange(x509, X509_PREFIX.length, x509.length);
    }

    public static String publicText(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PublicKey publicKey(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** Writes the private key as PKCS#8 with owner-only permissions where the file system has them. */
    public static void writePrivate(Path file, PrivateKey key) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.write(file, key.getEncoded(), StandardOpenOption.TRUNCATE_EXISTING);
    }

    public static PrivateKey readPrivate(Path file) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
        } catch (GeneralSecurityException e) {
            throw new IOException("not an Ed25519 private key: " + file, e);
        }
    }

    /** The private key in {@code file}, made (with its public half derived by the caller from the pair) if absent. */
    public static KeyPair loadOrCreate(Path privateFile, Path publicFile) throws IOException {
        if (Files.isRegularFile(privateFile) && Files.isRegularFile(publicFile)) {
            return new KeyPair(publicKey(Files.readString(publicFile).strip()), readPrivate(privateFile));
        }
        KeyPair pair = generate();
        writePrivate(privateFile, pair.getPrivate());
        Files.writeString(publicFile, publicText(pair.getPublic()) + "\n");
        return pair;
    }
}
