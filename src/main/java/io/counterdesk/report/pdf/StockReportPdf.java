package io.counterdesk.report.pdf;

import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.StockListing;
import io.counterdesk.receipt.StockRange;
import io.counterdesk.shared.I18n;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The receipt stock report (票据核对月报, 月末票据) from the month-end listing of
 * {@link io.counterdesk.receipt.ReceiptStockService#monthEnd}: per cashier and kind the ranges with
 * numbers used and voided in the month and what is left, totals per kind for the hall, then the
 * numbers used (as runs) and every voided number with its reason, and the signature lines.
 */
final class StockReportPdf {

    private StockReportPdf() {
    }

    /** The listings in report order: by cashier, kind, first number. */
    static List<StockListing> ordered(List<StockListing> listings) {
        return listings.stream().sorted(Comparator.comparing(StockListing::holderLabel)
                .thenComparing(l -> l.range().kind()).thenComparingLong(l -> l.range().firstNo())).toList();
    }

    static void write(PdfReport report, List<StockListing> listings) {
        List<StockListing> ordered = ordered(listings);
        if (ordered.isEmpty()) {
            report.paragraph(I18n.text("pdf.stock.none"));
        } else {
            report.section(I18n.text("pdf.stock.summary"), summary(ordered));
            List<StockListing> withUse = ordered.stream().filter(l -> !l.used().isEmpty()).toList();
            if (!withUse.isEmpty()) {
                report.section(I18n.text("pdf.stock.usedNumbers"), usedNumbers(withUse));
            }
            PdfTable voids = voids(ordered);
            if (voids.rows().isEmpty()) {
                report.heading(I18n.text("pdf.stock.voids"));
                report.paragraph(I18n.text("pdf.stock.noVoids"));
            } else {
                report.section(I18n.text("pdf.stock.voids"), voids);
            }
        }
        report.paragraph(I18n.text("pdf.stock.notes"));
        report.signatures(List.of(I18n.text("pdf.role.preparer"), I18n.text("pdf.role.checker"),
                I18n.text("pdf.role.manager")));
    }

    static String kind(ReceiptKind kind) {
        return I18n.text("receipt.kind." + kind.name());
    }

    static String range(StockRange range) {
        return IssuedReceipt.formatNumber(range.firstNo()) + "–" + IssuedReceipt.formatNumber(range.lastNo());
    }

    static long remaining(StockRange range) {
        return Math.max(0, range.remaining());
    }

    private static PdfTable summary(List<StockListing> ordered) {
        PdfTable.Builder table = PdfTable.builder()
                .column(I18n.text("pdf.stock.col.cashier"), 1.3f)
                .column(I18n.text("pdf.stock.col.kind"), 1.1f)
                .column(I18n.text("pdf.stock.col.range"), 1.9f)
                .column(I18n.text("pdf.stock.col.status"), 0.9f)
                .number(I18n.text("pdf.stock.col.used"), 0.9f)
                .number(I18n.text("pdf.stock.col.voided"), 0.9f)
                .number(I18n.text("pdf.stock.col.remaining"), 0.9f)
                .column(I18n.text("pdf.stock.col.remainingNumbers"), 1.9f);
        Map<String, List<StockListing>> groups = new LinkedHashMap<>();
        for (StockListing l : ordered) {
            groups.computeIfAbsent(l.holderLabel() + "\u0000" + l.range().kind(), k -> new ArrayList<>()).add(l);
        }
        Map<ReceiptKind, long[]> hall = new EnumMap<>(ReceiptKind.class);
        for (List<StockListing> group : groups.values()) {
            long[] sum = new long[3];
            for (StockListing l : group) {
                long[] figures = {l.usedCount(), l.voided().size(), remaining(l.range())};
                table.row(l.holderLabel(), kind(l.range().kind()), range(l.range()),
                        I18n.text("ui.stock.status." + l.range().status()), Long.toString(figures[0]),
                        Long.toString(figures[1]), Long.toString(figures[2]), l.remaining().isEmpty() ? "—" : l.remaining());
                long[] kindTotal = hall.computeIfAbsent(l.range().kind(), k -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    sum[i] += figures[i];
                    kindTotal[i] += figures[i];
                }
            }
            if (group.size() > 1) {
                StockListing first = group.get(0);
                table.total(I18n.text("pdf.stock.subtotal"), kind(first.range().kind()), "", "",
                        Long.toString(sum[0]), Long.toString(sum[1]), Long.toString(sum[2]), "");
            }
        }
        hall.forEach((kind, sum) -> table.total(I18n.text("pdf.stock.total"), kind(kind), "", "",
                Long.toString(sum[0]), Long.toString(sum[1]), Long.toString(sum[2]), ""));
        return table.build();
    }

    private static PdfTable usedNumbers(List<StockListing> withUse) {
        PdfTable.Builder table = PdfTable.builder()
                .column(I18n.text("pdf.stock.col.cashier"), 1.3f)
                .column(I18n.text("pdf.stock.col.kind"), 1.1f)
                .column(I18n.text("pdf.stock.col.range"), 1.9f)
                .column(I18n.text("pdf.stock.col.numbers"), 5.3f);
        for (StockListing l : withUse) {
            table.row(l.holderLabel(), kind(l.range().kind()), range(l.range()), String.join("，", l.used()));
        }
        return table.build();
    }

    private static PdfTable voids(List<StockListing> ordered) {
        PdfTable.Builder table = PdfTable.builder()
                .column(I18n.text("pdf.stock.col.cashier"), 1.3f)
                .column(I18n.text("pdf.stock.col.kind"), 1.1f)
                .column(I18n.text("pdf.stock.col.number"), 1.3f)
                .column(I18n.text("pdf.stock.col.reason"), 5.9f);
        for (StockListing l : ordered) {
            for (String voided : l.voided()) {
                int space = voided.indexOf(' ');
                String number = space < 0 ? voided : voided.substring(0, space);
                String reason = space < 0 ? "" : voided.substring(space + 1);
                table.row(l.holderLabel(), kind(l.range().kind()), number, reason);
            }
        }
        return table.build();
    }
}
