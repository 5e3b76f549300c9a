package io.counterdesk.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.report.BusinessTotal;
import io.counterdesk.report.CashierDayReport;
import io.counterdesk.report.DayReportService;
import io.counterdesk.report.HallDayReport;
import io.counterdesk.report.TenderTotal;
import io.counterdesk.report.chart.Chart;
import io.counterdesk.report.chart.DayCharts;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.Money;
import io.counterdesk.till.DayAtTheCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real day at the counter (payments, a void, a reprint, a deposit, a short count, the close, all
 * through the services), its model built by {@link DayReportService} from the database, and the
 * PDFs of that model read back: every figure of the model is in the text.
 */
class DayReportPdfFromTheDatabaseTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void theCashAndHallReportsOfARealDayCarryTheModelsFigures(@TempDir Path dir) throws Exception {
        DayAtTheCounter day = new DayAtTheCounter(db);
        Operator li = day.colleague("1002", "李娜", 5001);
        day.payCash(li, day.accountOwing("66.60"), "70.00");
        day.mixedDay();
        HallDayReport hall = new DayReportService(db.database(), db.terminal()).hallDay(day.manager, DAY);
        List<Chart> charts = new DayCharts(db.database(), TestDatabase.ZONE).hall(hall);
        ReportPdfs pdfs = new ReportPdfs(() -> PdfFiles.FONT, db.terminal(), db.clock());

        List<Path> written = pdfs.archiveDay(hall, charts, day.manager,
                ReportArchive.beside(new io.counterdesk.persistence.DatabaseLocation(dir, "hall")));

        assertThat(written).hasSize(1 + hall.cashiers().size());
        String hallText = PdfFiles.text(Files.readAllBytes(written.get(0)));
        for (TenderTotal t : hall.byTender()) {
            assertThat(hallText).contains(DayCharts.tenderName(t.tender()) + " " + t.count() + " " + t.amount().format());
        }
        for (BusinessTotal b : hall.byBusiness()) {
            assertThat(hallText).contains(DayCharts.businessName(b.business()) + " " + b.count() + " "
                    + b.amount().format());
        }
        assertThat(hallText).contains("全厅合计").contains(DayReportPdf.signed(hall.totalOverShort()))
                .contains(hall.deposits().format()).contains("每小时业务笔数").contains("9时");
        for (int i = 0; i < hall.cashiers().size(); i++) {
            CashierDayReport c = hall.cashiers().get(i);
            assertThat(hallText).contains(DayReportPdf.cashier(c.header()) + " " + DayReportPdf.status(c.header()) + " "
                    + DayReportPdf.taken(c.byTender()).format());
            String text = PdfFiles.text(Files.readAllBytes(written.get(i + 1)));
            assertThat(text).contains("营业厅现金日报表").contains(DayReportPdf.cashier(c.header()))
                    .contains("应有现金 " + c.cash().expected().format())
                    .contains("备用金 " + c.cash().openingFloat().format());
            c.byTender().forEach(t -> assertThat(text).contains(DayCharts.tenderName(t.tender()) + " " + t.count()
                    + " " + t.amount().format()));
            c.receiptsUsed().forEach(r -> assertThat(text).contains(r.first()));
            c.voided().forEach(v -> assertThat(text).contains(v.number() + " " + v.amount().format() + " " + v.reason()));
            c.deposits().forEach(d -> assertThat(text).contains(d.slipNo()).contains(d.amount().format()));
        }
        CashierDayReport wang = hall.cashiers().stream().filter(c -> c.header().cashierStaffNo().equals("1001"))
                .findFirst().orElseThrow();
        String wangText = PdfFiles.text(Files.readAllBytes(written.get(1 + hall.cashiers().indexOf(wang))));
        assertThat(wangText).contains("实点现金 ¥650.00").contains("长短款（长 + / 短 −） -¥10.00")
                .contains("长短款说明：少收十元").contains("王伟3-1").contains("打印错位");
        assertThat(wang.cash().overShort()).isEqualTo(Money.parse("-10.00"));
        assertThat(PdfFiles.pdfA2bFailures(Files.readAllBytes(written.get(0)))).isEmpty();
    }
}
