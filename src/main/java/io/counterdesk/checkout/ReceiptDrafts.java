package io.counterdesk.checkout;

import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.payment.PaymentReceipts;
import io.counterdesk.printing.PrintDocument;
import io.counterdesk.receipt.ReceiptContent;
import io.counterdesk.receipt.ReceiptContents;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptLayout;
import io.counterdesk.receipt.ReceiptLetterhead;
import io.counterdesk.receipt.ReceiptPart;
import io.counterdesk.receipt.ReceiptSet;
import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.receipt.StockRange;
import java.util.Comparator;
import io.counterdesk.shared.I18n;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The receipts a payment will print, laid out before it is taken, for the confirmation: the
 * receipts {@link ReceiptSet} decides for the quoted plan, under the same {@link ReceiptLetterhead}
 * (header, footer, time zone) and through the same {@link ReceiptLayout} as the printed receipt.
 * Numbers are only given at commit, so a draft shows the number the cashier's stock will most
 * likely give, marked as expected; it has no verification code or QR code and is headed
 * "预览 · 未收费". {@code PaymentEndToEndTest} and {@code PaymentViewModelTest} compare a draft with
 * the receipt printed after commit.
 */
public final class ReceiptDrafts {

    private ReceiptDrafts() {
    }

    /** One receipt to be printed. */
    public record Draft(ReceiptKind kind, ReceiptPart part, String expectedNumber, PrintDocument document) {

        /** "燃气票核对单", "现金核对单", "收款收据". */
        public String title() {
            return I18n.text("receipt.part." + part.name());
        }
    }

    /** Who and when, for the receipt's head. */
    public record Head(String staffNo, String accountNo, String maskedHolder, String address, Instant at) {
    }

    /** The receipt numbers the cashier's stock will give next, kind by kind. */
    public interface NumberForecast {
        /** The {@code offset}-th next number of {@code kind} (0 = the next), or empty when none is held. */
        String expected(ReceiptKind kind, int offset);
    }

    public static List<Draft> of(PaymentPlan plan, PaymentInput input, Head head, ReceiptLetterhead letterhead,
                          NumberForecast numbers) {
        List<Draft> drafts = new ArrayList<>();
        int checkSlips = 0;
        for (ReceiptSet.Part part : ReceiptSet.of(PaymentReceipts.paid(plan, input))) {
            String number = numbers.expected(part.kind(), part.kind() == ReceiptKind.CHECK_SLIP ? checkSlips++ : 0);
            drafts.add(new Draft(part.kind(), part.part(), number, document(part, head, letterhead, number)));
        }
        return drafts;
    }

    private static PrintDocument document(ReceiptSet.Part part, Head head, ReceiptLetterhead letterhead,
                                          String expectedNumber) {
        String number = expectedNumber.isEmpty() ? I18n.text("ui.pay.draft.numberAtCommit")
                : I18n.text("ui.pay.draft.expectedNumber", expectedNumber);
        ReceiptContent content = ReceiptContents.compose(letterhead, part, number, false, head.at(), head.staffNo(),
                head.accountNo(), head.maskedHolder(), head.address(), I18n.text("ui.pay.draft.codeAtCommit"), "DRAFT",
                null, null);
        PrintDocument printed = ReceiptLayout.layout(content);
        PrintDocument.Builder draft = PrintDocument.builder();
        draft.centered(I18n.text("ui.pay.draft.mark"), io.counterdesk.printing.TextStyle.LARGE);
        for (PrintDocument.Element element : printed.elements()) {
            if (!(element instanceof PrintDocument.QrCode) && !(element instanceof PrintDocument.DrawerKick)
                    && !(element instanceof PrintDocument.Cut)) {
                draft.add(element);
            }
        }
        return draft.build();
    }

    /** The numbers the cashier's stock gives next: the current range of each kind, then the next ones. */
    public static NumberForecast forecast(List<StockRange> ranges) {
        return (kind, offset) -> {
            long left = offset;
            List<StockRange> usable = ranges.stream().filter(r -> r.kind() == kind && r.isActive() && r.remaining() > 0)
                    .sorted(Comparator.comparingLong(StockRange::firstNo)).toList();
            for (StockRange range : usable) {
                if (left < range.remaining()) {
                    return IssuedReceipt.formatNumber(range.nextNo() + left);
                }
                left -= range.remaining();
            }
            return "";
        };
    }
}
