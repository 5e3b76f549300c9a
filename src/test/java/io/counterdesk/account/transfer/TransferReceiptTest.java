package io.counterdesk.account.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.Holder;
import io.counterdesk.account.IdType;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.opening.Applications;
import io.counterdesk.account.opening.BuildingType;
import io.counterdesk.account.opening.Document;
import io.counterdesk.account.opening.OpeningDesk;
import io.counterdesk.account.opening.OpeningResult;
import io.counterdesk.billing.BillRepository;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.printing.PrinterConfig;
import io.counterdesk.printing.Printers;
import io.counterdesk.printing.ReceiptPrinter;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptPrinting;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.shared.Money;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A receipt names the holder the account had when the payment was made, not the one it has when the
 * receipt prints: the arrears a transfer (过户) collects are the old holder's, and so is an older
 * receipt reprinted after the transfer. Decoded from a real capture printer.
 */
class TransferReceiptTest {

    private static final Holder NEW_HOLDER = new Holder("陈静", IdType.RESIDENT_ID, Applications.LEGAL_REP_ID,
            "13700001111");

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private OpeningDesk desk;
    private TransferService transfers;
    private ReceiptPrinter printer;
    private CapturePrinter capture;
    private ReceiptPrinting printing;
    private OpeningResult opened;

    @BeforeEach
    void setUp() {
        desk = new OpeningDesk(db);
        transfers = new TransferService(db.database(), db.journal(), desk.payments, desk.serviceTimes);
        printer = Printers.open(PrinterConfig.capture());
        capture = printer.capturePrinter().orElseThrow();
        printing = new ReceiptPrinting(db.database(), db.terminal(),
                new ReceiptStockService(db.database(), db.journal(), new ApprovalRecorder(db.journal())), printer);
        desk.insertBlank();
        opened = desk.openings.open(desk.cashier, Applications.household(BuildingType.HIGH_RISE, MeterKind.IC,
                "8900000001"), PaymentInput.cash(Money.ofYuan(2850)), desk.card, null);
        db.database().inTransaction(tx -> {
            new BillRepository().insertAll(tx, List.of(new BillRepository.NewBill(opened.accountId(),
                    YearMonth.of(2025, 1), 0, 20, 20, Money.parse("58.00"), LocalDate.of(2025, 1, 31), Money.ZERO)));
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        printer.close();
        desk.close();
    }

    @Test
    void theArrearsReceiptOfATransferAndAnOlderReprintNameTheOldHolderALaterPaymentTheNewOne() throws Exception {
        printing.print(desk.cashier, opened.payment().orElseThrow().receipts());
        TransferResult result = transfers.transfer(desk.cashier, opened.accountId(), new TransferApplication(
                NEW_HOLDER, null, EnumSet.of(Document.FEE_INVOICE, Document.PROPERTY_PROOF, Document.HOLDER_ID)),
                PaymentInput.cash(Money.ofYuan(100)), null);
        PaymentResult arrears = result.arrearsPayment().orElseThrow();

        printing.print(desk.cashier, arrears.receipts());
        long openingReceipt = opened.payment().orElseThrow().receipts().get(0).number();
        printing.reprint(desk.cashier, ReceiptKind.RECEIPT, openingReceipt);
        db.database().inTransaction(tx -> {
            new BillRepository().insertAll(tx, List.of(new BillRepository.NewBill(opened.accountId(),
                    YearMonth.of(2025, 2), 20, 30, 10, Money.parse("29.00"), LocalDate.of(2025, 3, 31), Money.ZERO)));
            return null;
        });
        PaymentResult later = desk.payments.collect(desk.cashier, opened.accountId(), PaymentInput.cash(Money.ofYuan(29)));
        printing.print(desk.cashier, later.receipts());
        printing.reprint(desk.cashier, ReceiptKind.RECEIPT, arrears.receipts().get(0).number());

        List<String> texts = capture.awaitJobs(5, Duration.ofSeconds(10)).stream().map(j -> j.text()).toList();
        assertThat(texts.get(0)).as("the opening's receipt").contains("报装费", "李*");
        assertThat(texts.get(1)).as("the arrears collected by the transfer").contains("2025-01 气费", "李*")
                .doesNotContain("陈*");
        assertThat(texts.get(2)).as("the opening's receipt reprinted after the transfer").contains("重打", "李*")
                .doesNotContain("陈*");
        assertThat(texts.get(3)).as("the new holder's first payment").contains("2025-02 气费", "陈*")
                .doesNotContain("李*");
        assertThat(texts.get(4)).as("the arrears receipt reprinted").contains("重打", "2025-01 气费", "李*")
                .doesNotContain("陈*");
    }

    @Test
    void theMigrationGivesEarlierTransfersTheirBoundaryFromTheJournal() throws Exception {
        EnumSet<Document> docs = EnumSet.of(Document.FEE_INVOICE, Document.PROPERTY_PROOF, Document.HOLDER_ID);
        long arrears = transfers.transfer(desk.cashier, opened.accountId(), new TransferApplication(NEW_HOLDER, null,
                docs), PaymentInput.cash(Money.ofYuan(100)), null).arrearsPayment().orElseThrow().paymentId();
        db.clock().advance(Duration.ofHours(1));
        db.database().inTransaction(tx -> {
            new BillRepository().insertAll(tx, List.of(new BillRepository.NewBill(opened.accountId(),
                    YearMonth.of(2025, 2), 20, 30, 10, Money.parse("29.00"), LocalDate.of(2025, 3, 31), Money.ZERO)));
            return null;
        });
        long later = desk.payments.collect(desk.cashier, opened.accountId(), PaymentInput.cash(Money.ofYuan(29)))
                .paymentId();
        db.clock().advance(Duration.ofHours(1));
        transfers.transfer(desk.cashier, opened.accountId(), new TransferApplication(new Holder("周平", IdType.PASSPORT,
                "E12345678", "13600002222"), null, docs), PaymentInput.cash(Money.ZERO), null);
        String boundaries = "SELECT LISTAGG(CAST(after_payment_id AS VARCHAR), ',') WITHIN GROUP (ORDER BY id) "
                + "FROM holder_period WHERE account_id = " + opened.accountId();
        String written = db.database().read(tx -> tx.handle().createQuery(boundaries).mapTo(String.class).one());

        db.execute("UPDATE holder_period SET after_payment_id = 0");
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V15__holder_period_after_payment.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        db.execute(migration.substring(migration.indexOf("UPDATE holder_period")).strip().replaceAll(";$", ""));

        assertThat(written).isEqualTo("0," + arrears + "," + later);
        assertThat(db.database().<String>read(tx -> tx.handle().createQuery(boundaries).mapTo(String.class).one()))
                .isEqualTo(written);
    }
}
