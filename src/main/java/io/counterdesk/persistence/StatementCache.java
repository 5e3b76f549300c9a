package io.counterdesk.persistence;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Jdbi's {@link StatementBuilder} for one physical connection that keeps its prepared statements
 * (ADR 0009). Jdbi's default prepares every statement anew, and H2 then parses it again — every
 * time for a {@code SELECT … FOR UPDATE}, which H2's own query cache leaves out.
 *
 * <p>A statement is handed out to one user at a time: while it is out (its result set may still be
 * open), the same SQL gets a fresh statement that is closed after use. When Jdbi is done with a
 * cached statement its parameters and batch are cleared and it waits for the next user. The
 * least recently used statements beyond {@code capacity} are closed. Plain and callable statements
 * are never cached. The cache belongs to its connection and dies with it ({@link #closeAll}).
 */
final class StatementCache implements StatementBuilder {

    private record Key(String sql, String mode) {
    }

    private static final class Entry {
        final Key key;
        final PreparedStatement statement;
        boolean inUse;

        Entry(Key key, PreparedStatement statement) {
            this.key = key;
            this.statement = statement;
        }
    }

    private final int capacity;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Statement, Entry> out = new IdentityHashMap<>();
    private long prepared;
    private long reused;

    StatementCache(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        return conn.createStatement();
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return lend(new Key(sql, mode(ctx)), () -> prepare(conn, sql, ctx));
    }

    /**
     * The cached statement for {@code sql} for plain JDBC ({@link Sql}), prepared to return the
     * generated {@code id} when {@code returningId}; give it back with {@link #giveBack}. Shares the
     * cache with Jdbi's statements of the same SQL and kind.
     */
    PreparedStatement borrow(Connection conn, String sql, boolean returningId) throws SQLException {
        return lend(new Key(sql, returningId ? "keys:id" : ""), () -> returningId
                ? conn.prepareStatement(sql, new String[] {"id"})
                : conn.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY));
    }

    /** Takes back a statement lent by {@link #borrow}. */
    void giveBack(PreparedStatement statement) throws SQLException {
        close(null, null, statement);
    }

    private interface Preparer {
        PreparedStatement prepare() throws SQLException;
    }

    private synchronized PreparedStatement lend(Key key, Preparer preparer) throws SQLException {
        Entry entry = entries.get(key);
        if (entry != null && !entry.inUse) {
            if (!entry.statement.isClosed()) {
                entry.inUse = true;
                out.put(entry.statement, entry);
                reused++;
                return entry.statement;
            }
            entries.remove(key);
        }
        PreparedStatement statement = preparer.prepare();
        prepared++;
        if (entry == null || entry.statement.isClosed()) {
            Entry fresh = new Entry(key, statement);
            fresh.inUse = true;
            entries.put(key, fresh);
            out.put(statement, fresh);
            evictBeyondCapacity();
        }
        // else: the cached one is out (e.g. its result set is being read); this one is closed after use
        return statement;
    }

    private static String mode(StatementContext ctx) {
        if (ctx.isReturningGeneratedKeys()) {
            String[] columns = ctx.getGeneratedKeysColumnNames();
            return columns == null || columns.length == 0 ? "keys" : "keys:" + String.join(",", columns);
        }
        return ctx.isConcurrentUpdatable() ? "updatable" : "";
    }

    /** As Jdbi's {@code DefaultStatementBuilder}. */
    private static PreparedStatement prepare(Connection conn, String sql, StatementContext ctx) throws SQLException {
        if (ctx.isReturningGeneratedKeys()) {
            String[] columns = ctx.getGeneratedKeysColumnNames();
            if (columns != null && columns.length > 0) {
                return conn.prepareStatement(sql, columns);
            }
            return conn.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
        }
        if (ctx.isConcurrentUpdatable()) {
            return conn.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
        }
        return conn.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    private void evictBeyondCapacity() {
        Iterator<Entry> it = entries.values().iterator();
        while (entries.size() > capacity && it.hasNext()) {
            Entry eldest = it.next();
            if (!eldest.inUse) {
                it.remove();
                closeQuietly(eldest.statement);
            }
        }
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return conn.prepareCall(sql);
    }

    @Override
    public synchronized void close(Connection conn, String sql, Statement statement) throws SQLException {
        if (statement == null) {
            return;
        }
        Entry entry = out.remove(statement);
        if (entry == null) {
            statement.close();
            return;
        }
        entry.inUse = false;
        try {
            if (statement.isClosed()) {
                entries.remove(entry.key, entry);
                return;
            }
            ResultSet open = statement.getResultSet();
            if (open != null) {
                open.close();
            }
            entry.statement.clearParameters();
            entry.statement.clearBatch();
        } catch (SQLException e) {
            entries.remove(entry.key, entry);
            closeQuietly(statement);
        }
    }

    /** Jdbi calls this when a handle ends; the statements stay with the connection for the next one. */
    @Override
    public void close(Connection conn) {
        // kept: the cache lives as long as its physical connection
    }

    /** Closes every statement; the connection is going away. */
    synchronized void closeAll() {
        for (Entry e : entries.values()) {
            closeQuietly(e.statement);
        }
        entries.clear();
        out.clear();
    }

    synchronized int size() {
        return entries.size();
    }

    /** Statements prepared (parsed by H2) and handed out again, since the connection opened. */
    synchronized long prepared() {
        return prepared;
    }

    synchronized long reused() {
        return reused;
    }

    private static void closeQuietly(Statement s) {
        try {
            s.close();
        } catch (SQLException | RuntimeException ignored) {
            // the connection is broken or closing; nothing more to do
        }
    }
}
