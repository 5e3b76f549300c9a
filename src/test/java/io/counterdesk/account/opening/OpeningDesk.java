package io.counterdesk.account.opening;

import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.card.CardAccess;
import io.counterdesk.card.CardIssueService;
import io.counterdesk.card.CardKeys;
import io.counterdesk.card.CardReaders;
import io.counterdesk.card.GasPricing;
import io.counterdesk.card.TopUpService;
import io.counterdesk.card.virtual.SimulatedReaders;
import io.counterdesk.card.virtual.VirtualCard;
import io.counterdesk.payment.PaymentService;
import io.counterdesk.payment.VoucherRule;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.printing.PrinterConfig;
import io.counterdesk.printing.Printers;
import io.counterdesk.printing.ReceiptPrinter;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import io.counterdesk.servicetime.ServiceTimeService;
import io.counterdesk.shared.Money;
import io.counterdesk.till.TillService;
import java.nio.charset.StandardCharsets;

/**
 * The opening counter on a real H2 file: a cashier (1001) with receipt stock and an open till, a
 * hall manager (2001), the real payment, card and service-time services, the simulated card reader
 * behind {@code javax.smartcardio}, and a capture printer.
 */
public final class OpeningDesk implements AutoCloseable {

    static final String READER = "开户读卡器";

    public final TestDatabase db;
    public final Operator cashier;
    public final Operator manager;
    public final PaymentService payments;
    final CardKeys keys = new CardKeys("counterdesk-opening-test-secret!".getBytes(StandardCharsets.US_ASCII));
    final SimulatedReaders readers = new SimulatedReaders().plugIn(READER);
    public final CardAccess card;
    public final ServiceTimeService serviceTimes;
    public final AccountOpeningService openings;
    final ReceiptPrinter printer = Printers.open(PrinterConfig.capture());
    public final OpeningConfirmations confirmations;

    public OpeningDesk(TestDatabase db) {
        this.db = db;
        ApprovalRecorder approvals = new ApprovalRecorder(db.journal());
        payments = new PaymentService(db.database(), db.journal(), db.terminal(), approvals,
                LateFeeRule.DEFAULT, VoucherRule.DEFAULT);
        TopUpService topUps = new TopUpService(db.database(), db.journal(), approvals, payments,
                new GasPricing(GasPricing.DEFAULT_MAX_PURCHASE_M3));
        CardIssueService issuing = new CardIssueService(db.database(), db.journal(), approvals, topUps, 3301, 1);
        card = CardReaders.of(readers.terminalFactory()).access(READER, keys);
        serviceTimes = new ServiceTimeService(db.database(), db.journal());
        openings = new AccountOpeningService(db.database(), db.journal(), payments, issuing, serviceTimes);
        confirmations = new OpeningConfirmations(openings, db.database(), db.terminal(), printer);
        cashier = db.addOperator("1001", "王伟", Role.CASHIER, "demo1001");
        manager = db.addOperator("2001", "张敏", Role.MANAGER, "demo2001");
        new ReceiptStockService(db.database(), db.journal(), approvals)
                .register(manager, "1001", ReceiptKind.RECEIPT, 10001, 10999);
        new TillService(db.database(), db.journal(), db.terminal()).open(cashier, Money.ofYuan(500));
    }

    CapturePrinter capture() {
        return printer.capturePrinter().orElseThrow();
    }

    public VirtualCard insertBlank() {
        VirtualCard blank = VirtualCard.sle4442();
        readers.remove(READER);
        readers.insert(READER, blank);
        return blank;
    }

    public long count(String sql) {
        return db.queryLong(sql);
    }

    @Override
    public void close() {
        printer.close();
    }
}
