package io.counterdesk.app;

import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.StockListing;
import io.counterdesk.receipt.StockRange;
import io.counterdesk.report.pdf.ReportPdfs;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.BusinessException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Receipt stock for hall managers without the window: register ranges, month-end listing. */
@Command(name = "stock", mixinStandardHelpOptions = true,
        description = "Receipt stock (票据): register a range to a cashier, or list the month-end reconciliation.",
        subcommands = {StockCommand.Register.class, StockCommand.Listing.class})
final class StockCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A hall manager's log-in for these commands. */
    static final class ManagerLogin {
        @Option(names = "--manager", required = true, description = "the hall manager's 工号")
        String staffNo;
        @Option(names = "--password", required = true, interactive = true, arity = "0..1",
                description = "the manager's password (asked for on the console when given without a value)")
        char[] password;

        Operator login(CounterDesk desk) {
            try {
                return desk.auth().login(staffNo, password);
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Register receipt numbers FIRST…LAST of a kind to a cashier.")
    static final class Register implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Cli.DbOptions db = new Cli.DbOptions();
        @Mixin
        ManagerLogin manager = new ManagerLogin();
        @Option(names = "--cashier", required = true, description = "the cashier's 工号")
        String cashier;
        @Option(names = "--kind", required = true, description = "RECEIPT, CHECK_SLIP or INVOICE")
        ReceiptKind kind;
        @Option(names = "--first", required = true)
        long first;
        @Option(names = "--last", required = true)
        long last;

        @Override
        public Integer call() {
            AppConfig config = AppConfig.resolve(db.path, null).withoutDemo();
            Integer refused = Cli.refuseUnlessExisting(spec, config);
            if (refused != null) {
                return refused;
            }
            try (CounterDesk desk = CounterDesk.start(config)) {
                StockRange range = desk.receiptStock().register(manager.login(desk), cashier, kind, first, last);
                spec.commandLine().getOut().printf("registered %s %08d–%08d to %s%n", range.kind(), range.firstNo(),
                        range.lastNo(), cashier);
                return 0;
            } catch (BusinessException e) {
                return Cli.fail(spec, e);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The month-end listing: per range, numbers used, voided (with reasons) and remaining.")
    static final class Listing implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Cli.DbOptions db = new Cli.DbOptions();
        @Mixin
        ManagerLogin manager = new ManagerLogin();
        @Option(names = "--month", description = "YYYY-MM (default: this month)")
        YearMonth month;
        @Option(names = "--pdf", paramLabel = "FILE",
                description = "also write the listing as the receipt stock report (票据核对月报, PDF/A) to FILE")
        Path pdf;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            AppConfig config = AppConfig.resolve(db.path, null).withoutDemo();
            Integer refused = Cli.refuseUnlessExisting(spec, config);
            if (refused != null) {
                return refused;
            }
            try (CounterDesk desk = CounterDesk.start(config)) {
                YearMonth which = month != null ? month : YearMonth.now(config.clock());
                Operator loggedIn = manager.login(desk);
                List<StockListing> listings = desk.receiptStock().monthEnd(loggedIn, which, config.clock().getZone());
                for (StockListing l : listings) {
                    out.printf("%s %08d–%08d %s [%s]: used %d %s; voided %s; remaining %s%n", l.range().kind(),
                            l.range().firstNo(), l.range().lastNo(), l.holderLabel(), l.range().status(), l.usedCount(),
                            l.used(), l.voided(), l.remaining().isEmpty() ? "—" : l.remaining());
                }
                if (pdf != null) {
                    Path written = ReportPdfs.write(pdf, desk.reportPdfs().receiptStock(listings, which, loggedIn));
                    out.println("report written to " + written);
                }
                return 0;
            } catch (BusinessException e) {
                return Cli.fail(spec, e);
            }
        }
    }
}
