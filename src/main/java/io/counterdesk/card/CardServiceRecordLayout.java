package io.counterdesk.card;

import io.counterdesk.printing.PrintDocument;
import io.counterdesk.printing.TextStyle;
import io.counterdesk.shared.I18n;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The card service record as printed on the receipt printer (补卡记录 / 补气记录 / 换表转移记录):
 * hall, time, cashier and approving manager, account and masked holder, the business, old and new
 * card, the volumes and the field check, the reason, and lines for the customer's and the hall
 * manager's signatures. Built like a receipt ({@code receipt.ReceiptLayout}), so it prints on any
 * printer the receipts print on and previews the same.
 */
public final class CardServiceRecordLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CardServiceRecordLayout() {
    }

    public static PrintDocument layout(CardServiceRecord r, String hall, ZoneId zone) {
        PrintDocument.Builder doc = PrintDocument.builder();
        doc.centered(hall, TextStyle.DOUBLE_HEIGHT);
        doc.centered(title(r), TextStyle.LARGE);
        doc.blank();
        doc.columns(label("number"), String.format("%06d", r.id()), TextStyle.BOLD);
        doc.columns(label("time"), TIME.format(r.createdAt().atZone(zone)));
        doc.columns(label("operator"), r.operatorStaffNo());
        doc.columns(label("approver"), r.approverStaffNo().isEmpty() ? label("noApprover") : r.approverStaffNo());
        doc.columns(label("account"), r.accountNo(), TextStyle.BOLD);
        doc.columns(label("holder"), r.maskedHolder());
        doc.separator();
        doc.text(label("business") + "：" + I18n.text("cardRecord.business." + r.business().name()));
        if (!r.oldSerial().isEmpty()) {
            doc.columns(label("oldSerial"), r.oldSerial());
            if (r.business() != CardServiceRecord.Business.METER_REPLACED) {
                doc.columns("", I18n.text("cardRecord.oldCardFate." + r.business().name()));
            }
        }
        if (!r.newSerial().isEmpty() && !r.newSerial().equals(r.oldSerial())) {
            doc.columns(label("newSerial"), r.newSerial(), TextStyle.BOLD);
        }
        if (!r.newMeterNo().isEmpty()) {
            doc.columns(label("oldMeter"), r.oldMeterNo());
            doc.columns(label("newMeter"), r.newMeterNo(), TextStyle.BOLD);
        }
        r.fieldCheck().ifPresent(check -> {
            doc.separator();
            doc.text(label("fieldCheck"));
            doc.columns(label("checkedBy"), check.checkedBy() + " " + check.checkedOn());
            doc.columns(label("meterCount"), Integer.toString(check.meterPurchaseCount()));
            doc.columns(label("meterLoaded"), check.meterLoadedM3() + " m³");
            doc.columns(label("remaining"), BigDecimal.valueOf(check.remainingCentiM3(), 2).toPlainString() + " m³");
        });
        doc.separator();
        doc.columns(label(r.business() == CardServiceRecord.Business.METER_REPLACED ? "transferM3" : "recreditM3"),
                r.volumeM3() + " m³", TextStyle.BOLD);
        doc.text(label("reason") + "：" + r.reason());
        doc.blank();
        doc.text(label("customerSignature") + "：________________");
        doc.blank();
        doc.text(label("managerSignature") + "：________________");
        doc.blank();
        doc.centered(label("archive"), TextStyle.NORMAL);
        doc.cut();
        return doc.build();
    }

    /** 补气记录 when gas was re-credited or transferred, 补卡记录 otherwise. */
    static String title(CardServiceRecord r) {
        if (r.business() == CardServiceRecord.Business.METER_REPLACED) {
            return label("title.transfer");
        }
        return label(r.volumeM3() > 0 ? "title.recredit" : "title.reissue");
    }

    private static String label(String key) {
        return I18n.text("cardRecord.print." + key);
    }
}
