package io.counterdesk.till;

import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.NewAccount;
import io.counterdesk.account.TestAccounts;
import io.counterdesk.billing.BillRepository;
import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.payment.FeeItem;
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
        accounts++;
        String accountNo = String.format("80000%05d", accounts);
        NewAccount base = TestAccounts.residential(MeterKind.ORDINARY, "M" + accountNo);
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
                Denomination.Y1, (int) (fen % 1_000 / 100), Denomination.J1, (int) (fen % 100 / 10)));
    }
}
