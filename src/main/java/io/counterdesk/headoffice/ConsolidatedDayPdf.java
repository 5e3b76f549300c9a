package io.counterdesk.headoffice;

import io.counterdesk.report.pdf.PdfReport;
import io.counterdesk.report.pdf.PdfTable;
import io.counterdesk.report.pdf.ReportFont;
import io.counterdesk.report.pdf.ReportHeading;
import io.counterdesk.shared.I18n;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The consolidated daily report across halls (各营业厅营业日汇总表) as a PDF, with the project's PDF
 * machinery ({@link PdfReport}: the CJK report font embedded, PDF/A-2b): hall totals by tender and by
 * business, each terminal's day with the cash it declared against head office's own, and the
 * terminals not sent or not closed. The same figures as the web page ({@link ConsolidatedDay}).
 */
public final class ConsolidatedDayPdf {

    private ConsolidatedDayPdf() {
    }

    public static byte[] write(ConsolidatedDay d, ReportFont font, ZonedDateTime printedAt) {
        ReportHeading heading = new ReportHeading(I18n.text("ho.pdf.title"),
                I18n.text("ho.pdf.subtitle", d.day().toString(), d.halls().size(), d.terminals().size()),
                I18n.text("ho.pdf.issuer"), d.day().toString(), I18n.text("ho.pdf.issuer"), printedAt);
        try (PdfReport report = PdfReport.create(font, heading)) {
            report.section(I18n.text("ho.pdf.halls"), tenders(d));
            report.section(I18n.text("ho.pdf.businesses"), businesses(d));
            if (!d.terminals().isEmpty()) {
                report.section(I18n.text("ho.pdf.terminals"), terminals(d));
            }
            if (d.overdue().isEmpty()) {
                report.heading(I18n.text("ho.pdf.overdue"));
                report.paragraph(I18n.text("ho.pdf.overdueNone"));
            } else {
                PdfTable.Builder t = PdfTable.builder().column(I18n.text("ho.page.col.hall"), 1)
                        .column(I18n.text("ho.page.col.terminal"), 1.3f).column(I18n.text("ho.page.col.why"), 3);
                for (ConsolidatedDay.Overdue o : d.overdue()) {
                    t.row(o.hall(), o.terminal(), I18n.text("ho.page.missing." + o.why().name()));
                }
                report.section(I18n.text("ho.pdf.overdue"), t.build());
            }
            report.paragraph(I18n.text("ho.pdf.notes"));
            report.signatures(List.of(I18n.text("pdf.role.preparer"), I18n.text("pdf.role.checker")));
            return report.toBytes();
        }
    }

    private static PdfTable tenders(ConsolidatedDay d) {
        PdfTable.Builder t = PdfTable.builder().column(I18n.text("ho.page.col.hall"), 1.1f)
                .number(I18n.text("ho.page.col.terminals"), 0.7f).number(I18n.text("ho.page.col.total"), 1.3f);
        ConsolidatedDay.TENDERS.forEach(k -> t.number(I18n.text("pdf.tender." + k), 1.2f));
        for (ConsolidatedDay.Hall h : d.halls()) {
            t.row(tenderRow(h.hall(), h.terminals().size(), h.figures()));
        }
        t.total(tenderRow(I18n.text("ho.page.total"), d.terminals().size(), d.total()).toArray(String[]::new));
        return t.build();
    }

    private static List<String> tenderRow(String name, int terminals, ConsolidatedDay.Figures f) {
        List<String> row = new ArrayList<>(List.of(name, Integer.toString(terminals), f.total().toPlainString()));
        ConsolidatedDay.TENDERS.forEach(k -> row.add(f.tender(k).toPlainString()));
        return row;
    }

    private static PdfTable businesses(ConsolidatedDay d) {
        PdfTable.Builder t = PdfTable.builder().column(I18n.text("ho.page.col.hall"), 1.1f);
        ConsolidatedDay.BUSINESSES.forEach(k -> t.number(I18n.text("pdf.business." + k), 1.2f));
        t.number(I18n.text("ho.page.col.receipts"), 0.8f).number(I18n.text("ho.page.col.voided"), 0.6f);
        for (ConsolidatedDay.Hall h : d.halls()) {
            t.row(businessRow(h.hall(), h.figures()));
        }
        t.total(businessRow(I18n.text("ho.page.total"), d.total()).toArray(String[]::new));
        return t.build();
    }

    private static List<String> businessRow(String name, ConsolidatedDay.Figures f) {
        List<String> row = new ArrayList<>(List.of(name));
        ConsolidatedDay.BUSINESSES.forEach(k -> row.add(f.business(k).toPlainString()));
        row.add(Integer.toString(f.receipts()));
        row.add(Integer.toString(f.voided()));
        return row;
    }

    private static PdfTable terminals(ConsolidatedDay d) {
        PdfTable.Builder t = PdfTable.builder().column(I18n.text("ho.page.col.hall"), 0.8f)
                .column(I18n.text("ho.page.col.terminal"), 1.1f).number(I18n.text("ho.page.col.tills"), 0.9f)
                .number(I18n.text("ho.page.col.total"), 1.1f).number(I18n.text("pdf.tender.CASH"), 1.1f)
                .number(I18n.text("ho.page.col.deposits"), 1.0f).number(I18n.text("ho.page.col.overShort"), 0.9f)
                .number(I18n.text("ho.page.col.declared"), 1.2f).number(I18n.text("ho.page.col.own"), 1.2f);
        for (ConsolidatedDay.TerminalDay td : d.terminals()) {
            ConsolidatedDay.Figures f = td.figures();
            t.row(td.hall(), td.terminal() + (td.late() ? " " + I18n.text("ho.page.late") : ""),
                    f.closedTills() + "/" + f.tills(), f.total().toPlainString(),
                    f.tender("CASH").toPlainString(), f.deposits().toPlainString(), f.overShort().toPlainString(),
                    f.closedTills() == 0 ? "—" : f.declaredCash().toPlainString(),
                    f.closedTills() == 0 ? "—"
                            : f.ownCash().toPlainString() + (f.declaredMatchesOwn() ? "" : " " + I18n.text("ho.pdf.differs")));
        }
        return t.build();
    }
}
