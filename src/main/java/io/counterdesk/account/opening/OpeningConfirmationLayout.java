package io.counterdesk.account.opening;

import io.counterdesk.account.Account;
import io.counterdesk.account.AccountKind;
import io.counterdesk.printing.PrintDocument;
import io.counterdesk.printing.TextStyle;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Masking;
import java.time.ZoneId;

/**
 * The business confirmation of an opening (开户业务回执) as printed on the receipt printer: hall, number,
 * time, cashier, the new account number, holder (masked name and ID), phone, address, kind and use,
 * meter and card, what was charged (or the collective invoice), deposit, auto-debit, the documents
 * received, the receipts of the payment, the hall's next step, and a line for the customer's
 * signature. Head, foot and printing are the ones all confirmations share ({@link BusinessConfirmation}).
 */
public final class OpeningConfirmationLayout {

    private OpeningConfirmationLayout() {
    }

    public static PrintDocument layout(OpeningRecord r, String hall, ZoneId zone) {
        Account a = r.account();
        PrintDocument.Builder doc = BusinessConfirmation.head(hall, label("title"), r.id(), r.openedAt(), zone,
                r.staffNo(), a.accountNo());
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
        BusinessConfirmation.receipts(doc, r.receiptNumbers());
        r.bankDebit().ifPresent(d -> doc.text(label("debit") + "：" + I18n.text("opening.bank." + d.bank().name())
                + " " + d.maskedNumber() + " " + Masking.name(d.accountName())));
        if (r.proxyName() != null) {
            doc.columns(label("proxy"), Masking.name(r.proxyName()));
        }
        BusinessConfirmation.documents(doc, r.documents());
        return BusinessConfirmation.foot(doc, label("next"));
    }

    private static String label(String key) {
        return BusinessConfirmation.label(key);
    }
}
