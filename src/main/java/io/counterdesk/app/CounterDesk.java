package io.counterdesk.app;

import io.counterdesk.account.AccountService;
import io.counterdesk.app.demo.DemoData;
import io.counterdesk.billing.BillingQueries;
import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.payment.PaymentService;
import io.counterdesk.payment.VoucherRule;
import io.counterdesk.printing.Printers;
import io.counterdesk.printing.ReceiptPrinter;
import io.counterdesk.receipt.ReceiptPrinting;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.TerminalRepository;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import io.counterdesk.till.TillService;
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

    private CounterDesk(AppConfig config, Database database, TerminalIdentity terminal, PasswordHasher hasher) {
        this.config = config;
        this.database = database;
        this.terminal = terminal;
        this.journal = new Journal(terminal.terminalCode());
        this.auth = new AuthService(database, journal, hasher);
        this.approvals = new ApprovalRecorder(journal);
        BillingQueries billing = new BillingQueries(LateFeeRule.DEFAULT);
        this.accounts = new AccountService(database, billing::billLines);
        this.tills = new TillService(database, journal, terminal);
        this.payments = new PaymentService(database, journal, terminal, approvals, LateFeeRule.DEFAULT,
                VoucherRule.DEFAULT);
        this.receiptStock = new ReceiptStockService(database, journal, approvals);
        this.printer = Printers.open(TerminalSettings.load(config.database()).printer());
        this.receiptPrinting = new ReceiptPrinting(database, terminal, receiptStock, printer);
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
        I18n.setLocale(config.locale());
        Database database = Database.open(config.database(), config.clock());
        try {
            Optional<TerminalIdentity> terminal = database.read(tx -> new TerminalRepository().current(tx));
            if (terminal.isEmpty()) {
                if (!config.demoOnFirstRun()) {
                    throw new BusinessException("app.notInitialised", config.database().dataFile());
                }
                terminal = Optional.of(new DemoData(hasher).load(database, config.demoAccounts()));
            }
            return new CounterDesk(config, database, terminal.get(), hasher);
        } catch (RuntimeException e) {
            database.close();
            throw e;
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

    @Override
    public void close() {
        try {
            printer.close();
        } finally {
            database.close();
        }
    }
}
