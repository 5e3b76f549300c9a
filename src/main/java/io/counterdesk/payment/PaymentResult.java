package io.counterdesk.payment;

import io.counterdesk.receipt.IssuedReceipt;
import java.util.List;

/** A committed payment: durable on disk before this is returned; receipts are printed after. */
public record PaymentResult(long paymentId, String accountNo, PaymentPlan plan, List<IssuedReceipt> receipts) {

    public PaymentResult {
        receipts = List.copyOf(receipts);
    }
}
