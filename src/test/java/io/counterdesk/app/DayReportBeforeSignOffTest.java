package io.counterdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.TestClock;
import io.counterdesk.report.pdf.PdfFiles;
import io.counterdesk.report.pdf.ReportArchive;
import io.counterdesk.report.pdf.ReportPdfs;
import io.counterdesk.report.ui.HallSignOffViewModel;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.ui.CurrentThreadTaskExecutor;
import io.counterdesk.ui.TestBackend;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The morning after: 王伟 worked on 1 December and closed his till; that evening someone ran
 * {@code day-report} (allowed before the sign-off); the manager signs the day off the next morning.
 * The archive folder must then hold the signed reports under their plain names, and a later
 * {@code day-report}, on a PC in another time zone, must leave them as signed — on a real database, the real
 * command and real PDFs.
 */
class DayReportBeforeSignOffTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @TempDir
    Path directory;
    private final TestClock clock = new TestClock(at(DAY, 9), ZONE);

    private static Instant at(LocalDate day, int hour) {
        return LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(ZONE).toInstant();
    }

    private CounterDesk open() {
        return CounterDesk.start(AppConfig.resolve(directory.resolve("db"), "zh").withDemoAccounts(TestBackend.ACCOUNTS)
                .withClock(clock), new PasswordHasher(1_000));
    }

    private String dayReport() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Cli()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("day-report", "--db", directory.resolve("db").toString(), "--manager", "2001", "--password",
                        "demo2001", "--date", DAY.toString());
        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }

    private Path folder() {
        return directory.resolve(ReportArchive.FOLDER).resolve(DAY.toString());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private String text(String name) throws IOException {
        return PdfFiles.text(Files.readAllBytes(folder().resolve(name)));
    }

    @Test
    void theSignOffReplacesTheEveningsUnsignedReportsAndALaterDayReportInAnotherZoneLeavesThemAsSigned() throws Exception {
        try (CounterDesk desk = open()) {
            TestBackend.dayOfOnePayment(desk, clock, at(DAY, 21));
        }
        dayReport();
        List<String> plain = names();
        String cashReport = plain.stream().filter(n -> n.startsWith("cash-report-1001-")).findFirst().orElseThrow();
        assertThat(plain).containsExactlyInAnyOrder(ReportPdfs.HALL_FILE, cashReport, ReportPdfs.SERVICE_TIMES_FILE);
        assertThat(text(ReportPdfs.HALL_FILE)).contains("未签核");

        clock.set(at(DAY.plusDays(1), 8).plusSeconds(30 * 60));
        try (CounterDesk desk = open()) {
            HallSignOffViewModel model = new HallSignOffViewModel(new CurrentThreadTaskExecutor(), desk.dayReports(),
                    desk.hallSignOff(), desk.auth(), TestBackend.login(desk, "2001"), clock,
                    HallSignOffViewModel.DayPapers.of(desk.dayCharts(), desk.reportPdfs(), desk.reportArchive(),
                            desk.serviceTimes()));
            model.load();
            assertThat(model.dayProperty().get()).isEqualTo(DAY);
            model.credentials().staffNoProperty().set("2001");
            model.credentials().passwordProperty().set("demo2001");
            model.signOff();
            assertThat(model.signedProperty().get()).as(model.messageProperty().get()).isTrue();
        }

        assertThat(names()).as("the signed reports under the plain names, no corrected copies")
                .containsExactlyElementsOf(plain);
        assertThat(text(ReportPdfs.HALL_FILE)).contains("已由 2001 张敏 于 2026-12-02 08:30 签核").doesNotContain("未签核");
        assertThat(text(cashReport)).contains("1001 王伟").contains("已签核");
        plain.forEach(name -> assertThat(ReportArchive.stampOf(folder().resolve(name))).as(name)
                .isEqualTo(ReportArchive.Stamp.SIGNED_DAY));
        Map<String, byte[]> asSigned = new HashMap<>();
        for (String name : plain) {
            asSigned.put(name, Files.readAllBytes(folder().resolve(name)));
        }

        // issue 13 §4: the command run later on a PC whose clock is in another zone (support's laptop, a server
        // on UTC) writes the hall's reports in the hall's zone (hall.time_zone): they say what the signed ones
        // say, so none is called corrected and the signed copies stand
        TimeZone machine = TimeZone.getDefault();
        String later;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            later = dayReport();
        } finally {
            TimeZone.setDefault(machine);
        }

        assertThat(names()).as("nothing written beside the signed reports").containsExactlyElementsOf(plain);
        plain.forEach(name -> assertThat(later).contains("report unchanged, the signed copy stands: "
                + folder().resolve(name)));
        assertThat(later).doesNotContain("report written to");
        plain.forEach(name -> assertThat(folder().resolve(name)).as(name + " as signed")
                .hasBinaryContent(asSigned.get(name)));
    }
}
