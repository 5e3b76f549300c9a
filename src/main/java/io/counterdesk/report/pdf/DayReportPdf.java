package io.counterdesk.report.pdf;

import io.counterdesk.report.BusinessTotal;
import io.counterdesk.report.CashLines;
import io.counterdesk.report.CashierDayReport;
import io.counterdesk.report.DenominationLine;
import io.counterdesk.report.DepositLine;
import io.counterdesk.report.FeeItemTotal;
import io.counterdesk.report.HallDayReport;
import io.counterdesk.report.OverShortLine;
import io.counterdesk.report.ReceiptRange;
import io.counterdesk.report.ReportHeader;
import io.counterdesk.report.ReprintLine;
import io.counterdesk.report.TenderTotal;
import io.counterdesk.report.TopUpTotals;
import io.counterdesk.report.ReversalNote;
import io.counterdesk.report.VoidedReceipt;
import io.counterdesk.report.VoucherTotals;
import io.counterdesk.report.chart.Chart;
import io.counterdesk.report.chart.DayCharts;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The day's reports laid out from the day-close model ({@code io.counterdesk.report}): the cashier's
 * daily cash report (营业厅现金日报表) and the hall's day report (营业厅日报: every cashier, the hall
 * totals and the charts). Only reads the model; every figure printed is one of the model's.
 */
final class DayReportPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    DayReportPdf(ZoneId zone) {
        this.zone = zone;
    }

    static String money(Money amount) {
        return amount == null ? "—" : amount.format();
    }

    /** Over/short with its sign, {@code +¥1.00} for over. */
    static String signed(Money amount) {
        if (amount == null) {
            return "—";
        }
        return amount.isPositive() ? "+" + amount.format() : amount.format();
    }

    String time(Instant at) {
        return at == null ? "—" : TIME.format(at.atZone(zone));
    }

    String dateTime(Instant at) {
        return at == null ? "—" : DATE_TIME.format(at.atZone(zone));
    }

    static String status(ReportHeader header) {
        return I18n.text("pdf.status." + header.status().name());
    }

    static String cashier(ReportHeader header) {
        return header.cashierStaffNo() + " " + header.cashierName();
    }

    static String kind(String code) {
        String key = "receipt.kind." + code;
        return I18n.has(I18n.locale(), key) ? I18n.text(key) : code;
    }

    /** The money taken by a cashier: the sum over tenders. */
    static Money taken(List<TenderTotal> byTender) {
        return byTender.stream().map(TenderTotal::amount).reduce(Money.ZERO, Money::plus);
    }

    // ---- the cashier's daily cash report

    void cashier(PdfReport report, CashierDayReport day) {
        ReportHeader h = day.header();
        report.section(I18n.text("pdf.cash.facts"), PdfTable.plain().column("", 1).column("", 2).column("", 1).column("", 2)
                .row(I18n.text("pdf.cash.hall"), h.hallName(), I18n.text("pdf.cash.day"), h.businessDay().toString())
                .row(I18n.text("pdf.cash.cashier"), cashier(h), I18n.text("pdf.cash.terminal"), h.terminalCode())
                .row(I18n.text("pdf.cash.opened"), dateTime(h.openedAt()), I18n.text("pdf.cash.closed"),
                        dateTime(h.closedAt()))
                .row(I18n.text("pdf.cash.status"), status(h), I18n.text("pdf.cash.signed"),
                        h.signedBy() == null ? "—" : h.signedBy() + " " + dateTime(h.signedAt()))
                .build());
        totals(report, I18n.text("pdf.cash.byTender"), I18n.text("pdf.col.tender"), day.byTender(),
                t -> DayCharts.tenderName(t.tender()), TenderTotal::count, TenderTotal::amount);
        totals(report, I18n.text("pdf.cash.byBusiness"), I18n.text("pdf.col.business"), day.byBusiness(),
                b -> DayCharts.businessName(b.business()), BusinessTotal::count, BusinessTotal::amount);
        if (!day.feeItems().isEmpty()) {
            totals(report, I18n.text("pdf.cash.feeItems"), I18n.text("pdf.col.item"), day.feeItems(),
                    FeeItemTotal::name, FeeItemTotal::count, FeeItemTotal::amount);
        }
        cardAndVouchers(report, day.topUps(), day.vouchers());
        cash(report, day.cash());
        deposits(report, day.deposits());
        overShort(report, day);
        receipts(report, day);
        report.signatures(List.of(I18n.text("pdf.role.cashier"), I18n.text("pdf.role.checker"),
                I18n.text("pdf.role.manager")));
    }

    private static <T> void totals(PdfReport report, String heading, String what, List<T> lines,
                                   Function<T, String> name, java.util.function.ToIntFunction<T> count,
                                   Function<T, Money> amount) {
        PdfTable.Builder table = PdfTable.builder().column(what, 4).number(I18n.text("pdf.col.count"), 1.5f)
                .number(I18n.text("pdf.col.amount"), 2.5f);
        int n = 0;
        Money sum = Money.ZERO;
        for (T line : lines) {
            table.row(name.apply(line), Integer.toString(count.applyAsInt(line)), money(amount.apply(line)));
            n += count.applyAsInt(line);
            sum = sum.plus(amount.apply(line));
        }
        table.total(I18n.text("pdf.col.total"), Integer.toString(n), money(sum));
        report.section(heading, table.build());
    }

    /** Card top-ups and vouchers of a cashier or of the hall; nothing when the model has neither. */
    private static void cardAndVouchers(PdfReport report, TopUpTotals topUps, VoucherTotals vouchers) {
        if (topUps == null && vouchers == null) {
            return;
        }
        PdfTable.Builder table = PdfTable.builder().column(I18n.text("pdf.col.item"), 3)
                .number(I18n.text("pdf.cash.col.pieces"), 1.5f).number(I18n.text("pdf.cash.col.volume"), 1.5f)
                .number(I18n.text("pdf.col.amount"), 2.5f);
        if (topUps != null) {
            table.row(I18n.text("pdf.cash.topUps"), Integer.toString(topUps.count()), Long.toString(topUps.volumeM3()),
                    money(topUps.money()));
        }
        if (vouchers != null) {
            table.row(I18n.text("pdf.cash.vouchers"), Integer.toString(vouchers.count()),
                    Long.toString(vouchers.volumeM3()), money(vouchers.faceValueCash()));
        }
        report.section(I18n.text("pdf.cash.cardAndVouchers"), table.build());
    }

    private static void cash(PdfReport report, CashLines cash) {
        PdfTable.Builder table = PdfTable.builder().column(I18n.text("pdf.col.item"), 5)
                .number(I18n.text("pdf.col.amount"), 3)
                .row(I18n.text("pdf.cash.float"), money(cash.openingFloat()))
                .row(I18n.text("pdf.cash.cashIn"), money(cash.cashIn()))
                .row(I18n.text("pdf.cash.change"), money(negated(cash.change())))
                .row(I18n.text("pdf.cash.refunds"), money(negated(cash.refunds())))
                .row(I18n.text("pdf.cash.deposits"), money(negated(cash.deposits())))
                .total(I18n.text("pdf.cash.expected"), money(cash.expected()))
                .row(I18n.text("pdf.cash.counted"), cash.counted() == null ? I18n.text("pdf.cash.notCounted")
                        : money(cash.counted()))
                .total(I18n.text("pdf.cash.overShort"), signed(cash.overShort()));
        report.section(I18n.text("pdf.cash.cash"), table.build());
        if (!cash.denominations().isEmpty()) {
            PdfTable.Builder count = PdfTable.builder().column(I18n.text("pdf.cash.col.face"), 3)
                    .number(I18n.text("pdf.cash.col.pieceCount"), 2).number(I18n.text("pdf.col.amount"), 3);
            Money sum = Money.ZERO;
            for (DenominationLine line : cash.denominations()) {
                count.row(money(line.faceValue()), Integer.toString(line.pieces()), money(line.amount()));
                sum = sum.plus(line.amount());
            }
            count.total(I18n.text("pdf.col.total"), "", money(sum));
            report.section(I18n.text("pdf.cash.denominations"), count.build());
        }
    }

    private static Money negated(Money amount) {
        return amount == null ? null : amount.negate();
    }

    private void deposits(PdfReport report, List<DepositLine> deposits) {
        if (deposits.isEmpty()) {
            return;
        }
        PdfTable.Builder table = PdfTable.builder().column(I18n.text("pdf.cash.col.slip"), 3)
                .column(I18n.text("pdf.cash.col.time"), 2).number(I18n.text("pdf.col.amount"), 3);
        Money sum = Money.ZERO;
        for (DepositLine line : deposits) {
            table.row(line.slipNo(), time(line.at()) + (line.late() ? " " + I18n.text("pdf.cash.late") : ""),
                    money(line.amount()));
            sum = sum.plus(line.amount());
        }
        table.total(I18n.text("pdf.col.total"), "", money(sum));
        report.section(I18n.text("pdf.cash.deposits"), table.build());
    }

    private static void overShort(PdfReport report, CashierDayReport day) {
        if (day.overShort().isEmpty()) {
            return;
        }
        PdfTable.Builder table = PdfTable.builder().column(I18n.text("pdf.col.tender"), 2)
                .number(I18n.text("pdf.cash.col.expected"), 2).number(I18n.text("pdf.cash.col.actual"), 2)
                .number(I18n.text("pdf.cash.col.difference"), 2).column(I18n.text("pdf.cash.col.missing"), 3);
        for (OverShortLine line : day.overShort()) {
            List<String> cells = List.of(DayCharts.tenderName(line.tender()), money(line.expected()),
                    money(line.actual()), signed(line.difference()), String.join("，", line.missing()));
            if (line.difference() != null && !line.difference().isZero()) {
                table.total(cells.toArray(String[]::new));
            } else {
                table.row(cells);
            }
        }
        report.section(I18n.text("pdf.cash.overShortByTender"), table.build());
        if (!day.explanation().isBlank()) {
            report.paragraph(I18n.text("pdf.cash.explanation", day.explanation()));
        }
    }

    private void receipts(PdfReport report, CashierDayReport day) {
        if (day.receiptsUsed().isEmpty()) {
            report.heading(I18n.text("pdf.cash.receiptsUsed"));
            report.paragraph(I18n.text("pdf.cash.none"));
        } else {
            PdfTable.Builder used = PdfTable.builder().column(I18n.text("pdf.cash.col.kind"), 2)
                    .column(I18n.text("pdf.cash.col.numbers"), 4).number(I18n.text("pdf.col.count"), 1.5f);
            for (ReceiptRange range : day.receiptsUsed()) {
                used.row(kind(range.kind()), range.first().equals(range.last()) ? range.first()
                        : range.first() + "–" + range.last(), Integer.toString(range.count()));
            }
            report.section(I18n.text("pdf.cash.receiptsUsed"), used.build());
        }
        if (!day.voided().isEmpty()) {
            PdfTable.Builder voided = PdfTable.builder().column(I18n.text("pdf.cash.col.kind"), 1.6f)
                    .column(I18n.text("pdf.cash.col.numbers"), 1.6f).number(I18n.text("pdf.col.amount"), 1.6f)
                    .column(I18n.text("pdf.cash.col.reason"), 3.4f).column(I18n.text("pdf.cash.col.approvedBy"), 1.3f);
            for (VoidedReceipt v : day.voided()) {
                voided.row(kind(v.kind()), v.number(), money(v.amount()), v.reason(), v.approvedBy());
            }
            report.section(I18n.text("pdf.cash.voided"), voided.build());
        }
        if (!day.reprints().isEmpty()) {
            PdfTable.Builder reprints = PdfTable.builder().column(I18n.text("pdf.cash.col.kind"), 2)
                    .column(I18n.text("pdf.cash.col.numbers"), 2).number(I18n.text("pdf.cash.col.copy"), 1.5f)
                    .column(I18n.text("pdf.cash.col.time"), 2);
            for (ReprintLine r : day.reprints()) {
                reprints.row(kind(r.kind()), r.number(), Integer.toString(r.copy()), time(r.at()));
            }
            report.section(I18n.text("pdf.cash.reprints"), reprints.build());
        }
        reversals(report, day.reversals(), day.corrections());
    }

    /**
     * Reversals done on this day (in its figures, negative) and this day's payments reversed on a
     * later day (its figures unchanged: the day is locked; the correction is listed).
     */
    static void reversals(PdfReport report, List<ReversalNote> reversals, List<ReversalNote> corrections) {
        if (!reversals.isEmpty()) {
            PdfTable.Builder table = PdfTable.builder().column(I18n.text("reversal.report.col.receipt"), 1.5f)
                    .number(I18n.text("pdf.col.amount"), 1.5f).column(I18n.text("reversal.report.col.what"), 5.5f);
            for (ReversalNote r : reversals) {
                table.row(r.reversalReceipt(), money(r.amount()), r.reversalText());
            }
            report.section(I18n.text("reversal.report.reversals"), table.build());
        }
        if (!corrections.isEmpty()) {
            PdfTable.Builder table = PdfTable.builder().column(I18n.text("reversal.report.col.original"), 1.5f)
                    .number(I18n.text("pdf.col.amount"), 1.5f).column(I18n.text("reversal.report.col.what"), 5.5f);
            for (ReversalNote r : corrections) {
                table.row(r.originalReceipt(), money(r.amount().negate()), r.correctionText() + "（" + r.reason() + "）");
            }
            report.section(I18n.text("reversal.report.corrections"), table.build());
        }
    }

    // ---- the hall's day

    void hall(PdfReport report, HallDayReport day, List<Chart> charts) {
        PdfTable.Builder table = PdfTable.builder().column(I18n.text("pdf.hall.col.cashier"), 2.2f)
                .column(I18n.text("pdf.hall.col.status"), 1.3f).number(I18n.text("pdf.hall.col.taken"), 2.2f)
                .number(I18n.text("pdf.cash.expected"), 2).number(I18n.text("pdf.cash.counted"), 2)
                .number(I18n.text("pdf.cash.deposits"), 2).number(I18n.text("pdf.cash.col.difference"), 1.8f);
        Money taken = Money.ZERO;
        List<String> withDifference = new java.util.ArrayList<>();
        for (CashierDayReport c : day.cashiers()) {
            Money cashierTaken = taken(c.byTender());
            Money difference = difference(c);
            List<String> cells = List.of(cashier(c.header()), status(c.header()), money(cashierTaken),
                    money(c.cash().expected()), c.cash().counted() == null ? I18n.text("pdf.cash.notCounted")
                            : money(c.cash().counted()), money(c.cash().deposits()), signed(difference));
            if (difference != null && !difference.isZero()) {
                table.total(cells.toArray(String[]::new));
                withDifference.add(cashier(c.header()) + " " + signed(difference));
            } else {
                table.row(cells);
            }
            taken = taken.plus(cashierTaken);
        }
        table.total(I18n.text("pdf.hall.totals"), "", money(taken), "", "", money(day.deposits()),
                signed(day.totalOverShort()));
        report.section(I18n.text("pdf.hall.cashiers"), table.build());
        report.paragraph(withDifference.isEmpty() ? I18n.text("pdf.hall.noDifferences")
                : I18n.text("pdf.hall.differences", String.join("；", withDifference)));
        totals(report, I18n.text("pdf.hall.byTender"), I18n.text("pdf.col.tender"), day.byTender(),
                t -> DayCharts.tenderName(t.tender()), TenderTotal::count, TenderTotal::amount);
        totals(report, I18n.text("pdf.hall.byBusiness"), I18n.text("pdf.col.business"), day.byBusiness(),
                b -> DayCharts.businessName(b.business()), BusinessTotal::count, BusinessTotal::amount);
        cardAndVouchers(report, day.topUps(), day.vouchers());
        reversals(report, day.cashiers().stream().flatMap(c -> c.reversals().stream()).toList(),
                day.cashiers().stream().flatMap(c -> c.corrections().stream()).toList());
        if (!charts.isEmpty()) {
            report.heading(I18n.text("pdf.hall.charts"), 180);
            for (Chart chart : charts) {
                report.chart(chart);
            }
        }
        report.signatures(List.of(I18n.text("pdf.role.checker"), I18n.text("pdf.role.manager")));
    }

    /** A cashier's over/short: the sum over tenders when counted per tender, else the cash difference. */
    static Money difference(CashierDayReport c) {
        if (!c.overShort().isEmpty()) {
            return c.overShort().stream().map(OverShortLine::difference).reduce(Money.ZERO, Money::plus);
        }
        return c.cash().overShort();
    }
}
