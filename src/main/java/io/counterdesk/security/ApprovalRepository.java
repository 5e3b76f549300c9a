package io.counterdesk.security;

import io.counterdesk.persistence.Tx;
import java.time.ZoneOffset;

/** Rows of the {@code approval} table. */
final class ApprovalRepository {

    long insert(Tx tx, String action, String subject, String reason, long requesterId, long approverId) {
        return tx.handle().createUpdate("""
                INSERT INTO approval(action, subject, reason, requested_by, approved_by, approved_at)
                VALUES (:action, :subject, :reason, :req, :appr, :at)""")
                .bind("action", action).bind("subject", subject).bind("reason", reason)
                .bind("req", requesterId).bind("appr", approverId)
                .bind("at", tx.now().atOffset(ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }
}
