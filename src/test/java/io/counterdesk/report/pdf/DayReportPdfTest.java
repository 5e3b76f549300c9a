package io.counterdesk.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.report.CashierDayReport;
import io.counterdesk.report.HallDayReport;
import io.counterdesk.report.ReportStatus;
import io.counterdesk.report.chart.Chart;
import io.counterdesk.report.chart.ChartPoint;
import io.counterdesk.report.chart.DayCharts;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cashier's daily cash report and the hall report, read back from the PDF against the model's figures. */
class DayReportPdfTest {

    static final TerminalIdentity TERMINAL = new TerminalIdentity(1, "HZ02-T01", "1 号窗口", 1, "HZ02", "城东营业厅",
            "杭州市上城区", "96777");
    static final Operator CHECKER = new Operator(3, "2001", "张敏", Role.MANAGER, true, false, 0, null);
    static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(2026, 12, 2, 17, 45, 0, 0, DayReportsForTests.ZONE)
            .toInstant(), DayReportsForTests.ZONE);

    private final ReportPdfs pdfs = new ReportPdfs(() -> PdfFiles.FONT, TERMINAL, CLOCK);

    static List<Chart> charts(HallDayReport day) {
        List<Chart> charts = new ArrayList<>();
        List<ChartPoint> hours = new ArrayList<>();
        int[] counts = {4, 11, 15, 9, 3, 7, 12, 8, 4, 2};
        for (int h = 8; h <= 17; h++) {
            hours.add(new ChartPoint(h + "时", counts[h - 8]));
        }
        charts.add(Chart.of("每小时业务笔数", Chart.Kind.COLUMNS, io.counterdesk.report.chart.ChartUnit.COUNT, hours));
        charts.add(DayCharts.moneyByBusiness(day.byBusiness()));
        charts.add(DayCharts.moneyByTender(day.byTender()));
        charts.add(DayCharts.serviceTimes(ServiceTimeReportPdfTest.TIMES));
        return charts;
    }

    @Test
    void theCashReportShowsEveryFigureOfTheModel() {
        CashierDayReport day = DayReportsForTests.wang(ReportStatus.CLOSED);

        byte[] pdf = pdfs.cashierDay(day, CHECKER);
        PdfFiles.keep("cash-report.pdf", pdf);

        String text = PdfFiles.text(pdf);
        assertThat(text).contains("营业厅现金日报表").contains("业务日期 2026-12-02 · 收费员 1001 王伟 · 终端 HZ02-T01 · 已结账")
                .contains("开班时间 2026-12-02 08:25").contains("结账时间 2026-12-02 17:05");
        day.byTender().forEach(t -> assertThat(text).contains(DayCharts.tenderName(t.tender()) + " " + t.count() + " "
                + t.amount().format()));
        day.byBusiness().forEach(b -> assertThat(text).contains(DayCharts.businessName(b.business()) + " " + b.count()
                + " " + b.amount().format()));
        assertThat(text).contains("合计 53 ¥11,676.80").contains("合计 53 ¥11,676.80")
                .contains("拆表费 2 ¥40.00").contains("过户手续费 4 ¥80.00")
                .contains("IC卡购气 5 1240 ¥2,500.00").contains("燃气票（面值现金） 2 40 ¥12.00");
        assertThat(text).contains("备用金 ¥500.00").contains("现金收入 ¥8,296.50").contains("找零 -¥40.50")
                .contains("退款 ¥0.00").contains("解款 -¥5,000.00").contains("应有现金 ¥3,756.00")
                .contains("实点现金 ¥3,296.50").contains("长短款（长 + / 短 −） -¥459.50");
        assertThat(text).contains("¥100.00 31 ¥3,100.00").contains("¥0.50 1 ¥0.50").contains("合计 ¥3,296.50");
        assertThat(text).contains("王伟12-1 16:20 逾时 ¥5,000.00");
        assertThat(text).contains("现金 ¥3,756.00 ¥3,296.50 -¥459.50").contains("银行卡 ¥3,420.80 ¥3,420.80 ¥0.00")
                .contains("长短款说明：一张百元券未入账，已报营业厅负责人");
        assertThat(text).contains("收款收据 00010001–00010054 54").contains("核对单 00500001–00500003 3")
                .contains("收款收据 00010007 ¥86.40 客户信息有误 2001").contains("收款收据 00010020 2 11:02");
        assertThat(text).contains("收费员（签字）：").contains("复核（签字）：").contains("打印：2001 张敏  2026-12-02 17:45");
        assertThat(PdfFiles.pdfA2bFailures(pdf)).isEmpty();
    }

    @Test
    void anOpenTillIsMarkedAndShowsNoCountYet() {
        CashierDayReport open = DayReportsForTests.wang(ReportStatus.OPEN);
        CashierDayReport uncounted = new CashierDayReport(open.header(), open.byTender(), open.byBusiness(),
                open.feeItems(), open.receiptsUsed(), List.of(), List.of(), List.of(),
                new io.counterdesk.report.CashLines(open.cash().openingFloat(), open.cash().cashIn(), open.cash().change(),
                        open.cash().refunds(), open.cash().deposits(), open.cash().expected(), null, null, List.of()),
                List.of(), "", null, null);

        String text = PdfFiles.text(pdfs.cashierDay(uncounted, CHECKER));

        assertThat(text).contains("未结账").contains("结账时间 —").contains("实点现金 未点钞").contains("长短款（长 + / 短 −） —")
                .doesNotContain("点钞明细").doesNotContain("IC卡购气与燃气票");
    }

    @Test
    void theHallReportListsEveryCashierTheHallTotalsAndTheCharts() {
        HallDayReport day = DayReportsForTests.hall(true);

        byte[] pdf = pdfs.hallDay(day, charts(day), CHECKER);
        PdfFiles.keep("hall-report.pdf", pdf);

        String text = PdfFiles.text(pdf);
        assertThat(text).contains("营业厅日报").contains("业务日期 2026-12-02 · 2 名收费员 · 已由 2001 张敏 于 2026-12-02 17:40 签核");
        assertThat(text).contains("1001 王伟 已签核 ¥11,676.80 ¥3,756.00 ¥3,296.50 ¥5,000.00 -¥459.50")
                .contains("1002 李娜 已签核 ¥1,958.00 ¥2,458.00 ¥2,458.00 ¥0.00 ¥0.00")
                .contains("全厅合计 ¥13,634.80 ¥5,000.00 -¥459.50")
                .contains("有长短款的收费员：1001 王伟 -¥459.50");
        day.byTender().forEach(t -> assertThat(text).contains(DayCharts.tenderName(t.tender()) + " " + t.count() + " "
                + t.amount().format()));
        day.byBusiness().forEach(b -> assertThat(text).contains(DayCharts.businessName(b.business()) + " " + b.count()
                + " " + b.amount().format()));
        assertThat(text).contains("每小时业务笔数").contains("按业务收款金额").contains("按收款方式金额")
                .contains("8时").contains("17时").contains("¥10,973.30").contains("¥10,214.00");
        // the service times against the promises, the late business marked in the warning colour
        assertThat(text).contains("服务用时与承诺（分钟）", "平均用时", "最长用时", "承诺时限", "开户（IC 卡表）",
                "缴费（超时 1 笔）", "过户");
        assertThat(PdfFiles.textIn(pdf, 0xC62828)).containsExactly("缴费（超时 1 笔）");
        List<String> pages = PdfFiles.pages(pdf);
        assertThat(pages.get(pages.size() - 1)).as("the chart before the signatures")
                .containsSubsequence("服务用时与承诺（分钟）", "复核（签字）：");
        assertThat(PdfFiles.pdfA2bFailures(pdf)).isEmpty();
    }

    @Test
    void aBalancedUnsignedDaySaysSo() {
        HallDayReport signed = DayReportsForTests.hall(false);
        HallDayReport balanced = new HallDayReport(signed.hallName(), signed.businessDay(),
                List.of(DayReportsForTests.li(ReportStatus.CLOSED)), signed.byTender(), signed.byBusiness(), null, null,
                io.counterdesk.shared.Money.ZERO, io.counterdesk.shared.Money.ZERO, null, null);

        String text = PdfFiles.text(pdfs.hallDay(balanced, List.of(), CHECKER));

        assertThat(text).contains("未签核").contains("各收费员均无长短款。").doesNotContain("全厅一日概览");
    }

    @Test
    void theDaysReportsAreArchivedInTheDaysFolderBesideTheDatabase(@TempDir Path dir) throws Exception {
        HallDayReport day = DayReportsForTests.hall(true);
        ReportArchive archive = ReportArchive.beside(new io.counterdesk.persistence.DatabaseLocation(dir, "hall"));

        List<Path> written = pdfs.archiveDay(day, charts(day), CHECKER, archive);

        Path folder = dir.resolve("reports").resolve("2026-12-02");
        assertThat(written).containsExactly(folder.resolve("hall.pdf"), folder.resolve("cash-report-1001-17.pdf"),
                folder.resolve("cash-report-1002-18.pdf"));
        assertThat(PdfFiles.text(Files.readAllBytes(written.get(2)))).contains("1002 李娜").contains("应有现金 ¥2,458.00");
        byte[] archived = Files.readAllBytes(written.get(0));
        List<Path> again = pdfs.archiveDay(day, List.of(), CHECKER, archive);
        String today = java.time.LocalDate.now(CLOCK).toString();
        assertThat(again).as("a signed-off day's archived reports are kept: the hall report, changed (no charts now),"
                        + " goes beside as corrected; the cashiers' reports say the same and stand as they are")
                .containsExactly(folder.resolve("hall-corrected-" + today + ".pdf"),
                        folder.resolve("cash-report-1001-17.pdf"), folder.resolve("cash-report-1002-18.pdf"));
        assertThat(Files.readAllBytes(written.get(0))).isEqualTo(archived);
        pdfs.archiveDay(day, List.of(), CHECKER, archive);
        try (var files = Files.list(folder)) {
            assertThat(files).as("written again the same day, the correction is replaced").hasSize(4);
        }
        HallDayReport open = DayReportsForTests.hall(false);
        List<Path> unsigned = pdfs.archiveDay(open, List.of(), CHECKER, archive);
        assertThat(unsigned).as("a writing that does not know of the sign-off says something else: it goes beside")
                .containsExactly(folder.resolve("hall-corrected-" + today + ".pdf"),
                        folder.resolve("cash-report-1001-17-corrected-" + today + ".pdf"),
                        folder.resolve("cash-report-1002-18-corrected-" + today + ".pdf"));
        try (var files = Files.list(folder)) {
            assertThat(files).hasSize(6);
        }
        assertThat(Files.readAllBytes(written.get(0))).as("the signed copy is never replaced").isEqualTo(archived);
    }

    @Test
    void theFontIsLookedUpAndReadOnceOnTheFirstReportOrWhenPrepared() {
        int[] lookups = {0};
        ReportPdfs missing = new ReportPdfs(() -> {
            lookups[0]++;
            throw new io.counterdesk.shared.BusinessException("pdf.font.notFound", ReportFont.SETTING, "/nowhere.ttc");
        }, TERMINAL, CLOCK);
        assertThat(lookups[0]).as("not when wired").isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(missing::prepare)
                .hasMessageContaining("report.font").hasMessageContaining("/nowhere.ttc");

        lookups[0] = 0;
        ReportPdfs found = new ReportPdfs(() -> {
            lookups[0]++;
            return PdfFiles.FONT;
        }, TERMINAL, CLOCK);
        found.prepare();
        found.cashierDay(DayReportsForTests.li(ReportStatus.CLOSED), CHECKER);
        byte[] second = found.cashierDay(DayReportsForTests.li(ReportStatus.CLOSED), CHECKER);

        assertThat(lookups[0]).isEqualTo(1);
        assertThat(PdfFiles.text(second)).contains("1002 李娜");
        assertThat(PdfFiles.fonts(second)).allSatisfy(f -> assertThat(f.isEmbedded()).isTrue());
        assertThat(PdfFiles.pdfA2bFailures(second)).isEmpty();
    }
}
