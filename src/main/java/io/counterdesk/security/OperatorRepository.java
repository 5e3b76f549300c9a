package io.counterdesk.security;

import io.counterdesk.persistence.Tx;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** Operators and their password hashes. */
public final class OperatorRepository {

    private static final String COLUMNS =
            "id, staff_no, name, role, active, must_change_password, failed_attempts, locked_until";

    private static final RowMapper<Operator> MAPPER = (rs, ctx) -> {
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        return new Operator(rs.getLong("id"), rs.getString("staff_no"), rs.getString("name"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("active"), rs.getBoolean("must_change_password"),
                rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant());
    };

    public Optional<Operator> findByStaffNo(Tx tx, String staffNo) {
        return tx.handle().createQuery("SELECT " + COLUMNS + " FROM operator WHERE staff_no = :s")
                .bind("s", staffNo).map(MAPPER).findOne();
    }

    /** As {@link #findByStaffNo}, locking the row until the transaction ends. */
    Optional<Operator> lockByStaffNo(Tx tx, String staffNo) {
        return tx.handle().createQuery("SELECT " + COLUMNS + " FROM operator WHERE staff_no = :s FOR UPDATE")
                .bind("s", staffNo).map(MAPPER).findOne();
    }

    public Optional<Operator> findById(Tx tx, long id) {
        return tx.handle().createQuery("SELECT " + COLUMNS + " FROM operator WHERE id = :id")
                .bind("id", id).map(MAPPER).findOne();
    }

    public List<Operator> all(Tx tx) {
        return tx.handle().createQuery("SELECT " + COLUMNS + " FROM operator ORDER BY staff_no").map(MAPPER).list();
    }

    public long count(Tx tx) {
        return tx.handle().createQuery("SELECT COUNT(*) FROM operator").mapTo(Long.class).one();
    }

    String passwordHash(Tx tx, long operatorId) {
        return tx.handle().createQuery("SELECT password_hash FROM operator WHERE id = :id")
                .bind("id", operatorId).mapTo(String.class).one();
    }

    long insert(Tx tx, String staffNo, String name, Role role, String passwordHash, boolean mustChange) {
        return tx.handle().createUpdate("""
                INSERT INTO operator(staff_no, name, role, password_hash, must_change_password, created_at)
                VALUES (:staff, :name, :role, :hash, :must, :at)""")
                .bind("staff", staffNo).bind("name", name).bind("role", role.name())
                .bind("hash", passwordHash).bind("must", mustChange).bind("at", utc(tx.now()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void recordFailure(Tx tx, long operatorId, int failedAttempts, Instant lockedUntil) {
        tx.handle().createUpdate("UPDATE operator SET failed_attempts = :n, locked_until = :until WHERE id = :id")
                .bind("n", failedAttempts).bind("until", lockedUntil == null ? null : utc(lockedUntil))
                .bind("id", operatorId).execute();
    }

    void recordSuccess(Tx tx, long operatorId) {
        tx.handle().createUpdate("UPDATE operator SET failed_attempts = 0, locked_until = NULL WHERE id = :id")
                .bind("id", operatorId).execute();
    }

    void updatePassword(Tx tx, long operatorId, String passwordHash, boolean mustChange) {
        tx.handle().createUpdate("UPDATE operator SET password_hash = :h, must_change_password = :m WHERE id = :id")
                .bind("h", passwordHash).bind("m", mustChange).bind("id", operatorId).execute();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
