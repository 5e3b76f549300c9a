package io.counterdesk.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.payment.PaymentReversalService;
import io.counterdesk.persistence.DatabaseLocation;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.printing.EscPosDecoder;
import io.counterdesk.printing.EscPosEncoder;
import io.counterdesk.printing.PaperWidth;
import io.counterdesk.report.BusinessTotal;
import io.counterdesk.report.CashReportSlip;
import io.counterdesk.report.CashierDayReport;
import io.counterdesk.report.DayCheck;
import io.counterdesk.report.DayReportService;
import io.counterdesk.report.HallDayReport;
import io.counterdesk.report.HallSignOffService;
import io.counterdesk.report.ReversalNote;
import io.counterdesk.report.TenderTotal;
import io.counterdesk.shared.Money;
import io.counterdesk.till.DayAtTheCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A payment of a signed-off day reversed on the next day: the next day's report counts it (negative,
 * by tender and business) and lists it; the locked day's report keeps its figures and lists the
 * correction; both days tie with the journal; the PDFs and the slip say so; the archived PDFs of the
 * signed day stay as they were and the later one goes beside them.
 */
class ReversalAcrossDaysReportTest {

    static final LocalDate DAY1 = LocalDate.of(2025, 3, 10);
    static final LocalDate DAY2 = DAY1.plusDays(1);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private void at(LocalDate date, int hour) {
        db.clock().set(LocalDateTime.of(date, LocalTime.of(hour, 0)).atZone(TestDatabase.ZONE).toInstant());
    }

    private static Money business(CashierDayReport r, String b) {
        return r.byBusiness().stream().filter(x -> x.business().equals(b)).map(BusinessTotal::amount).findFirst()
                .orElseThrow();
    }

    private static Money tender(CashierDayReport r, String t) {
        return r.byTender().stream().filter(x -> x.tender().equals(t)).map(TenderTotal::amount).findFirst().orElseThrow();
    }

    @Test
    void theLaterDayCountsTheReversalAndTheLockedDayListsItsCorrection(@TempDir Path dir) throws Exception {
        DayAtTheCounter day = new DayAtTheCounter(db);
        DayReportService reports = new DayReportService(db.database(), db.terminal());
        ReportPdfs pdfs = new ReportPdfs(() -> PdfFiles.FONT, db.terminal(), db.clock());
        ReportArchive archive = ReportArchive.beside(new DatabaseLocation(dir, "hall"));
        day.payCash(day.cashier, day.accountOwing("90.00"), "100.00");                     // 1001, day 1
        day.payCash(day.cashier, day.accountOwing("20.00"), "20.00");                      // 1002
        day.close.count(day.cashier, DayAtTheCounter.countOf(Money.ofYuan(610)), Set.of());
        day.close.close(day.cashier, "");
        at(DAY1, 18);
        HallDayReport signed = new HallSignOffService(db.database(), db.journal(), reports)
                .signOff(db.auth().confirmOperator("2001", "demo2001".toCharArray()), DAY1, "");
        List<Path> archived = pdfs.archiveDay(signed, List.of(), day.manager, archive);
        byte[] archivedHall = Files.readAllBytes(archived.get(0));

        at(DAY2, 9);
        day.tills.open(day.cashier, Money.ofYuan(500));
        new PaymentReversalService(db.database(), db.journal(), db.terminal(), day.approvals).reverse(day.cashier, 1001,
                "重复收费", db.auth().authoriseApprover(day.cashier, "2001", "demo2001".toCharArray()));   // 1003
        day.payCash(day.cashier, day.accountOwing("30.00"), "30.00");                      // 1004

        HallDayReport first = reports.hallDay(day.manager, DAY1);
        HallDayReport second = reports.hallDay(day.manager, DAY2);
        CashierDayReport one = first.cashiers().get(0);
        CashierDayReport two = second.cashiers().get(0);

        // day 1: the figures as signed off, and the correction listed
        assertThat(first.byTender()).isEqualTo(signed.byTender());
        assertThat(first.byBusiness()).isEqualTo(signed.byBusiness());
        assertThat(one.cash()).isEqualTo(signed.cashiers().get(0).cash());
        assertThat(one.reversals()).isEmpty();
        assertThat(one.corrections()).extracting(ReversalNote::correctionText)
                .containsExactly("已更正：票号 00001001 于 2025-03-11 由票号 00001003 冲正");
        // day 2: the reversal counts, negative, and is listed
        assertThat(business(two, "GAS_BILL")).isEqualTo(Money.parse("-60.00"));
        assertThat(tender(two, "CASH")).isEqualTo(Money.parse("-60.00"));
        assertThat(two.cash().refunds()).isEqualTo(Money.parse("90.00"));
        assertThat(two.cash().expected()).isEqualTo(Money.parse("440.00"));
        assertThat(two.reversals()).singleElement().satisfies(n -> {
            assertThat(n.reversalText()).isEqualTo("冲正 2025-03-10 票号 00001001（重复收费，批准人 2001 张敏）");
            assertThat(n.amount()).isEqualTo(Money.parse("-90.00"));
        });
        assertThat(two.corrections()).isEmpty();
        DayCheck check = new DayCheck(db.database(), reports);
        assertThat(check.check(DAY1).differences()).isEmpty();
        assertThat(check.check(DAY2).differences()).isEmpty();
        assertThat(check.check(DAY2).ties()).isTrue();

        String oneText = PdfFiles.text(pdfs.cashierDay(one, day.manager)).replaceAll("\\s", "");
        assertThat(oneText).contains("以后更正（本日已签核，数字不变）")
                .contains("已更正：票号00001001于2025-03-11由票号00001003冲正（重复收费）");
        String twoText = PdfFiles.text(pdfs.cashierDay(two, day.manager)).replaceAll("\\s", "");
        assertThat(twoText).contains("冲正（本日办理，已计入以上数字）").contains("00001003-¥90.00")
                .contains("冲正2025-03-10票号00001001（重复收费，批准人2001张敏）");
        String hallTwo = PdfFiles.text(pdfs.hallDay(second, List.of(), day.manager)).replaceAll("\\s", "");
        assertThat(hallTwo).contains("冲正2025-03-10票号00001001");
        assertThat(PdfFiles.pdfA2bFailures(pdfs.cashierDay(two, day.manager))).isEmpty();

        String slip = String.join("\n", EscPosDecoder.lines(new EscPosEncoder(PaperWidth.MM80)
                .encode(CashReportSlip.layout(two, TestDatabase.ZONE)))).replaceAll("\\s", "");
        assertThat(slip).contains("冲正00001003-￥90.00", "冲正2025-03-10票号00001001（重复收费，批准人2001张敏）");
        String slipOne = String.join("\n", EscPosDecoder.lines(new EscPosEncoder(PaperWidth.MM80)
                .encode(CashReportSlip.layout(one, TestDatabase.ZONE)))).replaceAll("\\s", "");
        assertThat(slipOne).contains("已更正：票号00001001于2025-03-11由票号00001003冲正");

        // the signed day's archive stays; the later report goes beside it, named by the day it was made
        List<Path> again = pdfs.archiveDay(first, List.of(), day.manager, archive);
        assertThat(again.get(0).getFileName().toString()).isEqualTo("hall-corrected-2025-03-11.pdf");
        assertThat(Files.readAllBytes(archived.get(0))).isEqualTo(archivedHall);
        assertThat(PdfFiles.text(Files.readAllBytes(again.get(0)))).contains("已更正：票号 00001001");
        assertThat(PdfFiles.text(archivedHall)).doesNotContain("已更正");
    }
}
