package io.counterdesk.ui;

import io.counterdesk.app.AppConfig;
import io.counterdesk.app.CounterDesk;
import io.counterdesk.app.CounterDeskApp;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.security.Operator;
import io.counterdesk.security.PasswordHasher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

/**
 * The real counter program for an end-to-end test, the way every such test starts it: before each test
 * a fresh demo database of {@code accounts} demo accounts in a temporary directory, the window
 * ({@link CounterDeskApp}, Chinese, a fast password hasher) shown through TestFX, in demo mode (the
 * demo card reader, the capture printer); after it the program stopped, its stages cleaned up and the
 * directory deleted. Register it as a field, after the clock it is given if any:
 * <pre>
 * &#64;RegisterExtension
 * final CounterApp program = CounterApp.demo(50);
 * </pre>
 * Drive the window with a {@link CounterDriver}; check it against {@link #desk()}.
 */
final class CounterApp implements BeforeEachCallback, AfterEachCallback {

    /** The demo database is filled on first start: generous, for a loaded machine. */
    private static final long BACKEND_SECONDS = 120;

    private final int accounts;
    private final Clock clock;
    private final boolean startedByTheTest;
    private Path directory;
    private AppConfig config;
    private CounterDeskApp app;

    private CounterApp(int accounts, Clock clock, boolean startedByTheTest) {
        this.accounts = accounts;
        this.clock = clock;
        this.startedByTheTest = startedByTheTest;
    }

    /** The program on a demo database of {@code accounts} accounts, on the system clock, started before each test. */
    static CounterApp demo(int accounts) {
        return new CounterApp(accounts, null, false);
    }

    /** The same on {@code replacement} (a {@code TestClock} the test moves), for the program and the database. */
    CounterApp withClock(Clock replacement) {
        return new CounterApp(accounts, replacement, startedByTheTest);
    }

    /** Not started before the test: the test calls {@link #start(String)} itself (in the language it wants). */
    CounterApp startedByTheTest() {
        return new CounterApp(accounts, clock, true);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        directory = Files.createTempDirectory("counterdesk-e2e-");
        FxToolkit.registerPrimaryStage();
        if (!startedByTheTest) {
            start("zh");
        }
    }

    /** Starts the program in {@code lang} ({@code zh} or {@code en}); returns once its window is set up. */
    void start(String lang) throws TimeoutException, java.io.IOException {
        if (app != null) {
            throw new IllegalStateException("the program is already running");
        }
        AppConfig resolved = AppConfig.resolve(directory.resolve("db"), lang).withDemoAccounts(accounts);
        // the empty migrated database, copied (TestDatabase): the program's first start fills the demo hall into it
        if (!java.nio.file.Files.exists(resolved.database().dataFile())) {
            TestDatabase.copyMigrated(resolved.database());
        }
        config = clock == null ? resolved : resolved.withClock(clock);
        AppConfig started = config;
        app = (CounterDeskApp) FxToolkit.setupApplication(() -> new CounterDeskApp(started, new PasswordHasher(1_000)));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            if (app != null) {
                FxToolkit.cleanupApplication(app);
            }
        } finally {
            app = null;
            // the program sets the language for the whole JVM; the next test class starts in Chinese
            io.counterdesk.shared.I18n.setLocale(io.counterdesk.shared.I18n.CHINESE);
            FxToolkit.cleanupStages();
            TestDatabase.deleteRecursively(directory);
        }
    }

    /** The program as started (its window, its back end as it opens). */
    CounterDeskApp app() {
        if (app == null) {
            throw new IllegalStateException("the program is not running");
        }
        return app;
    }

    /** Its configuration (the clock, the language, the database). */
    AppConfig config() {
        app();
        return config;
    }

    /** The back end the window works on, once its database is open (filled with the demo data on first start). */
    CounterDesk desk() {
        try {
            return app().backend().toCompletableFuture().get(BACKEND_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the back end did not open", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the back end did not open in " + BACKEND_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The capture printer of demo mode: what the counter printed, job by job. */
    CapturePrinter printer() {
        return desk().printer().capturePrinter().orElseThrow();
    }

    /** A demo operator logged in to the back end directly (password "demo" + 工号), for checks beside the window. */
    Operator login(String staffNo) {
        return TestBackend.login(desk(), staffNo);
    }
}
