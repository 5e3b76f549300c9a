package io.counterdesk.till;

import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.NewAccount;
import io.counterdesk.account.TestAccounts;
import io.counterdesk.billing.BillRepository;
import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.payment.FeeItem;
import io.counterdesk.payment.VoucherBatch;
import io.counterdesk.receipt.IssuedReceipt;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Set;
import io.counterdesk.payment.MoneyTender;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.payment.PaymentService;
import io.counterdesk.payment.TenderKind;
import io.counterdesk.payment.VoucherRule;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A hall's day for close tests on a {@link TestDatabase} (the clock at 2025-03-10 09:30): cashier
 * 王伟 (1001) with receipt stock and a till opened with a 500-yuan float, manager 张敏 (2001), and
 * ordinary accounts with unpaid bills, all through the real services.
 */
public final class DayAtTheCounter {

    public final TestDatabase db;
    public final Operator cashier;
    public final Operator manager;
    public final ApprovalRecorder approvals;
    public final PaymentService payments;
    public final ReceiptStockService stock;
    public final TillService tills;
    public final DayCloseService close;
    private int accounts;

    public DayAtTheCounter(TestDatabase db) {
        this.db = db;
        cashier = db.addOperator("1001", "王伟", Role.CASHIER, "demo1001");
        manager = db.addOperator("2001", "张敏", Role.MANAGER, "demo2001");
        approvals = new ApprovalRecorder(db.journal());
        payments = new PaymentService(db.database(), db.journal(), db.terminal(), approvals, LateFeeRule.DEFAULT,
                VoucherRule.DEFAULT);
        stock = new ReceiptStockService(db.database(), db.journal(), approvals);
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1001, 1100);
        stock.register(manager, "1001", ReceiptKind.CHECK_SLIP, 501, 600);
        tills = new TillService(db.database(), db.journal(), db.terminal());
        tills.open(cashier, Money.ofYuan(500));
        close = new DayCloseService(db.database(), db.journal(), db.terminal());
    }

    /** Another cashier with stock and an open till. */
    public Operator colleague(String staffNo, String name, long firstReceipt) {
        Operator other = db.addOperator(staffNo, name, Role.CASHIER, "demo" + staffNo);
        stock.register(manager, staffNo, ReceiptKind.RECEIPT, firstReceipt, firstReceipt + 99);
        tills.open(other, Money.ofYuan(200));
        return other;
    }

    /** A new ordinary account owing one bill of {@code amount} for January (late fee from 21 Feb). */
    public long accountOwing(String amount) {
        return accountOwing(amount, MeterKind.ORDINARY);
    }

    /** A new IC-card account owing one bill of {@code amount}: gas is sold only to these (payments). */
    public long icAccountOwing(String amount) {
        return accountOwing(amount, MeterKind.IC);
    }

    /**
     * A new ordinary account owing one bill of {@code amount} that holds the 300-yuan meter-test
     * deposit (表具检测押金), so its refund may be paid: legacy data from before the day, moved in from
     * the holder's other account in 2024 (a balance move, outside the day's figures and receipts).
     */
    public long accountHoldingTestDeposit(String amount) {
        long id = accountOwing(amount);
        long other = db.database().inTransaction(tx -> {
            NewAccount base = TestAccounts.residential(MeterKind.ORDINARY, "L" + id);
            return new AccountRepository().insert(tx, new NewAccount(String.format("79000%05d", id), base.kind(), null,
                    base.meterKind(), base.meterNo(), null, base.address(), base.holder(), base.openedOn()));
        });
        db.execute("INSERT INTO approval(action, subject, reason, requested_by, approved_by, approved_at) VALUES"
                + " ('MOVE_BALANCE', 'account:" + id + "', '历史数据', " + manager.id() + ", " + manager.id()
                + ", TIMESTAMP WITH TIME ZONE '2024-06-01 10:00:00+08:00')");
        db.execute("INSERT INTO balance_move(from_account_id, to_account_id, kind, deposit_code, amount_fen, reason,"
                + " approval_id, moved_at, moved_by) VALUES (" + other + ", " + id + ", 'DEPOSIT', 'METER_TEST_DEPOSIT', 30000,"
                + " '历史数据', (SELECT MAX(id) FROM approval), TIMESTAMP WITH TIME ZONE '2024-06-01 10:00:00+08:00', "
                + manager.id() + ")");
        return id;
    }

    private long accountOwing(String amount, MeterKind meterKind) {
        accounts++;
        String accountNo = String.format("80000%05d", accounts);
        NewAccount base = TestAccounts.residential(meterKind, "M" + accountNo);
        long id = db.database().inTransaction(tx -> new AccountRepository().insert(tx, new NewAccount(accountNo,
                base.kind(), null, base.meterKind(), base.meterNo(), null, base.address(), base.holder(), base.openedOn())));
        db.database().inTransaction(tx -> {
            new BillRepository().insertAll(tx, List.of(new BillRepository.NewBill(id, YearMonth.of(2025, 2), 1000,
                    1010, 10, Money.parse(amount), LocalDate.of(2025, 2, 28), Money.ZERO)));
            return null;
        });
        return id;
    }

    /** Pays all of an account's bills in cash. */
    public PaymentResult payCash(Operator who, long accountId, String cash) {
        return payments.collect(who, accountId, PaymentInput.cash(Money.parse(cash)));
    }

    /** Pays all bills with one bank tender (BANK_CARD or BANK_SLIP). */
    public PaymentResult payBank(Operator who, long accountId, TenderKind kind, String amount, String reference) {
        return payments.collect(who, accountId, new PaymentInput(PaymentInput.Bills.ALL, List.of(), Money.ZERO,
                List.of(new MoneyTender(kind, Money.parse(amount), reference)), List.of(), Money.ZERO, false, List.of()));
    }

    /** Takes (or, for a refund item, pays back) one fee item in cash. */
    public PaymentResult fee(Operator who, long accountId, String code, String cash) {
        FeeItem item = payments.feeCatalogue().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
        return payments.collect(who, accountId, new PaymentInput(PaymentInput.Bills.NONE,
                List.of(new FeeItem.Line(item, 1)), Money.parse(cash), List.of(), List.of(), Money.ZERO, false, List.of()));
    }

    /** A count of exactly {@code amount} in 100s, 10s, 1s and 0.1s. */
    public static CashCount countOf(Money amount) {
        long fen = amount.fen();
        return new CashCount(Map.of(Denomination.Y100, (int) (fen / 10_000), Denomination.Y10, (int) (fen % 10_000 / 1_000),
                Denomination.Y1, (int) (fen % 1_000 / 100), Denomination.J1, (int) (fen % 100 / 10),
                Denomination.F1, (int) (fen % 10)));
    }

    /**
     * A day of mixed business on 2025-03-10: cash with change, bank card, bank slip, a fee item, a
     * refund, vouchers with face-value cash, IC gas (its money side), a void, a reprint, a deposit at
     * 15:30, a count 10 yuan short, the close with its explanation. Expected cash 500 + 1480 − 20 −
     * 300 − 1000 = 660; counted 650.
     */
    public void mixedDay() {
        DayAtTheCounter day = this;
        day.payCash(cashier, day.accountOwing("80.00"), "100.00");                        // 1001, change 20
        day.payBank(cashier, day.accountOwing("120.00"), TenderKind.BANK_CARD, "120.00", "POS-0001"); // 1002
        day.payBank(cashier, day.accountOwing("45.50"), TenderKind.BANK_SLIP, "45.50", "BS-0310-1");   // 1003
        day.fee(cashier, day.accountOwing("1.00"), "DISMANTLING", "20.00");               // 1004
        day.fee(cashier, day.accountHoldingTestDeposit("1.00"), "METER_TEST_REFUND", "0"); // 1005, 300 out
        long voucherAccount = day.accountOwing("29.00");                                  // 10 m³
        day.payments.collect(cashier, voucherAccount, new PaymentInput(PaymentInput.Bills.ALL, List.of(),
                Money.ofYuan(10), List.of(), List.of(new VoucherBatch(2, Money.ofYuan(5), java.time.LocalDate.of(2025, 4, 10))),
                Money.ZERO, false, List.of()));                                          // check slips 501 (vouchers) and 502 (the face-value cash)
        FeeItem gas = FeeItem.gasTier(1, "第一档 3.00 元/m³", Money.ofYuan(3));
        day.payments.collect(cashier, day.icAccountOwing("1.00"), new PaymentInput(PaymentInput.Bills.NONE,
                List.of(new FeeItem.Line(gas, 100)), Money.ofYuan(300), List.of(), List.of(), Money.ZERO, false,
                List.of()));                                                              // 1006
        PaymentResult wrong = day.payCash(cashier, day.accountOwing("1050.00"), "1050.00");   // 1007
        IssuedReceipt voided = wrong.receipts().get(0);
        day.stock.voidReceipt(cashier, voided.kind(), voided.number(), "打印错位",
                db.auth().authoriseApprover(cashier, "2001", "demo2001".toCharArray()));
        day.stock.recordPrinted(cashier, voided.id());
        day.stock.recordPrinted(cashier, voided.id());                                    // a copy
        db.clock().set(LocalDateTime.of(2025, 3, 10, 15, 30).atZone(TestDatabase.ZONE).toInstant());
        day.close.deposit(cashier, Money.ofYuan(1000));                                   // 王伟3-1
        db.clock().advance(Duration.ofHours(2));
        long card = day.close.sheet(cashier).slips().stream().filter(s -> s.kind().equals(SystemSlip.BANK_CARD))
                .findFirst().orElseThrow().postingId();
        long slip = day.close.sheet(cashier).slips().stream().filter(s -> s.kind().equals(SystemSlip.BANK_SLIP))
                .findFirst().orElseThrow().postingId();
        day.close.count(cashier, DayAtTheCounter.countOf(Money.ofYuan(650)), Set.of(card, slip));
        day.close.close(cashier, "少收十元");
    }
}
