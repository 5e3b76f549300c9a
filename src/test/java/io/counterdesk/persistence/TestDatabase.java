package io.counterdesk.persistence;

import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.security.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A terminal's real database for one test: an H2 file in a fresh temporary directory, migrated
 * with the real Flyway migrations, with a hall and terminal registered and a {@link TestClock}
 * standing at {@link #START}. No mocks: the SQL under test is the SQL that runs in the hall.
 *
 * <pre>{@code
 * @RegisterExtension
 * final TestDatabase db = new TestDatabase();
 * }</pre>
 */
public final class TestDatabase implements BeforeEachCallback, AfterEachCallback {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Monday 10 March 2025, 09:30 in the hall. */
    public static final Instant START = LocalDateTime.of(2025, 3, 10, 9, 30).atZone(ZONE).toInstant();
    public static final String HALL_CODE = "HZ99";
    public static final String TERMINAL_CODE = "HZ99-T01";
    /** Fast enough for tests; production uses {@link PasswordHasher#DEFAULT_ITERATIONS}. */
    public static final PasswordHasher HASHER = new PasswordHasher(1_000);

    private final String hallCode;
    private final String terminalCode;
    private Path directory;
    private TestClock clock;
    private Database database;
    private TerminalIdentity terminal;
    private Journal journal;

    public TestDatabase() {
        this(HALL_CODE, TERMINAL_CODE);
    }

    /** A terminal of another hall or with another code (several terminals in one test). */
    public TestDatabase(String hallCode, String terminalCode) {
        this.hallCode = hallCode;
        this.terminalCode = terminalCode;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("counterdesk-test-");
        clock = new TestClock(START, ZONE);
        copyMigrated(directory);
        database = Database.open(location(), clock);
        terminal = database.inTransaction(tx -> new TerminalRepository().register(tx, hallCode, "测试营业厅",
                "杭州市西湖区测试路 1 号", "96777", terminalCode, "1 号窗口"));
        journal = new Journal(terminal.terminalCode());
    }

    /** The empty database every test starts from: made once per test JVM, by the real opening and migrations. */
    private static Path migrated;

    /**
     * Puts a copy of the empty migrated database (its file, key store and acknowledgement mark) into
     * {@code directory}; the test's opening then finds the schema current, as a program's usual start
     * does. The same files a new database's opening makes, without migrating anew for every test (that
     * took most of a service test's time: 0.2-1.5 s against under 0.2 s for copy and opening).
     */
    private static void copyMigrated(Path directory) throws IOException {
        copyMigrated(new DatabaseLocation(directory, "terminal"));
    }

    /**
     * The same for another location (the end-to-end tests' demo database, filled on the program's first
     * start as before): its files named after the location.
     */
    public static synchronized void copyMigrated(DatabaseLocation location) throws IOException {
        if (migrated == null) {
            Path made = Files.createTempDirectory("counterdesk-migrated-");
            Database.open(new DatabaseLocation(made, "terminal"), new TestClock(START, ZONE)).close();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    deleteRecursively(made);
                } catch (IOException e) {
                    // a temporary directory left behind
                }
            }));
            migrated = made;
        }
        Files.createDirectories(location.directory());
        try (Stream<Path> files = Files.list(migrated)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                Files.copy(file, location.directory().resolve(location.name() + name.substring("terminal".length())));
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (database != null) {
                database.close();
            }
        } finally {
            deleteRecursively(directory);
        }
    }

    public DatabaseLocation location() {
        return new DatabaseLocation(directory, "terminal");
    }

    public Database database() {
        return database;
    }

    public TestClock clock() {
        return clock;
    }

    public TerminalIdentity terminal() {
        return terminal;
    }

    public Journal journal() {
        return journal;
    }

    /** Closes the database and opens the same file again, as a restarted program would. */
    public Database reopen() {
        database.close();
        database = Database.open(location(), clock);
        return database;
    }

    /** A new log-in service on the current database, with the fast test hasher. */
    public AuthService auth() {
        return new AuthService(database, journal, HASHER);
    }

    /**
     * Adds an active operator who need not change the password, and logs them in: services accept
     * only the live session a log-in hands out (ADR 0013), so the operator returned carries one.
     */
    public Operator addOperator(String staffNo, String name, Role role, String password) {
        database.inTransaction(tx -> auth().insertOperator(tx, "system", staffNo, name, role,
                password.toCharArray(), false));
        return auth().login(staffNo, password.toCharArray());
    }

    /** Every journal event, in order. */
    public List<JournalEvent> events() {
        return database.jdbi().withHandle(handle -> Journal.read(handle, 1, Long.MAX_VALUE));
    }

    public List<JournalEvent> events(String type) {
        return events().stream().filter(e -> e.type().equals(type)).toList();
    }

    public ChainReport verifyChain() {
        return database.read(Journal::verify);
    }

    /** A single number from a query, e.g. a count. */
    public long queryLong(String sql) {
        return database.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    /** Runs a statement outside any business transaction (to plant test data or tamper). */
    public int execute(String sql) {
        return database.jdbi().withHandle(handle -> handle.createUpdate(sql).execute());
    }

    /**
     * Drops the journal's append-only trigger. It stops the program from rewriting history; an
     * attacker with SQL access can drop it, and this is how tests play that attacker.
     */
    public void dropAppendOnlyTrigger() {
        execute("DROP TRIGGER journal_append_only");
    }

    /** Deletes {@code root} and all below it; nothing if it is not there. */
    public static void deleteRecursively(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
