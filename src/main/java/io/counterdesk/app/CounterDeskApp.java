package io.counterdesk.app;

import io.counterdesk.account.opening.ui.OpeningView;
import io.counterdesk.account.opening.ui.OpeningViewModel;
import io.counterdesk.account.transfer.ui.BalanceMoveDialog;
import io.counterdesk.account.transfer.ui.BalanceMoveViewModel;
import io.counterdesk.account.transfer.ui.TransferView;
import io.counterdesk.account.transfer.ui.TransferViewModel;
import io.counterdesk.account.ui.AccountDetailView;
import io.counterdesk.account.ui.AccountDetailViewModel;
import io.counterdesk.account.opening.ui.AutoDebitDialog;
import io.counterdesk.account.opening.ui.AutoDebitViewModel;
import io.counterdesk.account.ui.AccountStatusKeys;
import io.counterdesk.account.ui.AccountStatusViewModel;
import io.counterdesk.account.ui.SuspensionListView;
import io.counterdesk.account.ui.SuspensionListViewModel;
import io.counterdesk.account.ui.AccountSearchView;
import io.counterdesk.account.ui.AccountSearchViewModel;
import io.counterdesk.card.ui.ApprovalDialog;
import io.counterdesk.card.ui.ApprovalViewModel;
import io.counterdesk.card.ui.CardReaderStatus;
import io.counterdesk.card.ui.DemoCardsDialog;
import io.counterdesk.card.ui.DemoCardsViewModel;
import io.counterdesk.card.ui.CardServiceView;
import io.counterdesk.report.ui.HallSignOffView;
import io.counterdesk.report.ui.HallSignOffViewModel;
import io.counterdesk.till.ui.DayCloseView;
import io.counterdesk.till.ui.DayCloseViewModel;
import io.counterdesk.card.ui.CardServiceViewModel;
import io.counterdesk.card.ui.TopUpView;
import io.counterdesk.card.ui.TopUpViewModel;
import io.counterdesk.payment.ui.PaymentView;
import io.counterdesk.payment.ui.PaymentViewModel;
import io.counterdesk.persistence.Settings;
import io.counterdesk.printing.PaperWidth;
import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.receipt.PrintOutcome;
import io.counterdesk.receipt.ReceiptContents;
import io.counterdesk.receipt.ui.StockView;
import io.counterdesk.receipt.ui.StockViewModel;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.security.Operator;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.security.Permission;
import io.counterdesk.security.ui.ChangePasswordView;
import io.counterdesk.security.ui.ChangePasswordViewModel;
import io.counterdesk.security.ui.LoginView;
import io.counterdesk.security.ui.LoginViewModel;
import io.counterdesk.servicetime.CounterBusiness;
import io.counterdesk.shared.I18n;
import io.counterdesk.till.TillSession;
import io.counterdesk.till.ui.OpenTillView;
import io.counterdesk.till.ui.OpenTillViewModel;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.CounterAction;
import io.counterdesk.ui.CounterActions;
import io.counterdesk.ui.CounterKeys;
import io.counterdesk.ui.CounterServiceClock;
import io.counterdesk.ui.CounterShell;
import io.counterdesk.ui.ServiceClock;
import io.counterdesk.ui.CounterTheme;
import io.counterdesk.ui.FxTaskExecutor;
import io.counterdesk.ui.MainWindow;
import io.counterdesk.ui.PrinterMonitor;
import io.counterdesk.ui.StatusBarModel;
import io.counterdesk.ui.UiErrors;
import io.counterdesk.ui.UiFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.stream.Collectors;
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
 * the JVM's start to the first frame of the log-in page — and exits (after the database, if it was
 * still opening, has finished opening and is closed again: a half-filled demo database must never
 * be left behind).
 */
public final class CounterDeskApp extends Application {

    private static final System.Logger LOG = System.getLogger(CounterDeskApp.class.getName());
    /** The common counter PC screen; smaller screens get a window that fits. */
    private static final double PREFERRED_WIDTH = 1366;
    private static final double PREFERRED_HEIGHT = 768;
    private static final Duration CLOSE_WAIT = Duration.ofMinutes(10);
    private static final Duration WORK_WAIT = Duration.ofSeconds(30);
    private static volatile AppConfig launchConfig;

    private final AppConfig config;
    private final PasswordHasher hasher;
    private final boolean maximise;
    private final CompletableFuture<CounterDesk> backend = new CompletableFuture<>();
    /** The receipt's head and the roll width, read once with the database (off the FX thread). */
    private volatile PaymentViewModel.Hall hall;
    private volatile PaperWidth paper = PaperWidth.MM80;
    private FxTaskExecutor executor;
    private MainWindow window;
    private Stage stage;
    private LoginViewModel loginModel;
    private LoginView loginView;
    private Session session;
    private CounterActions.Registration loginKeys = () -> { };

    /** Used by {@link Application#launch}: the configuration given to {@link #launch(AppConfig)}. */
    public CounterDeskApp() {
        this(Objects.requireNonNull(launchConfig, "CounterDeskApp is started through FxLauncher"), null, true);
    }

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

    static void launch(AppConfig config) {
        launchConfig = config;
        Application.launch(CounterDeskApp.class);
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
            StartupProbe.install(scene);
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

    /** Opens the database on a thread of its own, in parallel with the first frames of the log-in page. */
    private void openBackend() {
        Thread opener = new Thread(() -> {
            try {
                CounterDesk desk = hasher == null ? CounterDesk.start(config) : CounterDesk.start(config, hasher);
                readReceiptSettings(desk);
                backend.complete(desk);
            } catch (RuntimeException | Error e) {
                backend.completeExceptionally(e);
            }
        }, "counterdesk-open-database");
        opener.start();
        backend.whenComplete((desk, error) -> Platform.runLater(() -> {
            if (error != null) {
                LOG.log(System.Logger.Level.ERROR, "cannot open the database " + config.database().dataFile(), error);
                loginModel.backendFailed(error);
            } else {
                String place = place(desk.terminal());
                stage.setTitle(MainWindow.title(place));
                loginModel.backendReady(desk.auth(), place);
            }
        }));
    }

    /** What the payment screen's receipt drafts need: the printed head and the paper width. */
    private void readReceiptSettings(CounterDesk desk) {
        TerminalIdentity t = desk.terminal();
        String header = t.hallName();
        try {
            header = desk.database().read(tx -> new Settings().get(tx, ReceiptContents.HEADER_SETTING))
                    .orElse(t.hallName());
            paper = TerminalSettings.load(desk.config().database()).printer().paper();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the receipt settings; previews use the defaults", e);
        }
        hall = new PaymentViewModel.Hall(t.hallName(), t.hallCode(), t.terminalCode(), t.hotline(), header);
    }

    private static String place(TerminalIdentity terminal) {
        return I18n.text("ui.app.place", terminal.hallName(), terminal.terminalName(), terminal.terminalCode());
    }

    private void loggedIn(Operator operator) {
        CounterDesk desk = backend.getNow(null);
        if (desk == null) {
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
        session = new Session(desk, operator);
        session.begin();
    }

    /** Ctrl+L: back to the log-in page; the next operator starts with clean screens. */
    private void logout() {
        if (session == null) {
            return;
        }
        String staffNo = session.operator.staffNo();
        Operator leaving = session.operator;
        CounterDesk desk = session.desk;
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
            leaving = session.operator;
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

    /** One operator's time at the counter: the shell, its screens and keys. Ends at log-out. */
    private final class Session {
        private final CounterDesk desk;
        private final Operator operator;
        private final StatusBarModel status;
        private final CounterShell shell;
        private final AccountSearchViewModel searchModel;
        private final AccountSearchView searchView;
        private final PrinterMonitor printerMonitor;
        private Runnable stopSyncStatus = () -> { };
        private final CardReaderStatus cardStatus;
        private final CounterServiceClock serviceClock;
        /** The gas purchase being timed on the top-up screen; null between customers. */
        private ServiceClock.Timing topUpTiming;
        private CounterActions.Registration keys = () -> { };
        private boolean resuming;
        private boolean searchShown;

        Session(CounterDesk desk, Operator operator) {
            this.desk = desk;
            this.operator = operator;
            this.status = new StatusBarModel(config.clock());
            this.shell = new CounterShell(window.actions(), status, place(desk.terminal()));
            this.searchModel = new AccountSearchViewModel(executor, desk.accounts(), operator,
                    AccountSearchViewModel.DEBOUNCE, this::openAccount);
            this.searchView = new AccountSearchView(searchModel);
            this.printerMonitor = new PrinterMonitor(executor, desk.printer(), status, PrinterMonitor.POLL_INTERVAL);
            this.cardStatus = new CardReaderStatus(executor, desk.cardMonitor(), desk.cardReader(), status);
            this.serviceClock = new CounterServiceClock(executor, desk.serviceTimes(), operator, status, config.clock());
        }

        void begin() {
            status.signedIn(I18n.text("ui.status.operatorRole", operator.label(),
                    I18n.text("security.role." + operator.role().name())));
            status.tillNotOpen(operator.may(Permission.OPEN_TILL)
                    ? I18n.text("ui.status.tillNone") : I18n.text("ui.status.tillNotNeeded"));
            keys = window.actions().register(
                    CounterAction.of("search.focus", CounterKeys.FOCUS_SEARCH, "F2", CounterKeys.GROUP_GENERAL,
                            "ui.keys.focusSearch", this::focusSearch).when(() -> searchShown),
                    CounterAction.of("back", CounterKeys.BACK, "Esc", CounterKeys.GROUP_GENERAL,
                            "ui.keys.back", shell::escape),
                    CounterAction.of("lock", CounterKeys.LOCK, "Ctrl+L", CounterKeys.GROUP_GENERAL,
                            "ui.keys.lock", CounterDeskApp.this::logout),
                    CounterAction.of("till.open", CounterKeys.OPEN_TILL, "F10", CounterKeys.GROUP_TILL,
                            "ui.keys.openTill", this::openTill)
                            .when(() -> searchShown && !tillScreenShowing() && !status.tillOpenProperty().get()
                                    && operator.may(Permission.OPEN_TILL)),
                    CounterAction.of("print.resume", CounterKeys.PRINT, "F9", CounterKeys.GROUP_GENERAL,
                            "ui.keys.printUnprinted", this::resumeUnprinted)
                            .when(() -> operator.may(Permission.COUNTER_BUSINESS)),
                    CounterAction.of("stock.open", CounterKeys.STOCK, "F11", CounterKeys.GROUP_GENERAL,
                            "ui.keys.stock", this::openStock)
                            .when(() -> searchShown && !stockScreenShowing()
                                    && operator.may(Permission.COUNTER_BUSINESS)),
                    CounterAction.of("topup.open", CounterKeys.TOP_UP, "Ctrl+G", CounterKeys.GROUP_GENERAL,
                            "ui.keys.topup", this::openTopUp)
                            .when(() -> searchShown && !topUpScreenShowing()
                                    && operator.may(Permission.COUNTER_BUSINESS)),
                    CounterAction.of("cardservice.open", CounterKeys.CARD_SERVICE, "Ctrl+B", CounterKeys.GROUP_GENERAL,
                            "ui.keys.cardService", this::openCardService)
                            .when(() -> searchShown && !cardServiceShowing()
                                    && operator.may(Permission.COUNTER_BUSINESS)),
                    CounterAction.of("suspension.list", CounterKeys.SUSPENSION_LIST, "Ctrl+U", CounterKeys.GROUP_SEARCH,
                            "ui.keys.suspensionList", this::openSuspensionList)
                            .when(() -> searchShown && shell.current().filter(s -> s == searchView).isPresent()),
                    CounterAction.of("opening.open", CounterKeys.OPENING, "Ctrl+O", CounterKeys.GROUP_GENERAL,
                            "ui.keys.opening", this::openOpening)
                            .when(() -> searchShown && !openingShowing()
                                    && operator.may(Permission.COUNTER_BUSINESS)),
                    CounterAction.of("transfer.open", CounterKeys.TRANSFER, "Ctrl+T", CounterKeys.GROUP_GENERAL,
                            "ui.keys.transfer", this::openTransfer)
                            .when(() -> searchShown && !transferShowing()
                                    && operator.may(Permission.COUNTER_BUSINESS)),
                    CounterAction.of("dayclose.open", CounterKeys.DAY_CLOSE, "Ctrl+E", CounterKeys.GROUP_GENERAL,
                            "ui.keys.dayClose", this::openDayClose)
                            .when(() -> searchShown && !shell.current().filter(DayCloseView::isDayCloseScreen).isPresent()
                                    && operator.may(Permission.OPEN_TILL)),
                    CounterAction.of("signoff.open", CounterKeys.SIGN_OFF, "Ctrl+H", CounterKeys.GROUP_GENERAL,
                            "ui.keys.signOff", this::openSignOff)
                            .when(() -> searchShown && !shell.current().filter(HallSignOffView::isSignOffScreen).isPresent()
                                    && operator.may(Permission.APPROVE)),
                    CounterAction.of("reverse.open", CounterKeys.REVERSAL, "Ctrl+R", CounterKeys.GROUP_GENERAL,
                            "reversal.ui.keys.open", this::openReversal)
                            .when(() -> searchShown && !shell.current().filter(
                                    io.counterdesk.payment.ui.ReversalView::isReversalScreen).isPresent()
                                    && operator.may(Permission.COUNTER_BUSINESS)),
                    CounterAction.of("demo.cards", CounterKeys.DEMO_CARDS, "Ctrl+D", CounterKeys.GROUP_GENERAL,
                            "ui.keys.demoCards", this::openDemoCards)
                            .when(() -> desk.demoCards().isPresent()));
            cardStatus.onCardInserted(this::cardInserted);
            serviceClock.load();
            window.showPage(shell.node());
            printerMonitor.start();
            cardStatus.start();
            stopSyncStatus = desk.sync().addListener(s -> Platform.runLater(() -> status.sync(s)));
            desk.sync().resume();
            showTillStep();
        }

        /**
         * F9 anywhere: prints the cashier's receipts that the printer did not print (paper out,
         * offline …), with their own numbers. The database knows which they are, so none is lost
         * across a restart either.
         */
        private void resumeUnprinted() {
            if (resuming) {
                return;
            }
            resuming = true;
            printerMonitor.printingStarted();
            BackgroundTask.of(() -> desk.receiptPrinting().resume(operator))
                    .onSuccess(outcome -> {
                        resuming = false;
                        printerMonitor.printingFinished();
                        reportResume(outcome);
                    })
                    .onFailure(error -> {
                        resuming = false;
                        printerMonitor.printingFinished();
                        shell.showError(UiErrors.text(error));
                    })
                    .executeWith(executor);
        }

        private void reportResume(PrintOutcome outcome) {
            if (outcome.failure().isPresent()) {
                shell.showError(I18n.text("ui.print.resumeFailed", outcome.failure().get().getMessage(),
                        numbers(outcome.notPrinted())));
            } else if (outcome.printed().isEmpty()) {
                shell.showInfo(I18n.text("ui.print.nothingUnprinted"));
            } else {
                shell.showInfo(I18n.text("ui.print.resumed", numbers(outcome.printed())));
            }
        }

        /** After log-in: receipts left unprinted (printer fault, a restart) are not forgotten. */
        private void remindUnprinted() {
            if (!operator.may(Permission.COUNTER_BUSINESS)) {
                return;
            }
            BackgroundTask.of(() -> desk.receiptPrinting().unprinted(operator))
                    .onSuccess(unprinted -> {
                        if (!unprinted.isEmpty() && session == this) {
                            shell.showError(I18n.text("ui.print.unprintedReminder", unprinted.size(),
                                    numbers(unprinted)));
                        }
                    })
                    .onFailure(error -> LOG.log(System.Logger.Level.WARNING, "cannot list unprinted receipts", error))
                    .executeWith(executor);
        }

        private String numbers(List<IssuedReceipt> receipts) {
            return receipts.stream()
                    .map(r -> I18n.text("receipt.part." + r.part().name()) + " " + r.formattedNumber())
                    .collect(Collectors.joining(I18n.text("ui.pay.listSeparator")));
        }

        private void showTillStep() {
            OpenTillViewModel model = new OpenTillViewModel(executor, desk.tills(), operator,
                    new OpenTillViewModel.Listener() {
                        @Override
                        public void tillReady(TillSession till, boolean alreadyOpen) {
                            String text = I18n.text("ui.status.tillOpen", UiFormat.date(till.businessDay()),
                                    till.openingFloat().format());
                            status.tillOpened(text);
                            showSearch();
                            shell.showInfo(alreadyOpen
                                    ? I18n.text("ui.till.continued", UiFormat.date(till.businessDay()),
                                            UiFormat.dateTime(till.openedAt(), config.clock().getZone()))
                                    : I18n.text("ui.till.opened", till.openingFloat().format()));
                            remindUnprinted();
                            remindOpenWrites();
                        }

                        @Override
                        public void withoutTill() {
                            status.tillNotOpen(operator.may(Permission.OPEN_TILL)
                                    ? I18n.text("ui.status.tillNone") : I18n.text("ui.status.tillNotNeeded"));
                            showSearch();
                            remindUnprinted();
                        }
                    });
            OpenTillView view = new OpenTillView(model);
            if (searchShown) {
                shell.push(view);
            } else {
                shell.setRoot(view);
            }
            model.start();
        }

        /**
         * F11: the receipt stock screen, above whatever the cashier was doing (a payment being
         * typed stays as it was); Esc comes back to it.
         */
        private void openStock() {
            StockViewModel model = new StockViewModel(executor,
                    new StockViewModel.Services(desk.receiptStock(), desk.auth(), config.clock()), operator);
            shell.push(new StockView(model, window, shell::push));
            model.load();
        }

        private boolean stockScreenShowing() {
            return shell.current().filter(StockView::isStockScreen).isPresent();
        }

        /**
         * Ctrl+G: the IC-card top-up screen above whatever the cashier was doing; it reads the card
         * in the reader at once and again whenever a card is put in.
         */
        private void openTopUp() {
            if (!status.tillOpenProperty().get()) {
                shell.showError(I18n.text(operator.may(Permission.OPEN_TILL) ? "ui.pay.needTill" : "ui.pay.notAllowed"));
                return;
            }
            TopUpViewModel.Services services = new TopUpViewModel.Services(desk.topUps(), desk.cardReader(),
                    desk.receiptPrinting(), desk.receiptStock(), desk.auth(), receiptHall(), paper, printerMonitor,
                    config.clock());
            topUpTiming = serviceClock.start(CounterBusiness.TOP_UP);
            TopUpViewModel model = new TopUpViewModel(executor, services, operator, paid -> {
                // a purchase ends the customer's business; a refund or reversal pays money back
                if (paid.plan().totalDue().isPositive() && topUpTiming != null) {
                    topUpTiming.finished("account:" + paid.accountNo());
                    topUpTiming = null;
                }
            });
            TopUpView view = new TopUpView(model, window, executor, desk.auth(), operator);
            shell.push(view);
            shell.whenClosed(view, () -> {
                if (topUpTiming != null) {
                    topUpTiming.abandon();
                    topUpTiming = null;
                }
            });
            model.read();
        }

        /**
         * Ctrl+E: the cashier's day close (deposits, blind count, slips, close) above whatever the
         * cashier was doing. Once closed, the status bar says so and no more money can be taken.
         */
        private void openDayClose() {
            if (!status.tillOpenProperty().get()) {
                shell.showError(I18n.text("ui.dayClose.noTill"));
                return;
            }
            DayCloseViewModel model = new DayCloseViewModel(executor, desk.dayClose(), desk.cashReportPrinting(), operator,
                    () -> status.tillNotOpen(I18n.text("ui.status.tillClosed")));
            shell.push(new DayCloseView(model));
            model.load();
        }

        /** Ctrl+H (hall managers): the sign-off, on the oldest recent day left unsigned, else today. */
        private void openSignOff() {
            HallSignOffViewModel model = new HallSignOffViewModel(executor, desk.dayReports(), desk.hallSignOff(),
                    desk.auth(), operator, config.clock(), HallSignOffViewModel.DayPapers.of(
                            desk.dayCharts(), desk.reportPdfs(), desk.reportArchive(), desk.serviceTimes()));
            shell.push(new HallSignOffView(model));
            model.load();
        }

        private boolean topUpScreenShowing() {
            return shell.current().filter(TopUpView::isTopUpScreen).isPresent();
        }

        /**
         * Ctrl+B: the card service screen (补卡/补气) above whatever the cashier was doing. No till
         * is needed: it takes no money. In demo mode a reissued card becomes the customer's demo card,
         * and a first card written here makes a new demo customer (as the opening does).
         */
        private void openCardService() {
            java.util.function.Consumer<String> keep = accountNo -> desk.demoCards().ifPresent(demo -> {
                io.counterdesk.account.Account issued = desk.cardIssue().account(operator, accountNo);
                demo.keepIssued(accountNo, issued.holder().name(), issued.meterNo());
            });
            CardServiceViewModel.Services services = new CardServiceViewModel.Services(desk.cardIssue(),
                    desk.topUps(), desk.cardRecords(), desk.cardReader(), printerMonitor, keep, config.clock());
            CardServiceViewModel model = new CardServiceViewModel(executor, services, operator);
            shell.push(new CardServiceView(model, window, executor, desk.auth(), operator));
        }

        /**
         * Ctrl+O: the opening screen (开户/报装) above whatever the cashier was doing. It is timed from
         * here to its receipt; an IC meter's first card goes onto the blank card in the reader (in demo
         * mode it becomes the new customer's demo card).
         */
        private void openOpening() {
            OpeningViewModel.CardKeeper keep = (accountNo, holder, meterNo) -> desk.demoCards().ifPresent(demo ->
                    demo.readers().card(demo.readerName()).ifPresent(card -> demo.keep(accountNo, holder, meterNo, card)));
            OpeningViewModel.Services services = new OpeningViewModel.Services(desk.openings(),
                    desk.openingConfirmations(), desk.cardReader(), desk.receiptPrinting(), printerMonitor, paper,
                    serviceClock, keep, (opening, cashier) -> desk.reportPdfs().archiveApplication(opening, cashier,
                            desk.reportArchive()));
            OpeningViewModel model = new OpeningViewModel(executor, services, operator);
            shell.push(new OpeningView(model, window));
            model.load();
        }

        /**
         * Ctrl+R: the payment reversal screen (冲正) above whatever the cashier was doing; the money goes
         * back through the cashier's till, so it needs one open.
         */
        private void openReversal() {
            if (!status.tillOpenProperty().get()) {
                shell.showError(I18n.text(operator.may(Permission.OPEN_TILL) ? "ui.pay.needTill" : "ui.pay.notAllowed"));
                return;
            }
            io.counterdesk.payment.ui.ReversalViewModel model = new io.counterdesk.payment.ui.ReversalViewModel(executor,
                    new io.counterdesk.payment.ui.ReversalViewModel.Services(desk.paymentReversals(),
                            desk.receiptPrinting(), printerMonitor, config.clock().getZone()), operator);
            shell.push(new io.counterdesk.payment.ui.ReversalView(model,
                    new io.counterdesk.card.ui.ApprovalOverlay(window, executor, desk.auth(), operator)));
        }

        /** Ctrl+T: the transfer screen (过户) above whatever the cashier was doing, timed to its commit. */
        private void openTransfer() {
            TransferViewModel model = new TransferViewModel(executor, new TransferViewModel.Services(desk.transfers(),
                    desk.transferConfirmations(), desk.receiptPrinting(), printerMonitor, paper, serviceClock),
                    operator);
            shell.push(new TransferView(model, window));
        }

        private boolean transferShowing() {
            return shell.current().filter(TransferView::isTransferScreen).isPresent();
        }

        private boolean openingShowing() {
            return shell.current().filter(OpeningView::isOpeningScreen).isPresent();
        }

        private boolean cardServiceShowing() {
            return shell.current().filter(CardServiceView::isCardServiceScreen).isPresent();
        }

        /**
         * A card put into the reader: the top-up screen reads it; the card service screen finishes a
         * waiting re-credit with it; elsewhere, open writes are recalled.
         */
        private void cardInserted() {
            java.util.Optional<io.counterdesk.ui.Screen> current = shell.current().filter(TopUpView::isTopUpScreen);
            java.util.Optional<io.counterdesk.ui.Screen> service = shell.current()
                    .filter(CardServiceView::isCardServiceScreen);
            if (current.isPresent()) {
                if (topUpTiming == null) {
                    // the next customer's card: the next purchase starts
                    topUpTiming = serviceClock.start(CounterBusiness.TOP_UP);
                }
                ((TopUpView) current.get()).model().read();
            } else if (service.isPresent()) {
                ((CardServiceView) service.get()).model().cardInserted();
            } else {
                remindOpenWrites();
            }
        }

        /** After log-in and on card insert: purchases paid but not confirmed on a card are not forgotten. */
        private void remindOpenWrites() {
            if (!operator.may(Permission.COUNTER_BUSINESS)) {
                return;
            }
            BackgroundTask.of(() -> {
                        List<io.counterdesk.card.GasPurchase> open = desk.topUps().openWrites(operator);
                        String items = open.stream().map(w -> I18n.text("ui.topup.openWriteItem",
                                        desk.accounts().detail(operator, w.accountId()).account().accountNo(),
                                        w.purchaseNo(), w.volumeM3()))
                                .collect(Collectors.joining(I18n.text("ui.pay.listSeparator")));
                        return open.isEmpty() ? "" : I18n.text("ui.topup.openWrites", open.size(), items);
                    })
                    .onSuccess(reminder -> {
                        if (!reminder.isEmpty() && session == this) {
                            shell.showError(reminder);
                        }
                    })
                    .onFailure(error -> LOG.log(System.Logger.Level.WARNING, "cannot list open card writes", error))
                    .executeWith(executor);
        }

        /** Ctrl+D (demo mode only): the demo card reader. */
        private void openDemoCards() {
            desk.demoCards().ifPresent(demo -> {
                DemoCardsViewModel model = new DemoCardsViewModel(executor, demo, shell::showInfo);
                DemoCardsDialog dialog = new DemoCardsDialog(model);
                window.showOverlay(dialog.node(), window::closeOverlay);
                dialog.focus();
                model.load();
            });
        }

        private PaymentViewModel.Hall receiptHall() {
            return hall != null ? hall : new PaymentViewModel.Hall(desk.terminal().hallName(),
                    desk.terminal().hallCode(), desk.terminal().terminalCode(), desk.terminal().hotline(), null);
        }

        private boolean tillScreenShowing() {
            return shell.current().filter(OpenTillView.class::isInstance).isPresent();
        }

        private void showSearch() {
            if (searchShown) {
                shell.backToRoot();
            } else {
                searchShown = true;
                shell.setRoot(searchView);
            }
        }

        private void openTill() {
            shell.backToRoot();
            showTillStep();
        }

        private void focusSearch() {
            shell.backToRoot();
            searchView.focusField(true);
        }

        /**
         * An account opened from the search: its bills and figures on screen, timed as a bill query
         * (账单查询) until the cashier leaves it; F5 turns it into a payment, which is timed on its own.
         */
        private void openAccount(long accountId) {
            AccountDetailViewModel model = new AccountDetailViewModel(executor, desk.accounts(), operator, accountId);
            ServiceClock.Timing query = serviceClock.start(CounterBusiness.BILL_QUERY);
            AccountDetailView view = new AccountDetailView(model, () -> {
                query.abandon();
                openPayment(model);
            });
            shell.whenClosed(view, () -> query.finished(Optional.ofNullable(model.factsProperty().get())
                    .map(facts -> "account:" + facts.accountNo()).orElse("account-id:" + accountId)));
            if (operator.may(Permission.COUNTER_BUSINESS)) {
                view.withActions(accountStatusKeys(model).actions());
                view.withActions(List.of(autoDebitAction(model), balanceMoveAction(model)));
            }
            shell.push(view);
            model.load();
        }

        /** F6 停气, F7 复气, F8 销户 on an account; results on the message line, the account read again. */
        private AccountStatusKeys accountStatusKeys(AccountDetailViewModel detail) {
            AccountStatusViewModel.Listener listener = new AccountStatusViewModel.Listener() {
                @Override
                public void info(String text) {
                    shell.showInfo(text);
                }

                @Override
                public void error(String text) {
                    shell.showError(text);
                }

                @Override
                public void changed() {
                    detail.reload();
                }
            };
            AccountStatusViewModel model = new AccountStatusViewModel(executor, new AccountStatusViewModel.Services(
                    desk.accountStatus(), desk.receiptPrinting(), printerMonitor, paper), operator,
                    detail.accountId(), listener);
            return new AccountStatusKeys(model, detail, window, executor, desk.auth(), operator);
        }

        /**
         * Ctrl+K on an account not closed: the auto-debit dialog (银行代扣变更/取消), timed as AUTO_DEBIT
         * from the key to its commit; the result on the message line, the account read again.
         */
        private CounterAction autoDebitAction(AccountDetailViewModel detail) {
            return CounterAction.of("account.autoDebit", CounterKeys.AUTO_DEBIT, "Ctrl+K", CounterKeys.GROUP_SEARCH,
                    "ui.keys.openingAutoDebit", () -> {
                        AutoDebitViewModel model = new AutoDebitViewModel(executor, new AutoDebitViewModel.Services(
                                desk.autoDebits(), serviceClock), operator, detail.accountId(), done -> {
                                    window.closeOverlay();
                                    shell.showInfo(AutoDebitViewModel.doneText(done));
                                    detail.reload();
                                });
                        model.load(() -> {
                            AutoDebitDialog dialog = new AutoDebitDialog(model);
                            window.showOverlay(dialog.node(), () -> {
                                model.closed();
                                window.closeOverlay();
                            });
                            dialog.focus();
                        }, shell::showError);
                    }).when(() -> detail.stateProperty().get() == AccountDetailViewModel.State.LOADED
                    && detail.factsProperty().get() != null
                    && detail.factsProperty().get().status() != io.counterdesk.account.AccountStatus.CLOSED);
        }

        /**
         * Ctrl+J on an account not closed: move its credit or a deposit to another account of the
         * same holder; checked before the hall manager approves; the account read again after.
         */
        private CounterAction balanceMoveAction(AccountDetailViewModel detail) {
            return CounterAction.of("account.moveBalance", CounterKeys.MOVE_BALANCE, "Ctrl+J", CounterKeys.GROUP_SEARCH,
                    "ui.keys.openingMoveBalance", () -> {
                        BalanceMoveViewModel model = new BalanceMoveViewModel(executor, desk.balanceMoves(), operator,
                                detail.accountId());
                        model.load(() -> {
                            BalanceMoveDialog dialog = new BalanceMoveDialog(model, () -> model.confirm(checked -> {
                                window.closeOverlay();
                                ApprovalViewModel approval = new ApprovalViewModel(executor, desk.auth(), operator,
                                        BalanceMoveViewModel.moveText(checked), granted -> {
                                            window.closeOverlay();
                                            model.move(checked, granted.reason(), granted.grant(), moved -> {
                                                shell.showInfo(I18n.text("ui.opening.move.done", moved.fromNo(),
                                                        moved.what(), moved.amount().format(), moved.toNo()));
                                                detail.reload();
                                            }, shell::showError);
                                        });
                                ApprovalDialog approve = new ApprovalDialog(approval, "ui.opening.move.approvalTitle");
                                window.showOverlay(approve.node(), window::closeOverlay);
                                approve.focus();
                            }));
                            window.showOverlay(dialog.node(), window::closeOverlay);
                            dialog.focus();
                        }, shell::showError);
                    }).when(() -> detail.stateProperty().get() == AccountDetailViewModel.State.LOADED
                    && detail.factsProperty().get() != null
                    && detail.factsProperty().get().status() != io.counterdesk.account.AccountStatus.CLOSED);
        }

        /** Ctrl+U on the search: the accounts due for suspension today; Enter opens one. */
        private void openSuspensionList() {
            SuspensionListViewModel model = new SuspensionListViewModel(executor, desk.accountStatus(), operator,
                    this::openAccount);
            shell.push(new SuspensionListView(model));
            model.load();
        }

        /** F5 on the account: the payment screen; the account is read again once a payment is taken. */
        private void openPayment(AccountDetailViewModel detail) {
            if (!status.tillOpenProperty().get()) {
                shell.showError(I18n.text(operator.may(Permission.OPEN_TILL) ? "ui.pay.needTill" : "ui.pay.notAllowed"));
                return;
            }
            PaymentViewModel.Services services = new PaymentViewModel.Services(desk.payments(),
                    desk.receiptPrinting(), desk.receiptStock(), desk.accounts(), desk.auth(), receiptHall(), paper,
                    printerMonitor, config.clock());
            ServiceClock.Timing timing = serviceClock.start(CounterBusiness.PAYMENT);
            PaymentViewModel model = new PaymentViewModel(executor, services, operator, detail.accountId(),
                    paid -> {
                        timing.finished("account:" + paid.accountNo());
                        detail.reload();
                    });
            PaymentView view = new PaymentView(model, window);
            shell.push(view);
            shell.whenClosed(view, timing::abandon);
            model.load();
        }

        void end() {
            keys.remove();
            printerMonitor.stop();
            stopSyncStatus.run();
            cardStatus.stop();
            shell.dispose();
        }
    }

    /** Measures the time from the JVM's start to the first frame of the log-in page, prints it and exits. */
    private static final class StartupProbe {

        private StartupProbe() {
        }

        static void install(Scene scene) {
            Runnable[] firstLayout = new Runnable[1];
            firstLayout[0] = () -> {
                scene.removePostLayoutPulseListener(firstLayout[0]);
                // The first frame is rendered after this pulse; the next pulse starts once it is done.
                Runnable[] nextPulse = new Runnable[1];
                nextPulse[0] = () -> {
                    scene.removePreLayoutPulseListener(nextPulse[0]);
                    report();
                };
                scene.addPreLayoutPulseListener(nextPulse[0]);
                Platform.requestNextPulse();
            };
            scene.addPostLayoutPulseListener(firstLayout[0]);
        }

        private static void report() {
            Instant now = Instant.now();
            Instant started = ProcessHandle.current().info().startInstant().orElse(now);
            System.out.println("STARTUP_MS=" + Duration.between(started, now).toMillis());
            System.out.flush();
            Platform.exit();
        }
    }
}
