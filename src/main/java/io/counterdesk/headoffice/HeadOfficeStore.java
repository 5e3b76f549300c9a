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
        // PostgreSQL also runs its own migrations (events partitioned by day); H2 keeps one table
        String[] locations = postgres ? new String[] {"classpath:db/headoffice", "classpath:db/postgresql/headoffice"}
                : new String[] {"classpath:db/headoffice"};
        Flyway.configure().dataSource(url, user, password).locations(locations)
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

    /**
     * A connection, not in auto-commit; the caller closes it. On PostgreSQL it comes from a small pool
     * (a new server connection costs a process on the server and a login, more than a batch's own
     * statements): closing it rolls back what was not committed and keeps it for the next caller; unless
     * it was given back within {@link #ALIVE_BYPASS_NANOS}, it is checked alive ({@code isValid}) before
     * it is handed out again, so one broken by a server restart is dropped, not used.
     */
    public Connection connect() throws SQLException {
        if (postgres) {
            return pooled();
        }
        Connection c = DriverManager.getConnection(url, credentials);
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return c;
    }

    /** Business days whose ho_event partition this process knows to exist (PostgreSQL). */
    private final java.util.Set<java.time.LocalDate> eventPartitions = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** True when every day's ho_event partition is known to exist (always on H2: one table). */
    boolean eventPartitionsReady(java.util.Collection<java.time.LocalDate> days) {
        return !postgres || eventPartitions.containsAll(days);
    }

    /**
     * Creates the ho_event partitions of {@code days} that do not exist yet (PostgreSQL), each in its
     * own short transaction, never inside a batch's: attaching a partition locks the whole table for a
     * moment, which must not happen while a transaction holds other locks (docs/head-office.md).
     */
    synchronized void createEventPartitions(java.util.Collection<java.time.LocalDate> days) throws SQLException {
        if (eventPartitionsReady(days)) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url, credentials); var s = c.createStatement()) {
            for (java.time.LocalDate d : days) {
                if (eventPartitions.contains(d)) {
                    continue;
                }
                try {
                    s.execute("CREATE TABLE IF NOT EXISTS " + eventPartition(d) + " PARTITION OF ho_event FOR VALUES FROM ('"
                            + d + "') TO ('" + d.plusDays(1) + "')");
                } catch (SQLException e) {
                    // another process made it at the same moment
                    if (!"42P07".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                }
                eventPartitions.add(d);
            }
        }
    }

    /** Forgets the partitions known (a day's partition was dropped under us: the next batch makes it again). */
    void forgetEventPartitions() {
        eventPartitions.clear();
    }

    /** The name of a day's ho_event partition: {@code ho_event_20250310}. */
    static String eventPartition(java.time.LocalDate day) {
        return "ho_event_" + day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** Idle PostgreSQL connections, at most {@link #MAX_IDLE}. */
    private final java.util.concurrent.ConcurrentLinkedDeque<Connection> idle = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final java.util.concurrent.atomic.AtomicInteger idleCount = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;
    static final int MAX_IDLE = 16;

    /**
     * A connection given back less than this long ago is lent again without {@code isValid}'s round trip
     * (as HikariCP's "alive bypass window"): under load every batch would otherwise pay one more round
     * trip. A connection that broke within the window fails its first statement; {@link HeadOffice#accept}
     * then takes the batch once more on another connection (acceptance is idempotent).
     */
    static final long ALIVE_BYPASS_NANOS = 500_000_000L;
    /** When each idle connection was given back ({@link System#nanoTime}). */
    private final java.util.Map<Connection, Long> givenBackAt = new java.util.concurrent.ConcurrentHashMap<>();

    private Connection pooled() throws SQLException {
        Connection physical;
        while ((physical = idle.pollFirst()) != null) {
            idleCount.decrementAndGet();
            Long at = givenBackAt.remove(physical);
            // a handle that switched auto-commit on was not kept (giveBack); nothing here changes the isolation
            if ((at != null && System.nanoTime() - at < ALIVE_BYPASS_NANOS) || physical.isValid(5)) {
                return lend(physical);
            }
            quietlyClose(physical);
        }
        Connection fresh = DriverManager.getConnection(url, credentials);
        try {
            // once per server connection (each costs a round trip): a pooled one keeps them
            fresh.setAutoCommit(false);
            fresh.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        } catch (SQLException e) {
            quietlyClose(fresh);
            throw e;
        }
        return lend(fresh);
    }

    /** The physical connection behind a handle whose {@code close} gives it back instead. */
    private Connection lend(Connection physical) {
        java.util.concurrent.atomic.AtomicBoolean returned = new java.util.concurrent.atomic.AtomicBoolean();
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (returned.compareAndSet(false, true)) {
                                giveBack(physical);
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return returned.get() || physical.isClosed();
                        }
                        default -> {
                            if (returned.get()) {
                                throw new SQLException("connection already closed");
                            }
                        }
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void giveBack(Connection physical) {
        try {
            if (physical.isClosed()) {
                return;
            }
            if (physical.getAutoCommit()) {
                quietlyClose(physical); // not as lent: not kept
                return;
            }
            physical.rollback();
        } catch (SQLException e) {
            quietlyClose(physical);
            return;
        }
        if (closed || idleCount.incrementAndGet() > MAX_IDLE) {
            if (!closed) {
                idleCount.decrementAndGet();
            }
            quietlyClose(physical);
            return;
        }
        givenBackAt.put(physical, System.nanoTime());
        idle.addFirst(physical);
        if (closed && idle.remove(physical)) {
            quietlyClose(physical); // the store closed meanwhile
        }
    }

    private static void quietlyClose(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // dropped either way
        }
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
        closed = true;
        givenBackAt.clear();
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            quietlyClose(c);
        }
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
