package io.counterdesk.payment;

import io.counterdesk.receipt.ReceiptSet;
import io.counterdesk.shared.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * A payment's plan and input as the receipts see them: the same lines and tenders the payment
 * stores, so the preview ({@code checkout}), the receipt numbers taken at commit and the printed
 * receipts all come from {@link ReceiptSet} over the same facts.
 */
public final class PaymentReceipts {

    private PaymentReceipts() {
    }

    /** One tender as the payment stores it, in order: cash, bank tenders, voucher batches, credit used. */
    record StoredTender(TenderKind kind, Money amount, String reference, VoucherBatch voucher) {
    }

    static List<StoredTender> tenders(PaymentInput input, PaymentPlan plan) {
        List<StoredTender> tenders = new ArrayList<>();
        if (input.cashReceived().isPositive() || plan.change().isPositive()) {
            tenders.add(new StoredTender(TenderKind.CASH, input.cashReceived(), null, null));
        }
        for (MoneyTender t : input.bankTenders()) {
            tenders.add(new StoredTender(t.kind(), t.amount(), t.reference(), null));
        }
        for (VoucherBatch v : input.vouchers()) {
            tenders.add(new StoredTender(TenderKind.VOUCHER, Money.ZERO, null, v));
        }
        if (input.creditToUse().isPositive()) {
            tenders.add(new StoredTender(TenderKind.CREDIT, input.creditToUse(), null, null));
        }
        return tenders;
    }

    /** The receipts' view of a planned (or just taken) payment. */
    public static ReceiptSet.Paid paid(PaymentPlan plan, PaymentInput input) {
        List<ReceiptSet.Line> lines = plan.lines().stream().map(l -> new ReceiptSet.Line(l.kind().name(), l.label(),
                l.amount(), l.volumeM3())).toList();
        List<ReceiptSet.Tender> tenders = tenders(input, plan).stream().map(t -> new ReceiptSet.Tender(t.kind().name(),
                t.amount(), t.reference(), t.voucher() == null ? null : t.voucher().count())).toList();
        return new ReceiptSet.Paid(lines, tenders, plan.change(), plan.creditAdded(), plan.stillOwed(), plan.voucherM3());
    }
}
