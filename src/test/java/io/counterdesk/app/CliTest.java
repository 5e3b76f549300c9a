package io.counterdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.app.demo.DemoData;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.DatabaseLocation;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.TerminalRepository;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.security.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The support commands, run in-process as {@code Main} runs them. */
class CliTest {

    private static final int DEMO_ACCOUNTS = 200;

    /** One demo hall per class (the demo operators' production-strength hashes take seconds); tests copy it. */
    @TempDir
    static Path demoDir;
    private static Run demoRun;

    @TempDir
    Path dir;

    private Path dbPath;
    private DatabaseLocation location;

    @BeforeAll
    static void loadTheDemoHallOnce() {
        demoRun = run("demo", "--db", demoHall().basePath().toString(), "--accounts", Integer.toString(DEMO_ACCOUNTS));
    }

    private static DatabaseLocation demoHall() {
        return new DatabaseLocation(demoDir, "demo");
    }

    @BeforeEach
    void paths() {
        dbPath = dir.resolve("hall");
        location = DatabaseLocation.of(dbPath);
    }

    /** This test's database: a copy of the demo hall. */
    private void copyDemoHall() throws IOException {
        assertThat(demoRun.exit()).as(demoRun.err()).isZero();
        Files.copy(demoHall().dataFile(), location.dataFile());
        // the terminal's key store goes with it (ADR 0012): the file alone does not open
        Files.copy(io.counterdesk.persistence.TerminalKeys.fileOf(demoHall()),
                io.counterdesk.persistence.TerminalKeys.fileOf(location));
    }

    /** One run of the command line: exit code and what it printed. */
    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run init(String adminPassword) {
        return run("init", "--db", dbPath.toString(), "--hall-code", "HZ07", "--hall-name", "杭州滨江营业厅",
                "--hall-address", "杭州市滨江区江南大道 1 号", "--terminal-code", "HZ07-T02", "--terminal-name", "2 号窗口",
                "--admin-staff-no", "9001", "--admin-name", "陈静", "--admin-password=" + adminPassword);
    }

    private Run verify() {
        return run("verify", "--db", dbPath.toString());
    }

    private Database open() {
        return Database.open(location, Clock.systemDefaultZone());
    }

    private static long count(Database database, String sql) {
        return database.read(tx -> tx.handle().createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void initRegistersTheTerminalAndCreatesTheFirstAdministrator() {
        Run init = init("chen2025x");

        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).contains("initialised", "HZ07-T02", "9001");
        try (Database database = open()) {
            Optional<TerminalIdentity> terminal = database.read(new TerminalRepository()::current);
            assertThat(terminal).hasValueSatisfying(t -> {
                assertThat(t.terminalCode()).isEqualTo("HZ07-T02");
                assertThat(t.terminalName()).isEqualTo("2 号窗口");
                assertThat(t.hallCode()).isEqualTo("HZ07");
                assertThat(t.hallName()).isEqualTo("杭州滨江营业厅");
            });
            AuthService auth = new AuthService(database, new Journal("HZ07-T02"), new PasswordHasher(1_000));
            Operator admin = auth.login("9001", "chen2025x".toCharArray());
            assertThat(admin.role()).isEqualTo(Role.ADMIN);
            assertThat(admin.name()).isEqualTo("陈静");
            assertThat(database.read(Journal::verify).isIntact()).isTrue();
        }
    }

    @Test
    void initTwiceIsRefused() {
        assertThat(init("chen2025x").exit()).isZero();

        Run again = init("chen2025y");

        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains(location.dataFile().toString());
        try (Database database = open()) {
            assertThat(count(database, "SELECT COUNT(*) FROM operator")).isEqualTo(1);
            assertThat(count(database, "SELECT COUNT(*) FROM terminal")).isEqualTo(1);
        }
    }

    @Test
    void refusedAdministratorLeavesTheDatabaseEmptySoInitCanBeRunAgain() {
        Run weak = init("12345678");

        assertThat(weak.exit()).isEqualTo(2);
        assertThat(weak.err()).isNotBlank();
        Run retry = init("chen2025x");
        assertThat(retry.exit()).as(retry.err()).isZero();
    }

    @Test
    void demoFillsAnEmptyDatabase() throws IOException {
        assertThat(demoRun.exit()).as(demoRun.err()).isZero();
        assertThat(demoRun.out()).contains(DEMO_ACCOUNTS + " accounts", "5 operators");
        copyDemoHall();
        try (Database database = open()) {
            assertThat(count(database, "SELECT COUNT(*) FROM account"))
                    .isEqualTo(DEMO_ACCOUNTS + DemoData.CARD_ACCOUNTS.size());
            assertThat(count(database, "SELECT COUNT(*) FROM operator")).isEqualTo(DemoData.OPERATORS.size());
            assertThat(count(database, "SELECT COUNT(*) FROM tariff")).isPositive();
            assertThat(count(database, "SELECT COUNT(*) FROM bill")).isPositive();
            assertThat(database.read(new TerminalRepository()::current))
                    .hasValueSatisfying(t -> assertThat(t.terminalCode()).isEqualTo(DemoData.TERMINAL_CODE));
        }
        Run verify = verify();
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("journal: intact", "integrity: all checks passed");
    }

    @Test
    void demoOnlyGoesIntoAnEmptyDatabase() throws IOException {
        copyDemoHall();

        Run demo = run("demo", "--db", dbPath.toString(), "--accounts", "10");

        assertThat(demo.exit()).isEqualTo(2);
        assertThat(demo.err()).contains(location.dataFile().toString());
    }

    @Test
    void verifyFailsAfterTheJournalWasTamperedWith() throws IOException {
        copyDemoHall();
        try (Database database = open()) {
            database.jdbi().useHandle(handle -> {
                handle.execute("DROP TRIGGER journal_append_only");
                handle.execute("UPDATE journal SET payload = '{\"role\":\"ADMIN\"}' WHERE seq = 3");
            });
        }

        Run verify = verify();

        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("journal: BROKEN at event 3");
    }

    @Test
    void verifyReportsAcknowledgedBusinessTheDatabaseLost() throws IOException {
        copyDemoHall();
        open().close(); // the mark is made at the journal head
        Path older = dir.resolve("older.mv.db");
        Files.copy(location.dataFile(), older);
        long acknowledged;
        try (Database database = open()) {
            String terminal = database.read(tx -> new TerminalRepository().current(tx)).orElseThrow().terminalCode();
            acknowledged = database.inTransaction(tx -> new Journal(terminal).append(tx, "9001", "TEST_EVENT", "s",
                    java.util.Map.of("n", 1))).seq();
        }
        // the file comes back without its last acknowledged event, as after H2's silent rollback (ADR 0011)
        Files.copy(older, location.dataFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Run verify = verify();

        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("acknowledged: LOST: acknowledged events " + acknowledged + ".." + acknowledged,
                "流水号 " + acknowledged + " 至 " + acknowledged);
        assertThat(verify.err()).doesNotContain("Exception");
    }

    @Test
    void verifyFailsOnAnIntegrityProblem() throws IOException {
        copyDemoHall();
        try (Database database = open()) {
            database.jdbi().useHandle(handle -> handle.execute(
                    "DELETE FROM search_text WHERE account_id = (SELECT MIN(id) FROM account)"));
        }

        Run verify = verify();

        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("journal: intact", "integrity: every account is in the search index");
    }

    @Test
    void verifyWithoutADatabaseSaysSoAndCreatesNone() {
        Run verify = verify();

        assertThat(verify.exit()).isEqualTo(2);
        assertThat(verify.err()).contains(location.dataFile().toString());
        assertThat(location.dataFile()).doesNotExist();
    }

    @ParameterizedTest(name = "counterdesk {0} --help")
    @ValueSource(strings = {"", "init", "demo", "verify"})
    void helpWorksForEveryCommand(String command) {
        List<String> args = new ArrayList<>();
        if (!command.isEmpty()) {
            args.add(command);
        }
        args.add("--help");

        Run help = run(args.toArray(String[]::new));

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: counterdesk" + (command.isEmpty() ? "" : " " + command), "--db");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void initWithoutItsRequiredOptionsIsAUsageError() {
        Run init = run("init", "--db", dbPath.toString());

        assertThat(init.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(init.err()).contains("--hall-code");
        assertThat(location.dataFile()).doesNotExist();
    }
}
