package io.counterdesk.account.transfer;

import io.counterdesk.account.Holder;
import io.counterdesk.account.opening.BusinessConfirmation;
import io.counterdesk.printing.PrintDocument;
import io.counterdesk.shared.Masking;
import java.time.ZoneId;

/**
 * The business confirmation of a transfer (过户业务回执) as printed on the receipt printer: the head all
 * confirmations share ({@link BusinessConfirmation}: hall, number, time, cashier, account), the
 * address, the old and the new holder (masked names, IDs and phone), who acted for the new holder,
 * the arrears paid with their receipts, the documents received, then the shared foot with the
 * customer's signature.
 */
public final class TransferConfirmationLayout {

    private TransferConfirmationLayout() {
    }

    public static PrintDocument layout(TransferRecord r, String hall, ZoneId zone) {
        PrintDocument.Builder doc = BusinessConfirmation.head(hall, label("transferTitle"), r.id(), r.transferredAt(),
                zone, r.staffNo(), r.accountNo());
        doc.text(label("address") + "：" + r.address());
        doc.separator();
        holder(doc, "oldHolder", r.oldHolder());
        holder(doc, "newHolder", r.newHolder());
        doc.columns(label("phone"), Masking.phone(r.newHolder().phone()));
        if (r.proxyName() != null) {
            doc.columns(label("proxy"), Masking.name(r.proxyName()));
        }
        doc.separator();
        doc.columns(label("arrears"), r.arrearsPaid().isPositive() ? r.arrearsPaid().format().replace('¥', '￥')
                : label("noArrears"));
        BusinessConfirmation.receipts(doc, r.receiptLabels());
        BusinessConfirmation.documents(doc, r.documents());
        return BusinessConfirmation.foot(doc, label("transferNext"));
    }

    private static void holder(PrintDocument.Builder doc, String key, Holder holder) {
        doc.columns(label(key), Masking.name(holder.name()));
        doc.columns(label("idNumber"), holder.maskedIdNumber());
    }

    private static String label(String key) {
        return BusinessConfirmation.label(key);
    }
}
