package io.counterdesk.account.status;

import io.counterdesk.account.MeterKind;
import io.counterdesk.account.NewAccount;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.Address;
import io.counterdesk.account.AccountStatus;
import io.counterdesk.account.AccountDetail;
import io.counterdesk.account.IdType;
import io.counterdesk.account.AccountKind;
import io.counterdesk.account.Holder;
import io.counterdesk.account.SuspensionCandidate;
import io.counterdesk.account.UseType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.billing.BillRepository;
import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.payment.FeeItem;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.payment.PaymentService;
import io.counterdesk.payment.VoucherRule;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.security.ApprovalGrant;
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

/**
 * 停气/复气/销户 through the real service on a real H2 file; the clock stands at Monday 2025-03-10.
 * The non-residential account 3300000101 owes a bill of ¥400.00 due 2025-02-18, 20 days ago.
 */
class AccountStatusServiceTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private Operator cashier;
    private Operator manager;
    private PaymentService payments;
    private ReceiptStockService stock;
    private AccountStatusService service;
    private final AccountRepository accounts = new AccountRepository();

    @BeforeEach
    void setUp() {
        cashier = db.addOperator("1001", "王伟", Role.CASHIER, "demo1001");
        manager = db.addOperator("2001", "张敏", Role.MANAGER, "demo2001");
        ApprovalRecorder approvals = new ApprovalRecorder(db.journal());
        payments = new PaymentService(db.database(), db.journal(), db.terminal(), approvals, LateFeeRule.DEFAULT,
                VoucherRule.DEFAULT);
        stock = new ReceiptStockService(db.database(), db.journal(), approvals);
        new TillService(db.database(), db.journal(), db.terminal()).open(cashier, Money.ofYuan(500));
        service = new AccountStatusService(db.database(), db.journal(), db.terminal(), approvals, payments,
                LateFeeRule.DEFAULT);
    }

    private long account(String no, AccountKind kind, MeterKind meter, long... dueDaysAgoAndYuan) {
        NewAccount account = new NewAccount(no, kind, kind == AccountKind.NON_RESIDENTIAL ? UseType.COMMERCIAL_KITCHEN
                : null, meter, "M" + no, null, new Address("西湖区", "文三路", "美食街", "8", "1", "101"),
                new Holder("杭州味道餐饮有限公司", IdType.RESIDENT_ID, "11010519491231002X", "0571-88001122"),
                LocalDate.of(2020, 1, 1));
        long id = db.database().inTransaction(tx -> accounts.insert(tx, account));
        for (int i = 0; i < dueDaysAgoAndYuan.length; i += 2) {
            long daysAgo = dueDaysAgoAndYuan[i];
            long yuan = dueDaysAgoAndYuan[i + 1];
            YearMonth period = YearMonth.of(2024, 1).plusMonths(i / 2);
            db.database().inTransaction(tx -> {
                new BillRepository().insertAll(tx, List.of(new BillRepository.NewBill(id, period, 0, 100, 100,
                        Money.ofYuan(yuan), TODAY.minusDays(daysAgo), Money.ZERO)));
                return null;
            });
        }
        return id;
    }

    private long overdue() {
        return account("3300000101", AccountKind.NON_RESIDENTIAL, MeterKind.ORDINARY, 20, 400);
    }

    private ApprovalGrant managerApproves() {
        return db.auth().authoriseApprover(cashier, "2001", "demo2001".toCharArray());
    }

    private String status(long id) {
        return db.database().read(tx -> accounts.findById(tx, id).orElseThrow().status().name());
    }

    private void receipts() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1001, 1100);
    }

    private PaymentResult payDeposit(long id) {
        FeeItem deposit = payments.feeCatalogue().stream().filter(f -> f.code().equals("METER_TEST_DEPOSIT"))
                .findFirst().orElseThrow();
        return payments.collect(cashier, id, new PaymentInput(PaymentInput.Bills.NONE, List.of(new FeeItem.Line(deposit, 1)),
                Money.ofYuan(300), List.of(), List.of(), Money.ZERO, false, List.of()));
    }

    // ---- a reversal (冲正) makes bills unpaid again and takes a deposit back: the lists see it ----

    private io.counterdesk.payment.PaymentReversalService reversals() {
        return new io.counterdesk.payment.PaymentReversalService(db.database(), db.journal(), db.terminal(),
                new ApprovalRecorder(db.journal()));
    }

    private List<AccountDetail.BillLine> billLines(io.counterdesk.billing.BillingQueries billing, long id) {
        return db.database().read(tx -> billing.billLines(tx, id));
    }

    @Test
    void aReversedPaymentPutsTheOverdueAccountBackOnTheSuspensionListWithItsLateFeeDueAgain() {
        receipts();
        long id = overdue();
        List<SuspensionCandidate> before = service.candidates(cashier);
        List<io.counterdesk.payment.DueBill> dueBefore = payments.dueBills(cashier, id);
        io.counterdesk.billing.BillingQueries billing = new io.counterdesk.billing.BillingQueries(LateFeeRule.DEFAULT);
        List<AccountDetail.BillLine> linesBefore = billLines(billing, id);
        assertThat(before).singleElement().satisfies(c -> assertThat(c.lateFees().isPositive()).isTrue());
        payments.collect(cashier, id, PaymentInput.cash(Money.ofYuan(500)));                 // 1001, late fee too
        assertThat(service.candidates(cashier)).isEmpty();
        assertThat(billLines(billing, id)).singleElement()
                .satisfies(l -> assertThat(l.lateFee()).isEqualTo(Money.ZERO));

        reversals().reverse(cashier, 1001, "收错户号", managerApproves());

        assertThat(service.candidates(cashier)).as("15 days overdue again, the same bill, days and late fee")
                .isEqualTo(before);
        assertThat(payments.dueBills(cashier, id)).isEqualTo(dueBefore);
        assertThat(billLines(billing, id)).isEqualTo(linesBefore);
        assertThat(service.suspend(cashier, id, "欠费停气").to()).isEqualTo(AccountStatus.SUSPENDED);
    }

    @Test
    void aReversedDepositIsNoLongerHeldSoClosureDoesNotPayItBack() {
        receipts();
        long id = account("3300000105", AccountKind.RESIDENTIAL, MeterKind.ORDINARY);
        payDeposit(id);                                                                   // 1001
        assertThat(service.closureQuote(cashier, id).refund().depositTotal()).isEqualTo(Money.ofYuan(300));

        reversals().reverse(cashier, 1001, "误收押金", managerApproves());

        AccountStatusService.ClosureQuote quote = service.closureQuote(cashier, id);
        assertThat(quote.refund().depositTotal()).isEqualTo(Money.ZERO);
        assertThat(quote.refund().total()).isEqualTo(Money.ZERO);
    }

    @Test
    void listsActiveNonResidentialAccountsMoreThanFifteenDaysOverdueWithDaysAndAmounts() {
        long due = overdue();
        account("3300000102", AccountKind.NON_RESIDENTIAL, MeterKind.ORDINARY, 15, 300);
        account("3300000103", AccountKind.RESIDENTIAL, MeterKind.ORDINARY, 60, 100);
        long older = account("3300000104", AccountKind.NON_RESIDENTIAL, MeterKind.ORDINARY, 47, 100, 16, 200, 5, 50);

        List<SuspensionCandidate> list = service.candidates(cashier);

        assertThat(list).extracting(SuspensionCandidate::accountNo).containsExactly("3300000104", "3300000101");
        SuspensionCandidate first = list.get(0);
        assertThat(first.accountId()).isEqualTo(older);
        assertThat(first.daysOverdue()).isEqualTo(47);
        assertThat(first.overdueBills()).isEqualTo(2);
        assertThat(first.principal()).isEqualTo(Money.ofYuan(350));
        // 100 × 0.5% × 47 = 23.50; 200 × 0.5% × 16 = 16.00; 50 × 0.5% × 5 = 1.25 → 1.00
        assertThat(first.lateFees()).isEqualTo(Money.parse("40.50"));
        SuspensionCandidate second = list.get(1);
        assertThat(second.accountId()).isEqualTo(due);
        assertThat(second.daysOverdue()).isEqualTo(20);
        assertThat(second.oldestDue()).isEqualTo(LocalDate.of(2025, 2, 18));
        assertThat(second.lateFees()).isEqualTo(Money.parse("40.00"));
        assertThat(second.total()).isEqualTo(Money.parse("440.00"));
    }

    @Test
    void suspendingChangesTheStatusWritesHistoryAndJournalAndLeavesTheList() {
        long id = overdue();

        AccountStatusService.Change change = service.suspend(cashier, id, " 逾期 20 天未缴 ");

        assertThat(change.from()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(change.to()).isEqualTo(AccountStatus.SUSPENDED);
        assertThat(status(id)).isEqualTo("SUSPENDED");
        assertThat(db.queryLong("SELECT COUNT(*) FROM account_status_change WHERE account_id = " + id
                + " AND to_status = 'SUSPENDED' AND reason = '逾期 20 天未缴'")).isEqualTo(1);
        assertThat(db.events("ACCOUNT_SUSPENDED")).singleElement().satisfies(e -> assertThat(e.payload())
                .contains("\"daysOverdue\":20").contains("\"principalFen\":40000").contains("\"lateFeeFen\":4000"));
        assertThat(service.candidates(cashier)).isEmpty();
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    @Test
    void anAccountNotDueIsNotSuspendedAndNothingChanges() {
        long notYet = account("3300000102", AccountKind.NON_RESIDENTIAL, MeterKind.ORDINARY, 15, 300);
        long residential = account("3300000103", AccountKind.RESIDENTIAL, MeterKind.ORDINARY, 60, 100);
        long events = db.events().size();

        assertThatThrownBy(() -> service.suspend(cashier, notYet, "逾期")).isInstanceOf(BusinessException.class)
                .hasMessage("该户没有逾期超过 15 天的账单，不能停气");
        assertThatThrownBy(() -> service.suspend(cashier, residential, "逾期")).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("accountStatus.suspend.residential");
        assertThatThrownBy(() -> service.suspend(cashier, overdue(), "")).isInstanceOf(BusinessException.class)
                .hasMessage("请填写原因");

        assertThat(db.queryLong("SELECT COUNT(*) FROM account WHERE status <> 'ACTIVE'")).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM account_status_change")).isZero();
        assertThat(db.events()).hasSize((int) events);
    }

    @Test
    void aSuspendedAccountPaysItsArrearsAndIsRestoredOnlyWhenNothingIsOwed() {
        receipts();
        long id = overdue();
        service.suspend(cashier, id, "逾期 20 天未缴");

        // a partial payment is taken on a suspended account; restoring is still refused
        payments.collect(cashier, id, PaymentInput.cash(Money.ofYuan(100)));
        assertThatThrownBy(() -> service.restore(cashier, id)).isInstanceOf(BusinessException.class)
                .hasMessage("该户还欠 ¥340.00（含今日滞纳金）：请先按 F5 缴清欠费和滞纳金，再复气");
        assertThat(status(id)).isEqualTo("SUSPENDED");

        PaymentResult rest = payments.collect(cashier, id, PaymentInput.cash(Money.ofYuan(340)));
        assertThat(rest.plan().stillOwed()).isEqualTo(Money.ZERO);
        AccountStatusService.Change restored = service.restore(cashier, id);

        assertThat(restored.to()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(status(id)).isEqualTo("ACTIVE");
        assertThat(db.events("ACCOUNT_RESTORED")).hasSize(1);
        assertThat(db.queryLong("SELECT COUNT(*) FROM account_status_change WHERE account_id = " + id)).isEqualTo(2);
        assertThatThrownBy(() -> service.restore(cashier, id)).isInstanceOf(BusinessException.class)
                .hasMessage("该户没有停气，不需要复气");
    }

    @Test
    void payingTheBillsAmountIsNotEnoughToRestoreTodaysLateFeeIsOwedToo() {
        receipts();
        long id = overdue();
        service.suspend(cashier, id, "逾期");

        // ¥400.00 pays the late fee (¥40.00) first, then ¥360.00 of the principal
        payments.collect(cashier, id, PaymentInput.cash(Money.ofYuan(400)));

        assertThatThrownBy(() -> service.restore(cashier, id)).isInstanceOf(BusinessException.class)
                .hasMessageContaining("¥40.00");
        assertThat(status(id)).isEqualTo("SUSPENDED");
        assertThat(db.events("ACCOUNT_RESTORED")).isEmpty();
    }

    @Test
    void closingPaysBackTheDepositAndTheCreditInCashWithItsOwnReceiptAndEndsTheHolder() {
        receipts();
        long id = account("3300000105", AccountKind.NON_RESIDENTIAL, MeterKind.ORDINARY);
        payDeposit(id);
        // ¥12.34 kept as credit
        payments.collect(cashier, id, new PaymentInput(PaymentInput.Bills.NONE, List.of(), Money.parse("12.34"),
                List.of(), List.of(), Money.ZERO, true, List.of()));
        assertThat(db.queryLong("SELECT credit_fen FROM account WHERE id = " + id)).isEqualTo(1234);

        AccountStatusService.ClosureQuote quote = service.closureQuote(cashier, id);
        assertThat(quote.closable()).isTrue();
        assertThat(quote.lines()).extracting(AccountStatusService.RefundLine::name, l -> l.amount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("表具检测押金退还", "300.00"),
                        org.assertj.core.groups.Tuple.tuple("预存余额退还", "12.34"));

        AccountStatusService.Closure closure = service.close(cashier, id, "店铺停业", managerApproves());

        assertThat(closure.refund().total()).isEqualTo(Money.parse("312.34"));
        PaymentResult refund = closure.refundPayment().orElseThrow();
        assertThat(refund.plan().change()).isEqualTo(Money.parse("312.34"));
        assertThat(refund.plan().lines()).extracting(PaymentPlan.Line::label, l -> l.amount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("表具检测押金退还", "-300.00"),
                        org.assertj.core.groups.Tuple.tuple("预存余额退还", "-12.34"));
        assertThat(refund.receipts()).singleElement().satisfies(r -> assertThat(r.number()).isEqualTo(1003));
        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(db.queryLong("SELECT credit_fen + deposit_fen FROM account WHERE id = " + id)).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM holder_period WHERE account_id = " + id
                + " AND valid_to = DATE '2025-03-10'")).isEqualTo(1);
        assertThat(db.queryLong("SELECT amount_fen FROM till_posting WHERE kind = 'CASH_OUT' AND payment_id = "
                + refund.paymentId())).isEqualTo(31234);
        assertThat(db.queryLong("SELECT COUNT(*) FROM account_status_change WHERE to_status = 'CLOSED'"
                + " AND approval_id IS NOT NULL AND payment_id = " + refund.paymentId())).isEqualTo(1);
        assertThat(db.events("ACCOUNT_CLOSED")).singleElement().satisfies(e -> assertThat(e.payload())
                .contains("\"depositRefundFen\":30000").contains("\"creditRefundFen\":1234"));
        assertThat(db.events("APPROVAL")).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("CLOSE_ACCOUNT").contains("店铺停业"));
        assertThat(db.verifyChain().isIntact()).isTrue();

        // a closed account takes no more payments and no more status changes; its deposits are gone
        assertThatThrownBy(() -> payDeposit(id)).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("payment.account.closed");
        assertThatThrownBy(() -> service.close(cashier, id, "again", managerApproves()))
                .isInstanceOf(BusinessException.class).hasMessage("该户已经销户");
        assertThatThrownBy(() -> service.restore(cashier, id)).isInstanceOf(BusinessException.class)
                .hasMessage("该户已销户，不能再办理");
        assertThat(service.closureQuote(cashier, id).refund().total()).isEqualTo(Money.ZERO);
        // the closed account, its ended holder period included, passes the integrity checks (`verify`)
        assertThat(db.database().read(io.counterdesk.persistence.Integrity::check)).isEmpty();
    }

    @Test
    void aDepositAlreadyRefundedIsNotPaidTwiceAndAClosureWithoutMoneyNeedsNoManager() {
        receipts();
        long id = account("3300000106", AccountKind.RESIDENTIAL, MeterKind.ORDINARY);
        payDeposit(id);
        FeeItem refund = payments.feeCatalogue().stream().filter(f -> f.code().equals("METER_TEST_REFUND"))
                .findFirst().orElseThrow();
        payments.collect(cashier, id, new PaymentInput(PaymentInput.Bills.NONE, List.of(new FeeItem.Line(refund, 1)),
                Money.ZERO, List.of(), List.of(), Money.ZERO, false, List.of()));
        long paymentsBefore = db.queryLong("SELECT COUNT(*) FROM payment");

        AccountStatusService.Closure closure = service.close(cashier, id, "房屋拆迁", null);

        assertThat(closure.refund().total()).isEqualTo(Money.ZERO);
        assertThat(closure.refundPayment()).isEmpty();
        assertThat(db.queryLong("SELECT COUNT(*) FROM payment")).isEqualTo(paymentsBefore);
        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(db.events("APPROVAL")).isEmpty();
    }

    @Test
    void aClosureThatPaysMoneyBackNeedsTheManager() {
        receipts();
        long id = account("3300000105", AccountKind.NON_RESIDENTIAL, MeterKind.ORDINARY);
        payDeposit(id);

        assertThatThrownBy(() -> service.close(cashier, id, "店铺停业", null)).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("security.approval.required");
        assertThat(status(id)).isEqualTo("ACTIVE");
    }

    @Test
    void aCashierWithoutAnOpenTillIsToldBeforeTheManagerIsCalledOver() {
        receipts();
        long id = account("3300000105", AccountKind.NON_RESIDENTIAL, MeterKind.ORDINARY);
        payDeposit(id);
        Operator noTill = db.addOperator("1002", "李娜", Role.CASHIER, "demo1002");

        assertThat(service.closureQuote(noTill, id).refusal()).hasValueSatisfying(e -> assertThat(e.key())
                .isEqualTo("payment.till.notOpen"));
        assertThatThrownBy(() -> service.close(noTill, id, "停业", db.auth().authoriseApprover(noTill, "2001",
                "demo2001".toCharArray()))).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("payment.till.notOpen");
        assertThat(status(id)).isEqualTo("ACTIVE");
        // without money to pay back no till is needed
        long nothingBack = account("3300000106", AccountKind.NON_RESIDENTIAL, MeterKind.ORDINARY);
        assertThat(service.closureQuote(noTill, nothingBack).closable()).isTrue();
    }

    @Test
    void aClosureWhoseRefundReceiptCannotBeNumberedChangesNothing() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1001, 1001);
        long id = account("3300000105", AccountKind.NON_RESIDENTIAL, MeterKind.ORDINARY);
        payDeposit(id); // uses the last receipt number
        ApprovalGrant grant = managerApproves();
        long events = db.events().size();
        long approvals = db.queryLong("SELECT COUNT(*) FROM approval");

        assertThatThrownBy(() -> service.close(cashier, id, "店铺停业", grant))
                .isInstanceOf(BusinessException.class).extracting(e -> ((BusinessException) e).key())
                .asString().startsWith("receipt.");

        assertThat(status(id)).isEqualTo("ACTIVE");
        assertThat(db.queryLong("SELECT COUNT(*) FROM payment")).isEqualTo(1);
        assertThat(db.queryLong("SELECT COUNT(*) FROM till_posting WHERE kind = 'CASH_OUT'")).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM approval")).isEqualTo(approvals);
        assertThat(db.queryLong("SELECT COUNT(*) FROM holder_period WHERE valid_to IS NOT NULL")).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM account_status_change")).isZero();
        assertThat(db.events()).hasSize((int) events);
        // with new stock the same closure goes through
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 2001, 2100);
        assertThat(service.close(cashier, id, "店铺停业", managerApproves()).refundPayment()).isPresent();
        assertThat(status(id)).isEqualTo("CLOSED");
    }

    @Test
    void anAccountThatOwesIsNotClosedSuspendedOrNot() {
        long id = overdue();
        assertThat(service.closureQuote(cashier, id).refusal()).hasValueSatisfying(e -> assertThat(e.getMessage())
                .isEqualTo("该户还欠 ¥440.00（含今日滞纳金）：请先缴清，再销户"));
        service.suspend(cashier, id, "逾期");
        assertThatThrownBy(() -> service.close(cashier, id, "停业", managerApproves()))
                .isInstanceOf(BusinessException.class)
                .hasMessage("该户停气中且还欠 ¥440.00（含今日滞纳金）：请先缴清欠费和滞纳金，再销户");
        assertThat(status(id)).isEqualTo("SUSPENDED");
    }

    @Test
    void anIcAccountIsNotClosedWhileAWriteIsOpenOrItsGasIsNotLoaded() {
        long id = account("3300000107", AccountKind.RESIDENTIAL, MeterKind.IC);
        db.execute("INSERT INTO ic_card(serial, account_id, profile, issue_no, status, issued_at, issued_by)"
                + " VALUES ('C0001', " + id + ", 'SLE4442', 1, 'ACTIVE', CURRENT_TIMESTAMP, " + cashier.id() + ")");
        String purchase = "INSERT INTO gas_purchase(account_id, card_serial, purchase_no, kind, volume_m3, amount_fen,"
                + " business_day, status, created_at, created_by) VALUES (" + id + ", 'C0001', %d, 'PURCHASE', 20, 5600,"
                + " DATE '2025-03-01', '%s', CURRENT_TIMESTAMP, " + cashier.id() + ")";
        db.execute(purchase.formatted(1, "COMPLETED"));
        db.execute(purchase.formatted(2, "PENDING"));
        assertThatThrownBy(() -> service.close(cashier, id, "销户", null)).isInstanceOf(BusinessException.class)
                .hasMessageStartingWith("该户第 2 次购气还未确认写入 IC 卡");

        db.execute("UPDATE gas_purchase SET status = 'COMPLETED' WHERE purchase_no = 2");
        String read = "INSERT INTO meter_card_read(account_id, card_serial, read_at, purchase_count, loaded,"
                + " remaining_centi_m3, cumulative_use_centi_m3, valve_open, tamper_events) VALUES (" + id
                + ", 'C0001', CURRENT_TIMESTAMP, %d, %s, 0, 0, TRUE, 0)";
        db.execute(read.formatted(1, "TRUE"));
        db.execute(read.formatted(2, "FALSE"));
        assertThatThrownBy(() -> service.close(cashier, id, "销户", null)).isInstanceOf(BusinessException.class)
                .hasMessageStartingWith("该户第 2 次购气的气量还未见读入表具");
        assertThat(status(id)).isEqualTo("ACTIVE");

        db.execute(read.formatted(2, "TRUE"));
        service.close(cashier, id, "销户", null);
        assertThat(status(id)).isEqualTo("CLOSED");
    }
}
