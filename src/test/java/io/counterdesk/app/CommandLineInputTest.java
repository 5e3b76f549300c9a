package io.counterdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.TerminalKeys;
import io.counterdesk.persistence.DatabaseLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input on the command line (issue 13 §4), through {@link Main#run} as {@code main} runs it:
 * one clear Chinese line on standard error, an exit code other than 0, never a stack trace, and
 * nothing created or written where nothing should be.
 */
class CommandLineInputTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        /** The refusal: exactly one line, in Chinese, no stack trace, and a failing exit code. */
        Run refusedInOneChineseLine() {
            assertThat(exit).as(out + err).isNotZero();
            assertThat(err.strip()).as(err).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(err).as(err).containsPattern("\\p{IsHan}");
            return this;
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run init(Path db) {
        return run("init", "--db", db.toString(), "--hall-code", "HZ07", "--hall-name", "杭州滨江营业厅",
                "--terminal-code", "HZ07-T02", "--admin-staff-no", "9001", "--admin-name", "陈静",
                "--admin-password=chen2025x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "check-day", "demo", "init", "day-report", "stock-list"})
    void anEmptyFileIsRefusedAndNeverWrittenTo(String command) throws IOException {
        Path file = dir.resolve("hall.mv.db");
        Files.createFile(file);

        Run run = run(command, file);

        run.refusedInOneChineseLine();
        assertThat(run.err()).contains("空文件");
        assertThat(file).isEmptyFile();
        assertThat(TerminalKeys.fileOf(DatabaseLocation.of(file))).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "check-day", "demo", "init", "day-report"})
    void aFileThatIsNotADatabaseIsRefusedAndLeftAsItWas(String command) throws IOException {
        Path file = dir.resolve("notes.mv.db");
        byte[] text = "营业厅的备忘录，不是数据库\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, text);

        Run run = run(command, file);

        run.refusedInOneChineseLine();
        assertThat(run.err()).contains("不是 CounterDesk 数据库");
        assertThat(Files.readAllBytes(file)).isEqualTo(text);
    }

    /** The command with its other required options, on the database {@code file}. */
    private Run run(String command, Path file) {
        String db = file.toString();
        String yesterday = LocalDate.now().minusDays(1).toString();
        return switch (command) {
            case "verify" -> run("verify", "--db", db);
            case "check-day" -> run("check-day", "--db", db, "--date", yesterday);
            case "demo" -> run("demo", "--db", db, "--accounts", "5");
            case "init" -> init(file);
            case "day-report" -> run("day-report", "--db", db, "--date", yesterday, "--manager", "2001", "--password=x");
            case "stock-list" -> run("stock", "list", "--db", db, "--manager", "2001", "--password=x");
            default -> throw new IllegalArgumentException(command);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-40", "07/12/2026", "2026-02-30", "yesterday", ""})
    void aWrongDateGetsOneChineseLine(String date) {
        Run run = run("check-day", "--db", dir.resolve("hall").toString(), "--date", date);

        run.refusedInOneChineseLine();
        assertThat(run.err()).contains("年-月-日");
        assertThat(dir.resolve("hall.mv.db")).doesNotExist();
    }

    @Test
    void aWrongMonthGetsOneChineseLine() {
        Run run = run("stock", "list", "--db", dir.resolve("hall").toString(), "--manager", "2001", "--password=x",
                "--month", "2026-13");

        run.refusedInOneChineseLine();
        assertThat(run.err()).contains("年-月");
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "check-day", "day-report", "stock-list"})
    void aCommandThatReadsNeverCreatesADatabaseOrFolders(String command) {
        Path mistyped = dir.resolve("no-such-folder").resolve("deeper").resolve("hall.mv.db");

        Run run = run(command, mistyped);

        run.refusedInOneChineseLine();
        assertThat(run.err()).contains("没有找到数据库文件");
        assertThat(dir.resolve("no-such-folder")).doesNotExist();
    }

    @Test
    void aDayReportForAFutureDayIsRefused() {
        Path db = dir.resolve("hall");
        assertThat(init(db).exit()).isZero();
        // the hall's tomorrow (hall.time_zone, default Asia/Shanghai), whatever the machine's zone
        String tomorrow = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString();

        Run run = run("day-report", "--db", db.toString(), "--date", tomorrow, "--manager", "9001",
                "--password=chen2025x");

        run.refusedInOneChineseLine();
        assertThat(run.err()).contains(tomorrow, "还没有到");
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    void checkDayOnADayWithoutTillsSaysSo() {
        Path db = dir.resolve("hall");
        assertThat(init(db).exit()).isZero();

        Run run = run("check-day", "--db", db.toString(), "--date", "2026-01-05");

        run.refusedInOneChineseLine();
        assertThat(run.err()).contains("2026-01-05", "没有任何钱箱");
        assertThat(run.out()).doesNotContain("every figure ties");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "english", "ZH-CN", ""})
    void anUnknownLanguageIsRefused(String lang) {
        Run run = run("--lang", lang, "--db", dir.resolve("hall").toString());

        run.refusedInOneChineseLine();
        assertThat(run.err()).contains("zh", "en");
        assertThat(dir.resolve("hall.mv.db")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--no-such-option", "--accounts=many", "--accounts=-1"})
    void otherWrongArgumentsGetOneLineToo(String argument) {
        Run run = run("demo", "--db", dir.resolve("hall").toString(), argument);

        run.refusedInOneChineseLine();
    }
}
