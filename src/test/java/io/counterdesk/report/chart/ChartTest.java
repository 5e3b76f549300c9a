package io.counterdesk.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.report.BusinessTotal;
import io.counterdesk.report.TenderTotal;
import io.counterdesk.servicetime.CounterBusiness;
import io.counterdesk.servicetime.ServiceTime;
import io.counterdesk.shared.Money;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The chart model, its value axis, and the day charts built from the day's figures. */
class ChartTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest
    @CsvSource(textBlock = """
            # max,   step,  steps, top
            0,       1,     1,     1
            1,       1,     1,     1
            5,       1,     5,     5
            6,       2,     3,     6
            9,       2,     5,     10
            11,      5,     3,     15
            26,      10,    3,     30
            99,      20,    5,     100
            101,     50,    3,     150
            523,     200,   3,     600
            1000,    200,   5,     1000
            1001,    500,   3,     1500
            123456,  50000, 3,     150000
            """)
    void theValueAxisRunsInRoundStepsToJustAboveTheLargestValue(long max, long step, int steps, long top) {
        ChartScale scale = ChartScale.forMax(max);

        assertThat(scale.step()).isEqualTo(step);
        assertThat(scale.steps()).isEqualTo(steps).isLessThanOrEqualTo(ChartScale.MAX_STEPS);
        assertThat(scale.top()).isEqualTo(top).isGreaterThanOrEqualTo(max);
        assertThat(scale.fraction(max)).isBetween(0.0, 1.0);
    }

    @Test
    void seriesShareTheirLabelsAndAMissingValueIsZero() {
        Chart chart = new Chart("服务时间", Chart.Kind.BARS, ChartUnit.MINUTES, List.of(
                new ChartSeries("实际", List.of(new ChartPoint("过户", 12), new ChartPoint("开户", 30))),
                new ChartSeries("承诺", List.of(new ChartPoint("开户", 20), new ChartPoint("补卡", 15)))));

        assertThat(chart.labels()).containsExactly("过户", "开户", "补卡");
        assertThat(chart.value(0, "补卡")).isZero();
        assertThat(chart.value(1, "开户")).isEqualTo(20);
        assertThat(chart.max()).isEqualTo(30);
        assertThat(chart.hasLegend()).isTrue();
        assertThat(chart.isEmpty()).isFalse();
    }

    @Test
    void aChartNeedsASeriesAndAllZeroIsEmpty() {
        assertThatThrownBy(() -> new Chart("空", Chart.Kind.BARS, ChartUnit.COUNT, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Chart.of("零", Chart.Kind.COLUMNS, ChartUnit.COUNT, List.of(new ChartPoint("9时", 0))).isEmpty())
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource({"COUNT, 1234, 1234", "MINUTES, 15, 15", "MONEY, 123456, '¥1,234.56'", "MONEY, -50, -¥0.50"})
    void valuesAreWrittenInTheirUnit(ChartUnit unit, long value, String written) {
        assertThat(unit.format(value)).isEqualTo(written);
    }

    @Test
    void paymentsAreCountedPerHourOfTheHallsClockFromEightToFiveAndBeyondWhenBusy() {
        List<java.time.Instant> times = List.of(at(9, 5), at(9, 59), at(10, 0), at(19, 30), at(7, 45), at(9, 30));

        Chart chart = DayCharts.perHour(times, ZONE);

        assertThat(chart.kind()).isEqualTo(Chart.Kind.COLUMNS);
        assertThat(chart.title()).isEqualTo("每小时业务笔数");
        assertThat(chart.labels()).first().isEqualTo("7时");
        assertThat(chart.labels()).last().isEqualTo("19时");
        assertThat(chart.labels()).hasSize(13);
        assertThat(chart.value(0, "9时")).isEqualTo(3);
        assertThat(chart.value(0, "10时")).isEqualTo(1);
        assertThat(chart.value(0, "12时")).isZero();
        assertThat(DayCharts.perHour(List.of(), ZONE).labels()).hasSize(10).startsWith("8时").endsWith("17时");
    }

    @Test
    void moneyByBusinessAndByTenderNameTheirCodesAndKeepExactFen() {
        Chart business = DayCharts.moneyByBusiness(List.of(new BusinessTotal("GAS_BILL", 40, Money.parse("12345.67")),
                new BusinessTotal("IC_TOPUP", 3, Money.parse("300.00")), new BusinessTotal("NEW_THING", 1, Money.ofFen(5))));
        Chart tender = DayCharts.moneyByTender(List.of(new TenderTotal("CASH", 30, Money.parse("9000.10")),
                new TenderTotal("BANK_CARD", 13, Money.parse("3645.57"))));

        assertThat(business.labels()).containsExactly("气费", "IC卡购气", "NEW_THING");
        assertThat(business.value(0, "气费")).isEqualTo(1_234_567);
        assertThat(business.unit()).isEqualTo(ChartUnit.MONEY);
        assertThat(tender.labels()).containsExactly("现金", "银行卡");
        assertThat(tender.title()).isEqualTo("按收款方式金额");
    }

    @Test
    void aMarkedLabelMustBeOneOfTheChartsAndIsReportedMarked() {
        List<ChartSeries> series = List.of(new ChartSeries("实际", List.of(new ChartPoint("过户", 12),
                new ChartPoint("开户", 30))));
        Chart chart = new Chart("服务时间", Chart.Kind.BARS, ChartUnit.MINUTES, series, java.util.Set.of("开户"));

        assertThat(chart.isMarked("开户")).isTrue();
        assertThat(chart.isMarked("过户")).isFalse();
        assertThat(new Chart("服务时间", Chart.Kind.BARS, ChartUnit.MINUTES, series).marked()).isEmpty();
        assertThatThrownBy(() -> new Chart("服务时间", Chart.Kind.BARS, ChartUnit.MINUTES, series,
                java.util.Set.of("补卡"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("补卡");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # seconds taken, whole minutes begun
            0,     0
            1,     1
            59,    1
            60,    1
            61,    2
            170,   3
            180,   3
            181,   4
            245,   5
            3600,  60
            """)
    void serviceMinutesAreRoundedUpSoThatATimePastItsPromiseStandsPastIt(long seconds, long minutes) {
        assertThat(DayCharts.minutesUp(seconds * 1000)).isEqualTo(minutes);
    }

    @Test
    void theServiceTimeChartKeepsTheBusinessesOrderAndMarksEachOneWithALateCase() {
        java.time.Instant nine = at(9, 0);
        List<ServiceTime> times = List.of(
                done(CounterBusiness.TOP_UP, nine, 100, 3),
                done(CounterBusiness.PAYMENT, nine, 200, 3),   // 3:20, late
                done(CounterBusiness.PAYMENT, nine, 181, 3),   // 3:01, late by a second
                done(CounterBusiness.PAYMENT, nine, 59, 3),
                done(CounterBusiness.OPENING, nine, 600, 10),  // exactly the promise: in time
                done(CounterBusiness.BILL_QUERY, nine, 30, 5));

        Chart chart = DayCharts.serviceTimes(times);

        assertThat(chart.title()).isEqualTo("服务用时与承诺（分钟）");
        assertThat(chart.kind()).isEqualTo(Chart.Kind.BARS);
        assertThat(chart.unit()).isEqualTo(ChartUnit.MINUTES);
        assertThat(chart.labels()).containsExactly("开户", "缴费（超时 2 笔）", "购气", "账单查询");
        assertThat(chart.marked()).containsExactly("缴费（超时 2 笔）");
        assertThat(chart.value(0, "缴费（超时 2 笔）")).isEqualTo(3);   // (200 + 181 + 59) / 3 = 146.7 s
        assertThat(chart.value(1, "缴费（超时 2 笔）")).isEqualTo(4);   // 200 s
        assertThat(chart.value(2, "缴费（超时 2 笔）")).isEqualTo(3);
        assertThat(chart.value(1, "开户")).isEqualTo(10);
        assertThat(chart.value(2, "开户")).isEqualTo(10);
        assertThat(chart.value(0, "账单查询")).isEqualTo(1);
        assertThat(chart.hasLegend()).isTrue();
    }

    @Test
    void aDayWithoutTimedBusinessHasAnEmptyServiceTimeChart() {
        Chart chart = DayCharts.serviceTimes(List.of());

        assertThat(chart.labels()).isEmpty();
        assertThat(chart.isEmpty()).isTrue();
        assertThat(chart.series()).hasSize(3);
    }

    private static ServiceTime done(CounterBusiness business, java.time.Instant start, long seconds, long promisedMinutes) {
        return new ServiceTime(1, "1001", business, "account:3300000001", java.time.LocalDate.of(2026, 12, 2), start,
                start.plusSeconds(seconds), java.time.Duration.ofMinutes(promisedMinutes));
    }

    private static java.time.Instant at(int hour, int minute) {
        return LocalDateTime.of(2026, 12, 2, hour, minute).atZone(ZONE).toInstant();
    }
}
