package io.counterdesk.persistence;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Opening a database with the terminal's key store (ADR 0012): the key file is found or created,
 * the database's user gets its password from it, and secrets a database from before kept in plain
 * settings are wrapped. Every step can be run again: a program killed half-way finishes the next
 * time it starts.
 */
final class DatabaseKeys {

    /** H2's error code for a wrong user name or password. */
    private static final int WRONG_USER_OR_PASSWORD = 28000;

    private DatabaseKeys() {
    }

    /**
     * The terminal's keys for the database at {@code location}, with its user's password set to the
     * key store's. {@code provision=false} (inspection): nothing is created or changed, and a
     * database from before the key store (no key file) is opened with its old empty password.
     *
     * <p>Also, for an existing database, the connection that proved the password, still open: H2
     * closes a database when its last connection closes, so the caller keeps it until its own pool has
     * a connection (else the file is opened twice, and closed once in between: seconds at 1,000,000
     * accounts).
     */
    static final class Unlocked {
        private final TerminalKeys keys;
        private final Connection held;

        Unlocked(TerminalKeys keys, Connection held) {
            this.keys = keys;
            this.held = held;
        }

        TerminalKeys keys() {
            return keys;
        }

        /** Closes the proof connection (the pool's own keeps the file open). */
        void release() {
            if (held != null) {
                try {
                    held.close();
                } catch (SQLException e) {
                    // only a proof that the password works; nothing was written through it
                }
            }
        }
    }

    static Unlocked unlock(DatabaseLocation location, String user, boolean provision) {
        DatabaseFile.requireUsable(location);
        Optional<TerminalKeys> existing = TerminalKeys.load(location);
        if (!provision) {
            return new Unlocked(existing.orElse(null), null);
        }
        boolean databaseExists = Files.exists(location.dataFile());
        if (existing.isPresent() && databaseExists) {
            Connection held = logIn(location, user, existing.get().databasePassword());
            if (held != null) {
                return new Unlocked(existing.get(), held); // the usual start: one opening of the file
            }
        }
        if (existing.isEmpty() && databaseExists && !canLogIn(location, user, "")) {
            // never make a new key for a database that already has a password: it would not open it
            throw new StorageException("the database " + location.dataFile() + " is protected by a terminal key file, but "
                    + TerminalKeys.fileOf(location) + " is missing; restore it from the terminal's backup");
        }
        TerminalKeys keys = existing.orElseGet(() -> TerminalKeys.loadOrCreate(location));
        if (databaseExists && !canLogIn(location, user, keys.databasePassword())) {
            if (!canLogIn(location, user, "")) {
                throw new StorageException("the terminal key file " + keys.file() + " does not belong to the database "
                        + location.dataFile());
            }
            // a database from before the key store: its user gets the key store's password, once
            try (Connection c = DriverManager.getConnection(existingOnly(location), user, "");
                 Statement s = c.createStatement()) {
                s.execute("ALTER USER " + user + " SET PASSWORD '" + keys.databasePassword() + "'");
            } catch (SQLException e) {
                throw new StorageException("cannot set the database password of " + location.dataFile(), e);
            }
        }
        return new Unlocked(keys, null);
    }

    /**
     * The password the database user of {@code location} has: the key store's when the terminal has one,
     * else the empty password of a database from before it. For copies of that database (backups).
     */
    static String passwordOf(DatabaseLocation location) {
        return TerminalKeys.load(location).map(TerminalKeys::databasePassword).orElse("");
    }

    /** Wraps any secret still in plain settings and starts the journal's MAC chain, in one transaction, if needed. */
    static void migrateSecrets(Database database) {
        boolean needed = database.read(tx -> Settings.hasPlainSecrets(tx) || !Journal.hasMacStart(tx));
        if (needed) {
            database.inTransaction(tx -> {
                Settings.wrapPlainSecrets(tx);
                Journal.startMacs(tx);
                return null;
            });
        }
    }

    private static boolean canLogIn(DatabaseLocation location, String user, String password) {
        Connection c = logIn(location, user, password);
        if (c == null) {
            return false;
        }
        try {
            c.close();
        } catch (SQLException e) {
            throw new StorageException("cannot open the database " + location.dataFile(), e);
        }
        return true;
    }

    /** A connection with this password, or null when H2 refuses it. */
    private static Connection logIn(DatabaseLocation location, String user, String password) {
        try {
            return DriverManager.getConnection(existingOnly(location), user, password);
        } catch (SQLException e) {
            if (e.getErrorCode() == WRONG_USER_OR_PASSWORD) {
                return null;
            }
            throw new StorageException("cannot open the database " + location.dataFile(), e);
        }
    }

    private static String existingOnly(DatabaseLocation location) {
        return location.jdbcUrl() + ";IFEXISTS=TRUE";
    }
}
