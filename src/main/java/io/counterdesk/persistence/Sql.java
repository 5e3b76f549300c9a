package io.counterdesk.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementBuilder;

/**
 * Plain JDBC on a transaction's connection, over the connection's cached prepared statements
 * (ADR 0010): positional {@code ?} parameters, bound with {@code setObject} in order. For the
 * statements of the payment path (a payment, its receipt number and its journal event), where
 * Jdbi's binding by name, statement context and mapping cost as much as H2 executing the
 * statement; everything else uses Jdbi through {@link Tx#handle()}. Same transaction, same rules:
 * for repositories and persistence code only. A failing statement throws {@link StorageException}.
 */
public final class Sql {

    /** Reads one row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    /** Runs an INSERT, UPDATE or DELETE; the number of rows it changed. */
    public static int update(Tx tx, String sql, Object... parameters) {
        return run(tx, sql, false, statement -> {
            bind(statement, parameters);
            return statement.executeUpdate();
        });
    }

    /** Runs an INSERT of one row; the {@code id} the database gave it. */
    public static long insert(Tx tx, String sql, Object... parameters) {
        return run(tx, sql, true, statement -> {
            bind(statement, parameters);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated id");
                }
                return keys.getLong(1);
            }
        });
    }

    /** The first row of a query, if any. */
    public static <T> Optional<T> first(Tx tx, String sql, Row<T> row, Object... parameters) {
        return run(tx, sql, false, statement -> {
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
            }
        });
    }

    /** Every row of a query, in its order. */
    public static <T> List<T> list(Tx tx, String sql, Row<T> row, Object... parameters) {
        return run(tx, sql, false, statement -> {
            bind(statement, parameters);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        });
    }

    /** A nullable BIGINT column. */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private interface Work<R> {
        R run(PreparedStatement statement) throws SQLException;
    }

    /** Runs a statement without parameters or result on the handle's connection ({@code CHECKPOINT SYNC}). */
    static void execute(Handle handle, String sql) {
        run(handle, sql, false, PreparedStatement::execute);
    }

    private static <R> R run(Tx tx, String sql, boolean returningId, Work<R> work) {
        return run(tx.handle(), sql, returningId, work);
    }

    private static <R> R run(Handle handle, String sql, boolean returningId, Work<R> work) {
        Connection connection = handle.getConnection();
        StatementBuilder builder = handle.getStatementBuilder();
        StatementCache cache = builder instanceof StatementCache c ? c : null;
        try {
            PreparedStatement statement = cache != null ? cache.borrow(connection, sql, returningId)
                    : returningId ? connection.prepareStatement(sql, new String[] {"id"}) : connection.prepareStatement(sql);
            try {
                return work.run(statement);
            } finally {
                if (cache != null) {
                    cache.giveBack(statement);
                } else {
                    statement.close();
                }
            }
        } catch (SQLException e) {
            throw new StorageException("statement failed: " + sql, e);
        }
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
