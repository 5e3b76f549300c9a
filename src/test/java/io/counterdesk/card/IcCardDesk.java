package io.counterdesk.card;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.TestAccounts;
import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.billing.Tariff;
import io.counterdesk.billing.TariffRepository;
import io.counterdesk.billing.TariffTier;
import io.counterdesk.card.virtual.SimulatedMeter;
import io.counterdesk.card.virtual.SimulatedReaders;
import io.counterdesk.card.virtual.VirtualCard;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentService;
import io.counterdesk.payment.VoucherRule;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.security.ApprovalGrant;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.Operator;
import io.counterdesk.security.OperatorRepository;
import io.counterdesk.security.Role;
import io.counterdesk.shared.Money;
import io.counterdesk.till.TillService;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The IC-card counter on a real H2 file with the simulated reader behind the real
 * {@code javax.smartcardio} API: one IC account (meter 8000000001) with a residential tiered
 * tariff (≤ 300 m³ ¥2.50, ≤ 600 m³ ¥3.00, above ¥3.75), a cashier with an open till and receipt
 * stock, a hall manager, and blank SLE4442 cards to put into the reader.
 */
final class IcCardDesk {

    static final String READER = "柜台读卡器";
    static final String METER_NO = "8000000001";
    static final byte[] SECRET = "counterdesk-test-utility-secret!".getBytes(StandardCharsets.US_ASCII);

    final TestDatabase db;
    final Operator cashier;
    final Operator manager;
    final PaymentService payments;
    final TopUpService topUps;
    final CardIssueService issuing;
    final CardKeys keys = new CardKeys(SECRET);
    final SimulatedReaders readers = new SimulatedReaders().plugIn(READER);
    final CardAccess card;
    final long accountId;

    IcCardDesk(TestDatabase db) {
        this(db, true);
    }

    private IcCardDesk(TestDatabase db, boolean fresh) {
        this.db = db;
        ApprovalRecorder approvals = new ApprovalRecorder(db.journal());
        payments = new PaymentService(db.database(), db.journal(), db.terminal(), approvals, LateFeeRule.DEFAULT,
                VoucherRule.DEFAULT);
        topUps = new TopUpService(db.database(), db.journal(), approvals, payments,
                new GasPricing(GasPricing.DEFAULT_MAX_PURCHASE_M3));
        issuing = new CardIssueService(db.database(), db.journal(), approvals, topUps, 3301, 1);
        card = CardReaders.of(readers.terminalFactory()).access(READER, keys);
        if (!fresh) {
            // services take only a logged-in operator (ADR 0013)
            cashier = db.auth().login("1001", "demo1001".toCharArray());
            manager = db.auth().login("2001", "demo2001".toCharArray());
            accountId = db.database().read(tx -> new AccountRepository().findByAccountNo(tx, "3300000001"))
                    .orElseThrow().id();
            return;
        }
        cashier = db.addOperator("1001", "王伟", Role.CASHIER, "demo1001");
        manager = db.addOperator("2001", "张敏", Role.MANAGER, "demo2001");
        ReceiptStockService stock = new ReceiptStockService(db.database(), db.journal(), approvals);
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1001, 1999);
        new TillService(db.database(), db.journal(), db.terminal()).open(cashier, Money.ofYuan(500));
        accountId = db.database().inTransaction(tx -> {
            new TariffRepository().insert(tx, new Tariff(0, "RES", "居民生活用气（阶梯）", AccountKind.RESIDENTIAL, null,
                    LocalDate.of(2020, 1, 1), List.of(new TariffTier(1, 300L, Money.parse("2.50")),
                    new TariffTier(2, 600L, Money.parse("3.00")), new TariffTier(3, null, Money.parse("3.75")))));
            return new AccountRepository().insert(tx, TestAccounts.residential(MeterKind.IC, METER_NO));
        });
    }

    /** The same desk over a database that was closed and opened again (a restarted program). */
    static IcCardDesk reopened(TestDatabase db) {
        return new IcCardDesk(db, false);
    }

    /** Puts a new blank card into the reader and returns it. */
    VirtualCard insertBlank() {
        VirtualCard blank = VirtualCard.sle4442();
        readers.remove(READER);
        readers.insert(READER, blank);
        return blank;
    }

    void insert(VirtualCard card) {
        readers.remove(READER);
        readers.insert(READER, card);
    }

    /** A blank card issued to the account, in the reader. */
    VirtualCard issuedCard() {
        VirtualCard blank = insertBlank();
        issuing.issueFirst(cashier, card, accountId);
        return blank;
    }

    SimulatedMeter meter() {
        return new SimulatedMeter(METER_NO, keys);
    }

    ApprovalGrant managerApproves() {
        return db.auth().authoriseApprover(cashier, "2001", "demo2001".toCharArray());
    }

    static PaymentInput cash(String yuan) {
        return PaymentInput.cash(Money.parse(yuan));
    }

    long count(String sql) {
        return db.queryLong(sql);
    }
}
