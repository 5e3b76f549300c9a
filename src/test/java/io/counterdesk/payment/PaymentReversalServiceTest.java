package io.counterdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.TestAccounts;
import io.counterdesk.billing.BillRepository;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.printing.PrinterConfig;
import io.counterdesk.printing.Printers;
import io.counterdesk.printing.ReceiptPrinter;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptPrinting;
import io.counterdesk.report.DayCheck;
import io.counterdesk.report.DayReportService;
import io.counterdesk.report.HallSignOffService;
import io.counterdesk.security.ApprovalGrant;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import io.counterdesk.till.DayAtTheCounter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reversal (冲正) against a real database: same day, across a signed-off day, refusals, numbering, rollback. */
class PaymentReversalServiceTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private DayAtTheCounter day;
    private Operator cashier;
    private PaymentReversalService reversals;
    private DayReportService reports;

    @BeforeEach
    void setUp() {
        day = new DayAtTheCounter(db);
        cashier = day.cashier;
        reversals = new PaymentReversalService(db.database(), db.journal(), db.terminal(), day.approvals);
        reports = new DayReportService(db.database(), db.terminal());
    }

    private ApprovalGrant manager() {
        return db.auth().authoriseApprover(cashier, "2001", "demo2001".toCharArray());
    }

    private void at(LocalDate date, int hour) {
        db.clock().set(LocalDateTime.of(date, LocalTime.of(hour, 0)).atZone(TestDatabase.ZONE).toInstant());
    }

    /** An account owing January 58.00 (late since 31 Jan) and February 29.00. */
    private long lateAccount() {
        long id = db.database().inTransaction(tx -> new AccountRepository().insert(tx,
                TestAccounts.residential(MeterKind.ORDINARY, "8100000001")));
        db.database().inTransaction(tx -> {
            new BillRepository().insertAll(tx, List.of(
                    new BillRepository.NewBill(id, YearMonth.of(2025, 1), 1000, 1020, 20, Money.parse("58.00"),
                            LocalDate.of(2025, 1, 31), Money.ZERO),
                    new BillRepository.NewBill(id, YearMonth.of(2025, 2), 1020, 1030, 10, Money.parse("29.00"),
                            LocalDate.of(2025, 2, 28), Money.ZERO)));
            return null;
        });
        return id;
    }

    private String state() {
        return db.queryLong("SELECT COUNT(*) FROM payment") + "/" + db.queryLong("SELECT COUNT(*) FROM receipt") + "/"
                + db.queryLong("SELECT COUNT(*) FROM till_posting") + "/" + db.queryLong("SELECT COUNT(*) FROM payment_reversal")
                + "/" + db.queryLong("SELECT COUNT(*) FROM approval") + "/" + db.queryLong("SELECT SUM(paid_fen + late_fee_paid_fen) FROM bill")
                + "/" + db.queryLong("SELECT SUM(credit_fen) FROM account") + "/" + db.queryLong("SELECT SUM(next_no) FROM receipt_stock")
                + "/" + db.queryLong("SELECT COUNT(*) FROM journal WHERE type NOT IN ('APPROVER_CHECK', 'LOGIN')");
    }

    @Test
    void aSameDayReversalMakesTheBillsUnpaidAgainAndPaysTheCashBack() throws Exception {
        long account = lateAccount();
        List<DueBill> before = day.payments.dueBills(cashier, account);
        PaymentResult paid = day.payCash(cashier, account, "100.00");
        assertThat(db.queryLong("SELECT late_fee_paid_fen FROM bill WHERE period = '2025-01'")).isPositive();

        PaymentReversalService.Preview preview = reversals.find(cashier, 1001);
        assertThat(preview.reversible()).isTrue();
        assertThat(preview.dayLocked()).isFalse();
        Money settled = paid.plan().settledWithMoney();
        assertThat(preview.reversal().orElseThrow().cashPaidBack()).isEqualTo(settled);

        PaymentReversalService.ReversalResult r = reversals.reverse(cashier, 1001, "收错户号", manager());

        assertThat(r.receipts()).singleElement().satisfies(x -> assertThat(x.number()).isEqualTo(1002));
        assertThat(day.payments.dueBills(cashier, account)).isEqualTo(before);
        assertThat(db.queryLong("SELECT SUM(paid_fen + late_fee_paid_fen) FROM bill WHERE account_id = " + account)).isZero();
        assertThat(db.queryLong("SELECT change_fen FROM payment WHERE id = " + r.reversalPaymentId())).isEqualTo(settled.fen());
        assertThat(db.queryLong("SELECT SUM(amount_fen) FROM payment_line WHERE payment_id = " + r.reversalPaymentId()))
                .isEqualTo(-settled.fen());
        assertThat(db.queryLong("SELECT amount_fen FROM till_posting WHERE kind = 'CASH_OUT' AND payment_id = "
                + r.reversalPaymentId())).isEqualTo(settled.fen());
        assertThat(db.queryLong("SELECT original_payment_id FROM payment_reversal")).isEqualTo(paid.paymentId());
        assertThat(db.events("PAYMENT_REVERSED")).singleElement().satisfies(e -> assertThat(e.payload())
                .contains("\"originalPaymentId\":" + paid.paymentId(), "\"originalDay\":\"2025-03-10\"",
                        "\"originalReceipt\":\"RECEIPT:00001001\"", "收错户号"));
        assertThat(db.events("APPROVAL")).anySatisfy(e -> assertThat(e.payload()).contains("REVERSE_PAYMENT"));
        // the day's cash: 500 float + 100 in − 10 change − the cash paid back
        assertThat(day.close.sheet(cashier)).isNotNull();
        assertThat(new DayCheck(db.database(), reports).check(DAY).ties()).isTrue();

        ReceiptPrinter printer = Printers.open(PrinterConfig.capture());
        try {
            CapturePrinter capture = printer.capturePrinter().orElseThrow();
            ReceiptPrinting printing = new ReceiptPrinting(db.database(), db.terminal(), day.stock, printer);
            assertThat(printing.print(cashier, r.receipts()).allPrinted()).isTrue();
            String text = capture.awaitJobs(1, Duration.ofSeconds(10)).get(0).text();
            assertThat(text).contains("冲正收据", "00001002", "冲正原票", "00001001", "原收款日", "2025-03-10", "收错户号",
                    "批准人", "2001", "2025-01 气费", "-58.00", "退还现金", "￥" + settled.toPlainString(), "负",
                    "[DRAWER]").doesNotContain("找零").doesNotContain("收款收据\n");
        } finally {
            printer.close();
        }
    }

    @Test
    void aPaymentOfASignedOffDayIsReversedOnALaterDayAndBothDaysStillTie() {
        PaymentResult paid = day.payCash(cashier, day.accountOwing("90.00"), "100.00");
        day.close.count(cashier, DayAtTheCounter.countOf(Money.ofYuan(590)), Set.of());
        day.close.close(cashier, "");
        at(DAY, 18);
        new HallSignOffService(db.database(), db.journal(), reports)
                .signOff(db.auth().confirmOperator("2001", "demo2001".toCharArray()), DAY, "");
        String originalRow = row(paid.paymentId());

        at(DAY.plusDays(1), 9);
        day.tills.open(cashier, Money.ofYuan(500));
        PaymentReversalService.Preview preview = reversals.find(cashier, 1001);
        assertThat(preview.dayLocked()).isTrue();
        PaymentReversalService.ReversalResult r = reversals.reverse(cashier, 1001, "重复收费", manager());

        assertThat(r.originalDay()).isEqualTo(DAY);
        assertThat(db.queryLong("SELECT business_day = DATE '2025-03-11' FROM payment WHERE id = " + r.reversalPaymentId()))
                .isEqualTo(1);
        assertThat(row(paid.paymentId())).isEqualTo(originalRow);
        assertThat(db.queryLong("SELECT paid_fen FROM bill WHERE id = (SELECT bill_id FROM payment_line WHERE payment_id = "
                + paid.paymentId() + ")")).isZero();
        DayCheck check = new DayCheck(db.database(), reports);
        assertThat(check.check(DAY).differences()).isEmpty();
        assertThat(check.check(DAY.plusDays(1)).differences()).isEmpty();
        assertThat(check.check(DAY.plusDays(1)).ties()).isTrue();
    }

    @Test
    void refusalsSayWhyInChineseAndChangeNothing() {
        long account = day.accountOwing("90.00");
        day.payCash(cashier, account, "90.00");                                              // 1001
        day.fee(cashier, day.accountHoldingTestDeposit("1.00"), "METER_TEST_REFUND", "0");    // 1002, paid out
        FeeItem gas = FeeItem.gasTier(1, "第一档 3.00 元/m³", Money.ofYuan(3));
        day.payments.collect(cashier, day.icAccountOwing("1.00"), new PaymentInput(PaymentInput.Bills.NONE,
                List.of(new FeeItem.Line(gas, 10)), Money.ofYuan(30), List.of(), List.of(), Money.ZERO, false,
                List.of()));                                                                  // 1003, IC gas
        long closedAccount = day.accountOwing("10.00");
        day.payCash(cashier, closedAccount, "10.00");                                         // 1004
        db.execute("UPDATE account SET status = 'CLOSED' WHERE id = " + closedAccount);
        reversals.reverse(cashier, 1001, "收错", manager());                                   // 1005
        String state = state();

        assertThat(refusal(9999, "x")).isEqualTo("找不到票号 00009999 的收款收据，请核对票号");
        assertThat(refusal(1001, "再冲")).isEqualTo("票号 00001001 的缴费已由冲正收据 00001005 冲正过，不能重复冲正");
        assertThat(refusal(1005, "冲正的冲正")).isEqualTo("票号 00001005 是一张冲正收据，冲正不能再冲正");
        assertThat(refusal(1002, "退款")).contains("退款").contains("不能冲正");
        assertThat(refusal(1003, "购气")).contains("Ctrl+G").contains("F7");
        assertThat(refusal(1004, "销户")).isEqualTo("票号 00001004 所属账户已销户，不能冲正");
        assertThat(refusal(1004, "  ")).isEqualTo("请填写冲正原因");
        String key = catchThrowableOfType(BusinessException.class, () -> reversals.reverse(cashier, 1004, "无授权", null))
                .key();
        assertThat(key).isEqualTo("reversal.refused.accountClosed");
        assertThat(state()).isEqualTo(state);
        assertThat(reversals.find(cashier, 1003).refusal()).contains("F7");
        assertThat(reversals.find(cashier, 1003).reversible()).isFalse();
    }

    @Test
    void withoutAnOpenTillOrAnApprovalNothingIsReversed() {
        day.payCash(cashier, day.accountOwing("90.00"), "90.00");
        String state = state();
        assertThat(catchThrowableOfType(BusinessException.class, () -> reversals.reverse(cashier, 1001, "收错", null))
                .key()).isEqualTo("security.approval.required");
        day.close.count(cashier, DayAtTheCounter.countOf(Money.ofYuan(590)), Set.of());
        day.close.close(cashier, "");
        String closed = state();
        assertThat(refusal(1001, "收错")).isEqualTo("请先开班（录入备用金）再冲正");
        assertThat(state()).isEqualTo(closed);
        assertThat(db.queryLong("SELECT COUNT(*) FROM payment_reversal")).isZero();
        assertThat(state).isNotEqualTo(closed);
    }

    @Test
    void creditAddedThatWasSpentCannotBeWithdrawnButUnspentCreditIs() {
        long account = day.accountOwing("90.00");
        day.payments.collect(cashier, account, new PaymentInput(PaymentInput.Bills.ALL, List.of(), Money.ofYuan(100),
                List.of(), List.of(), Money.ZERO, true, List.of()));                          // 1001: 10 credit
        long other = day.accountOwing("30.00");
        day.payments.collect(cashier, other, new PaymentInput(PaymentInput.Bills.ALL, List.of(), Money.ofYuan(50),
                List.of(), List.of(), Money.ZERO, true, List.of()));                          // 1002: 20 credit
        long more = db.database().inTransaction(tx -> {
            new BillRepository().insertAll(tx, List.of(new BillRepository.NewBill(account, YearMonth.of(2025, 3), 1010,
                    1012, 2, Money.parse("6.00"), LocalDate.of(2025, 3, 31), Money.ZERO)));
            return 0L;
        });
        day.payments.collect(cashier, account, new PaymentInput(PaymentInput.Bills.ALL, List.of(), Money.ZERO,
                List.of(), List.of(), Money.ofYuan(6), false, List.of()));                     // 1003: uses 6 of 10
        String state = state();

        assertThat(refusal(1001, "收错")).isEqualTo("票号 00001001 转入预存 ¥10.00，该户预存现仅余 ¥4.00，已被使用，不能冲正");
        assertThat(state()).isEqualTo(state);

        PaymentReversalService.ReversalResult usedCredit = reversals.reverse(cashier, 1003, "收错", manager());
        assertThat(usedCredit.reversal().cashPaidBack()).isEqualTo(Money.ZERO);
        assertThat(db.queryLong("SELECT credit_fen FROM account WHERE id = " + account)).isEqualTo(1000 + more);
        PaymentReversalService.ReversalResult withdrawn = reversals.reverse(cashier, 1001, "收错", manager());
        assertThat(withdrawn.reversal().cashPaidBack()).isEqualTo(Money.ofYuan(100));
        assertThat(db.queryLong("SELECT credit_fen FROM account WHERE id = " + account)).isZero();
        reversals.reverse(cashier, 1002, "收错", manager());
        assertThat(db.queryLong("SELECT credit_fen FROM account WHERE id = " + other)).isZero();
        assertThat(new DayCheck(db.database(), reports).check(DAY).differences()).isEmpty();
    }

    @Test
    void aWaivedLateFeeComesBackAsTheRuleChargesItAndTheWaiverIsNotCarriedOver() {
        long account = lateAccount();
        List<DueBill> due = day.payments.dueBills(cashier, account);
        DueBill january = due.get(0);
        assertThat(january.lateFee().isPositive()).isTrue();
        day.payments.collect(cashier, account, new PaymentInput(PaymentInput.Bills.ALL, List.of(), Money.ofYuan(100),
                List.of(), List.of(), Money.ZERO, false, List.of(new LateFeeWaiver(january.billId(), Money.ZERO,
                "首次逾期", manager()))));
        assertThat(db.queryLong("SELECT late_fee_paid_fen FROM bill WHERE id = " + january.billId())).isZero();

        reversals.reverse(cashier, 1001, "收错", manager());

        assertThat(day.payments.dueBills(cashier, account)).isEqualTo(due);
        assertThat(db.queryLong("SELECT COUNT(*) FROM late_fee_waiver")).isEqualTo(1);
    }

    @Test
    void bankMoneyIsHandedBackInCashAndTheNumbersRunWithoutAGap() {
        day.payBank(cashier, day.accountOwing("120.00"), TenderKind.BANK_CARD, "120.00", "POS-0001");   // 1001
        PaymentReversalService.ReversalResult r = reversals.reverse(cashier, 1001, "刷错卡", manager());   // 1002
        day.payCash(cashier, day.accountOwing("10.00"), "10.00");                                        // 1003

        assertThat(r.reversal().cashPaidBack()).isEqualTo(Money.ofYuan(120));
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt WHERE kind = 'RECEIPT' AND number BETWEEN 1001 AND 1003"))
                .isEqualTo(3);
        assertThat(db.queryLong("SELECT next_no FROM receipt_stock WHERE kind = 'RECEIPT' AND first_no = 1001"))
                .isEqualTo(1004);
        assertThat(new DayCheck(db.database(), reports).check(DAY).differences()).isEmpty();
    }

    @Test
    void whenAStepFailsNothingOfTheReversalStays() {
        Operator li = db.addOperator("1003", "李娜", Role.CASHIER, "demo1003");
        day.stock.register(day.manager, "1003", ReceiptKind.RECEIPT, 3001, 3001);
        day.tills.open(li, Money.ofYuan(200));
        day.payCash(li, day.accountOwing("90.00"), "90.00");                                  // 3001, the last number
        String state = state();
        ApprovalGrant grant = db.auth().authoriseApprover(li, "2001", "demo2001".toCharArray());

        BusinessException e = catchThrowableOfType(BusinessException.class,
                () -> reversals.reverse(li, 3001, "收错", grant));

        assertThat(e.key()).isEqualTo("receipt.stock.none");
        assertThat(state()).isEqualTo(state);
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    private String row(long paymentId) {
        java.util.Map<String, Object> row = db.database().read(tx -> tx.handle()
                .createQuery("SELECT * FROM payment WHERE id = :id").bind("id", paymentId).mapToMap().one());
        return row.toString();
    }

    private String refusal(long number, String reason) {
        return catchThrowableOfType(BusinessException.class, () -> reversals.reverse(cashier, number, reason, manager()))
                .getMessage();
    }

}
