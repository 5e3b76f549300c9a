package io.counterdesk.report.pdf;

import io.counterdesk.account.Account;
import io.counterdesk.account.AccountKind;
import io.counterdesk.account.opening.Document;
import io.counterdesk.account.opening.OpeningRecord;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Masking;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The gas application form (用气申请书) of an opening, for the archive: what the customer applied for
 * (holder, address, use, meter, fee or collective fee invoice, deposit, auto-debit), the documents
 * seen, the declaration and the signature lines. Read from the committed opening ({@link OpeningRecord});
 * the ID number and phone are masked like on every other paper the program makes.
 */
final class ApplicationFormPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ApplicationFormPdf() {
    }

    static void write(PdfReport report, OpeningRecord r, ZoneId zone) {
        Account a = r.account();
        PdfTable.Builder applicant = table();
        applicant.row(I18n.text("pdf.application.number"), String.format("%06d", r.id()));
        applicant.row(label("account"), a.accountNo());
        applicant.row(label("holder"), a.holder().name());
        applicant.row(label("idNumber"), a.holder().maskedIdNumber());
        applicant.row(label("phone"), Masking.phone(a.holder().phone()));
        applicant.row(label("address"), a.address().text());
        if (r.nature() != null) {
            applicant.row(label("legalRep"), r.legalRepName());
        }
        if (r.proxyName() != null) {
            applicant.row(label("proxy"), r.proxyName());
        }
        report.section(I18n.text("pdf.application.applicant"), applicant.build());

        PdfTable.Builder supply = table();
        supply.row(label("kind"), a.kind() == AccountKind.RESIDENTIAL ? I18n.text("account.kind.RESIDENTIAL")
                : I18n.text("account.kind.NON_RESIDENTIAL") + " · " + I18n.text("account.use." + a.useType().name()));
        if (r.buildingType() != null) {
            supply.row(label("building"), I18n.text("opening.building." + r.buildingType().name()));
        }
        if (r.nature() != null) {
            supply.row(label("nature"), I18n.text("opening.nature." + r.nature().name()));
            supply.row(label("kw"), r.applianceKw().stripTrailingZeros().toPlainString() + " kW");
        }
        supply.row(label("meter"), I18n.text("account.meter." + a.meterKind().name()) + " " + a.meterNo());
        if (a.cardSerial() != null) {
            supply.row(label("card"), a.cardSerial());
        }
        if (r.feeInvoiceNo() != null) {
            supply.row(label("invoice"), r.feeInvoiceNo());
        } else {
            supply.row(label("fee"), r.fee().format());
        }
        if (r.deposit().isPositive()) {
            supply.row(label("deposit"), r.deposit().format());
        }
        if (!r.receiptNumbers().isEmpty()) {
            supply.row(label("receipts"), String.join(I18n.text("opening.listSeparator"), r.receiptNumbers()));
        }
        supply.row(label("debit"), r.bankDebit().map(d -> I18n.text("opening.bank." + d.bank().name()) + " "
                + d.maskedNumber() + " " + d.accountName()).orElse(I18n.text("pdf.application.noDebit")));
        supply.row(label("time"), TIME.format(r.openedAt().atZone(zone)) + " · " + r.staffNo());
        report.section(I18n.text("pdf.application.supply"), supply.build());

        PdfTable.Builder documents = PdfTable.builder().column(I18n.text("pdf.application.col.document"), 1f);
        for (Document d : r.documents()) {
            documents.row(I18n.text("opening.document." + d.name()));
        }
        report.section(label("documents"), documents.build());
        report.paragraph(I18n.text("pdf.application.declaration"));
        report.signatures(List.of(I18n.text("pdf.application.sign.applicant"), I18n.text("pdf.application.sign.clerk")));
    }

    private static PdfTable.Builder table() {
        return PdfTable.builder().column(I18n.text("pdf.application.col.item"), 1.2f)
                .column(I18n.text("pdf.application.col.value"), 4.8f);
    }

    private static String label(String key) {
        return I18n.text("opening.print." + key);
    }
}
