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
     * A secret key (hex of 32 random bytes) stored under {@code name}, created on first use. For a
     * real hall the key is set by {@code init} to the utility's own, shared with head office.
     */
    public byte[] secret(Tx tx, String name) {
        String hex = get(tx, name).orElseGet(() -> {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            String created = HexFormat.of().formatHex(key);
            put(tx, name, created);
            return created;
        });
        return HexFormat.of().parseHex(hex);
    }
}
