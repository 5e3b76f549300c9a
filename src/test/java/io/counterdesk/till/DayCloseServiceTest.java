package io.counterdesk.till;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.payment.TenderKind;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deposits, the blind count and the close on a real H2 file, with real payments. */
class DayCloseServiceTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private DayAtTheCounter day;
    private Operator cashier;
    private DayCloseService close;

    @BeforeEach
    void setUp() {
        day = new DayAtTheCounter(db);
        cashier = day.cashier;
        close = day.close;
    }

    private void at(int hour, int minute) {
        db.clock().set(LocalDateTime.of(2025, 3, 10, hour, minute).atZone(TestDatabase.ZONE).toInstant());
    }

    private BusinessException refused(Runnable action) {
        return catchThrowableOfType(BusinessException.class, action::run);
    }

    private long postings(String kind) {
        return db.queryLong("SELECT COUNT(*) FROM till_posting WHERE kind = '" + kind + "'");
    }

    @Test
    void depositSlipsAreNumberedPerCashierAndMonth() {
        day.payCash(cashier, day.accountOwing("2000.00"), "2000.00");
        Operator colleague = day.colleague("1002", "李娜", 2001);
        day.payCash(colleague, day.accountOwing("300.00"), "300.00");

        assertThat(close.deposit(cashier, Money.ofYuan(1000)).deposit().slipNo()).isEqualTo("王伟3-1");
        assertThat(close.deposit(cashier, Money.ofYuan(500)).deposit().slipNo()).isEqualTo("王伟3-2");
        assertThat(close.deposit(colleague, Money.ofYuan(100)).deposit().slipNo()).isEqualTo("李娜3-1");
        db.clock().set(LocalDateTime.of(2025, 4, 1, 9, 0).atZone(TestDatabase.ZONE).toInstant());
        assertThat(close.deposit(cashier, Money.ofYuan(100)).deposit().slipNo()).isEqualTo("王伟4-1");

        assertThat(postings("DEPOSIT")).isEqualTo(4);
        assertThat(db.events("TILL_DEPOSIT")).hasSize(4);
        assertThat(db.events("TILL_DEPOSIT").get(0).payload()).contains("\"slipNo\":\"王伟3-1\"", "\"amountFen\":100000");
    }

    @Test
    void aDepositAfterFourIsMarkedLateAndWarned() {
        day.payCash(cashier, day.accountOwing("2000.00"), "2000.00");
        at(16, 20);

        DayCloseService.DepositMade made = close.deposit(cashier, Money.ofYuan(500));

        assertThat(made.deposit().late()).isTrue();
        // 1500 of the takings still in the drawer, more than the 1000 that may be kept
        assertThat(made.warnings()).containsExactly(DepositRules.Warning.LATE_DEPOSIT, DepositRules.Warning.DEPOSIT_DUE);
        assertThat(close.sheet(cashier).warnings()).containsExactly(DepositRules.Warning.DEPOSIT_DUE);
    }

    @Test
    void theDepositTimeAndKeepThresholdComeFromTheSettings() {
        db.execute("INSERT INTO setting(name, val) VALUES ('till.depositBy', '15:00'), ('till.keepUpToFen', '50000')");
        day.payCash(cashier, day.accountOwing("800.00"), "800.00");
        at(15, 30);

        DayCloseService.DepositMade made = close.deposit(cashier, Money.ofYuan(200));

        assertThat(made.deposit().late()).isTrue();
        assertThat(made.warnings()).containsExactly(DepositRules.Warning.LATE_DEPOSIT, DepositRules.Warning.DEPOSIT_DUE);
        assertThat(close.rules()).isEqualTo(new DepositRules(java.time.LocalTime.of(15, 0), Money.ofYuan(500)));
    }

    @Test
    void aDepositOfNothingOrMoreThanTheDrawerIsRefusedAndChangesNothing() {
        day.payCash(cashier, day.accountOwing("100.00"), "100.00");

        assertThat(refused(() -> close.deposit(cashier, Money.ZERO)).key()).isEqualTo("till.deposit.notPositive");
        assertThat(refused(() -> close.deposit(cashier, Money.parse("600.01"))).key())
                .isEqualTo("till.deposit.moreThanDrawer");
        assertThat(db.queryLong("SELECT COUNT(*) FROM till_deposit")).isZero();
        assertThat(close.deposit(cashier, Money.parse("600.00")).deposit().amount()).isEqualTo(Money.ofYuan(600));
    }

    @Test
    void theCloseSheetListsTheSlipsToTickButNotTheExpectedCash() {
        long a = day.accountOwing("100.00");
        long b = day.accountOwing("29.00");
        day.payBank(cashier, a, TenderKind.BANK_CARD, "100.00", "POS-0001");
        day.payBank(cashier, b, TenderKind.BANK_SLIP, "29.00", "BS-20250310-1");

        DayCloseService.CloseSheet sheet = close.sheet(cashier);

        assertThat(sheet.slips()).extracting(SystemSlip::kind, SystemSlip::reference, SystemSlip::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BANK_CARD", "POS-0001", Money.ofYuan(100)),
                        org.assertj.core.groups.Tuple.tuple("BANK_SLIP", "BS-20250310-1", Money.ofYuan(29)));
        assertThat(java.util.Arrays.stream(DayCloseService.CloseSheet.class.getRecordComponents())
                .map(c -> c.getType().getSimpleName())).doesNotContain("TillFigures", "Money", "OverShort");
    }

    @Test
    void aBalancedDayClosesWithoutAnExplanation() {
        day.payCash(cashier, day.accountOwing("90.00"), "100.00");           // 10.00 change
        day.payCash(cashier, day.accountOwing("1500.00"), "1500.00");
        day.fee(cashier, day.accountHoldingTestDeposit("1.00"), "METER_TEST_REFUND", "0"); // 300.00 paid back
        close.deposit(cashier, Money.ofYuan(1000));
        Money expected = Money.parse("790.00");                             // 500 + 1600 − 10 − 300 − 1000

        DayCloseService.CountResult count = close.count(cashier, DayAtTheCounter.countOf(expected), Set.of());
        DayCloseService.ClosedTill closed = close.close(cashier, "");

        assertThat(count.figures().expectedCash()).isEqualTo(expected);
        assertThat(count.figures().refunds()).isEqualTo(Money.ofYuan(300));
        assertThat(count.figures().change()).isEqualTo(Money.ofYuan(10));
        assertThat(count.overShort().hasDifference()).isFalse();
        assertThat(closed.session().status()).isEqualTo(TillStatus.CLOSED);
        assertThat(day.tills.current(cashier)).isEmpty();
        assertThat(db.queryLong("SELECT over_short_fen FROM till_close")).isZero();
        assertThat(db.events("TILL_CLOSED")).singleElement().satisfies(e -> assertThat(e.payload())
                .contains("\"expectedCashFen\":79000", "\"countedCashFen\":79000", "\"refundsFen\":30000"));
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    @Test
    void changeToTheFenIsCountedToTheFenAndTheDayBalances() {
        day.payCash(cashier, day.accountOwing("99.16"), "100.00");           // 0.84 change: 5 角, 3 角 … 4 分
        Money expected = Money.parse("599.16");                              // 500 + 100 − 0.84
        CashCount drawer = new CashCount(Map.of(Denomination.Y100, 5, Denomination.Y10, 9, Denomination.Y1, 9,
                Denomination.J1, 1, Denomination.F5, 1, Denomination.F1, 1));

        DayCloseService.CountResult count = close.count(cashier, drawer, Set.of());
        close.close(cashier, "");

        assertThat(count.figures().expectedCash()).isEqualTo(expected);
        assertThat(count.overShort().hasDifference()).as("nothing over or short: the fen coins are in the count").isFalse();
        assertThat(db.queryLong("SELECT SUM(face_fen * pieces) FROM till_count_piece")).isEqualTo(59916);
        assertThat(db.events("TILL_COUNTED")).singleElement().satisfies(e -> assertThat(e.payload())
                .contains("\"countedCashFen\":59916", "{\"faceFen\":5,\"pieces\":1}", "{\"faceFen\":1,\"pieces\":1}"));
    }

    @Test
    void aShortTillNeedsAnExplanationBeforeItCloses() {
        day.payCash(cashier, day.accountOwing("90.00"), "100.00");
        DayCloseService.CountResult count = close.count(cashier, DayAtTheCounter.countOf(Money.parse("579.90")), Set.of());

        assertThat(count.overShort().cash().difference()).isEqualTo(Money.parse("-10.10"));
        BusinessException noReason = refused(() -> close.close(cashier, "  "));
        assertThat(noReason.key()).isEqualTo("till.close.explanationRequired");
        assertThat(noReason.args()).containsExactly(Money.parse("-10.10").format());
        assertThat(day.tills.current(cashier)).isPresent();

        close.close(cashier, "找零时多找一张十元");

        assertThat(db.queryLong("SELECT over_short_fen FROM till_close")).isEqualTo(-1010);
        assertThat(db.events("TILL_CLOSED").get(0).payload()).contains("找零时多找一张十元", "\"cashOverShortFen\":-1010");
    }

    @Test
    void aSlipNotTickedIsShortOnItsTender() {
        long a = day.accountOwing("100.00");
        long b = day.accountOwing("29.00");
        day.payBank(cashier, a, TenderKind.BANK_CARD, "100.00", "POS-0001");
        day.payBank(cashier, b, TenderKind.BANK_SLIP, "29.00", "BS-20250310-1");
        long cardPosting = close.sheet(cashier).slips().get(0).postingId();

        DayCloseService.CountResult count = close.count(cashier, DayAtTheCounter.countOf(Money.ofYuan(500)),
                Set.of(cardPosting));

        assertThat(count.overShort().cash().difference()).isEqualTo(Money.ZERO);
        assertThat(count.overShort().bankCard().difference()).isEqualTo(Money.ZERO);
        assertThat(count.overShort().bankSlip().difference()).isEqualTo(Money.parse("-29.00"));
        assertThat(count.overShort().bankSlip().missing()).extracting(SystemSlip::reference)
                .containsExactly("BS-20250310-1");
        assertThat(refused(() -> close.close(cashier, "")).key()).isEqualTo("till.close.explanationRequired");
        close.close(cashier, "缴款单交财务部核对");
        assertThat(db.queryLong("SELECT over_short_fen FROM till_close")).isEqualTo(-2900);
    }

    @Test
    void theCloseNeedsACount() {
        assertThat(refused(() -> close.close(cashier, "")).key()).isEqualTo("till.close.notCounted");
        assertThat(day.tills.current(cashier)).isPresent();
    }

    @Test
    void businessAfterTheCountAsksForARecount() {
        day.payCash(cashier, day.accountOwing("90.00"), "90.00");
        close.count(cashier, DayAtTheCounter.countOf(Money.ofYuan(590)), Set.of());
        day.payCash(cashier, day.accountOwing("10.00"), "10.00");

        assertThat(refused(() -> close.close(cashier, "")).key()).isEqualTo("till.close.businessAfterCount");

        DayCloseService.CountResult recount = close.count(cashier, DayAtTheCounter.countOf(Money.ofYuan(600)), Set.of());
        assertThat(recount.countNo()).isEqualTo(2);
        assertThat(close.close(cashier, "").count().countNo()).isEqualTo(2);
    }

    @Test
    void aClosedTillTakesNoPaymentTopUpOrDeposit() {
        day.payCash(cashier, day.accountOwing("90.00"), "90.00");
        long owing = day.accountOwing("10.00");
        close.count(cashier, DayAtTheCounter.countOf(Money.ofYuan(590)), Set.of());
        close.close(cashier, "");
        long payments = db.queryLong("SELECT COUNT(*) FROM payment");

        assertThat(refused(() -> day.payCash(cashier, owing, "10.00")).key()).isEqualTo("payment.till.notOpen");
        // a top-up takes its money through the same collectIn
        assertThat(refused(() -> db.database().inTransaction(tx -> day.payments.collectIn(tx, cashier, owing,
                PaymentInput.cash(Money.ofYuan(10))))).key()).isEqualTo("payment.till.notOpen");
        assertThat(refused(() -> close.deposit(cashier, Money.ofYuan(10))).key()).isEqualTo("till.notOpen");
        assertThat(refused(() -> close.count(cashier, DayAtTheCounter.countOf(Money.ZERO), Set.of())).key())
                .isEqualTo("till.notOpen");
        assertThat(db.queryLong("SELECT COUNT(*) FROM payment")).isEqualTo(payments);
    }

    @Test
    void aMissingReceiptNumberStopsTheClose() {
        day.payCash(cashier, day.accountOwing("90.00"), "90.00");   // receipt 00001001
        // a number taken from the stock without its receipt: what a broken program or tampering leaves
        db.execute("UPDATE receipt_stock SET next_no = next_no + 1 WHERE kind = 'RECEIPT'");
        close.count(cashier, DayAtTheCounter.countOf(Money.ofYuan(590)), Set.of());
        BusinessException refusal = refused(() -> close.close(cashier, ""));

        assertThat(refusal.key()).isEqualTo("till.close.receiptsMissing");
        assertThat(refusal.args()).containsExactly("RECEIPT:00001002");
        assertThat(day.tills.current(cashier)).isPresent();
    }

    @Test
    void voidedNumbersAreAccountedFor() {
        PaymentResult paid = day.payCash(cashier, day.accountOwing("90.00"), "90.00");
        day.stock.voidReceipt(cashier, paid.receipts().get(0).kind(), paid.receipts().get(0).number(), "打印错位",
                db.auth().authoriseApprover(cashier, "2001", "demo2001".toCharArray()));
        close.count(cashier, DayAtTheCounter.countOf(Money.ofYuan(590)), Set.of());

        assertThat(close.close(cashier, "").session().status()).isEqualTo(TillStatus.CLOSED);
    }

    @Test
    void aPaymentCommittedWhileTheCloseWaitsIsNotLostTheCloseAsksForARecount() throws Exception {
        long owing = day.accountOwing("10.00");
        close.count(cashier, DayAtTheCounter.countOf(Money.ofYuan(500)), Set.of());
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the payment has appended its event (it holds the journal head) but not committed yet
        CompletableFuture<PaymentResult> payment = CompletableFuture.supplyAsync(() -> db.database().inTransaction(tx -> {
            PaymentResult r = day.payments.collectIn(tx, cashier, owing, PaymentInput.cash(Money.ofYuan(10)));
            appended.countDown();
            await(release);
            return r;
        }));
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<DayCloseService.ClosedTill> closing = CompletableFuture.supplyAsync(() -> close.close(cashier, ""));
        waitUntilBlocked();
        release.countDown();

        assertThat(payment.get(10, TimeUnit.SECONDS).receipts()).hasSize(1);
        ExecutionException failed = catchThrowableOfType(ExecutionException.class, () -> closing.get(10, TimeUnit.SECONDS));
        assertThat(((BusinessException) failed.getCause()).key()).isEqualTo("till.close.businessAfterCount");
        assertThat(day.tills.current(cashier)).isPresent();
        DayCloseService.CountResult recount = close.count(cashier, DayAtTheCounter.countOf(Money.ofYuan(510)), Set.of());
        assertThat(recount.figures().cashIn()).isEqualTo(Money.ofYuan(10));
        assertThat(close.close(cashier, "").count().overShort().hasDifference()).isFalse();
    }

    @Test
    void aPaymentInFlightWhenTheCloseCommitsIsRefusedAndLeavesNothing() throws Exception {
        long owing = day.accountOwing("10.00");
        close.count(cashier, DayAtTheCounter.countOf(Money.ofYuan(500)), Set.of());
        long eventsBefore = db.events().size();
        // hold the account's row so the payment stops after reading its (open) session, before it writes
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try (Handle h = db.database().jdbi().open()) {
                h.begin();
                h.createQuery("SELECT id FROM account WHERE id = :id FOR UPDATE").bind("id", owing).mapTo(Long.class).one();
                held.countDown();
                await(release);
                h.rollback();
            }
        });
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<PaymentResult> payment = CompletableFuture.supplyAsync(() -> day.payCash(cashier, owing, "10.00"));
        waitUntilBlocked();

        DayCloseService.ClosedTill closed = close.close(cashier, "");
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);

        ExecutionException failed = catchThrowableOfType(ExecutionException.class, () -> payment.get(10, TimeUnit.SECONDS));
        assertThat(((BusinessException) failed.getCause()).key()).isEqualTo("till.closed");
        assertThat(closed.count().figures().cashIn()).isEqualTo(Money.ZERO);
        assertThat(db.queryLong("SELECT COUNT(*) FROM payment")).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM till_posting WHERE kind LIKE 'CASH%'")).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt")).isZero();
        assertThat(db.queryLong("SELECT next_no FROM receipt_stock WHERE kind = 'RECEIPT'")).isEqualTo(1001);
        assertThat(db.events().size()).isEqualTo(eventsBefore + 1);
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    /** Waits until some database session waits for a lock another holds. */
    private void waitUntilBlocked() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            if (db.queryLong("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL") > 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("nothing waited for a lock");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void countsAreJournaledWithTheirPieces() {
        close.count(cashier, new CashCount(Map.of(Denomination.Y100, 5)), Set.of());

        assertThat(db.events("TILL_COUNTED")).singleElement().satisfies(e -> assertThat(e.payload())
                .contains("\"countedCashFen\":50000", "\"expectedCashFen\":50000", "{\"faceFen\":10000,\"pieces\":5}"));
        assertThat(db.queryLong("SELECT SUM(pieces) FROM till_count_piece")).isEqualTo(5);
        assertThat(Set.of(Denomination.values()).stream().map(Denomination::name).collect(Collectors.toSet())).hasSize(11);
    }
}
