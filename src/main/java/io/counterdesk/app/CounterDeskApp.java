package io.counterdesk.app;

import io.counterdesk.checkout.Hall;
import io.counterdesk.payment.ui.PaymentViewModel;
import io.counterdesk.persistence.Settings;
import io.counterdesk.printing.PaperWidth;
import io.counterdesk.receipt.ReceiptContents;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.security.Operator;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.security.ui.ChangePasswordView;
import io.counterdesk.security.ui.ChangePasswordViewModel;
import io.counterdesk.security.ui.LoginView;
import io.counterdesk.security.ui.LoginViewModel;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.CounterActions;
import io.counterdesk.ui.CounterTheme;
import io.counterdesk.ui.FxTaskExecutor;
import io.counterdesk.ui.MainWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The counter window, and the flow through it: log-in → (password change) → open till → search
 * → account. The log-in page is shown at once while the database opens on a thread of its own;
 * a log-in typed before it is ready waits for it. This class wires screens to services; the
 * screens' logic lives in their view models.
 *
 * <p>With {@code -Dcounterdesk.startupProbe=true} it prints {@code STARTUP_MS=<ms>} — the time from
 * the JVM's start to the first frame of the log-in page — then {@code LOGIN_READY_MS=<ms>} once a
 * log-in is possible (the first frame drawn and the database open), and exits (the database closed
 * again: a half-filled demo database must never be left behind);
 * {@code -Dcounterdesk.startupShot=FILE.png} also saves that first frame.
 */
public final class CounterDeskApp extends Application {

    private static final System.Logger LOG = System.getLogger(CounterDeskApp.class.getName());
    /** The common counter PC screen; smaller screens get a window that fits. */
    private static final double PREFERRED_WIDTH = 1366;
    private static final double PREFERRED_HEIGHT = 768;
    private static final Duration CLOSE_WAIT = Duration.ofMinutes(10);
    private static final Duration WORK_WAIT = Duration.ofSeconds(30);
    private static volatile AppConfig launchConfig;
    /** The back end opened by {@link #launch} before JavaFX starts (so both start side by side); null in tests. */
    private static volatile Starting launchBackend;

    private final AppConfig config;
    private final PasswordHasher hasher;
    private final boolean maximise;
    private final CompletableFuture<CounterDesk> backend = new CompletableFuture<>();
    /** The receipt's head and the roll width, read once with the database (off the FX thread). */
    private volatile Hall hall;
    private volatile PaperWidth paper = PaperWidth.MM80;
    private FxTaskExecutor executor;
    private MainWindow window;
    private Stage stage;
    private LoginViewModel loginModel;
    private LoginView loginView;
    private CounterSession session;
    private CounterActions.Registration loginKeys = () -> { };
    /** Only with -Dcounterdesk.startupProbe=true. */
    private StartupProbe probe;

    /** Used by {@link Application#launch}: the configuration given to {@link #launch(AppConfig)}. */
    public CounterDeskApp() {
        this(Objects.requireNonNull(launchConfig, "CounterDeskApp is started through FxLauncher"), null, true);
        this.early = launchBackend;
    }

    /** The back end opened early by {@link #launch}, or null: then {@link #start} opens it. */
    private Starting early;

    /** An opened back end with what the payment screen's receipt drafts need (read off the FX thread). */
    private record Opened(CounterDesk desk, Hall hall, PaperWidth paper) {
    }

    /**
     * The back end's opening in its two parts (ADR 0031): {@code login} once the database is open and a log-in
     * possible, {@code opened} once every service is wired. An opening that fails fails both.
     */
    private record Starting(CompletableFuture<CounterDesk.Opening> login, CompletableFuture<Opened> opened,
                            CompletableFuture<Void> pageDrawn) {
    }

    /** How long the rest of the start waits for the log-in page's first frame before it goes on anyway. */
    private static final Duration FIRST_FRAME_WAIT = Duration.ofSeconds(3);

    /**
     * For tests and tools: a window on {@code config}, with {@code hasher} for the database's
     * operators (a fast one in tests), not maximised.
     */
    public CounterDeskApp(AppConfig config, PasswordHasher hasher) {
        this(config, hasher, false);
    }

    private CounterDeskApp(AppConfig config, PasswordHasher hasher, boolean maximise) {
        this.config = Objects.requireNonNull(config);
        this.hasher = hasher;
        this.maximise = maximise;
    }

    /**
     * The back end as it opens: completes once the database is open (or fails with the reason).
     * For tests and tools that check the window against the database.
     */
    public CompletionStage<CounterDesk> backend() {
        return backend.minimalCompletionStage();
    }

    /**
     * Opens the window; the database starts opening at once on a thread of its own, beside JavaFX's
     * start (at 1,000,000 accounts both take seconds on a counter PC: issue 15 §3).
     */
    static void launch(AppConfig config) {
        launchConfig = config;
        Starting starting = openInBackground(config, null);
        launchBackend = starting;
        try {
            Application.launch(CounterDeskApp.class);
        } catch (RuntimeException | Error e) {
            // no window (no display): the database still opening is closed again before the program exits
            CompletableFuture<Opened> opening = starting.opened();
            opening.thenAccept(opened -> opened.desk().close());
            try {
                opening.get(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException ignored) {
                // the window's failure is the one reported
            }
            throw e;
        }
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        I18n.setLocale(config.locale());
        CounterTheme.install();
        executor = new FxTaskExecutor();
        window = new MainWindow();
        loginModel = new LoginViewModel(executor, this::loggedIn);
        loginView = new LoginView(loginModel);
        window.showPage(loginView.node());
        loginKeys = window.actions().register(loginView.actions());

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window.root(), Math.min(PREFERRED_WIDTH, screen.getWidth()),
                Math.min(PREFERRED_HEIGHT, screen.getHeight()));
        CounterTheme.apply(scene);
        window.install(scene);
        if (Boolean.getBoolean("counterdesk.startupProbe")) {
            probe = StartupProbe.install(scene);
        }
        stage.setTitle(MainWindow.title(null));
        stage.setScene(scene);
        stage.setMinWidth(Math.min(1024, screen.getWidth()));
        stage.setMinHeight(Math.min(680, screen.getHeight()));
        stage.setMaximized(maximise);
        stage.show();
        loginView.focus();
        openBackend();
    }

    /**
     * Takes the back end opened early, or opens it now on a thread of its own, beside the first frames. The
     * log-in page is ready once the database is open; the rest of the services follow while the cashier types.
     */
    private void openBackend() {
        Starting starting = early != null ? early : openInBackground(config, hasher);
        early = null;
        afterFirstFrame(stage.getScene(), () -> starting.pageDrawn().complete(null));
        starting.opened().whenComplete((opened, error) -> {
            if (error != null) {
                backend.completeExceptionally(error);
            } else {
                hall = opened.hall();
                paper = opened.paper();
                backend.complete(opened.desk());
            }
        });
        starting.login().whenComplete((opening, error) -> Platform.runLater(() -> {
            if (error != null) {
                backendFailed(error);
            } else {
                String place = place(opening.terminal());
                stage.setTitle(MainWindow.title(place));
                loginModel.backendReady(opening.auth(), place);
            }
            if (probe != null) {
                probe.backendDone();
            }
        }));
        // the rest of the services failing after the log-in page was ready: no one can work, the page says why
        backend.whenComplete((desk, error) -> {
            if (error != null && !starting.login().isCompletedExceptionally()) {
                Platform.runLater(() -> backendFailed(error));
            }
        });
    }

    private void backendFailed(Throwable error) {
        LOG.log(System.Logger.Level.ERROR, "cannot open the database " + config.database().dataFile(), error);
        loginModel.backendFailed(error);
    }

    /**
     * Opens the database on a thread of its own: first what a log-in needs, then the other services
     * (the database's opening and ADR 0011's checks stay before the first, ADR 0031).
     */
    private static Starting openInBackground(AppConfig config, PasswordHasher hasher) {
        CompletableFuture<CounterDesk.Opening> login = new CompletableFuture<>();
        CompletableFuture<Opened> opened = new CompletableFuture<>();
        CompletableFuture<Void> pageDrawn = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                long opening = System.nanoTime();
                CounterDesk.Opening first = CounterDesk.open(config, hasher == null ? new PasswordHasher() : hasher);
                long loginPossible = System.nanoTime();
                login.complete(first);
                // the rest (services, then the search warm-up) leaves the cores to the log-in page's first frame
                awaitQuietly(pageDrawn);
                CounterDesk desk = first.finish();
                Opened result = readReceiptSettings(desk);
                if (Boolean.getBoolean("counterdesk.startupProbe")) {
                    StartupProbe.opened(desk, opening, loginPossible);
                }
                opened.complete(result);
                desk.warmUpSearch(); // while the cashier logs in
            } catch (RuntimeException | Error e) {
                login.completeExceptionally(e);
                opened.completeExceptionally(e);
            }
        }, "counterdesk-open-database");
        opener.start();
        return new Starting(login, opened, pageDrawn);
    }

    private static void awaitQuietly(CompletableFuture<Void> pageDrawn) {
        try {
            pageDrawn.get(FIRST_FRAME_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // no frame (no window, or a slow one): go on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code then} on the FX thread once the scene's first frame has been rendered. */
    private static void afterFirstFrame(Scene scene, Runnable then) {
        Runnable[] firstLayout = new Runnable[1];
        firstLayout[0] = () -> {
            scene.removePostLayoutPulseListener(firstLayout[0]);
            // The first frame is rendered after this pulse; the next pulse starts once it is done.
            Runnable[] nextPulse = new Runnable[1];
            nextPulse[0] = () -> {
                scene.removePreLayoutPulseListener(nextPulse[0]);
                then.run();
            };
            scene.addPreLayoutPulseListener(nextPulse[0]);
            Platform.requestNextPulse();
        };
        scene.addPostLayoutPulseListener(firstLayout[0]);
    }

    /** What the payment screen's receipt drafts need: the printed head and the paper width. */
    private static Opened readReceiptSettings(CounterDesk desk) {
        TerminalIdentity t = desk.terminal();
        String header = t.hallName();
        PaperWidth paper = PaperWidth.MM80;
        try {
            header = desk.database().read(tx -> new Settings().get(tx, ReceiptContents.HEADER_SETTING))
                    .orElse(t.hallName());
            paper = TerminalSettings.load(desk.config().database()).printer().paper();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the receipt settings; previews use the defaults", e);
        }
        return new Opened(desk, new Hall(t.hallName(), t.hallCode(), t.terminalCode(), t.hotline(), header), paper);
    }

    private static String place(TerminalIdentity terminal) {
        return I18n.text("ui.app.place", terminal.hallName(), windowName(terminal.terminalName()),
                terminal.terminalCode());
    }

    /** A counter named by its number the usual way ("1 号窗口") in the language shown ("Window 1"); other names as set. */
    static String windowName(String terminalName) {
        java.util.regex.Matcher numbered = java.util.regex.Pattern.compile("(\\d+)\\s*号窗口").matcher(terminalName.strip());
        return numbered.matches() ? I18n.text("ui.app.window", numbered.group(1)) : terminalName;
    }

    private void loggedIn(Operator operator) {
        if (backend.isCompletedExceptionally()) {
            return; // the page says why no one can work
        }
        CounterDesk desk = backend.getNow(null);
        if (desk == null) {
            // logged in before the other services were wired (a fraction of a second after the log-in page was ready)
            backend.thenAccept(wired -> Platform.runLater(() -> loggedIn(operator)));
            return;
        }
        if (operator.mustChangePassword()) {
            // go on with the operator as stored after the change: services refuse the old object
            ChangePasswordViewModel model = new ChangePasswordViewModel(executor, desk.auth(), operator, changed -> {
                window.closeOverlay();
                startSession(desk, changed);
            });
            ChangePasswordView view = new ChangePasswordView(model);
            window.showOverlay(view.node(), () -> {
                window.closeOverlay();
                loginModel.reset(operator.staffNo());
                loginView.focus();
            });
            view.focus();
            return;
        }
        startSession(desk, operator);
    }

    private void startSession(CounterDesk desk, Operator operator) {
        loginKeys.remove();
        Hall receiptHall = hall != null ? hall : new Hall(desk.terminal().hallName(),
                desk.terminal().hallCode(), desk.terminal().terminalCode(), desk.terminal().hotline(), null);
        session = new CounterSession(config, executor, window, desk, operator, place(desk.terminal()), receiptHall,
                paper);
        session.begin(this::logout);
    }

    /** Ctrl+L: back to the log-in page; the next operator starts with clean screens. */
    private void logout() {
        if (session == null) {
            return;
        }
        String staffNo = session.operator().staffNo();
        Operator leaving = session.operator();
        CounterDesk desk = session.context().desk();
        session.end();
        session = null;
        BackgroundTask.of(() -> {
            desk.auth().logout(leaving);
            return Boolean.TRUE;
        }).onFailure(error -> LOG.log(System.Logger.Level.WARNING, "cannot journal the log-out of " + staffNo, error))
                .executeWith(executor);
        window.showPage(loginView.node());
        loginKeys = window.actions().register(loginView.actions());
        loginModel.reset(staffNo);
        loginView.focus();
    }

    @Override
    public void stop() {
        Operator leaving = null;
        if (session != null) {
            leaving = session.operator();
            session.end();
            session = null;
        }
        if (executor != null) {
            executor.shutdown();
            try {
                // a payment being taken or printed when the window closes finishes before the database closes
                if (!executor.awaitTermination(WORK_WAIT)) {
                    LOG.log(System.Logger.Level.WARNING, "background work still running at exit");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeBackend(leaving);
    }

    /** Closes the database; an operator still at the counter when the window closes is logged out first. */
    private void closeBackend(Operator leaving) {
        try {
            CounterDesk desk = backend.get(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS);
            if (leaving != null) {
                try {
                    desk.auth().logout(leaving);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot journal the log-out at exit", e);
                }
            }
            desk.close();
        } catch (ExecutionException openFailed) {
            // nothing was opened
        } catch (TimeoutException e) {
            LOG.log(System.Logger.Level.ERROR, "the database did not finish opening; exiting without closing it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Measures the time from the JVM's start to the first frame of the log-in page and to a usable
     * log-in (that frame drawn and the database open, or its opening failed), prints both and exits.
     */
    private static final class StartupProbe {

        private boolean drawn;
        private boolean backendDone;

        private StartupProbe() {
        }

        static StartupProbe install(Scene scene) {
            StartupProbe probe = new StartupProbe();
            afterFirstFrame(scene, () -> probe.drawn(scene));
            return probe;
        }

        /** On the opener thread: the back end's steps, one {@code START_STEP_MS name=ms} line each (the bench's breakdown). */
        static void opened(CounterDesk desk, long openingNanos, long loginPossibleNanos) {
            StringBuilder lines = new StringBuilder();
            // the JVM's own uptime: the process start instant that sinceStart() uses is whole seconds on Linux
            long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            lines.append("START_STEP_MS opener thread started (after the JVM's start)=")
                    .append(uptime - (System.nanoTime() - openingNanos) / 1_000_000).append('\n');
            for (io.counterdesk.persistence.OpeningSteps.Step step : desk.startSteps()) {
                lines.append(String.format(java.util.Locale.ROOT, "START_STEP_MS %s=%.0f%n", step.name(), step.millis()));
            }
            lines.append("START_STEP_MS log-in possible (total)=").append((loginPossibleNanos - openingNanos) / 1_000_000).append('\n');
            lines.append("START_STEP_MS back end opened (total)=").append((System.nanoTime() - openingNanos) / 1_000_000).append('\n');
            System.out.print(lines);
            System.out.flush();
        }

        /** On the FX thread, after the log-in page was told the database is open (or failed). */
        void backendDone() {
            backendDone = true;
            if (drawn) {
                loginReady();
            }
        }

        private void drawn(Scene scene) {
            drawn = true;
            System.out.println("STARTUP_MS=" + sinceStart());
            System.out.flush();
            // -Dcounterdesk.startupShot=FILE.png: the log-in page as drawn (the installed package's test)
            String shot = System.getProperty("counterdesk.startupShot", "");
            if (!shot.isBlank()) {
                try {
                    javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(scene.snapshot(null), null),
                            "png", new java.io.File(shot));
                } catch (java.io.IOException e) {
                    LOG.log(System.Logger.Level.ERROR, "cannot write " + shot, e);
                }
            }
            if (backendDone) {
                loginReady();
            }
        }

        private static void loginReady() {
            System.out.println("LOGIN_READY_MS=" + sinceStart());
            System.out.flush();
            Platform.exit();
        }

        private static long sinceStart() {
            Instant now = Instant.now();
            Instant started = ProcessHandle.current().info().startInstant().orElse(now);
            return Duration.between(started, now).toMillis();
        }
    }
}
