package io.counterdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.security.OperatorConfirmation;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import io.counterdesk.till.DayAtTheCounter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The hall's sign-off and the lock it puts on the day: every service refuses a change, in Chinese. */
class DayLockTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private DayAtTheCounter day;
    private Operator cashier;
    private HallSignOffService signOffs;
    private DayReportService reports;

    @BeforeEach
    void setUp() {
        day = new DayAtTheCounter(db);
        cashier = day.cashier;
        reports = new DayReportService(db.database(), db.terminal());
        signOffs = new HallSignOffService(db.database(), db.journal(), reports);
    }

    private OperatorConfirmation checker() {
        return db.auth().confirmOperator("2001", "demo2001".toCharArray());
    }

    private BusinessException refused(Runnable action) {
        return catchThrowableOfType(BusinessException.class, action::run);
    }

    private void at(LocalDate date, int hour) {
        db.clock().set(LocalDateTime.of(date, java.time.LocalTime.of(hour, 0)).atZone(TestDatabase.ZONE).toInstant());
    }

    private void closeTheTill(Money drawer) {
        day.close.count(cashier, DayAtTheCounter.countOf(drawer), Set.of());
        day.close.close(cashier, "");
    }

    @Test
    void theDayIsSignedOffOnceEveryTillIsClosed() {
        day.payCash(cashier, day.accountOwing("90.00"), "90.00");

        BusinessException open = refused(() -> signOffs.signOff(checker(), DAY, ""));
        assertThat(open.key()).isEqualTo("signoff.tillsOpen");
        assertThat(open.getMessage()).contains("1001 王伟");

        closeTheTill(Money.ofYuan(590));
        at(DAY, 18);
        HallDayReport signed = signOffs.signOff(checker(), DAY, "全厅核对无误");

        assertThat(signed.signed()).isTrue();
        assertThat(signed.signedBy()).isEqualTo("2001 张敏");
        assertThat(signed.cashiers()).extracting(c -> c.header().status()).containsExactly(ReportStatus.SIGNED);
        assertThat(db.events("DAY_SIGNED_OFF")).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("全厅核对无误"));
        assertThat(refused(() -> signOffs.signOff(checker(), DAY, "")).key()).isEqualTo("signoff.alreadySigned");
        assertThat(refused(() -> signOffs.signOff(checker(), DAY.plusDays(1), "")).key()).isEqualTo("signoff.notToday");
    }

    @Test
    void onlyAnApproverSignsOff() {
        db.addOperator("1003", "周杰", Role.CASHIER, "demo1003");
        closeTheTill(Money.ofYuan(500));

        assertThat(refused(() -> signOffs.signOff(db.auth().confirmOperator("1003", "demo1003".toCharArray()),
                DAY, ""))).isNotNull();
        assertThat(db.queryLong("SELECT COUNT(*) FROM day_signoff")).isZero();
    }

    @Test
    void afterSignOffEveryChangeToTheDayIsRefusedWithAClearMessage() {
        // 王伟 has a till of yesterday still open; 李娜 worked today and closed
        closeTheTill(Money.ofYuan(500));
        at(DAY.minusDays(1), 9);
        day.tills.open(cashier, Money.ofYuan(500));
        Operator li = db.addOperator("1002", "李娜", Role.CASHIER, "demo1002");
        day.stock.register(day.manager, "1002", ReceiptKind.RECEIPT, 2001, 2100);
        at(DAY, 9);
        day.tills.open(li, Money.ofYuan(200));
        PaymentResult liPaid = day.payCash(li, day.accountOwing("10.00"), "10.00");
        day.close.count(li, DayAtTheCounter.countOf(Money.ofYuan(210)), Set.of());
        day.close.close(li, "");
        long owing = day.accountOwing("20.00");
        at(DAY, 18);
        signOffs.signOff(checker(), DAY, "");
        day.stock.recordPrinted(li, liPaid.receipts().get(0).id());
        long events = businessEvents();
        long payments = db.queryLong("SELECT COUNT(*) FROM payment");
        String locked = "2025-03-10 已由营业厅核对员签核锁定，不能再更改；如有差错，请在以后的营业日冲正";

        assertThat(refused(() -> day.payCash(cashier, owing, "20.00")).getMessage()).isEqualTo(locked);
        assertThat(refused(() -> db.database().inTransaction(tx -> day.payments.collectIn(tx, cashier, owing,
                PaymentInput.cash(Money.ofYuan(20))))).key()).isEqualTo("day.locked");
        assertThat(refused(() -> day.close.deposit(cashier, Money.ofYuan(100))).key()).isEqualTo("day.locked");
        assertThat(refused(() -> day.close.count(cashier, DayAtTheCounter.countOf(Money.ofYuan(500)), Set.of())).key())
                .isEqualTo("day.locked");
        IssuedReceipt liReceipt = liPaid.receipts().get(0);
        assertThat(refused(() -> day.stock.voidReceipt(li, liReceipt.kind(), liReceipt.number(), "打错",
                db.auth().authoriseApprover(li, "2001", "demo2001".toCharArray()))).key()).isEqualTo("day.locked");
        assertThat(refused(() -> day.stock.handOver(cashier,
                db.auth().confirmOperator("1002", "demo1002".toCharArray()), ReceiptKind.RECEIPT)).key())
                .isEqualTo("day.locked");
        assertThat(refused(() -> day.stock.recordPrinted(li, liReceipt.id())).key()).isEqualTo("day.locked");
        assertThat(refused(() -> day.tills.open(li, Money.ofYuan(200))).key()).isEqualTo("day.locked");
        assertThat(refused(() -> day.stock.register(day.manager, "1002", ReceiptKind.CHECK_SLIP, 1, 10)).key())
                .isEqualTo("day.locked");
        assertThat(businessEvents()).isEqualTo(events);
        assertThat(db.queryLong("SELECT COUNT(*) FROM payment")).isEqualTo(payments);
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt WHERE status = 'VOIDED'")).isZero();
        assertThat(db.queryLong("SELECT reprints FROM receipt WHERE id = " + liReceipt.id())).isZero();
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    /** Events that are business of the day (log-ins and credential checks are journaled on a locked day too). */
    private long businessEvents() {
        return db.events().stream()
                .filter(e -> !Set.of("LOGIN", "LOGIN_FAILED", "APPROVER_CHECK", "CONFIRMATION").contains(e.type())).count();
    }

    @Test
    void theNextDayGoesOnAndAVoidOfTheLockedDayIsStillRefused() {
        PaymentResult paid = day.payCash(cashier, day.accountOwing("90.00"), "90.00");
        closeTheTill(Money.ofYuan(590));
        at(DAY, 18);
        signOffs.signOff(checker(), DAY, "");
        long owing = day.accountOwing("20.00");

        at(DAY.plusDays(1), 9);
        day.tills.open(cashier, Money.ofYuan(500));
        assertThat(day.payCash(cashier, owing, "20.00").receipts()).hasSize(1);
        IssuedReceipt old = paid.receipts().get(0);
        assertThat(refused(() -> day.stock.voidReceipt(cashier, old.kind(), old.number(), "打错",
                db.auth().authoriseApprover(cashier, "2001", "demo2001".toCharArray()))).key()).isEqualTo("day.locked");
        assertThat(new DayCheck(db.database(), reports).check(DAY).ties()).isTrue();
        assertThat(new DayCheck(db.database(), reports).check(DAY.plusDays(1)).ties()).isTrue();
    }
}
