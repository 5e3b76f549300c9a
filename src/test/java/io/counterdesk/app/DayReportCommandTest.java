package io.counterdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.report.pdf.PdfFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The day-report command writes the day's PDFs into the archive beside the database. */
class DayReportCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Cli()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aManagerWritesTheDaysReportsAndACashierMayNot() throws Exception {
        String db = dir.resolve("hall").toString();
        assertThat(run("demo", "--db", db, "--accounts", "20").exit()).isZero();

        Run cashier = run("day-report", "--db", db, "--manager", "1001", "--password", "demo1001", "--date",
                "2026-12-02");
        assertThat(cashier.exit()).isEqualTo(2);
        assertThat(cashier.err()).contains("没有办理此业务的权限");

        Run written = run("day-report", "--db", db, "--manager", "2001", "--password", "demo2001", "--date",
                "2026-12-02");
        assertThat(written.exit()).as(written.err()).isZero();
        Path hall = dir.resolve("reports").resolve(LocalDate.of(2026, 12, 2).toString()).resolve("hall.pdf");
        assertThat(written.out()).contains("report written to " + hall);
        assertThat(PdfFiles.text(Files.readAllBytes(hall))).contains("营业厅日报").contains("业务日期 2026-12-02")
                .contains("每小时业务笔数").contains("打印：2001");
        Path serviceTimes = hall.resolveSibling("service-times.pdf");
        assertThat(written.out()).contains("report written to " + serviceTimes);
        assertThat(PdfFiles.text(Files.readAllBytes(serviceTimes))).contains("服务时限报表");
    }
}
