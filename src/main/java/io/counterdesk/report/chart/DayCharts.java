package io.counterdesk.report.chart;

import io.counterdesk.persistence.Database;
import io.counterdesk.report.BusinessTotal;
import io.counterdesk.report.HallDayReport;
import io.counterdesk.report.TenderTotal;
import io.counterdesk.shared.I18n;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The hall manager's day at a glance: transactions per hour, money by business and money by
 * tender, as {@link Chart}s that the hall report PDF and the sign-off screen both draw.
 */
public final class DayCharts {

    /** Hours always shown, so that days compare at a glance (a hall's usual opening hours). */
    static final int FIRST_HOUR = 8;
    static final int LAST_HOUR = 17;

    private final Database database;
    private final ZoneId zone;
    private final DayActivityRepository activity = new DayActivityRepository();

    public DayCharts(Database database, ZoneId zone) {
        this.database = database;
        this.zone = zone;
    }

    /** The three charts of the hall's day. */
    public List<Chart> hall(HallDayReport day) {
        return List.of(transactionsPerHour(day.businessDay()), moneyByBusiness(day.byBusiness()),
                moneyByTender(day.byTender()));
    }

    /** Completed payments of {@code day} per hour of the clock. */
    public Chart transactionsPerHour(LocalDate day) {
        List<Instant> times = database.read(tx -> activity.paymentTimes(tx, day));
        return perHour(times, zone);
    }

    /** Counts {@code times} per hour in {@code zone}: 8–17 h always, earlier or later hours when used. */
    static Chart perHour(List<Instant> times, ZoneId zone) {
        long[] counts = new long[24];
        for (Instant time : times) {
            counts[time.atZone(zone).getHour()]++;
        }
        int first = FIRST_HOUR;
        int last = LAST_HOUR;
        for (int hour = 0; hour < 24; hour++) {
            if (counts[hour] > 0) {
                first = Math.min(first, hour);
                last = Math.max(last, hour);
            }
        }
        List<ChartPoint> points = new ArrayList<>();
        for (int hour = first; hour <= last; hour++) {
            points.add(new ChartPoint(I18n.text("pdf.chart.hour", hour), counts[hour]));
        }
        return Chart.of(I18n.text("pdf.chart.perHour"), Chart.Kind.COLUMNS, ChartUnit.COUNT, points);
    }

    /** Money by business (gas bills, late fees, fee items, card top-ups …), in the report's order. */
    public static Chart moneyByBusiness(List<BusinessTotal> totals) {
        return Chart.of(I18n.text("pdf.chart.byBusiness"), Chart.Kind.BARS, ChartUnit.MONEY, totals.stream()
                .map(t -> new ChartPoint(businessName(t.business()), t.amount().fen())).toList());
    }

    /** Money by tender (cash, bank card, bank slip …), in the report's order. */
    /**
     * The service-time chart: per business done that day, the average minutes taken (rounded to the
     * nearest minute) beside the promised minutes.
     */
    public static Chart serviceTimes(List<io.counterdesk.servicetime.ServiceTime> times) {
        java.util.Map<io.counterdesk.servicetime.CounterBusiness, long[]> sums =
                new java.util.EnumMap<>(io.counterdesk.servicetime.CounterBusiness.class);
        for (io.counterdesk.servicetime.ServiceTime t : times) {
            long[] sum = sums.computeIfAbsent(t.business(), b -> new long[3]);
            sum[0] += t.taken().toMillis();
            sum[1]++;
            sum[2] = t.promise().toMinutes();
        }
        List<ChartPoint> taken = new java.util.ArrayList<>();
        List<ChartPoint> promised = new java.util.ArrayList<>();
        sums.forEach((business, sum) -> {
            String label = I18n.text("ui.serviceTime.business." + business.name());
            taken.add(new ChartPoint(label, Math.round(sum[0] / (double) sum[1] / 60_000d)));
            promised.add(new ChartPoint(label, sum[2]));
        });
        return new Chart(I18n.text("pdf.chart.serviceTimes"), Chart.Kind.BARS, ChartUnit.MINUTES, List.of(
                new ChartSeries(I18n.text("pdf.chart.serviceTimes.taken"), taken),
                new ChartSeries(I18n.text("pdf.chart.serviceTimes.promised"), promised)));
    }

    public static Chart moneyByTender(List<TenderTotal> totals) {
        return Chart.of(I18n.text("pdf.chart.byTender"), Chart.Kind.BARS, ChartUnit.MONEY, totals.stream()
                .map(t -> new ChartPoint(tenderName(t.tender()), t.amount().fen())).toList());
    }

    /** The name of a business of the day's report ({@code GAS_BILL} → 气费); an unknown code as it is. */
    public static String businessName(String code) {
        return name("pdf.business." + code, code);
    }

    /** The name of a tender of the day's report ({@code CASH} → 现金); an unknown code as it is. */
    public static String tenderName(String code) {
        return name("pdf.tender." + code, code);
    }

    private static String name(String key, String code) {
        return I18n.has(I18n.locale(), key) ? I18n.text(key) : code;
    }
}
