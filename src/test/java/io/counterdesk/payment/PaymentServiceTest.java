package io.counterdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.TestAccounts;
import io.counterdesk.billing.BillRepository;
import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptPart;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import io.counterdesk.till.TillService;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Payments end to end through the real service on a real H2 file (the clock stands at 2025-03-10). */
class PaymentServiceTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private Operator cashier;
    private Operator manager;
    private PaymentService payments;
    private ReceiptStockService stock;
    private long accountId;
    private long januaryBill;
    private long februaryBill;

    @BeforeEach
    void setUp() {
        cashier = db.addOperator("1001", "王伟", Role.CASHIER, "demo1001");
        manager = db.addOperator("2001", "张敏", Role.MANAGER, "demo2001");
        ApprovalRecorder approvals = new ApprovalRecorder(db.journal());
        payments = new PaymentService(db.database(), db.journal(), db.terminal(), approvals, LateFeeRule.DEFAULT,
                VoucherRule.DEFAULT);
        stock = new ReceiptStockService(db.database(), db.journal(), approvals);
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1001, 1100);
        stock.register(manager, "1001", ReceiptKind.CHECK_SLIP, 501, 600);
        new TillService(db.database(), db.journal(), db.terminal()).open(cashier, Money.ofYuan(500));
        accountId = db.database().inTransaction(tx -> new AccountRepository().insert(tx,
                TestAccounts.residential(MeterKind.ORDINARY, "8000000001")));
        db.database().inTransaction(tx -> {
            new BillRepository().insertAll(tx, List.of(
                    new BillRepository.NewBill(accountId, YearMonth.of(2025, 1), 1000, 1020, 20, Money.parse("58.00"),
                            LocalDate.of(2025, 1, 31), Money.ZERO),
                    new BillRepository.NewBill(accountId, YearMonth.of(2025, 2), 1020, 1030, 10, Money.parse("29.00"),
                            LocalDate.of(2025, 2, 28), Money.ZERO)));
            return null;
        });
        List<DueBill> due = payments.dueBills(cashier, accountId);
        januaryBill = due.get(0).billId();
        februaryBill = due.get(1).billId();
    }

    @Test
    void chargesTheJanuaryLateFeeFromThe21stOfFebruary() {
        List<DueBill> due = payments.dueBills(cashier, accountId);
        // 58.00 × 0.3% × 18 days (21 Feb … 10 Mar) = 3.132 → 3.00; February's bill is not late until 21 March
        assertThat(due).extracting(DueBill::lateFee).containsExactly(Money.parse("3.00"), Money.ZERO);
    }

    @Test
    void cashPaymentCommitsEverythingTogether() {
        PaymentResult result = payments.collect(cashier, accountId, PaymentInput.cash(Money.ofYuan(100)));

        assertThat(result.plan().totalDue()).isEqualTo(Money.parse("90.00"));
        assertThat(result.plan().change()).isEqualTo(Money.parse("10.00"));
        assertThat(result.receipts()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReceiptKind.RECEIPT);
            assertThat(r.number()).isEqualTo(1001);
            assertThat(r.part()).isEqualTo(ReceiptPart.WHOLE);
            assertThat(r.mac()).hasSize(12);
        });
        assertThat(db.queryLong("SELECT COUNT(*) FROM bill WHERE paid_fen < amount_fen")).isZero();
        assertThat(db.queryLong("SELECT late_fee_paid_fen FROM bill WHERE id = " + januaryBill)).isEqualTo(300);
        assertThat(db.queryLong("SELECT SUM(amount_fen) FROM till_posting WHERE kind = 'CASH_IN'")).isEqualTo(10_000);
        assertThat(db.queryLong("SELECT SUM(amount_fen) FROM till_posting WHERE kind = 'CASH_OUT'")).isEqualTo(1_000);
        assertThat(db.events("PAYMENT")).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("\"number\":1001").contains("\"changeFen\":1000"));
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    @Test
    void takesAFeeItemAloneWhileBillsAreStillOwed() {
        FeeItem deposit = payments.feeCatalogue().stream()
                .filter(f -> f.code().equals("METER_TEST_DEPOSIT")).findFirst().orElseThrow();
        PaymentResult result = payments.collect(cashier, accountId, new PaymentInput(PaymentInput.Bills.NONE,
                List.of(new FeeItem.Line(deposit, 1)), Money.ofYuan(300), List.of(), List.of(), Money.ZERO, false,
                List.of()));

        assertThat(result.plan().totalDue()).isEqualTo(Money.ofYuan(300));
        assertThat(result.plan().lines()).extracting(PaymentPlan.Line::kind)
                .containsExactly(PaymentPlan.LineKind.FEE_ITEM);
        assertThat(db.queryLong("SELECT COUNT(*) FROM bill WHERE paid_fen = 0")).isEqualTo(2);
        assertThat(payments.dueBills(cashier, accountId)).hasSize(2);
    }

    @Test
    void choosingNoBillAndNoFeeTakesNothing() {
        assertThatThrownBy(() -> payments.collect(cashier, accountId, new PaymentInput(PaymentInput.Bills.NONE,
                List.of(), Money.ofYuan(10), List.of(), List.of(), Money.ZERO, false, List.of())))
                .isInstanceOf(BusinessException.class);
        assertThat(db.queryLong("SELECT COUNT(*) FROM payment")).isZero();
    }

    @Test
    void numbersFollowEachOtherWithoutGapsAndARefusedPaymentTakesNone() {
        payments.collect(cashier, accountId, new PaymentInput(PaymentInput.Bills.only(List.of(januaryBill)), List.of(), Money.parse("61.00"),
                List.of(), List.of(), Money.ZERO, false, List.of()));
        assertThatThrownBy(() -> payments.collect(cashier, accountId, new PaymentInput(PaymentInput.Bills.ALL, List.of(),
                Money.ZERO, List.of(), List.of(), Money.parse("1.00"), false, List.of())))
                .isInstanceOf(BusinessException.class);
        PaymentResult second = payments.collect(cashier, accountId, PaymentInput.cash(Money.parse("29.00")));

        assertThat(second.receipts().get(0).number()).isEqualTo(1002);
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt")).isEqualTo(2);
        assertThat(db.queryLong("SELECT COUNT(*) FROM payment")).isEqualTo(2);
    }

    @Test
    void aBankSlipPaysOnlyOnceEver() {
        MoneyTender slip = new MoneyTender(TenderKind.BANK_SLIP, Money.parse("61.00"), "BS-20250301-7");
        payments.collect(cashier, accountId, new PaymentInput(PaymentInput.Bills.only(List.of(januaryBill)), List.of(), Money.ZERO,
                List.of(slip), List.of(), Money.ZERO, false, List.of()));
        long eventsBefore = db.events().size();

        assertThatThrownBy(() -> payments.collect(cashier, accountId, new PaymentInput(PaymentInput.Bills.only(List.of(februaryBill)), List.of(),
                Money.ZERO, List.of(new MoneyTender(TenderKind.BANK_SLIP, Money.parse("29.00"), "BS-20250301-7")),
                List.of(), Money.ZERO, false, List.of())))
                .isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("payment.slip.used");
        assertThat(db.events()).hasSize((int) eventsBefore);
        assertThat(db.queryLong("SELECT paid_fen FROM bill WHERE id = " + februaryBill)).isZero();
    }

    @Test
    void vouchersAndACashRemainderGetTwoCheckSlips() {
        PaymentResult result = payments.collect(cashier, accountId, new PaymentInput(PaymentInput.Bills.ALL, List.of(),
                Money.parse("40.00"), List.of(), List.of(new VoucherBatch(4, Money.ZERO, LocalDate.of(2025, 3, 31))),
                Money.ZERO, false, List.of()));

        assertThat(result.receipts()).extracting(IssuedReceipt::kind, IssuedReceipt::part, IssuedReceipt::number)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ReceiptKind.CHECK_SLIP, ReceiptPart.VOUCHER, 501L),
                        org.assertj.core.groups.Tuple.tuple(ReceiptKind.CHECK_SLIP, ReceiptPart.CASH, 502L));
        assertThat(result.plan().voucherM3()).isEqualTo(20);
        assertThat(result.plan().voucherValue()).isEqualTo(Money.parse("58.00"));
        // late fee 3.00 and February's 29.00 from cash 40.00 → change 8.00
        assertThat(result.plan().change()).isEqualTo(Money.parse("8.00"));
    }

    @Test
    void refusesVouchersAboveThreeTimesTheMonthlyAverage() {
        // average of 20 and 10 m³ = 15 m³ → at most 45 m³ = 9 vouchers
        assertThatThrownBy(() -> payments.collect(cashier, accountId, new PaymentInput(PaymentInput.Bills.ALL, List.of(),
                Money.ofYuan(10), List.of(), List.of(new VoucherBatch(10, Money.ZERO, LocalDate.of(2025, 3, 31))),
                Money.ZERO, false, List.of())))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("payment.voucher.overCap");
        assertThat(db.queryLong("SELECT COUNT(*) FROM payment")).isZero();
        assertThat(db.queryLong("SELECT next_no FROM receipt_stock WHERE kind = 'CHECK_SLIP'")).isEqualTo(501);
    }

    @Test
    void aManagerMayReduceALateFeeWithAReasonACashierMayNot() {
        var grant = db.auth().authoriseApprover(cashier, "2001", "demo2001".toCharArray());
        PaymentResult result = payments.collect(cashier, accountId, new PaymentInput(PaymentInput.Bills.only(List.of(januaryBill)), List.of(),
                Money.parse("58.00"), List.of(), List.of(), Money.ZERO, false,
                List.of(new LateFeeWaiver(januaryBill, Money.ZERO, "银行代扣系统故障", grant))));

        assertThat(result.plan().totalDue()).isEqualTo(Money.parse("58.00"));
        assertThat(db.queryLong("SELECT due_fen FROM late_fee_waiver")).isEqualTo(300);
        assertThat(db.events("APPROVAL")).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("WAIVE_LATE_FEE").contains("银行代扣系统故障"));

        assertThatThrownBy(() -> db.auth().authoriseApprover(cashier, "1001", "demo1001".toCharArray()))
                .isInstanceOf(BusinessException.class);
    }

    @Test
    void refusesWithoutAnOpenTill() {
        Operator other = db.addOperator("1002", "李娜", Role.CASHIER, "demo1002");
        assertThatThrownBy(() -> payments.collect(other, accountId, PaymentInput.cash(Money.ofYuan(100))))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("payment.till.notOpen");
    }

    @Test
    void refusesWhenTheCashierHasNoReceiptStockLeft() {
        Operator other = db.addOperator("1002", "李娜", Role.CASHIER, "demo1002");
        new TillService(db.database(), db.journal(), db.terminal()).open(other, Money.ZERO);
        assertThatThrownBy(() -> payments.collect(other, accountId, PaymentInput.cash(Money.ofYuan(100))))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("receipt.stock.none");
        assertThat(db.queryLong("SELECT COUNT(*) FROM payment")).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM bill WHERE paid_fen > 0")).isZero();
    }

    @Test
    void surplusCashKeptAsCreditIsOfferedNextTime() {
        payments.collect(cashier, accountId, new PaymentInput(PaymentInput.Bills.ALL, List.of(), Money.ofYuan(100), List.of(),
                List.of(), Money.ZERO, true, List.of()));
        assertThat(db.queryLong("SELECT credit_fen FROM account WHERE id = " + accountId)).isEqualTo(1_000);
    }
}
