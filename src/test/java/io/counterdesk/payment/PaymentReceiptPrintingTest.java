package io.counterdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.TestAccounts;
import io.counterdesk.billing.BillRepository;
import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.persistence.Settings;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.printing.CapturedJob;
import io.counterdesk.printing.PrinterConfig;
import io.counterdesk.printing.PrinterStatus;
import io.counterdesk.printing.Printers;
import io.counterdesk.printing.ReceiptPrinter;
import io.counterdesk.receipt.PrintOutcome;
import io.counterdesk.receipt.ReceiptContent;
import io.counterdesk.receipt.ReceiptPart;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptMac;
import io.counterdesk.receipt.ReceiptPrinting;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import io.counterdesk.shared.Money;
import io.counterdesk.till.TillService;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Receipts of committed payments go to a real capture printer over TCP and are decoded back. */
class PaymentReceiptPrintingTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private Operator cashier;
    private PaymentService payments;
    private ReceiptPrinter printer;
    private CapturePrinter capture;
    private ReceiptPrinting printing;
    private long accountId;

    @BeforeEach
    void setUp() {
        cashier = db.addOperator("1001", "王伟", Role.CASHIER, "demo1001");
        Operator manager = db.addOperator("2001", "张敏", Role.MANAGER, "demo2001");
        ApprovalRecorder approvals = new ApprovalRecorder(db.journal());
        payments = new PaymentService(db.database(), db.journal(), db.terminal(), approvals, LateFeeRule.DEFAULT,
                VoucherRule.DEFAULT);
        ReceiptStockService stock = new ReceiptStockService(db.database(), db.journal(), approvals);
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 10_001, 15_000);
        stock.register(manager, "1001", ReceiptKind.CHECK_SLIP, 20_001, 25_000);
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
        printer = Printers.open(PrinterConfig.capture());
        capture = printer.capturePrinter().orElseThrow();
        printing = new ReceiptPrinting(db.database(), db.terminal(), stock, printer);
    }

    @AfterEach
    void closePrinter() {
        printer.close();
    }

    @Test
    void printsTheReceiptWithNumberLinesTendersChangeCapitalsAndAVerifiableCode() throws Exception {
        PaymentResult result = payments.collect(cashier, accountId, PaymentInput.cash(Money.ofYuan(100)));
        PrintOutcome outcome = printing.print(cashier, result.receipts());

        assertThat(outcome.allPrinted()).isTrue();
        List<String> lines = capture.awaitJobs(1, Duration.ofSeconds(10)).get(0).lines();
        String text = String.join("\n", lines);
        assertThat(text).contains("测试营业厅", "收款收据", "00010001", "1001", "3300000001", "王**",
                "2025-01 滞纳金", "3.00", "2025-01 气费", "58.00", "2025-02 气费", "29.00",
                "￥90.00", "玖拾元整", "现金实收", "100.00", "找零", "￥10.00", "96777", "[DRAWER]", "[CUT]");
        assertThat(text).doesNotContain("重打");

        String qr = lines.stream().filter(l -> l.startsWith("[QR]")).findFirst().orElseThrow().substring(4).strip();
        String[] parts = qr.split("\\|");
        String canonical = String.join("|", java.util.Arrays.copyOfRange(parts, 1, parts.length - 1));
        byte[] key = db.database().read(tx -> new Settings().secret(tx, ReceiptMac.KEY_SETTING));
        assertThat(ReceiptMac.verify(key, canonical, parts[parts.length - 1])).isTrue();
        assertThat(canonical).contains("|10001|3300000001|9000|");
    }

    @Test
    void aVoucherPaymentPrintsAVoucherCheckSlipAndACashCheckSlip() throws Exception {
        PaymentResult result = payments.collect(cashier, accountId, new PaymentInput(PaymentInput.Bills.ALL, List.of(),
                Money.parse("40.00"), List.of(), List.of(new VoucherBatch(4, Money.ZERO, LocalDate.of(2025, 3, 31))),
                Money.ZERO, false, List.of()));
        printing.print(cashier, result.receipts());

        List<CapturedJob> jobs = capture.awaitJobs(2, Duration.ofSeconds(10));
        assertThat(jobs.get(0).text()).contains("燃气票核对单", "00020001", "2025-01 气费（燃气票） 20 m3", "58.00",
                "燃气票 4 张", "燃气票抵扣").doesNotContain("找零").doesNotContain("[DRAWER]");
        assertThat(jobs.get(1).text()).contains("现金核对单", "00020002", "2025-01 滞纳金", "2025-02 气费",
                "找零", "￥8.00", "[DRAWER]");
    }

    @Test
    void aReceiptThatMeetsAnEmptyPrinterKeepsItsNumberAndPrintsWhenResumed() throws Exception {
        capture.simulate(PrinterStatus.PAPER_OUT);
        PaymentResult result = payments.collect(cashier, accountId, PaymentInput.cash(Money.ofYuan(100)));
        PrintOutcome failed = printing.print(cashier, result.receipts());

        assertThat(failed.allPrinted()).isFalse();
        assertThat(failed.failure()).get().extracting(e -> e.status()).isEqualTo(PrinterStatus.PAPER_OUT);
        assertThat(capture.jobs()).isEmpty();
        assertThat(printing.unprinted(cashier)).hasSize(1);

        capture.simulate(PrinterStatus.ONLINE);
        PrintOutcome resumed = printing.resume(cashier);

        assertThat(resumed.allPrinted()).isTrue();
        String text = capture.awaitJobs(1, Duration.ofSeconds(10)).get(0).text();
        assertThat(text).contains("00010001").doesNotContain("重打").doesNotContain("[DRAWER]");
        assertThat(printing.unprinted(cashier)).isEmpty();
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt")).isEqualTo(1);
    }

    @Test
    void aReprintIsMarkedAsACopyAndLogged() throws Exception {
        PaymentResult result = payments.collect(cashier, accountId, PaymentInput.cash(Money.ofYuan(100)));
        printing.print(cashier, result.receipts());
        printing.reprint(cashier, ReceiptKind.RECEIPT, 10_001);

        List<CapturedJob> jobs = capture.awaitJobs(2, Duration.ofSeconds(10));
        assertThat(jobs.get(1).text()).contains("重打", "00010001").doesNotContain("[DRAWER]");
        assertThat(db.events("RECEIPT_REPRINTED")).hasSize(1);
    }

    /**
     * Issue 14: the vouchers' face-value cash is paid in money, so it is on the cash check slip, and
     * each slip adds up on its own (today the cash slip showed 实收 100.00, 合计 32.00, 找零 67.00).
     */
    @Test
    void withVouchersAndCashEachCheckSlipAddsUpOnItsOwn() throws Exception {
        PaymentResult result = payments.collect(cashier, accountId, new PaymentInput(PaymentInput.Bills.ALL, List.of(),
                Money.ofYuan(100), List.of(), List.of(new VoucherBatch(4, Money.parse("0.25"), LocalDate.of(2025, 3, 31))),
                Money.ZERO, false, List.of()));
        PrintOutcome outcome = printing.print(cashier, result.receipts());
        assertThat(outcome.printed()).hasSize(2);
        assertThat(outcome.documents()).hasSize(2);

        ReceiptContent voucherSlip = printing.content(result.receipts().get(0).id());
        ReceiptContent cashSlip = printing.content(result.receipts().get(1).id());
        assertThat(voucherSlip.part()).isEqualTo(ReceiptPart.VOUCHER);
        assertThat(sum(voucherSlip.items())).isEqualTo(voucherSlip.total());
        assertThat(sum(voucherSlip.tenders())).as("the vouchers settle the voucher slip").isEqualTo(voucherSlip.total());
        assertThat(voucherSlip.change()).isEqualTo(Money.ZERO);

        assertThat(cashSlip.part()).isEqualTo(ReceiptPart.CASH);
        assertThat(sum(cashSlip.items())).isEqualTo(cashSlip.total());
        assertThat(cashSlip.total()).isEqualTo(Money.parse("33.00"));
        assertThat(sum(cashSlip.tenders()).minus(cashSlip.change()).minus(cashSlip.creditAdded()))
                .as("实收 − 找零 = 合计").isEqualTo(cashSlip.total());
        List<CapturedJob> jobs = capture.awaitJobs(2, Duration.ofSeconds(10));
        assertThat(jobs.get(0).text()).doesNotContain("燃气票面值现金");
        assertThat(jobs.get(1).text()).contains("燃气票面值现金", "1.00", "现金实收", "100.00", "￥33.00", "找零", "￥67.00");
        assertThat(outcome.documents().get(1)).isEqualTo(printing.document(result.receipts().get(1).id()));
        // the verification code covers the slip's own total
        assertThat(jobs.get(1).lines().stream().filter(l -> l.startsWith("[QR]")).findFirst().orElseThrow())
                .contains("|3300000001|3300|");
    }

    private static Money sum(List<ReceiptContent.Item> items) {
        return items.stream().map(ReceiptContent.Item::amount).reduce(Money.ZERO, Money::plus);
    }
}
