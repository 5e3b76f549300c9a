package io.counterdesk.report;

import io.counterdesk.printing.PrintDocument;
import io.counterdesk.printing.TextStyle;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A short summary of the cashier's daily cash report (营业厅现金日报表) for the receipt printer:
 * hall, day, cashier; cash lines and the count; tenders; receipt numbers used and voided; deposits;
 * top-ups and vouchers; over/short with the explanation; signature lines. Built like a receipt
 * ({@code receipt.ReceiptLayout}), so it prints and previews on any receipt printer.
 */
public final class CashReportSlip {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CashReportSlip() {
    }

    public static PrintDocument layout(CashierDayReport r, ZoneId zone) {
        PrintDocument.Builder doc = PrintDocument.builder();
        ReportHeader h = r.header();
        doc.centered(h.hallName(), TextStyle.DOUBLE_HEIGHT);
        doc.centered(label("title"), TextStyle.LARGE);
        doc.columns(label("day"), h.businessDay().toString());
        doc.columns(label("cashier"), h.cashierStaffNo() + " " + h.cashierName());
        doc.columns(label("terminal"), h.terminalCode());
        doc.columns(label("status"), I18n.text("report.status." + h.status().name()));
        if (h.closedAt() != null) {
            doc.columns(label("closedAt"), TIME.format(h.closedAt().atZone(zone)));
        }
        doc.separator();
        CashLines c = r.cash();
        doc.columns(label("float"), c.openingFloat().format());
        doc.columns(label("cashIn"), c.cashIn().format());
        doc.columns(label("change"), c.change().format());
        doc.columns(label("refunds"), c.refunds().format());
        doc.columns(label("deposits"), c.deposits().format());
        doc.columns(label("expected"), c.expected().format(), TextStyle.BOLD);
        doc.columns(label("counted"), c.counted() == null ? label("notCounted") : c.counted().format(), TextStyle.BOLD);
        doc.separator();
        for (TenderTotal t : r.byTender()) {
            if (t.shown()) {
                doc.columns(I18n.text("report.tender." + t.tender()) + " ×" + t.count(), t.amount().format());
            }
        }
        for (BusinessTotal b : r.byBusiness()) {
            if (b.shown()) {
                doc.columns(I18n.text("report.business." + b.business()), b.amount().format());
            }
        }
        doc.separator();
        for (ReceiptRange range : r.receiptsUsed()) {
            String numbers = range.first().equals(range.last()) ? range.first() : range.first() + "–" + range.last();
            doc.columns(I18n.text("report.kind." + range.kind()) + " " + range.count(), numbers);
        }
        for (VoidedReceipt v : r.voided()) {
            doc.text(label("voided") + " " + v.number() + " " + v.reason());
        }
        if (!r.reprints().isEmpty()) {
            doc.columns(label("reprints"), Integer.toString(r.reprints().size()));
        }
        for (ReversalNote v : r.reversals()) {
            doc.columns(I18n.text("reversal.report.slip.reversal") + " " + v.reversalReceipt(), v.amount().format());
            doc.text(v.reversalText());
        }
        for (ReversalNote v : r.corrections()) {
            doc.text(v.correctionText());
        }
        for (DepositLine d : r.deposits()) {
            doc.columns(label("deposit") + " " + d.slipNo(), d.amount().format());
        }
        if (r.topUps().count() != 0) {
            doc.columns(label("topUps") + " ×" + r.topUps().count() + " " + r.topUps().volumeM3() + " m³",
                    r.topUps().money().format());
        }
        if (r.vouchers().count() != 0) {
            doc.columns(label("vouchers") + " ×" + r.vouchers().count() + " " + r.vouchers().volumeM3() + " m³",
                    r.vouchers().faceValueCash().format());
        }
        if (!r.overShort().isEmpty()) {
            doc.separator();
            Money total = Money.ZERO;
            for (OverShortLine line : r.overShort()) {
                if (!line.difference().isZero()) {
                    doc.columns(label("overShort") + " " + I18n.text("report.tender." + line.tender()),
                            line.difference().format(), TextStyle.BOLD);
                }
                total = total.plus(line.difference());
            }
            doc.columns(label("overShortTotal"), total.format(), TextStyle.BOLD);
            if (!r.explanation().isEmpty()) {
                doc.text(label("explanation") + "：" + r.explanation());
            }
        }
        doc.blank();
        doc.text(label("cashierSignature") + "：________________");
        doc.blank();
        doc.text(label("checkerSignature") + "：________________");
        doc.cut();
        return doc.build();
    }

    private static String label(String key) {
        return I18n.text("report.slip." + key);
    }
}
