package io.counterdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The hall manager's receipt-stock commands on a demo database. */
class StockCommandTest {

    /** One demo hall for the class (the demo operators' production-strength hashes take seconds). */
    @TempDir
    static Path demoDir;

    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeAll
    static void loadDemoHall() {
        assertThat(run("demo", "--db", demoDir.resolve("demo").toString(), "--accounts", "20").exit()).isZero();
    }

    /** A fresh copy of the demo hall for one test. */
    private String copyOfDemoHall() throws java.io.IOException {
        java.nio.file.Files.copy(demoDir.resolve("demo.mv.db"), dir.resolve("hall.mv.db"));
        java.nio.file.Files.copy(demoDir.resolve("demo.keys"), dir.resolve("hall.keys"));
        return dir.resolve("hall").toString();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.commandLine()
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aManagerRegistersARangeAndListsTheMonth() throws Exception {
        String db = copyOfDemoHall();

        Run registered = run("stock", "register", "--db", db, "--manager", "2001", "--password", "demo2001",
                "--cashier", "1002", "--kind", "RECEIPT", "--first", "90001", "--last", "90100");
        assertThat(registered.exit()).as(registered.err()).isZero();
        assertThat(registered.out()).contains("00090001–00090100");

        Run listing = run("stock", "list", "--db", db, "--manager", "2001", "--password", "demo2001");
        assertThat(listing.exit()).as(listing.err()).isZero();
        assertThat(listing.out()).contains("RECEIPT 00090001–00090100 1002 李娜 [ACTIVE]: used 0")
                .contains("remaining 00090001–00090100");
    }

    @Test
    void aCashierMayNotRegisterStockAndOverlapsAreRefused() throws Exception {
        String db = copyOfDemoHall();

        Run cashier = run("stock", "register", "--db", db, "--manager", "1001", "--password", "demo1001",
                "--cashier", "1002", "--kind", "RECEIPT", "--first", "90001", "--last", "90100");
        assertThat(cashier.exit()).isEqualTo(2);
        assertThat(cashier.err()).contains("没有办理此业务的权限");

        Run overlap = run("stock", "register", "--db", db, "--manager", "2001", "--password", "demo2001",
                "--cashier", "1002", "--kind", "RECEIPT", "--first", "10001", "--last", "10010");
        assertThat(overlap.exit()).isEqualTo(2);
        assertThat(overlap.err()).contains("重叠");
    }

    @Test
    void theListingIsAlsoWrittenAsAPdfReport() throws Exception {
        String db = copyOfDemoHall();
        Path file = dir.resolve("out/票据核对-2026-12.pdf");

        Run listing = run("stock", "list", "--db", db, "--manager", "2001", "--password", "demo2001", "--pdf",
                file.toString());

        assertThat(listing.exit()).as(listing.err()).isZero();
        assertThat(listing.out()).contains("report written to " + file.toAbsolutePath());
        String text = io.counterdesk.report.pdf.PdfFiles.text(java.nio.file.Files.readAllBytes(file));
        assertThat(text).contains("票据核对月报").contains("号段汇总").contains("1002 李娜").contains("打印：2001 张敏");
    }

    @Test
    void aConfiguredFontThatIsMissingRefusesTheReportNamingTheSetting() throws Exception {
        String db = copyOfDemoHall();
        java.nio.file.Files.writeString(dir.resolve(TerminalSettings.FILE_NAME), "report.font=fonts/simsun.ttc\n"
                + "card.reader=simulated\n");

        Run listing = run("stock", "list", "--db", db, "--manager", "2001", "--password", "demo2001", "--pdf",
                dir.resolve("x.pdf").toString());

        assertThat(listing.exit()).isEqualTo(2);
        assertThat(listing.err()).contains("report.font").contains(dir.resolve("fonts/simsun.ttc").toString());
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }
}
