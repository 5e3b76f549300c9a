package io.counterdesk.checkout.ui;

import io.counterdesk.checkout.ReceiptDrafts;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.printing.PreviewRenderer;
import io.counterdesk.receipt.ReceiptLetterhead;
import io.counterdesk.receipt.StockRange;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import java.util.ArrayList;
import java.util.List;

/** The confirmation: the quoted plan, the exact input that will be taken, the receipts to print. */
public record Confirmation(PaymentPlan plan, PaymentInput input, List<DraftView> drafts) {
    public Confirmation {
        drafts = List.copyOf(drafts);
    }

    /**
     * The confirmation of a quoted payment: the receipts it will print, laid out and rendered, with
     * the numbers the cashier's stock will give. Refuses when a receipt kind has no stock. Runs in
     * the background (it renders images); shared with the other screens that take money.
     */
    public static Confirmation of(PaymentPlan quoted, PaymentInput input, ReceiptDrafts.Head head,
                                    ReceiptLetterhead letterhead, List<StockRange> ranges,
                                    PreviewRenderer renderer) {
        List<DraftView> drafts = new ArrayList<>();
        for (ReceiptDrafts.Draft draft : ReceiptDrafts.of(quoted, input, head, letterhead, ReceiptDrafts.forecast(ranges))) {
            if (draft.expectedNumber().isEmpty()) {
                throw new BusinessException("receipt.stock.none", I18n.text("receipt.kind." + draft.kind().name()));
            }
            drafts.add(new DraftView(draft.title(), draft.expectedNumber(), draft.document(),
                    renderer.render(draft.document())));
        }
        return new Confirmation(quoted, input, drafts);
    }
}
