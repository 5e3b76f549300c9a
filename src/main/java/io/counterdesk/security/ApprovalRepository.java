package io.counterdesk.security;

import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.BusinessException;
import java.time.ZoneOffset;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Rows of the {@code approval} table. */
final class ApprovalRepository {

    boolean grantUsed(Tx tx, String grantId) {
        return tx.handle().createQuery("SELECT COUNT(*) FROM approval WHERE grant_id = :g")
                .bind("g", grantId).mapTo(Long.class).one() > 0;
    }

    long insert(Tx tx, String action, String subject, String reason, long requesterId, long approverId, String grantId) {
        try {
            return tx.handle().createUpdate("""
                    INSERT INTO approval(action, subject, reason, requested_by, approved_by, approved_at, grant_id)
                    VALUES (:action, :subject, :reason, :req, :appr, :at, :grant)""")
                    .bind("action", action).bind("subject", subject).bind("reason", reason)
                    .bind("req", requesterId).bind("appr", approverId)
                    .bind("at", tx.now().atOffset(ZoneOffset.UTC)).bind("grant", grantId)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        } catch (UnableToExecuteStatementException e) {
            // the unique index: the same grant used by another transaction that committed first
            if (e.getCause() instanceof java.sql.SQLIntegrityConstraintViolationException) {
                throw new BusinessException("security.approval.used");
            }
            throw e;
        }
    }
}
