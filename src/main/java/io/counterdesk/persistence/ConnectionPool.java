package io.counterdesk.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;

/**
 * A small pool of physical H2 connections, each with its own {@link StatementCache}, behind Jdbi's
 * {@link ConnectionFactory} and {@link StatementBuilderFactory} (ADR 0009).
 *
 * <p>H2's {@code JdbcConnectionPool} hands out a new wrapper per checkout, so prepared statements
 * could not outlive a transaction; here Jdbi is given the physical connection itself, and the
 * statements prepared on it are kept for the next transaction on the same connection.
 *
 * <p>On return a connection is put back as a new one would be: an unfinished transaction is rolled
 * back, auto-commit is switched on, read-only off and the isolation level restored. A connection
 * that is closed or fails any of that is closed and dropped with its statements; the next checkout
 * opens a fresh one.
 */
final class ConnectionPool implements ConnectionFactory, StatementBuilderFactory {

    /** How long a checkout waits for a free connection before giving up, as H2's pool did. */
    static final long CHECKOUT_TIMEOUT_MILLIS = 30_000;

    private final String url;
    private final String user;
    /** The user's password: from the terminal's key store ({@link TerminalKeys#databasePassword()}). */
    private volatile String password = "";
    private final int maxConnections;
    private final int statementsPerConnection;
    private final long checkoutTimeoutMillis;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final Map<Connection, StatementCache> caches = new IdentityHashMap<>();
    private volatile int defaultIsolation = -1;
    private boolean disposed;

    ConnectionPool(String url, String user, int maxConnections, int statementsPerConnection) {
        this(url, user, maxConnections, statementsPerConnection, CHECKOUT_TIMEOUT_MILLIS);
    }

    ConnectionPool(String url, String user, int maxConnections, int statementsPerConnection, long checkoutTimeoutMillis) {
        this.url = url;
        this.user = user;
        this.maxConnections = maxConnections;
        this.statementsPerConnection = statementsPerConnection;
        this.checkoutTimeoutMillis = checkoutTimeoutMillis;
        this.permits = new Semaphore(maxConnections, true);
    }

    /** Connections opened from now on log in with {@code secret}. */
    ConnectionPool withPassword(String secret) {
        this.password = secret;
        return this;
    }

    @Override
    public Connection openConnection() throws SQLException {
        try {
            if (!permits.tryAcquire(checkoutTimeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new SQLTransientConnectionException("no free database connection after "
                        + checkoutTimeoutMillis + " ms (" + maxConnections + " in use)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while waiting for a database connection", e);
        }
        try {
            synchronized (this) {
                if (disposed) {
                    throw new SQLTransientConnectionException("the database is closed");
                }
                Connection pooled = idle.pollFirst();
                if (pooled != null) {
                    return pooled;
                }
            }
            Connection fresh = DriverManager.getConnection(url, user, password);
            synchronized (this) {
                if (defaultIsolation < 0) {
                    defaultIsolation = fresh.getTransactionIsolation();
                }
                caches.put(fresh, new StatementCache(statementsPerConnection));
            }
            return fresh;
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    @Override
    public void closeConnection(Connection connection) {
        boolean reusable = reset(connection);
        StatementCache dropped = null;
        synchronized (this) {
            if (reusable && !disposed) {
                idle.addFirst(connection);
            } else {
                dropped = caches.remove(connection);
            }
        }
        if (dropped != null || !reusable) {
            discard(connection, dropped);
        }
        permits.release();
    }

    /** Puts the connection back to its state as opened; false if it is closed or broken. */
    private boolean reset(Connection connection) {
        try {
            if (connection.isClosed()) {
                return false;
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            if (connection.isReadOnly()) {
                connection.setReadOnly(false);
            }
            if (defaultIsolation >= 0 && connection.getTransactionIsolation() != defaultIsolation) {
                connection.setTransactionIsolation(defaultIsolation);
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static void discard(Connection connection, StatementCache cache) {
        if (cache != null) {
            cache.closeAll();
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // already broken; nothing more to release
        }
    }

    @Override
    public StatementBuilder createStatementBuilder(Connection connection) {
        StatementCache cache;
        synchronized (this) {
            cache = caches.get(connection);
        }
        if (cache == null) {
            throw new IllegalStateException("not a connection of this pool: " + connection);
        }
        return cache;
    }

    /** Connections open now (in use and idle), for tests. */
    synchronized int openConnections() {
        return caches.size();
    }

    /** The statement cache of a connection of this pool, for tests. */
    synchronized StatementCache cacheOf(Connection connection) {
        return caches.get(connection);
    }

    synchronized boolean isDisposed() {
        return disposed;
    }

    /** Closes the idle connections; connections in use are closed when they come back. */
    void dispose() {
        Map<Connection, StatementCache> toClose = new IdentityHashMap<>();
        synchronized (this) {
            disposed = true;
            for (Connection c : idle) {
                toClose.put(c, caches.remove(c));
            }
            idle.clear();
        }
        toClose.forEach(ConnectionPool::discard);
    }
}
