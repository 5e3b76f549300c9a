package io.counterdesk.report.chart;

import io.counterdesk.persistence.Database;
import io.counterdesk.report.BusinessTotal;
import io.counterdesk.report.HallDayReport;
import io.counterdesk.report.TenderTotal;
import io.counterdesk.servicetime.CounterBusiness;
import io.counterdesk.servicetime.ServiceTime;
import io.counterdesk.servicetime.ServiceTimeRepository;
import io.counterdesk.shared.I18n;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hall manager's day at a glance: transactions per hour, money by business, money by tender
 * and service times against promises, as {@link Chart}s that the hall report PDF and the sign-off
 * screen both draw (the service-time chart also in the service-time report).
 */
public final class DayCharts {

    /** Hours always shown, so that days compare at a glance (a hall's usual opening hours). */
    static final int FIRST_HOUR = 8;
    static final int LAST_HOUR = 17;

    private final Database database;
    private final ZoneId zone;
    private final DayActivityRepository activity = new DayActivityRepository();
    private final ServiceTimeRepository serviceTimes = new ServiceTimeRepository();

    public DayCharts(Database database, ZoneId zone) {
        this.database = database;
        this.zone = zone;
    }

    /** The four charts of the hall's day: per hour, by business, by tender, service times against promises. */
    public List<Chart> hall(HallDayReport day) {
        List<ServiceTime> times = database.read(tx -> serviceTimes.day(tx, day.businessDay()));
        return List.of(transactionsPerHour(day.businessDay()), moneyByBusiness(day.byBusiness()),
                moneyByTender(day.byTender()), serviceTimes(times));
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
    public static Chart moneyByTender(List<TenderTotal> totals) {
        return Chart.of(I18n.text("pdf.chart.byTender"), Chart.Kind.BARS, ChartUnit.MONEY, totals.stream()
                .map(t -> new ChartPoint(tenderName(t.tender()), t.amount().fen())).toList());
    }

    /**
     * The service-time chart (服务时限, 第三条): per business done that day, in the businesses' own
     * order, the average and the longest time taken beside the promised time, in whole minutes
     * rounded up (so that a time past its promise by seconds stands past it). A business of which
     * any one took longer than its promise is marked, its label saying how many
     * ({@code 缴费（超时 2 笔）}).
     */
    public static Chart serviceTimes(List<ServiceTime> times) {
        Map<CounterBusiness, List<ServiceTime>> byBusiness = new EnumMap<>(CounterBusiness.class);
        for (ServiceTime t : times) {
            byBusiness.computeIfAbsent(t.business(), b -> new ArrayList<>()).add(t);
        }
        List<ChartPoint> average = new ArrayList<>();
        List<ChartPoint> longest = new ArrayList<>();
        List<ChartPoint> promised = new ArrayList<>();
        Set<String> late = new HashSet<>();
        byBusiness.forEach((business, done) -> {
            long over = done.stream().filter(t -> !t.withinPromise()).count();
            String name = I18n.text("ui.serviceTime.business." + business.name());
            String label = over == 0 ? name : I18n.text("pdf.chart.serviceTimes.late", name, over);
            if (over > 0) {
                late.add(label);
            }
            long total = done.stream().mapToLong(t -> t.taken().toMillis()).sum();
            average.add(new ChartPoint(label, minutesUp(total / done.size())));
            longest.add(new ChartPoint(label, minutesUp(done.stream().mapToLong(t -> t.taken().toMillis()).max()
                    .orElse(0))));
            promised.add(new ChartPoint(label, done.get(0).promise().toMinutes()));
        });
        return new Chart(I18n.text("pdf.chart.serviceTimes"), Chart.Kind.BARS, ChartUnit.MINUTES, List.of(
                new ChartSeries(I18n.text("pdf.chart.serviceTimes.taken"), average),
                new ChartSeries(I18n.text("pdf.chart.serviceTimes.longest"), longest),
                new ChartSeries(I18n.text("pdf.chart.serviceTimes.promised"), promised)), late);
    }

    /** Whole minutes, rounded up: 2:50 is 3, 3:00 is 3, 3:01 is 4. */
    static long minutesUp(long millis) {
        return (Math.max(0, millis) + 59_999) / 60_000;
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
