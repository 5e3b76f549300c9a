package io.counterdesk.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.report.chart.Chart;
import io.counterdesk.report.chart.DayCharts;
import io.counterdesk.servicetime.CounterBusiness;
import io.counterdesk.servicetime.ServiceTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The day's service-time report (服务时限报表): each business against its promise, read back from the PDF. */
class ServiceTimeReportPdfTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    static final Instant NINE = Instant.parse("2026-12-02T01:00:00Z"); // 09:00 in Shanghai

    private final ReportPdfs pdfs = new ReportPdfs(() -> PdfFiles.FONT, DayReportPdfTest.TERMINAL,
            DayReportPdfTest.CLOCK);

    private static ServiceTime done(long id, String staffNo, CounterBusiness business, String subject, int startMinute,
                                    Duration taken) {
        Instant start = NINE.plus(Duration.ofMinutes(startMinute));
        return new ServiceTime(id, staffNo, business, subject, DAY, start, start.plus(taken),
                Duration.ofMinutes(business.defaultPromise().toMinutes()));
    }

    static final List<ServiceTime> TIMES = List.of(
            done(1, "1001", CounterBusiness.PAYMENT, "account:3300000001", 0, Duration.ofSeconds(95)),
            done(2, "1001", CounterBusiness.PAYMENT, "account:3300000002", 5, Duration.ofSeconds(245)),
            done(3, "1002", CounterBusiness.IC_OPENING, "account:3300010001", 20, Duration.ofMinutes(12)),
            done(4, "1002", CounterBusiness.TRANSFER, "account:3300000003", 40, Duration.ofMinutes(8)));

    @Test
    void eachBusinessIsSetAgainstItsPromiseAndTheLateOnesAreListed() {
        byte[] pdf = pdfs.serviceTimes(TIMES, DAY, DayReportPdfTest.CHECKER);

        String text = PdfFiles.text(pdf);
        assertThat(text).contains("服务时限报表", "2026-12-02 · 共 4 笔业务", "各项业务用时与承诺时限");
        // payment: 2 done, 1 within 3 minutes, average (95 + 245) / 2 = 170 s, longest 245 s
        assertThat(text).contains("缴费 2 1 1 2:50 4:05 3 分钟");
        assertThat(text).contains("开户（IC 卡表） 1 1 0 12:00 12:00 15 分钟");
        assertThat(text).contains("过户 1 1 0 8:00 8:00 10 分钟");
        assertThat(text).contains("合计 4 3 1");
        assertThat(text).contains("超过承诺时限的业务", "1001 缴费 account:3300000002 09:05 4:05 3 分钟");
        assertThat(text).contains("服务用时与承诺（分钟）", "缴费（超时 1 笔）", "平均用时", "最长用时", "承诺时限");
        assertThat(PdfFiles.textIn(pdf, 0xC62828)).as("the late business in the warning colour")
                .containsExactly("缴费（超时 1 笔）");
        assertThat(PdfFiles.pdfA2bFailures(pdf)).isEmpty();
        PdfFiles.keep("service-times.pdf", pdf);
    }

    @Test
    void aDayWithoutTimedBusinessSaysSo() {
        assertThat(PdfFiles.text(pdfs.serviceTimes(List.of(), DAY, DayReportPdfTest.CHECKER)))
                .contains("当日没有计时的业务。");
    }

    @Test
    void theChartSetsTheAverageAndLongestMinutesBesideThePromiseAndMarksTheLateBusiness() {
        Chart chart = DayCharts.serviceTimes(TIMES);

        assertThat(chart.series()).extracting(s -> s.name()).containsExactly("平均用时", "最长用时", "承诺时限");
        assertThat(chart.labels()).containsExactly("开户（IC 卡表）", "缴费（超时 1 笔）", "过户");
        assertThat(chart.marked()).containsExactly("缴费（超时 1 笔）");
        assertThat(chart.value(0, "缴费（超时 1 笔）")).isEqualTo(3);      // 170 s: 3 minutes begun
        assertThat(chart.value(1, "缴费（超时 1 笔）")).isEqualTo(5);      // 245 s: past 4, so 5
        assertThat(chart.value(2, "缴费（超时 1 笔）")).isEqualTo(3);
        assertThat(chart.value(0, "开户（IC 卡表）")).isEqualTo(12);
        assertThat(chart.value(2, "开户（IC 卡表）")).isEqualTo(15);
        assertThat(chart.isMarked("过户")).isFalse();
    }
}
