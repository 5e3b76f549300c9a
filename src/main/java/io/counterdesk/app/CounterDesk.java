package io.counterdesk.app;

import io.counterdesk.account.AccountService;
import io.counterdesk.account.status.AccountStatusService;
import io.counterdesk.account.opening.AccountOpeningService;
import io.counterdesk.account.opening.OpeningConfirmations;
import io.counterdesk.account.transfer.TransferService;
import io.counterdesk.app.demo.DemoData;
import io.counterdesk.billing.BillingQueries;
import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.card.CardIssueService;
import io.counterdesk.card.CardMonitor;
import io.counterdesk.card.CardReaders;
import io.counterdesk.card.CardServiceRecords;
import io.counterdesk.card.CardSettings;
import io.counterdesk.card.CounterReader;
import io.counterdesk.card.TopUpService;
import io.counterdesk.card.virtual.DemoCards;
import io.counterdesk.payment.PaymentService;
import io.counterdesk.payment.VoucherRule;
import io.counterdesk.printing.Printers;
import io.counterdesk.printing.ReceiptPrinter;
import io.counterdesk.receipt.ReceiptPrinting;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.report.chart.DayCharts;
import io.counterdesk.report.pdf.ReportArchive;
import io.counterdesk.report.pdf.ReportPdfs;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.TerminalRepository;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import io.counterdesk.servicetime.ServiceTimeService;
import io.counterdesk.report.CashReportPrinting;
import io.counterdesk.report.DayReportService;
import io.counterdesk.report.HallSignOffService;
import io.counterdesk.till.DayCloseService;
import io.counterdesk.till.TillService;
import java.time.Duration;
import java.time.Clock;
import java.util.Optional;

/**
 * The composition root: opens the terminal's database and wires every service once. Screens and
 * commands get their services from here; nothing else constructs a service.
 */
public final class CounterDesk implements AutoCloseable {

    private final AppConfig config;
    private final Database database;
    private final TerminalIdentity terminal;
    private final Journal journal;
    private final AuthService auth;
    private final ApprovalRecorder approvals;
    private final AccountService accounts;
    private final TillService tills;
    private final PaymentService payments;
    private final ReceiptStockService receiptStock;
    private final ReceiptPrinter printer;
    private final ReceiptPrinting receiptPrinting;
    private final CardSettings cardSettings;
    private final TopUpService topUps;
    private final CardIssueService cardIssue;
    private final CardServiceRecords cardRecords;
    private final CounterReader cardReader;
    private final DemoCards demoCards;
    private final CardMonitor cardMonitor;
    private final ServiceTimeService serviceTimes;
    private final AccountOpeningService openings;
    private final OpeningConfirmations openingConfirmations;
    private final io.counterdesk.account.transfer.TransferConfirmations transferConfirmations;
    private final TransferService transfers;
    private final ReportPdfs reportPdfs;
    private final java.time.ZoneId hallZone;
    private final ReportArchive reportArchive;
    private final DayCharts dayCharts;
    private final io.counterdesk.account.opening.AutoDebitService autoDebits;
    private final io.counterdesk.account.transfer.BalanceMoveService balanceMoves;
    private final io.counterdesk.payment.PaymentReversalService paymentReversals;
    private boolean cardMonitorStarted;
    private final AccountStatusService accountStatus;
    /** Closing the day: deposits, the cash count, the till close (docs/day-close.md). */
    private final DayCloseService dayClose;
    private final DayReportService dayReports;
    private final CashReportPrinting cashReportPrinting;
    private final HallSignOffService hallSignOff;
    private final AutoBackup autoBackup;
    private final io.counterdesk.sync.SyncService sync;

    private static final Duration CLOSE_WARM_UP_WAIT = Duration.ofSeconds(30);

    /** How often the card monitor looks at the readers. */
    public static final Duration CARD_POLL = Duration.ofMillis(250);

    /** How long each step of the start took (database, services, demo cards): the start-up probe prints them. */
    private final io.counterdesk.persistence.OpeningSteps startSteps;

    private CounterDesk(Opening opening) {
        io.counterdesk.persistence.OpeningSteps steps = opening.steps;
        this.startSteps = steps;
        this.config = opening.config;
        this.database = opening.database;
        this.terminal = opening.terminal;
        this.journal = opening.journal;
        this.auth = opening.auth;
        this.approvals = new ApprovalRecorder(journal);
        BillingQueries billing = new BillingQueries(LateFeeRule.DEFAULT);
        this.accounts = new AccountService(database, billing::billLines);
        this.tills = new TillService(database, journal, terminal);
        this.payments = new PaymentService(database, journal, terminal, approvals, LateFeeRule.DEFAULT,
                VoucherRule.DEFAULT);
        this.receiptStock = new ReceiptStockService(database, journal, approvals);
        steps.mark("services: auth, accounts, tills, payments");
        TerminalSettings settings = TerminalSettings.load(config.database());
        TerminalSettings.CardReaderSetting readerSetting = settings.cardReader();
        this.printer = Printers.open(settings.printer());
        this.receiptPrinting = new ReceiptPrinting(database, terminal, receiptStock, printer);
        steps.mark("services: settings file, printer");
        CardSettings.Loaded cards = CardSettings.load(database);
        this.cardSettings = cards.settings();
        this.topUps = new TopUpService(database, journal, approvals, payments, cardSettings.pricing());
        this.cardIssue = new CardIssueService(database, journal, approvals, topUps, cardSettings.utilityCode(),
                cardSettings.areaCode());
        this.cardRecords = new CardServiceRecords(database, journal, terminal, printer);
        if (readerSetting.kind() == TerminalSettings.ReaderKind.SIMULATED) {
            this.demoCards = DemoCards.open(readerSetting.demoCards(), cards.keys());
            this.cardReader = new CounterReader(CardReaders.of(demoCards.readers().terminalFactory()),
                    Optional.of(demoCards.readerName()), cards.keys());
        } else {
            this.demoCards = null;
            this.cardReader = new CounterReader(CardReaders.pcsc().withDialect(readerSetting.dialect()),
                    readerSetting.readerName(), cards.keys());
        }
        this.cardMonitor = cardReader.readers().monitor(CARD_POLL);
        steps.mark("services: card settings and reader");
        this.accountStatus = new AccountStatusService(database, journal, terminal, approvals, payments,
                LateFeeRule.DEFAULT);
        this.serviceTimes = new ServiceTimeService(database, journal);
        this.openings = new AccountOpeningService(database, journal, payments, cardIssue, serviceTimes);
        this.openingConfirmations = new OpeningConfirmations(openings, database, terminal, printer);
        this.transfers = new TransferService(database, journal, payments, serviceTimes);
        this.transferConfirmations = new io.counterdesk.account.transfer.TransferConfirmations(transfers, database,
                terminal, printer);
        this.autoBackup = new AutoBackup(database);
        this.dayClose = new DayCloseService(database, journal, terminal, autoBackup.after("till-close"));
        this.dayReports = new DayReportService(database, terminal);
        // reports are the hall's: their days, hours and printed times in hall.time_zone (as receipts), never the
        // machine's zone, so a day signed on one PC and its reports re-written on another read the same
        this.hallZone = database.read(tx -> new io.counterdesk.receipt.ReceiptContents(terminal).letterhead(tx).zone());
        Clock hallClock = config.clock().withZone(hallZone);
        this.cashReportPrinting = new CashReportPrinting(dayReports, printer, hallZone);
        this.hallSignOff = new HallSignOffService(database, journal, dayReports, autoBackup.after("sign-off"));
        // the report font is looked up on the first report: a terminal without one works, only its PDFs are refused
        this.reportPdfs = new ReportPdfs(() -> settings.reportFont(System.getenv()), terminal, hallClock);
        this.reportArchive = ReportArchive.beside(config.database());
        this.dayCharts = new DayCharts(database, hallZone);
        this.autoDebits = new io.counterdesk.account.opening.AutoDebitService(database, journal, serviceTimes);
        this.balanceMoves = new io.counterdesk.account.transfer.BalanceMoveService(database, journal, approvals);
        this.paymentReversals = new io.counterdesk.payment.PaymentReversalService(database, journal, terminal, approvals);
        // head office: at a till's close and the day's sign-off the batch is made and sent in the background
        this.sync = new io.counterdesk.sync.SyncService(database, terminal, config.database().directory());
        dayClose.afterClose(sync::afterDayClose);
        hallSignOff.afterSignOff(sync::afterDayClose);
        steps.mark("services: the rest");
    }

    /** The search warm-up's thread, joined before the database closes. */
    private Thread searchWarmUp;

    /**
     * Reads the search index's hot pages in the background while the cashier logs in (issue 15 §3):
     * for the window only (a command has no cashier waiting). {@link #close} waits for it.
     */
    public synchronized void warmUpSearch() {
        if (searchWarmUp != null) {
            return;
        }
        Thread warmUp = new Thread(() -> {
            try {
                accounts.warmUp();
            } catch (RuntimeException e) {
                // only a head start: the first search reads what it needs itself (a closed database ends it too)
                System.getLogger(CounterDesk.class.getName()).log(System.Logger.Level.DEBUG, "search warm-up ended", e);
            }
        }, "counterdesk-search-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        searchWarmUp = warmUp;
        warmUp.start();
    }

    /** How long each step of {@link #start} took, the database's opening first. */
    public java.util.List<io.counterdesk.persistence.OpeningSteps.Step> startSteps() {
        return startSteps.steps();
    }

    /** The upload to head office (docs/sync-protocol.md); idle until the terminal is enrolled. */
    public io.counterdesk.sync.SyncService sync() {
        return sync;
    }

    /**
     * Opens the configured database. A database without a registered terminal is filled with the
     * demo hall, operators and accounts when {@link AppConfig#demoOnFirstRun()}; otherwise it must
     * first be set up with the {@code init} command.
     */
    public static CounterDesk start(AppConfig config) {
        return start(config, new PasswordHasher());
    }

    public static CounterDesk start(AppConfig config, PasswordHasher hasher) {
        return open(config, hasher).finish();
    }

    /**
     * The first part of {@link #start}: the database opened (ADR 0011's checks included), the terminal
     * read (or the demo hall loaded) and the log-in's service made — everything a log-in needs. The
     * window lets the cashier log in from here while {@link Opening#finish} wires the rest (ADR 0031).
     */
    public static Opening open(AppConfig config, PasswordHasher hasher) {
        I18n.setLocale(config.locale());
        io.counterdesk.persistence.OpeningSteps steps = new io.counterdesk.persistence.OpeningSteps();
        Database database = Database.open(config.database(), config.clock());
        steps.addAll(database.openingSteps());
        try {
            Optional<TerminalIdentity> terminal = database.read(tx -> new TerminalRepository().current(tx));
            if (terminal.isEmpty()) {
                if (!config.demoOnFirstRun()) {
                    throw new BusinessException("app.notInitialised", config.database().dataFile());
                }
                terminal = Optional.of(new DemoData(hasher).load(database, config.demoAccounts()));
            }
            Journal journal = new Journal(terminal.get().terminalCode());
            Opening opening = new Opening(config, database, terminal.get(), journal,
                    new AuthService(database, journal, hasher), steps);
            steps.mark("terminal identity (or demo hall loaded), log-in service");
            return opening;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * An opened database with what a log-in needs ({@link #auth}, {@link #terminal}); {@link #finish}
     * makes the rest of the services and hands over the database, or closes it if that fails.
     */
    public static final class Opening {
        private final AppConfig config;
        private final Database database;
        private final TerminalIdentity terminal;
        private final Journal journal;
        private final AuthService auth;
        private final io.counterdesk.persistence.OpeningSteps steps;

        private Opening(AppConfig config, Database database, TerminalIdentity terminal, Journal journal, AuthService auth,
                        io.counterdesk.persistence.OpeningSteps steps) {
            this.config = config;
            this.database = database;
            this.terminal = terminal;
            this.journal = journal;
            this.auth = auth;
            this.steps = steps;
        }

        /** The log-in's service; the {@link CounterDesk} that {@link #finish} makes keeps this one (and its sessions). */
        public AuthService auth() {
            return auth;
        }

        public TerminalIdentity terminal() {
            return terminal;
        }

        /** Wires every other service; on a failure the database is closed and the failure thrown. */
        public CounterDesk finish() {
            // the window waits for the log-in page's first frame before this (ADR 0031): not a step of the opening
            steps.mark("(between log-in possible and the rest of the services)");
            try {
                Journal.prepareWriter(); // before a log-in typed meanwhile appends its event
                CounterDesk desk = new CounterDesk(this);
                if (desk.demoCards != null) {
                    // a demo hall loaded here or by the demo command: its card customers get their cards once
                    DemoData.issueCards(database, desk.auth, desk.cardIssue, desk.cardReader, desk.demoCards);
                    steps.mark("demo cards issued");
                }
                return desk;
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }
    }

    public AppConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public TerminalIdentity terminal() {
        return terminal;
    }

    public Journal journal() {
        return journal;
    }

    public AuthService auth() {
        return auth;
    }

    public ApprovalRecorder approvals() {
        return approvals;
    }

    public AccountService accounts() {
        return accounts;
    }

    public TillService tills() {
        return tills;
    }

    public DayCloseService dayClose() {
        return dayClose;
    }

    public DayReportService dayReports() {
        return dayReports;
    }

    public HallSignOffService hallSignOff() {
        return hallSignOff;
    }

    public CashReportPrinting cashReportPrinting() {
        return cashReportPrinting;
    }

    public PaymentService payments() {
        return payments;
    }

    public ReceiptStockService receiptStock() {
        return receiptStock;
    }

    /** The receipt printer (the capture printer in demo mode). */
    public ReceiptPrinter printer() {
        return printer;
    }

    public ReceiptPrinting receiptPrinting() {
        return receiptPrinting;
    }

    public CardSettings cardSettings() {
        return cardSettings;
    }

    /** IC-card gas purchases and their card writes (购气). */
    public TopUpService topUps() {
        return topUps;
    }

    /** Issue, reissue and re-credit of IC cards. */
    public CardIssueService cardIssue() {
        return cardIssue;
    }

    /** The printed records of card services (补卡/补气记录). */
    public CardServiceRecords cardRecords() {
        return cardRecords;
    }

    /** The counter's card reader (PC/SC, or the simulated one of demo mode). */
    public CounterReader cardReader() {
        return cardReader;
    }

    /** The demo cards and meters when the simulated reader is used; empty with a real reader. */
    public Optional<DemoCards> demoCards() {
        return Optional.ofNullable(demoCards);
    }

    /** The service-time clock's promises and stored times (第三条). */
    public ServiceTimeService serviceTimes() {
        return serviceTimes;
    }

    /** Opening accounts (开户/报装). */
    public AccountOpeningService openings() {
        return openings;
    }

    /** The business confirmations (业务回执) of openings. */
    public OpeningConfirmations openingConfirmations() {
        return openingConfirmations;
    }

    /** The business confirmations (业务回执) of transfers. */
    public io.counterdesk.account.transfer.TransferConfirmations transferConfirmations() {
        return transferConfirmations;
    }

    /** Ownership transfers (过户). */
    public TransferService transfers() {
        return transfers;
    }

    /** Changing or cancelling an account's bank auto-debit (银行代扣). */
    public io.counterdesk.account.opening.AutoDebitService autoDebits() {
        return autoDebits;
    }

    /** Moving credit or a deposit between accounts of one holder (余额/押金转移). */
    public io.counterdesk.account.transfer.BalanceMoveService balanceMoves() {
        return balanceMoves;
    }

    /** Payment reversal (冲正, Ctrl+R). */
    public io.counterdesk.payment.PaymentReversalService paymentReversals() {
        return paymentReversals;
    }

    /** The monitor of the card readers, started on first use and stopped by {@link #close()}. */
    public synchronized CardMonitor cardMonitor() {
        if (!cardMonitorStarted) {
            cardMonitorStarted = true;
            cardMonitor.start();
        }
        return cardMonitor;
    }

    /** Suspension, restoration and closure of accounts (停气/复气/销户). */
    public AccountStatusService accountStatus() {
        return accountStatus;
    }

    /** The PDF reports (receipt stock, cashier's day, hall's day). */
    /** The hall's time zone (setting {@code hall.time_zone}, default Asia/Shanghai): the zone of its reports and receipts. */
    public java.time.ZoneId hallZone() {
        return hallZone;
    }

    public ReportPdfs reportPdfs() {
        return reportPdfs;
    }

    /** The hall's day in charts (per hour, by business, by tender) for the hall report and the sign-off screen. */
    public DayCharts dayCharts() {
        return dayCharts;
    }

    /** Where the day's reports are kept: {@code reports/<day>/} beside the database. */
    public ReportArchive reportArchive() {
        return reportArchive;
    }

    @Override
    public void close() {
        Thread warmUp;
        synchronized (this) {
            warmUp = searchWarmUp;
        }
        if (warmUp != null) {
            try {
                warmUp.join(CLOSE_WARM_UP_WAIT.toMillis()); // a read of a few hundred ms: the file closes cleanly after it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            autoBackup.close();
            sync.close();
            cardMonitor.close();
            if (demoCards != null) {
                demoCards.saveAll();
            }
        } finally {
            try {
                printer.close();
            } finally {
                auth.sessions().closeAll();
                database.close();
            }
        }
    }
}
