package io.counterdesk.account.opening;

import io.counterdesk.account.Account;
import io.counterdesk.account.AccountKind;
import io.counterdesk.printing.PrintDocument;
import io.counterdesk.printing.TextStyle;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Masking;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The business confirmation of an opening (开户业务回执) as printed on the receipt printer: hall, number,
 * time, cashier, the new account number, holder (masked name and ID), phone, address, kind and use,
 * meter and card, what was charged (or the collective invoice), deposit, auto-debit, the documents
 * received, the receipts of the payment, the hall's next step, and a line for the customer's
 * signature. Built like a receipt ({@code receipt.ReceiptLayout}), so it prints on any receipt printer
 * and previews the same.
 */
public final class OpeningConfirmationLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OpeningConfirmationLayout() {
    }

    public static PrintDocument layout(OpeningRecord r, String hall, ZoneId zone) {
        Account a = r.account();
        PrintDocument.Builder doc = PrintDocument.builder();
        doc.centered(hall, TextStyle.DOUBLE_HEIGHT);
        doc.centered(label("title"), TextStyle.LARGE);
        doc.blank();
        doc.columns(label("number"), String.format("%06d", r.id()), TextStyle.BOLD);
        doc.columns(label("time"), TIME.format(r.openedAt().atZone(zone)));
        doc.columns(label("operator"), r.staffNo());
        doc.columns(label("account"), a.accountNo(), TextStyle.BOLD);
        doc.columns(label("holder"), Masking.name(a.holder().name()));
        doc.columns(label("idNumber"), a.holder().maskedIdNumber());
        doc.columns(label("phone"), Masking.phone(a.holder().phone()));
        doc.text(label("address") + "：" + a.address().text());
        doc.separator();
        doc.columns(label("kind"), a.kind() == AccountKind.RESIDENTIAL ? I18n.text("account.kind.RESIDENTIAL")
                : I18n.text("account.kind.NON_RESIDENTIAL") + " · " + I18n.text("account.use." + a.useType().name()));
        if (r.buildingType() != null) {
            doc.columns(label("building"), I18n.text("opening.building." + r.buildingType().name()));
        }
        if (r.nature() != null) {
            doc.columns(label("nature"), I18n.text("opening.nature." + r.nature().name()));
            doc.columns(label("kw"), r.applianceKw().stripTrailingZeros().toPlainString() + " kW");
            doc.columns(label("legalRep"), Masking.name(r.legalRepName()));
        }
        doc.columns(label("meter"), I18n.text("account.meter." + a.meterKind().name()) + " " + a.meterNo());
        if (a.cardSerial() != null) {
            doc.columns(label("card"), a.cardSerial(), TextStyle.BOLD);
        } else if (a.meterKind() == io.counterdesk.account.MeterKind.IC) {
            doc.columns(label("card"), label("cardPending"));
        }
        doc.separator();
        if (r.feeInvoiceNo() != null) {
            doc.columns(label("invoice"), r.feeInvoiceNo());
        } else {
            doc.columns(label("fee"), r.fee().format().replace('¥', '￥'));
        }
        if (r.deposit().isPositive()) {
            doc.columns(label("deposit"), r.deposit().format().replace('¥', '￥'));
        }
        if (!r.receiptNumbers().isEmpty()) {
            doc.text(label("receipts") + "：" + String.join(I18n.text("opening.listSeparator"), r.receiptNumbers()));
        }
        r.bankDebit().ifPresent(d -> doc.text(label("debit") + "：" + I18n.text("opening.bank." + d.bank().name())
                + " " + d.maskedNumber() + " " + Masking.name(d.accountName())));
        if (r.proxyName() != null) {
            doc.columns(label("proxy"), Masking.name(r.proxyName()));
        }
        doc.text(label("documents") + "：");
        for (Document d : r.documents()) {
            doc.text("  · " + I18n.text("opening.document." + d.name()));
        }
        doc.separator();
        doc.text(label("next"));
        doc.blank();
        doc.text(label("customerSignature") + "：________________");
        doc.blank();
        doc.text(label("date") + "：________________");
        doc.blank();
        doc.centered(label("archive"), TextStyle.NORMAL);
        doc.cut();
        return doc.build();
    }

    private static String label(String key) {
        return I18n.text("opening.print." + key);
    }
}
