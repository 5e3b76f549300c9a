package io.counterdesk.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.report.HallDayReport;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day's archive folder on a real disk: reports written before the sign-off give way to the
 * signed ones; a signed day's reports are never replaced, a later writing goes beside them.
 */
class DayArchiveTest {

    /** A second manager, so that the footer (“打印：2002 …”) tells two writings apart. */
    static final Operator DEPUTY = new Operator(4, "2002", "赵强", Role.MANAGER, true, false, 0, null);
    static final List<String> PLAIN = List.of("cash-report-1001-17.pdf", "cash-report-1002-18.pdf", "hall.pdf");

    @TempDir
    Path dir;
    private final ReportPdfs pdfs = new ReportPdfs(() -> PdfFiles.FONT, DayReportPdfTest.TERMINAL,
            DayReportPdfTest.CLOCK);
    private final String today = LocalDate.now(DayReportPdfTest.CLOCK).toString();

    private ReportArchive archive() {
        return new ReportArchive(dir);
    }

    private Path folder() {
        return archive().day(DayReportsForTests.DAY);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private Map<String, byte[]> contents() throws IOException {
        Map<String, byte[]> contents = new HashMap<>();
        for (String name : names()) {
            contents.put(name, Files.readAllBytes(folder().resolve(name)));
        }
        return contents;
    }

    private String text(String name) throws IOException {
        return PdfFiles.text(Files.readAllBytes(folder().resolve(name)));
    }

    @Test
    void reportsWrittenBeforeTheSignOffGiveWayToTheSignedOnes() throws Exception {
        List<Path> early = pdfs.archiveDay(DayReportsForTests.hall(false), List.of(), DEPUTY, archive());
        assertThat(text("hall.pdf")).contains("未签核");

        List<Path> signed = pdfs.archiveDay(DayReportsForTests.hall(true), List.of(), DayReportPdfTest.CHECKER,
                archive());

        assertThat(signed).as("the signed reports under the plain names").isEqualTo(early);
        assertThat(names()).as("no corrected copies").containsExactlyElementsOf(PLAIN);
        assertThat(text("hall.pdf")).contains("已由 2001 张敏 于 2026-12-02 17:40 签核", "打印：2001")
                .doesNotContain("未签核");
        assertThat(text("cash-report-1001-17.pdf")).contains("1001 王伟 · 终端 HZ02-T01 · 已签核", "打印：2001");
        byte[] hall = Files.readAllBytes(folder().resolve("hall.pdf"));
        assertThat(ReportArchive.stampOf(folder().resolve("hall.pdf"))).isEqualTo(ReportArchive.Stamp.SIGNED_DAY);
        assertThat(PdfFiles.pdfA2bFailures(hall)).as("the stamp keeps the report PDF/A-2b").isEmpty();
    }

    @Test
    void aSignedDaysReportsAreNeverReplacedWrittenAgainTheyGoBeside() throws Exception {
        pdfs.archiveDay(DayReportsForTests.hall(true), List.of(), DayReportPdfTest.CHECKER, archive());
        Map<String, byte[]> asSigned = contents();

        List<Path> again = pdfs.archiveDay(DayReportsForTests.hall(true), List.of(), DEPUTY, archive());

        // issue 13 §4: the same figures printed by someone else correct nothing, so nothing is called corrected
        assertThat(again).as("nothing corrected: the signed copies stand").containsExactly(folder().resolve("hall.pdf"),
                folder().resolve("cash-report-1001-17.pdf"), folder().resolve("cash-report-1002-18.pdf"));
        assertThat(names()).as("no corrected copies").containsExactlyElementsOf(PLAIN);
        PLAIN.forEach(name -> assertThat(folder().resolve(name)).as(name + " byte-identical")
                .hasBinaryContent(asSigned.get(name)));

        List<Path> different = pdfs.archiveDay(DayReportsForTests.hall(false), List.of(), DEPUTY, archive());
        assertThat(different).containsExactly(folder().resolve("hall-corrected-" + today + ".pdf"),
                folder().resolve("cash-report-1001-17-corrected-" + today + ".pdf"),
                folder().resolve("cash-report-1002-18-corrected-" + today + ".pdf"));
        assertThat(text("hall-corrected-" + today + ".pdf")).contains("打印：2002");
        assertThat(names()).as("a writing that says something else goes beside").hasSize(6);
        PLAIN.forEach(name -> assertThat(folder().resolve(name)).hasBinaryContent(asSigned.get(name)));
    }

    @Test
    void theServiceTimeReportFollowsTheSameRule() throws Exception {
        LocalDate day = DayReportsForTests.DAY;
        Path plain = folder().resolve(ReportPdfs.SERVICE_TIMES_FILE);
        pdfs.archiveServiceTimes(ServiceTimeReportPdfTest.TIMES, day, DEPUTY, false, archive());
        Path signed = pdfs.archiveServiceTimes(ServiceTimeReportPdfTest.TIMES, day, DayReportPdfTest.CHECKER, true,
                archive());

        assertThat(signed).isEqualTo(plain);
        assertThat(names()).containsExactly(ReportPdfs.SERVICE_TIMES_FILE);
        assertThat(text(ReportPdfs.SERVICE_TIMES_FILE)).contains("服务时限报表", "打印：2001");
        assertThat(ReportArchive.stampOf(plain)).isEqualTo(ReportArchive.Stamp.SIGNED_DAY);
        byte[] asSigned = Files.readAllBytes(plain);

        Path again = pdfs.archiveServiceTimes(ServiceTimeReportPdfTest.TIMES, day, DEPUTY, true, archive());

        assertThat(again).as("the same times: nothing corrected, the signed copy stands").isEqualTo(plain);
        assertThat(names()).containsExactly(ReportPdfs.SERVICE_TIMES_FILE);
        assertThat(plain).hasBinaryContent(asSigned);
    }

    @Test
    void aReportWithoutTheStampIsKeptForASignedDayAsBefore() throws Exception {
        HallDayReport day = DayReportsForTests.hall(true);
        Path hall = archive().save(folder(), ReportPdfs.HALL_FILE, pdfs.hallDay(day, List.of(), DEPUTY));
        byte[] earlier = Files.readAllBytes(hall);
        assertThat(ReportArchive.stampOf(hall)).as("written by an earlier version: no stamp")
                .isEqualTo(ReportArchive.Stamp.NONE);

        pdfs.archiveDay(day, List.of(), DayReportPdfTest.CHECKER, archive());

        assertThat(hall).as("it may have been the signed one").hasBinaryContent(earlier);
        assertThat(names()).as("it says the same: nothing corrected").doesNotContain("hall-corrected-" + today + ".pdf");

        Files.write(hall, "not a PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(ReportArchive.stampOf(hall)).as("unreadable: no stamp").isEqualTo(ReportArchive.Stamp.NONE);
    }
}
