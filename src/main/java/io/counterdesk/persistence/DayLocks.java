package io.counterdesk.persistence;

import io.counterdesk.shared.BusinessException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Set;

/**
 * The lock on a signed-off business day (DESIGN 2.7): once the hall's checker has signed a day off
 * ({@code day_signoff}), nothing of it may change. The one place this is enforced: every business
 * action appends its journal event, and {@link Journal#append} asks {@link #requireOpen} for the
 * event's day while it holds the journal head (so a sign-off committing meanwhile is seen). A
 * change on a later day to something of a locked day (voiding one of its receipts) asks too.
 */
public final class DayLocks {

    /**
     * Events that change no business of the day (log-in, operators): allowed on a locked day. A new
     * event type is locked unless it is added here.
     */
    static final Set<String> NOT_BUSINESS = Set.of("LOGIN", "LOGIN_FAILED", "LOGOUT", "APPROVER_CHECK", "CONFIRMATION",
            "OPERATOR_LOCKED", "OPERATOR_UNLOCKED", "OPERATOR_CREATED", "PASSWORD_CHANGED");

    private DayLocks() {
    }

    /** True when {@code day} is signed off. */
    public static boolean isLocked(Tx tx, LocalDate day) {
        return Sql.first(tx, "SELECT 1 FROM day_signoff WHERE business_day = ?", rs -> true, Date.valueOf(day))
                .isPresent();
    }

    /** Refuses, with a message for the counter, any change to a signed-off day. */
    public static void requireOpen(Tx tx, LocalDate day) {
        if (isLocked(tx, day)) {
            throw new BusinessException("day.locked", day.toString());
        }
    }

    /**
     * Records the sign-off of {@code day}: from its commit on, the day is locked. Only in a
     * transaction that has appended its journal event (the sign-off's {@code DAY_SIGNED_OFF}): a lock
     * then always moves the journal head, which is what {@link Journal}'s memory of open days relies on.
     */
    public static void lock(Tx tx, LocalDate day, long signedBy, String note) {
        if (!tx.hasAppended()) {
            throw new IllegalStateException("a day is locked only in the transaction that journals its sign-off");
        }
        tx.markLockedADay();
        tx.handle().createUpdate("""
                INSERT INTO day_signoff(business_day, signed_by, signed_at, note) VALUES (:d, :by, :at, :note)""")
                .bind("d", Date.valueOf(day)).bind("by", signedBy)
                .bind("at", tx.now().atOffset(java.time.ZoneOffset.UTC)).bind("note", note).execute();
    }
}
