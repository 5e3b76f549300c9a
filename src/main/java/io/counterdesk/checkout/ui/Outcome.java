package io.counterdesk.checkout.ui;

import io.counterdesk.payment.PaymentResult;
import java.util.List;

/** A taken payment and its receipts as they stand. */
public record Outcome(PaymentResult result, List<ReceiptView> receipts) {
    public Outcome {
        receipts = List.copyOf(receipts);
    }

    public boolean allPrinted() {
        return receipts.stream().allMatch(ReceiptView::printed);
    }
}
