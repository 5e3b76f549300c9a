package io.counterdesk.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The terminal's key store: one random 256-bit master key in a small file beside the database
 * ({@code <name>.keys}, owner-only permissions), never inside the database file. Everything secret
 * the database needs comes from it (ADR 0012):
 * <ul>
 *   <li>the H2 password of the database's only user ({@link #databasePassword()});</li>
 *   <li>the key that wraps (AES-256-GCM) the utility's card secret and receipt key in the
 *       {@code setting} table ({@link #wrap}, {@link #unwrap});</li>
 *   <li>the key of the journal's per-event HMAC ({@link #journalMac}).</li>
 * </ul>
 * Each purpose uses its own key derived from the master key (HMAC-SHA256 over the purpose's name),
 * so one leaked derived key does not give away the others. The file is read at start-up without
 * anyone typing anything; a field laptop will later add a password around it (DESIGN §6).
 */
public final class TerminalKeys {

    private static final String HEADER = "counterdesk-terminal-key v1";
    private static final String WRAPPED_PREFIX = "wrapped:v1:";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final byte[] databasePasswordBytes;
    private final byte[] wrapKey;
    private final byte[] journalKey;

    private TerminalKeys(Path file, byte[] master) {
        this.file = file;
        this.databasePasswordBytes = derive(master, "counterdesk/h2-password");
        this.wrapKey = derive(master, "counterdesk/wrap-secrets");
        this.journalKey = derive(master, "counterdesk/journal-mac");
    }

    /** Where the key store of the database at {@code location} lives. */
    public static Path fileOf(DatabaseLocation location) {
        return location.directory().resolve(location.name() + ".keys");
    }

    /** The terminal's keys if its key file exists. */
    public static Optional<TerminalKeys> load(DatabaseLocation location) {
        Path file = fileOf(location);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            if (lines.size() < 2 || !HEADER.equals(lines.get(0).strip())) {
                throw new StorageException("the terminal key file " + file + " is not a CounterDesk key file");
            }
            byte[] master = Base64.getDecoder().decode(lines.get(1).strip());
            if (master.length != KEY_BYTES) {
                throw new StorageException("the terminal key file " + file + " is damaged");
            }
            try {
                return Optional.of(new TerminalKeys(file, master));
            } finally {
                Arrays.fill(master, (byte) 0);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new StorageException("cannot read the terminal key file " + file, e);
        }
    }

    /**
     * The terminal's keys, creating the key file (a new random master key, owner-only, written to a
     * temporary file, synced and moved into place) when there is none. Two programs creating it at
     * once: the second finds the first's file and uses it.
     */
    public static TerminalKeys loadOrCreate(DatabaseLocation location) {
        Optional<TerminalKeys> existing = load(location);
        if (existing.isPresent()) {
            return existing.get();
        }
        Path file = fileOf(location);
        byte[] master = new byte[KEY_BYTES];
        RANDOM.nextBytes(master);
        String text = HEADER + "\n" + Base64.getEncoder().encodeToString(master) + "\n";
        Arrays.fill(master, (byte) 0);
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.createDirectories(location.directory());
            Files.deleteIfExists(temporary);
            createOwnerOnly(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file);
            }
            syncDirectory(location.directory());
        } catch (FileAlreadyExistsException e) {
            // another program created it first
        } catch (IOException e) {
            throw new StorageException("cannot create the terminal key file " + file, e);
        }
        return load(location).orElseThrow(() -> new StorageException("the terminal key file " + file + " vanished"));
    }

    private static void createOwnerOnly(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            // Windows: the user's profile folder is already private to the user; ACLs are the installer's job
            Files.createFile(path);
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not possible on every platform (Windows); the file itself was synced
        }
    }

    public Path file() {
        return file;
    }

    /** The password of the database's user: 64 hex digits, never stored in the database. */
    public String databasePassword() {
        return HexFormat.of().formatHex(databasePasswordBytes);
    }

    /** Whether a setting's value is a wrapped secret (rather than a legacy plain one). */
    public static boolean isWrapped(String value) {
        return value != null && value.startsWith(WRAPPED_PREFIX);
    }

    /** {@code secret} encrypted and authenticated for the setting {@code name} (AES-256-GCM, a fresh IV). */
    public String wrap(String name, byte[] secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(wrapKey, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return WRAPPED_PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The secret wrapped by {@link #wrap} for {@code name}; refused if it was wrapped by another key or edited. */
    public byte[] unwrap(String name, String wrapped) {
        if (!isWrapped(wrapped)) {
            throw new StorageException("the setting " + name + " is not a wrapped secret");
        }
        try {
            byte[] in = Base64.getDecoder().decode(wrapped.substring(WRAPPED_PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(wrapKey, "AES"), new GCMParameterSpec(128, in, 0, IV_BYTES));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new StorageException("the secret " + name + " cannot be unwrapped with this terminal's key file "
                    + file + " (another terminal's key file, or the value was edited)", e);
        }
    }

    /** The journal MAC of an event: HMAC-SHA256 under the terminal's journal key over the event's hash. */
    public String journalMac(String eventHash) {
        return mac(journalKey, eventHash);
    }

    /** Whether {@code mac} is the journal MAC of {@code eventHash} (constant-time comparison). */
    public boolean journalMacMatches(String eventHash, String mac) {
        return mac != null && MessageDigest.isEqual(journalMac(eventHash).getBytes(StandardCharsets.US_ASCII),
                mac.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static final ThreadLocal<Mac> JOURNAL_MAC = new ThreadLocal<>();

    private static String mac(byte[] key, String text) {
        try {
            Mac mac = JOURNAL_MAC.get();
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                JOURNAL_MAC.set(mac);
            }
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
