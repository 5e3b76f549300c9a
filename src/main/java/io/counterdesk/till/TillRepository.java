package io.counterdesk.till;

import io.counterdesk.persistence.Sql;
import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.sql.Date;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Till sessions. */
public final class TillRepository {

    private static final Sql.Row<TillSession> SESSION_ROW = rs -> new TillSession(
            rs.getLong("id"), rs.getLong("terminal_id"), rs.getLong("operator_id"),
            rs.getObject("business_day", java.time.LocalDate.class),
            rs.getObject("opened_at", OffsetDateTime.class).toInstant(), Money.ofFen(rs.getLong("float_fen")),
            TillStatus.valueOf(rs.getString("status")));

    /** SQLSTATE of a unique-constraint violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    static String openKey(long operatorId, long terminalId) {
        return operatorId + "@" + terminalId;
    }

    /**
     * The open session of this cashier on this terminal. Not locked: a lock is a row write H2 pays for
     * at every commit (ADR 0009). A payment instead asks {@link #isOpen} again after its journal
     * event is appended: the close holds the journal head while it reads the figures and closes the
     * row, so a payment is either in the closed figures or sees the session closed and rolls back.
     */
    public Optional<TillSession> findOpen(Tx tx, long operatorId, long terminalId) {
        return Sql.first(tx, "SELECT * FROM till_session WHERE open_key = ?", SESSION_ROW, openKey(operatorId, terminalId));
    }

    /** As {@link #findOpen}, only the session's id (what a payment needs; the whole row costs it a mapping). */
    public Optional<Long> findOpenId(Tx tx, long operatorId, long terminalId) {
        return Sql.first(tx, "SELECT id FROM till_session WHERE open_key = ?", rs -> rs.getLong(1),
                openKey(operatorId, terminalId));
    }

    /**
     * Whether the session is still open. Asked by a business action after its journal event is
     * appended (so after any close that held the journal head has committed).
     */
    public boolean isOpen(Tx tx, long tillId) {
        return Sql.first(tx, "SELECT status FROM till_session WHERE id = ?", rs -> rs.getString(1), tillId)
                .map("OPEN"::equals).orElse(false);
    }

    public Optional<TillSession> findById(Tx tx, long id) {
        return Sql.first(tx, "SELECT * FROM till_session WHERE id = ?", SESSION_ROW, id);
    }

    /**
     * Inserts an open session. Two opens racing past {@link #findOpen} (a double-submitted form) meet
     * at the unique open key; the loser gets the same refusal as a second open.
     */
    long insertOpen(Tx tx, long terminalId, long operatorId, java.time.LocalDate businessDay, Money openingFloat) {
        try {
            return tx.handle().createUpdate("""
                    INSERT INTO till_session(terminal_id, operator_id, business_day, opened_at, float_fen, status, open_key)
                    VALUES (:t, :o, :day, :at, :float, 'OPEN', :key)""")
                    .bind("t", terminalId).bind("o", operatorId).bind("day", Date.valueOf(businessDay))
                    .bind("at", tx.now().atOffset(ZoneOffset.UTC)).bind("float", openingFloat.fen())
                    .bind("key", openKey(operatorId, terminalId))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw new BusinessException("till.alreadyOpen");
            }
            throw e;
        }
    }
}
