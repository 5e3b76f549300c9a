package io.counterdesk.headoffice;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;

/**
 * Head office's database: PostgreSQL when given a {@code jdbc:postgresql:} URL, else an embedded H2
 * file in PostgreSQL mode (so the whole loop runs on one machine with nothing installed). Migrated by
 * Flyway from {@code db/headoffice}, apart from the terminal's migrations.
 */
public final class HeadOfficeStore implements AutoCloseable {

    private final String url;
    private final Properties credentials = new Properties();
    private final boolean postgres;
    /** Keeps an embedded H2 database open between requests. */
    private final Connection keepOpen;

    private HeadOfficeStore(String url, String user, String password) {
        this.url = url;
        this.postgres = url.startsWith("jdbc:postgresql:");
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        if (postgres) {
            credentials.setProperty("reWriteBatchedInserts", "true");
        }
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/headoffice")
                .table("ho_schema_history").load().migrate();
        try {
            keepOpen = postgres ? null : DriverManager.getConnection(url, credentials);
        } catch (SQLException e) {
            throw new IllegalStateException("head office database: " + e.getMessage(), e);
        }
    }

    public static HeadOfficeStore open(String url, String user, String password) {
        return new HeadOfficeStore(url, user, password);
    }

    /** The embedded default: {@code DIR/headoffice.mv.db}, H2 in PostgreSQL mode. */
    public static HeadOfficeStore embedded(Path dir) {
        String file = dir.toAbsolutePath().resolve("headoffice").toString();
        return open("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";WRITE_DELAY=0;LOCK_TIMEOUT=30000", "sa", "");
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** A new connection, not in auto-commit; the caller closes it. */
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, credentials);
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return c;
    }

    /**
     * After a commit: on H2, forces it to the disk before head office answers (an acknowledgement
     * promises the batch is stored); PostgreSQL's commit already waits for its WAL flush.
     */
    void durable(Connection c) throws SQLException {
        if (!postgres) {
            try (var s = c.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            }
        }
    }

    @Override
    public void close() {
        if (keepOpen != null) {
            try (var s = keepOpen.createStatement()) {
                s.execute("CHECKPOINT SYNC");
                keepOpen.close();
            } catch (SQLException e) {
                // closing: nothing left to tell
            }
        }
    }
}
