package io.counterdesk.security;

import io.counterdesk.persistence.Tx;
import java.time.Instant;
import java.time.ZoneOffset;

/** Rows of {@code operator_session}: one per log-in, by the SHA-256 of its token. */
final class SessionRepository {

    void insert(Tx tx, String tokenHash, long operatorId, Instant expires) {
        tx.handle().createUpdate("""
                INSERT INTO operator_session(token_hash, operator_id, issued_at, expires_at)
                VALUES (:h, :op, :at, :until)""")
                .bind("h", tokenHash).bind("op", operatorId)
                .bind("at", tx.now().atOffset(ZoneOffset.UTC)).bind("until", expires.atOffset(ZoneOffset.UTC))
                .execute();
    }

    void end(Tx tx, String tokenHash) {
        tx.handle().createUpdate("UPDATE operator_session SET ended_at = :at WHERE token_hash = :h AND ended_at IS NULL")
                .bind("at", tx.now().atOffset(ZoneOffset.UTC)).bind("h", tokenHash).execute();
    }

    boolean isOpen(Tx tx, String tokenHash, long operatorId) {
        return tx.handle().createQuery("""
                SELECT COUNT(*) FROM operator_session
                WHERE token_hash = :h AND operator_id = :op AND ended_at IS NULL""")
                .bind("h", tokenHash).bind("op", operatorId).mapTo(Long.class).one() == 1;
    }
}
