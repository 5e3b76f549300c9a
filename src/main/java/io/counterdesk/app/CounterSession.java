package io.counterdesk.app;

import io.counterdesk.checkout.Hall;
import io.counterdesk.account.ui.AccountSearchView;
import io.counterdesk.account.ui.AccountSearchViewModel;
import io.counterdesk.card.GasPurchase;
import io.counterdesk.card.ui.CardReaderStatus;
import io.counterdesk.payment.ui.PaymentViewModel;
import io.counterdesk.printing.PaperWidth;
import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.receipt.PrintOutcome;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.I18n;
import io.counterdesk.till.TillSession;
import io.counterdesk.till.ui.OpenTillView;
import io.counterdesk.till.ui.OpenTillViewModel;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.CounterActions;
import io.counterdesk.ui.CounterServiceClock;
import io.counterdesk.ui.CounterShell;
import io.counterdesk.ui.MainWindow;
import io.counterdesk.ui.PrinterMonitor;
import io.counterdesk.ui.StatusBarModel;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import io.counterdesk.ui.UiFormat;
import java.util.List;
import java.util.stream.Collectors;
import javafx.application.Platform;

/**
 * One operator's time at the counter: the shell with its search, the status bar and its devices,
 * the till step, the global keys and the feature openers. Starts after log-in ({@link #begin}),
 * ends at log-out or when the window closes ({@link #end}).
 */
final class CounterSession {

    private static final System.Logger LOG = System.getLogger(CounterSession.class.getName());

    /** The screen openers of one session, one per feature. */
    record Openers(AccountOpener accounts, PaymentOpener payments, CardOpener cards, OpeningOpener opening,
            TransferOpener transfer, StockOpener stock, DayCloseOpener dayClose, SignOffOpener signOff) {

        static Openers of(SessionContext context) {
            PaymentOpener payments = new PaymentOpener(context);
            return new Openers(new AccountOpener(context, payments), payments, new CardOpener(context),
                    new OpeningOpener(context), new TransferOpener(context), new StockOpener(context),
                    new DayCloseOpener(context), new SignOffOpener(context));
        }
    }

    private final SessionContext context;
    private final Openers openers;
    private final AccountSearchView searchView;
    private final CardReaderStatus cardStatus;
    private CounterActions.Registration keys = () -> { };
    private boolean resuming;
    private boolean searchShown;
    private boolean ended;
    /** Stops the status bar following head office uploads (the sync's listener). */
    private Runnable stopSyncStatus = () -> { };

    CounterSession(AppConfig config, TaskExecutor executor, MainWindow window, CounterDesk desk, Operator operator,
            String place, Hall hall, PaperWidth paper) {
        StatusBarModel status = new StatusBarModel(config.clock());
        CounterShell shell = new CounterShell(window.actions(), status, place);
        PrinterMonitor printerMonitor = new PrinterMonitor(executor, desk.printer(), status,
                PrinterMonitor.POLL_INTERVAL);
        CounterServiceClock serviceClock = new CounterServiceClock(executor, desk.serviceTimes(), operator, status,
                config.clock());
        this.context = new SessionContext(config, executor, window, desk, operator, status, shell, printerMonitor,
                serviceClock, hall, paper);
        this.openers = Openers.of(context);
        AccountSearchViewModel searchModel = new AccountSearchViewModel(executor, desk.accounts(), operator,
                AccountSearchViewModel.DEBOUNCE, openers.accounts()::openAccount);
        this.searchView = new AccountSearchView(searchModel);
        this.cardStatus = new CardReaderStatus(executor, desk.cardMonitor(), desk.cardReader(), status);
    }

    Operator operator() {
        return context.operator();
    }

    SessionContext context() {
        return context;
    }

    Openers openers() {
        return openers;
    }

    /** Shows the shell, registers the global keys ({@code lock}: Ctrl+L), starts the devices and the till step. */
    void begin(Runnable lock) {
        Operator operator = context.operator();
        StatusBarModel status = context.status();
        status.signedIn(I18n.text("ui.status.operatorRole", operator.label(),
                I18n.text("security.role." + operator.role().name())));
        status.tillNotOpen(operator.may(Permission.OPEN_TILL)
                ? I18n.text("ui.status.tillNone") : I18n.text("ui.status.tillNotNeeded"));
        keys = context.window().actions().register(GlobalKeys.of(this, lock));
        cardStatus.onCardInserted(() -> openers.cards().cardInserted(this::remindOpenWrites));
        context.serviceClock().load();
        context.window().showPage(context.shell().node());
        context.printerMonitor().start();
        cardStatus.start();
        stopSyncStatus = context.desk().sync().addListener(s -> Platform.runLater(() -> status.sync(s)));
        context.desk().sync().resume();
        showTillStep(true);
    }

    void end() {
        ended = true;
        keys.remove();
        context.printerMonitor().stop();
        stopSyncStatus.run();
        cardStatus.stop();
        context.shell().dispose();
    }

    boolean searchShown() {
        return searchShown;
    }

    /** True if the search is the screen on top. */
    boolean searchShowing() {
        return context.showing(s -> s == searchView);
    }

    boolean tillScreenShowing() {
        return context.showing(OpenTillView.class::isInstance);
    }

    /**
     * F9 anywhere: prints the cashier's receipts that the printer did not print (paper out,
     * offline …), with their own numbers. The database knows which they are, so none is lost
     * across a restart either.
     */
    void resumeUnprinted() {
        if (resuming) {
            return;
        }
        resuming = true;
        PrinterMonitor printerMonitor = context.printerMonitor();
        printerMonitor.printingStarted();
        BackgroundTask.of(() -> context.desk().receiptPrinting().resume(context.operator()))
                .onSuccess(outcome -> {
                    resuming = false;
                    printerMonitor.printingFinished();
                    reportResume(outcome);
                })
                .onFailure(error -> {
                    resuming = false;
                    printerMonitor.printingFinished();
                    context.shell().showError(UiErrors.text(error));
                })
                .executeWith(context.executor());
    }

    private void reportResume(PrintOutcome outcome) {
        CounterShell shell = context.shell();
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
        if (!context.operator().may(Permission.COUNTER_BUSINESS)) {
            return;
        }
        BackgroundTask.of(() -> context.desk().receiptPrinting().unprinted(context.operator()))
                .onSuccess(unprinted -> {
                    if (!unprinted.isEmpty() && !ended) {
                        context.shell().showError(I18n.text("ui.print.unprintedReminder", unprinted.size(),
                                numbers(unprinted)));
                    }
                })
                .onFailure(error -> LOG.log(System.Logger.Level.WARNING, "cannot list unprinted receipts", error))
                .executeWith(context.executor());
    }

    private static String numbers(List<IssuedReceipt> receipts) {
        return receipts.stream()
                .map(r -> I18n.text("receipt.part." + r.part().name()) + " " + r.formattedNumber())
                .collect(Collectors.joining(I18n.text("ui.pay.listSeparator")));
    }

    /** After log-in and on card insert: purchases paid but not confirmed on a card are not forgotten. */
    private void remindOpenWrites() {
        Operator operator = context.operator();
        if (!operator.may(Permission.COUNTER_BUSINESS)) {
            return;
        }
        CounterDesk desk = context.desk();
        BackgroundTask.of(() -> {
                    List<GasPurchase> open = desk.topUps().openWrites(operator);
                    String items = open.stream().map(w -> I18n.text("ui.topup.openWriteItem",
                                    desk.accounts().detail(operator, w.accountId()).account().accountNo(),
                                    w.purchaseNo(), w.volumeM3()))
                            .collect(Collectors.joining(I18n.text("ui.pay.listSeparator")));
                    return open.isEmpty() ? "" : I18n.text("ui.topup.openWrites", open.size(), items);
                })
                .onSuccess(reminder -> {
                    if (!reminder.isEmpty() && !ended) {
                        context.shell().showError(reminder);
                    }
                })
                .onFailure(error -> LOG.log(System.Logger.Level.WARNING, "cannot list open card writes", error))
                .executeWith(context.executor());
    }

    /** The open-till step: at log-in ({@code atLogIn}) a hall manager is not asked for a float. */
    private void showTillStep(boolean atLogIn) {
        Operator operator = context.operator();
        StatusBarModel status = context.status();
        CounterShell shell = context.shell();
        OpenTillViewModel model = new OpenTillViewModel(context.executor(), context.desk().tills(), operator,
                new OpenTillViewModel.Listener() {
                    @Override
                    public void tillReady(TillSession till, boolean alreadyOpen) {
                        String text = I18n.text("ui.status.tillOpen", UiFormat.date(till.businessDay()),
                                till.openingFloat().format());
                        status.tillOpened(text);
                        showSearch();
                        shell.showInfo(alreadyOpen
                                ? I18n.text("ui.till.continued", UiFormat.date(till.businessDay()),
                                        UiFormat.dateTime(till.openedAt(), context.config().clock().getZone()))
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
        if (atLogIn) {
            model.startAtLogIn();
        } else {
            model.start();
        }
    }

    private void showSearch() {
        if (searchShown) {
            context.shell().backToRoot();
        } else {
            searchShown = true;
            context.shell().setRoot(searchView);
        }
    }

    /** F10: the open-till step again, over the search. */
    void openTill() {
        context.shell().backToRoot();
        showTillStep(false);
    }

    /** F2: back to the search, its field focused. */
    void focusSearch() {
        context.shell().backToRoot();
        searchView.focusField(true);
    }
}
