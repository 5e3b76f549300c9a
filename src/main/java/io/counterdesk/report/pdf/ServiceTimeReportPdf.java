package io.counterdesk.report.pdf;

import io.counterdesk.report.chart.Chart;
import io.counterdesk.servicetime.CounterBusiness;
import io.counterdesk.servicetime.ServiceTime;
import io.counterdesk.shared.I18n;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The day's service-time report (服务时限报表, seed 第三条): per business how many were done, how many
 * within the promise, the average and the longest time against the promised minutes, the chart of
 * the same, then every business that took longer than its promise.
 */
final class ServiceTimeReportPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private ServiceTimeReportPdf() {
    }

    static void write(PdfReport report, List<ServiceTime> times, Chart chart, ZoneId zone) {
        if (times.isEmpty()) {
            report.paragraph(I18n.text("pdf.service.none"));
            return;
        }
        PdfTable.Builder summary = PdfTable.builder()
                .column(I18n.text("pdf.service.col.business"), 1.8f)
                .number(I18n.text("pdf.service.col.count"), 0.8f)
                .number(I18n.text("pdf.service.col.within"), 0.9f)
                .number(I18n.text("pdf.service.col.over"), 0.9f)
                .number(I18n.text("pdf.service.col.average"), 1f)
                .number(I18n.text("pdf.service.col.longest"), 1f)
                .number(I18n.text("pdf.service.col.promise"), 1f);
        Map<CounterBusiness, List<ServiceTime>> byBusiness = byBusiness(times);
        byBusiness.forEach((business, done) -> {
            long over = done.stream().filter(t -> !t.withinPromise()).count();
            summary.row(business(business), Long.toString(done.size()), Long.toString(done.size() - over),
                    Long.toString(over), clock(average(done)), clock(longest(done)),
                    I18n.text("pdf.service.minutes", done.get(0).promise().toMinutes()));
        });
        long overAll = times.stream().filter(t -> !t.withinPromise()).count();
        summary.total(I18n.text("pdf.service.total"), Long.toString(times.size()),
                Long.toString(times.size() - overAll), Long.toString(overAll), clock(average(times)),
                clock(longest(times)), "");
        report.section(I18n.text("pdf.service.summary"), summary.build());
        report.chart(chart);

        List<ServiceTime> late = times.stream().filter(t -> !t.withinPromise()).toList();
        if (late.isEmpty()) {
            report.heading(I18n.text("pdf.service.late"));
            report.paragraph(I18n.text("pdf.service.noneLate"));
            return;
        }
        PdfTable.Builder lateTable = PdfTable.builder()
                .column(I18n.text("pdf.service.col.cashier"), 0.8f)
                .column(I18n.text("pdf.service.col.business"), 1.6f)
                .column(I18n.text("pdf.service.col.subject"), 1.8f)
                .column(I18n.text("pdf.service.col.started"), 0.8f)
                .number(I18n.text("pdf.service.col.taken"), 0.9f)
                .number(I18n.text("pdf.service.col.promise"), 1f);
        for (ServiceTime t : late) {
            lateTable.row(t.staffNo(), business(t.business()), t.subject(), TIME.format(t.startedAt().atZone(zone)),
                    clock(t.taken()), I18n.text("pdf.service.minutes", t.promise().toMinutes()));
        }
        report.section(I18n.text("pdf.service.late"), lateTable.build());
    }

    /** The businesses in their own order, each with its finished ones. */
    static Map<CounterBusiness, List<ServiceTime>> byBusiness(List<ServiceTime> times) {
        Map<CounterBusiness, List<ServiceTime>> byBusiness = new EnumMap<>(CounterBusiness.class);
        for (CounterBusiness business : CounterBusiness.values()) {
            List<ServiceTime> done = times.stream().filter(t -> t.business() == business).toList();
            if (!done.isEmpty()) {
                byBusiness.put(business, done);
            }
        }
        return byBusiness;
    }

    static Duration average(List<ServiceTime> done) {
        return Duration.ofMillis(done.stream().mapToLong(t -> t.taken().toMillis()).sum() / done.size());
    }

    static Duration longest(List<ServiceTime> done) {
        return done.stream().map(ServiceTime::taken).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    static String business(CounterBusiness business) {
        return I18n.text("ui.serviceTime.business." + business.name());
    }

    /** {@code 2:05} for two minutes five seconds, {@code 12:40} for twelve minutes forty. */
    static String clock(Duration taken) {
        long seconds = Math.max(0, taken.toSeconds());
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }
}
