package io.counterdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.security.Role;
import io.counterdesk.shared.BusinessException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The journal remembers the day it last found open and then does not read {@code day_signoff}
 * again for the next event built on its own (ADR 0010). That memory must never let an event of a
 * signed-off day through: a sign-off by the same journal, by another journal object, inside the
 * same transaction, and a rolled-back sign-off.
 */
class JournalDayLockTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private long checkerId;
    private LocalDate today;

    @BeforeEach
    void setUp() {
        checkerId = db.addOperator("2001", "张敏", Role.MANAGER, "demo2001").id();
        today = LocalDate.ofInstant(db.clock().instant(), TestDatabase.ZONE);
    }

    private void pay(Journal journal) {
        db.database().inTransaction(tx -> journal.append(tx, "1001", "PAYMENT", "account:1", Map.of("fen", 100L)));
    }

    private void signOff(Journal journal) {
        db.database().inTransaction(tx -> {
            journal.append(tx, "2001", "DAY_SIGNED_OFF", "day:" + today, Map.of("businessDay", today.toString()));
            DayLocks.lock(tx, today, checkerId, "");
            return null;
        });
    }

    private static void assertLocked(Runnable action) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.key()).isEqualTo("day.locked"));
    }

    @Test
    void aSignOffThroughTheSameJournalLocksItsNextEvent() {
        Journal journal = db.journal();
        pay(journal);
        pay(journal);
        signOff(journal);

        assertLocked(() -> pay(journal));
        assertLocked(() -> pay(journal));
        assertThat(db.queryLong("SELECT COUNT(*) FROM journal WHERE type = 'PAYMENT'")).isEqualTo(2);
    }

    @Test
    void aSignOffThroughAnotherJournalObjectLocksThisOnesNextEvent() {
        Journal counter = db.journal();
        Journal hall = new Journal(counter.terminalCode());
        pay(counter);
        pay(counter);
        signOff(hall);

        assertLocked(() -> pay(counter));
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    @Test
    void aLockInsideTheTransactionThatFoundTheDayOpenLocksItsLaterEvents() {
        Journal journal = db.journal();
        pay(journal);
        assertLocked(() -> db.database().inTransaction(tx -> {
            journal.append(tx, "2001", "DAY_SIGNED_OFF", "day:" + today, Map.of());
            DayLocks.lock(tx, today, checkerId, "");
            return journal.append(tx, "1001", "PAYMENT", "account:1", Map.of());
        }));
        assertThat(db.queryLong("SELECT COUNT(*) FROM day_signoff")).isZero();
        pay(journal);
        assertThat(db.queryLong("SELECT COUNT(*) FROM journal WHERE type = 'PAYMENT'")).isEqualTo(2);
    }

    @Test
    void aRolledBackSignOffLeavesTheDayOpen() {
        Journal journal = db.journal();
        pay(journal);
        assertThatThrownBy(() -> db.database().inTransaction(tx -> {
            journal.append(tx, "2001", "DAY_SIGNED_OFF", "day:" + today, Map.of());
            DayLocks.lock(tx, today, checkerId, "");
            throw new IllegalStateException("crash before commit");
        })).isInstanceOf(IllegalStateException.class);

        pay(journal);
        signOff(journal);
        assertLocked(() -> pay(journal));
    }

    @Test
    void aDayIsLockedOnlyTogetherWithItsJournalEvent() {
        assertThatThrownBy(() -> db.database().inTransaction(tx -> {
            DayLocks.lock(tx, today, checkerId, "");
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(db.queryLong("SELECT COUNT(*) FROM day_signoff")).isZero();
    }
}
