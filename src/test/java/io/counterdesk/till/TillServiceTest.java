package io.counterdesk.till;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.counterdesk.persistence.JournalEvent;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TillServiceTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private Operator cashier;
    private TillService tills;

    @BeforeEach
    void cashierAtTheCounter() {
        cashier = db.addOperator("1001", "王伟", Role.CASHIER, "wang2025a");
        tills = new TillService(db.database(), db.journal(), db.terminal());
    }

    private BusinessException openRefused(Operator operator, Money openingFloat) {
        return catchThrowableOfType(BusinessException.class, () -> tills.open(operator, openingFloat));
    }

    private long sessions() {
        return db.queryLong("SELECT COUNT(*) FROM till_session");
    }

    @Test
    void opensATillWithItsFloatAndJournalsIt() {
        TillSession session = tills.open(cashier, Money.parse("500.00"));

        assertThat(session.status()).isEqualTo(TillStatus.OPEN);
        assertThat(session.openingFloat()).isEqualTo(Money.ofYuan(500));
        assertThat(session.operatorId()).isEqualTo(cashier.id());
        assertThat(session.terminalId()).isEqualTo(db.terminal().terminalId());
        assertThat(session.businessDay()).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(session.openedAt()).isEqualTo(TestDatabase.START);
        JournalEvent opened = db.events("TILL_OPENED").get(0);
        assertThat(opened.staffNo()).isEqualTo("1001");
        assertThat(opened.subject()).isEqualTo("till:" + session.id());
        assertThat(opened.payload()).isEqualTo(
                "{\"businessDay\":\"2025-03-10\",\"floatFen\":50000,\"tillId\":" + session.id() + "}");
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    @Test
    void businessDayIsTheHallsLocalDate() {
        // 00:30 on 11 March in the hall is still 10 March in UTC
        db.clock().set(LocalDateTime.of(2025, 3, 11, 0, 30).atZone(TestDatabase.ZONE).toInstant());

        assertThat(tills.open(cashier, Money.ZERO).businessDay()).isEqualTo(LocalDate.of(2025, 3, 11));
    }

    @Test
    void secondOpenOfTheSameCashierIsRefused() {
        TillSession first = tills.open(cashier, Money.ofYuan(500));
        db.clock().advance(Duration.ofHours(1));

        BusinessException refused = openRefused(cashier, Money.ofYuan(300));

        assertThat(refused.key()).isEqualTo("till.alreadyOpen");
        assertThat(sessions()).isEqualTo(1);
        assertThat(db.events("TILL_OPENED")).hasSize(1);
        assertThat(tills.current(cashier)).contains(first);
    }

    @Test
    void anotherCashierOpensATillOfTheirOwnOnTheSameTerminal() {
        Operator colleague = db.addOperator("1002", "李娜", Role.CASHIER, "lina2025a");
        tills.open(cashier, Money.ofYuan(500));

        TillSession theirs = tills.open(colleague, Money.ofYuan(200));

        assertThat(theirs.operatorId()).isEqualTo(colleague.id());
        assertThat(sessions()).isEqualTo(2);
    }

    @Test
    void negativeFloatIsRefused() {
        assertThat(openRefused(cashier, Money.parse("-0.01")).key()).isEqualTo("till.float.negative");
        assertThat(openRefused(cashier, null).key()).isEqualTo("till.float.negative");
        assertThat(sessions()).isZero();
    }

    @Test
    void floatAboveTheLimitIsRefusedAsATypingMistake() {
        BusinessException refused = openRefused(cashier, Money.parse("10000.01"));

        assertThat(refused.key()).isEqualTo("till.float.tooLarge");
        assertThat(refused.args()).containsExactly(TillService.MAX_FLOAT.format());
        assertThat(sessions()).isZero();
    }

    @Test
    void floatOfZeroAndExactlyTheLimitAreAccepted() {
        Operator colleague = db.addOperator("1002", "李娜", Role.CASHIER, "lina2025a");

        assertThat(tills.open(cashier, Money.ZERO).openingFloat()).isEqualTo(Money.ZERO);
        assertThat(tills.open(colleague, TillService.MAX_FLOAT).openingFloat()).isEqualTo(Money.ofYuan(10_000));
    }

    @Test
    void administratorMayNotOpenATill() {
        Operator admin = db.addOperator("9001", "陈静", Role.ADMIN, "chen2025x");

        assertThat(openRefused(admin, Money.ofYuan(500)).key()).isEqualTo("security.permission.denied");
        assertThat(sessions()).isZero();
    }

    @Test
    void managerAndFieldStaffMayOpenATill() {
        Operator manager = db.addOperator("2001", "张敏", Role.MANAGER, "zhang2025m");
        Operator field = db.addOperator("3001", "赵强", Role.FIELD, "zhao2025f");

        tills.open(manager, Money.ofYuan(100));
        tills.open(field, Money.ofYuan(100));

        assertThat(sessions()).isEqualTo(2);
    }

    @Test
    void currentFindsTheCashiersOpenSession() {
        assertThat(tills.current(cashier)).isEmpty();

        TillSession opened = tills.open(cashier, Money.ofYuan(500));

        assertThat(tills.current(cashier)).contains(opened);
    }

    @Test
    void currentIgnoresOtherCashiersSessions() {
        Operator colleague = db.addOperator("1002", "李娜", Role.CASHIER, "lina2025a");
        tills.open(colleague, Money.ofYuan(200));

        Optional<TillSession> mine = tills.current(cashier);

        assertThat(mine).isEmpty();
    }

    @Test
    void doubleSubmittedOpenGivesOneTillAndOneReadableRefusal() throws Exception {
        int attempts = 4;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TillSession>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return tills.open(cashier, Money.ofYuan(500));
                }));
            }
            start.countDown();
            int opened = 0;
            for (Future<TillSession> result : results) {
                try {
                    result.get();
                    opened++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(BusinessException.class);
                    assertThat(((BusinessException) e.getCause()).key()).isEqualTo("till.alreadyOpen");
                }
            }

            assertThat(opened).isEqualTo(1);
            assertThat(sessions()).isEqualTo(1);
            assertThat(db.events("TILL_OPENED")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Payments read the session without locking it (ADR 0009). Only the till close may change a
     * session row, and it does so holding the journal head, which payments append under before they
     * check the session again (DayCloseServiceTest races them). Any other writer must do the same.
     */
    @Test
    void onlyTheCloseChangesASessionRow() throws Exception {
        java.util.regex.Pattern write = java.util.regex.Pattern.compile("(UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+till_session\\b",
                java.util.regex.Pattern.CASE_INSENSITIVE);
        List<String> writers;
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            writers = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return write.matcher(java.nio.file.Files.readString(f)).find();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(f -> f.getFileName().toString()).toList();
        }

        assertThat(writers).as("code that changes till_session rows; see DayCloseService before adding one")
                .containsExactly("DayCloseRepository.java");
    }

    @Test
    void openSessionSurvivesARestart() {
        TillSession opened = tills.open(cashier, Money.ofYuan(500));

        db.reopen();
        TillService afterRestart = new TillService(db.database(), db.journal(), db.terminal());

        assertThat(afterRestart.current(cashier)).contains(opened);
        // a session does not outlive the database it was opened on (ADR 0013): the cashier logs in again
        assertThat(catchThrowableOfType(BusinessException.class,
                () -> afterRestart.open(cashier, Money.ofYuan(500))).key()).isEqualTo("security.session.none");
        cashier = db.auth().login("1001", "wang2025a".toCharArray());
        assertThat(catchThrowableOfType(BusinessException.class,
                () -> afterRestart.open(cashier, Money.ofYuan(500))).key()).isEqualTo("till.alreadyOpen");
    }
}
