package io.counterdesk.app;

import io.counterdesk.persistence.Settings;
import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.BusinessException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The utility's keys for {@code init} (ADR 0012): a properties file with {@code card.utility.secret}
 * and/or {@code receipt.mac.key}, each 16–64 bytes in hex, so every terminal of a utility gets the
 * same card secret (the one its meters hold) and head office can check every receipt code. Read from
 * a file, never from the command line, where {@code ps} and the shell history would show it. Stored
 * wrapped by the terminal's key store, never in plain.
 */
final class UtilityKeys {

    private UtilityKeys() {
    }

    /** The keys in {@code file} by setting name; empty when no file is given. */
    static Map<String, byte[]> read(Path file) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        if (file == null) {
            return keys;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new BusinessException("app.init.keysUnreadable", file, String.valueOf(e.getMessage()));
        }
        for (String name : properties.stringPropertyNames()) {
            if (!Settings.SECRETS.contains(name)) {
                throw new BusinessException("app.init.keysUnknown", file, name);
            }
            String hex = properties.getProperty(name).strip();
            if (!hex.matches("([0-9a-fA-F]{2}){16,64}")) {
                throw new BusinessException("app.init.keysInvalid", file, name);
            }
            keys.put(name, HexFormat.of().parseHex(hex));
        }
        if (keys.isEmpty()) {
            throw new BusinessException("app.init.keysUnknown", file, "—");
        }
        return keys;
    }

    /** Replaces the terminal's keys by the utility's, wrapped, in the registering transaction. */
    static void store(Tx tx, Map<String, byte[]> keys) {
        Settings settings = new Settings();
        keys.forEach((name, key) -> settings.putSecret(tx, name, key));
    }
}
