package io.counterdesk.headoffice;

import io.counterdesk.sync.Pem;
import io.counterdesk.sync.SyncKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Head office's TLS identity (ADR 0023): either a PKCS#12 key store given by its operator, or a key
 * pair and self-signed certificate made on first use in the data folder ({@code headoffice-tls.key},
 * PKCS#8, owner-only, and {@code headoffice-tls.crt}, PEM). The JDK has no public API to make a
 * certificate, so {@link #selfSigned} writes the few DER structures of an X.509 v3 certificate itself
 * (EC P-256, ECDSA-SHA256, subject alternative names); the JDK parses and verifies the result.
 */
public final class HeadOfficeTls {

    static final String KEY_FILE = "headoffice-tls.key";
    static final String CERT_FILE = "headoffice-tls.crt";
    private static final char[] IN_MEMORY = "counterdesk".toCharArray();

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    private HeadOfficeTls(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    /** The certificate chain head office shows (its own certificate first). */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** A server context presenting this identity. */
    public SSLContext serverContext() throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        ks.setKeyEntry("headoffice", key, IN_MEMORY, chain.toArray(new Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, IN_MEMORY);
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf.getKeyManagers(), null, null);
        return c;
    }

    /** The identity in a PKCS#12 key store: its (only, or first) key entry. */
    public static HeadOfficeTls fromKeyStore(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        for (String alias : Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(alias)) {
                Key k = ks.getKey(alias, password);
                List<X509Certificate> chain = new ArrayList<>();
                for (Certificate c : ks.getCertificateChain(alias)) {
                    chain.add((X509Certificate) c);
                }
                return new HeadOfficeTls((PrivateKey) k, chain);
            }
        }
        throw new GeneralSecurityException(file + " holds no private key");
    }

    /**
     * The identity in {@code dir}, made on first use: a new EC key and a certificate for {@code names}
     * (host names and IP addresses the terminals use), valid ten years.
     */
    public static HeadOfficeTls loadOrCreate(Path dir, List<String> names) throws IOException, GeneralSecurityException {
        Path keyFile = dir.resolve(KEY_FILE);
        Path certFile = dir.resolve(CERT_FILE);
        if (Files.isRegularFile(keyFile) && Files.isRegularFile(certFile)) {
            PrivateKey k = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(keyFile)));
            return new HeadOfficeTls(k, Pem.read(Files.readString(certFile)));
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        Instant now = Instant.now();
        X509Certificate cert = selfSigned(pair, "CounterDesk head office", names, now.minus(1, ChronoUnit.DAYS),
                now.plus(3650, ChronoUnit.DAYS));
        SyncKeys.writePrivate(keyFile, pair.getPrivate());
        Files.writeString(certFile, Pem.write(List.of(cert)));
        return new HeadOfficeTls(pair.getPrivate(), List.of(cert));
    }

    /** The host names for a certificate made without names given: this machine's name, localhost, 127.0.0.1. */
    public static List<String> defaultNames() {
        List<String> names = new ArrayList<>();
        try {
            names.add(InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            // no name: localhost only
        }
        names.add("localhost");
        names.add("127.0.0.1");
        return names;
    }

    /** An X.509 v3 certificate for {@code pair}'s public key signed by its own private key (ECDSA with SHA-256). */
    static X509Certificate selfSigned(KeyPair pair, String commonName, List<String> names, Instant from, Instant to)
            throws GeneralSecurityException {
        byte[] ecdsaSha256 = seq(oid(1, 2, 840, 10045, 4, 3, 2));
        byte[] name = seq(set(seq(oid(2, 5, 4, 3), tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
        byte[] serial = new byte[16];
        new SecureRandom().nextBytes(serial);
        serial[0] &= 0x7F;
        List<byte[]> altNames = new ArrayList<>();
        for (String n : names) {
            if (n.matches("\\d{1,3}(\\.\\d{1,3}){3}") || n.contains(":")) {
                try {
                    altNames.add(tlv(0x87, InetAddress.getByName(n).getAddress()));
                } catch (IOException e) {
                    throw new GeneralSecurityException("not an IP address: " + n, e);
                }
            } else {
                altNames.add(tlv(0x82, n.getBytes(StandardCharsets.US_ASCII)));
            }
        }
        List<byte[]> extensions = new ArrayList<>();
        extensions.add(seq(oid(2, 5, 29, 19), tlv(0x04, seq()))); // basic constraints: not a CA
        if (!altNames.isEmpty()) {
            extensions.add(seq(oid(2, 5, 29, 17), tlv(0x04, seq(altNames.toArray(new byte[0][])))));
        }
        byte[] tbs = seq(
                tlv(0xA0, integer(BigInteger.TWO)),
                integer(new BigInteger(1, serial)),
                ecdsaSha256,
                name,
                seq(time(from), time(to)),
                name,
                pair.getPublic().getEncoded(),
                tlv(0xA3, seq(extensions.toArray(new byte[0][]))));
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(pair.getPrivate());
        s.update(tbs);
        byte[] signature = s.sign();
        byte[] bits = new byte[signature.length + 1];
        System.arraycopy(signature, 0, bits, 1, signature.length);
        byte[] der = seq(tbs, ecdsaSha256, tlv(0x03, bits));
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(der));
        cert.verify(pair.getPublic());
        return cert;
    }

    private static byte[] time(Instant t) {
        // UTCTime up to 2049, GeneralizedTime after (RFC 5280 4.1.2.5)
        var utc = t.atOffset(ZoneOffset.UTC);
        return utc.getYear() < 2050
                ? tlv(0x17, DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").format(utc).getBytes(StandardCharsets.US_ASCII))
                : tlv(0x18, DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").format(utc).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] integer(BigInteger v) {
        return tlv(0x02, v.toByteArray());
    }

    private static byte[] oid(int... arcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(arcs[0] * 40 + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            int v = arcs[i];
            int shift = 28;
            while (shift > 0 && (v >>> shift) == 0) {
                shift -= 7;
            }
            for (; shift > 0; shift -= 7) {
                out.write(0x80 | ((v >>> shift) & 0x7F));
            }
            out.write(v & 0x7F);
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** One DER element: tag, definite length, content. */
    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n > 0xFFFFFF ? 4 : n > 0xFFFF ? 3 : n > 0xFF ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((n >>> (8 * i)) & 0xFF);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** For messages: the certificate's fingerprint. */
    public String fingerprint() {
        return Pem.fingerprint(chain.get(0));
    }

    /** The PEM the enrolment file carries: head office's own certificate. */
    public String certificatePem() {
        return Pem.write(List.of(chain.get(0)));
    }

    static List<X509Certificate> readPem(Path file) throws IOException, CertificateException {
        return Pem.read(Files.readString(file));
    }
}
