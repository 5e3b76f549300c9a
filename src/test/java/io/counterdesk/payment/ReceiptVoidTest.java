package io.counterdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.printing.PrinterConfig;
import io.counterdesk.printing.Printers;
import io.counterdesk.printing.ReceiptPrinter;
import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptMac;
import io.counterdesk.receipt.ReceiptPrinting;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.receipt.StockListing;
import io.counterdesk.security.ApprovalGrant;
import io.counterdesk.shared.Money;
import io.counterdesk.till.DayAtTheCounter;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14: a receipt whose payment still stands is voided only with its replacement (作废重开), and
 * a voided receipt's printed code no longer verifies as a valid payment.
 */
class ReceiptVoidTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private DayAtTheCounter day;
    private ReceiptPrinter printer;
    private ReceiptPrinting printing;

    @BeforeEach
    void setUp() {
        day = new DayAtTheCounter(db);
        printer = Printers.open(PrinterConfig.capture());
        printing = new ReceiptPrinting(db.database(), db.terminal(), day.stock, printer);
    }

    @AfterEach
    void closePrinter() {
        printer.close();
    }

    private ApprovalGrant manager() {
        return db.auth().authoriseApprover(day.cashier, "2001", "demo2001".toCharArray());
    }

    @Test
    void voidingTheReceiptOfAStandingPaymentIssuesItsReplacementForTheSamePaymentInTheSameTransaction() {
        PaymentResult paid = day.payCash(day.cashier, day.accountOwing("46.40"), "50.00");       // 1001
        IssuedReceipt original = paid.receipts().get(0);
        String printedCode = printing.content(original.id()).qrPayload();
        assertThat(day.stock.verify(printedCode)).isEqualTo(ReceiptMac.Verdict.VALID);

        ReceiptStockService.Voidable form = day.stock.voidable(day.cashier, original.kind(), original.number());
        assertThat(form.amount()).isEqualTo(Money.parse("46.40"));
        assertThat(form.paymentStands()).isTrue();
        ReceiptStockService.Voided voided = day.stock.voidOrReissue(day.cashier, original.kind(), original.number(),
                "打印错位", manager());

        IssuedReceipt replacement = voided.replacement().orElseThrow();
        assertThat(replacement.number()).isEqualTo(1002);
        assertThat(replacement.paymentId()).isEqualTo(paid.paymentId());
        assertThat(replacement.part()).isEqualTo(original.part());
        assertThat(voided.voided().voided()).isTrue();
        assertThat(db.queryLong("SELECT replaced_by FROM receipt WHERE id = " + original.id())).isEqualTo(replacement.id());
        assertThat(db.events("RECEIPT_VOIDED")).singleElement().satisfies(e ->
                assertThat(e.toString()).contains("replacementNumber"));
        // the money has its receipt: the month-end listing shows one used, one void, and the payment a live receipt
        StockListing listing = day.stock.monthEnd(day.manager, YearMonth.of(2025, 3), TestDatabase.ZONE).stream()
                .filter(l -> l.range().kind() == ReceiptKind.RECEIPT).findFirst().orElseThrow();
        assertThat(listing.used()).containsExactly("00001002");
        assertThat(listing.voided()).containsExactly("00001001 打印错位");
        assertThat(printing.content(replacement.id()).total()).isEqualTo(Money.parse("46.40"));
        assertThat(printing.unprinted(day.cashier)).extracting(IssuedReceipt::number).contains(1002L);

        // head office checking the code printed on the voided paper: voided, not a valid payment
        assertThat(day.stock.verify(printedCode)).isEqualTo(ReceiptMac.Verdict.VOIDED);
        assertThat(day.stock.verify(printing.content(replacement.id()).qrPayload())).isEqualTo(ReceiptMac.Verdict.VALID);
        assertThat(day.stock.verify(printedCode.replace("|4640|", "|4650|"))).isEqualTo(ReceiptMac.Verdict.FORGED);
    }

    @Test
    void aReceiptWhosePaymentWasReversedIsVoidedWithoutAReplacement() {
        PaymentResult paid = day.payCash(day.cashier, day.accountOwing("46.40"), "50.00");       // 1001
        new PaymentReversalService(db.database(), db.journal(), db.terminal(), day.approvals)
                .reverse(day.cashier, 1001, "收错户号", manager());                                // 1002
        IssuedReceipt original = paid.receipts().get(0);

        assertThat(day.stock.voidable(day.cashier, original.kind(), 1001).paymentStands()).isFalse();
        ReceiptStockService.Voided voided = day.stock.voidOrReissue(day.cashier, original.kind(), 1001, "打印错位",
                manager());

        assertThat(voided.replacement()).isEmpty();
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt")).isEqualTo(2);
    }
}
