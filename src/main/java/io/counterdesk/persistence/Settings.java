package io.counterdesk.persistence;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/** Per-database settings (name → value) in the {@code setting} table. */
public final class Settings {

    private static final SecureRandom RANDOM = new SecureRandom();

    public Optional<String> get(Tx tx, String name) {
        return tx.handle().createQuery("SELECT val FROM setting WHERE name = :n").bind("n", name)
                .mapTo(String.class).findOne();
    }

    public void put(Tx tx, String name, String value) {
        tx.handle().createUpdate("MERGE INTO setting(name, val) KEY(name) VALUES (:n, :v)")
                .bind("n", name).bind("v", value).execute();
    }

    /**
     * The settings that hold secrets: never stored in plain, always wrapped by the terminal's key
     * store ({@link TerminalKeys#wrap}; ADR 0012). The utility's card secret and receipt key.
     */
    public static final java.util.List<String> SECRETS = java.util.List.of("card.utility.secret", "receipt.mac.key");

    /**
     * The secret key stored under {@code name} (wrapped by the terminal's key store), created at
     * random (32 bytes) on first use. For a real hall the key is set by {@code init} to the utility's
     * own, shared with head office and every terminal of the utility.
     */
    public byte[] secret(Tx tx, String name) {
        Optional<String> stored = get(tx, name);
        if (stored.isPresent()) {
            return tx.keys().unwrap(name, stored.get());
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        putSecret(tx, name, key);
        return key;
    }

    /** Whether the secret {@code name} has been set (or created). */
    public boolean hasSecret(Tx tx, String name) {
        return get(tx, name).isPresent();
    }

    /** Stores {@code secret} under {@code name}, wrapped by the terminal's key store. */
    public void putSecret(Tx tx, String name, byte[] secret) {
        put(tx, name, tx.keys().wrap(name, secret));
    }

    /** Whether a secret is still in a plain setting (a database from before the key store). */
    static boolean hasPlainSecrets(Tx tx) {
        Settings settings = new Settings();
        return SECRETS.stream().anyMatch(name -> settings.get(tx, name).filter(v -> !TerminalKeys.isWrapped(v)).isPresent());
    }

    /** Replaces every plain secret by its wrapped form, erasing the plain value from the table; idempotent. */
    static void wrapPlainSecrets(Tx tx) {
        Settings settings = new Settings();
        for (String name : SECRETS) {
            Optional<String> plain = settings.get(tx, name).filter(v -> !TerminalKeys.isWrapped(v));
            if (plain.isPresent()) {
                byte[] secret = HexFormat.of().parseHex(plain.get().strip());
                try {
                    settings.putSecret(tx, name, secret);
                } finally {
                    java.util.Arrays.fill(secret, (byte) 0);
                }
            }
        }
    }
}
