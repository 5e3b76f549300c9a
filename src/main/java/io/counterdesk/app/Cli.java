package io.counterdesk.app;

import io.counterdesk.app.demo.DemoData;
import io.counterdesk.persistence.ChainReport;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Integrity;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.StorageException;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.TerminalRepository;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.shared.BusinessException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The command line: the window by default, and the support commands. */
@Command(name = "counterdesk", mixinStandardHelpOptions = true, version = "CounterDesk 0.1",
        description = "营业厅柜台收费终端 CounterDesk. Without a command: opens the counter window.",
        subcommands = {Cli.Init.class, Cli.Demo.class, Cli.Verify.class, StockCommand.class, CheckDayCommand.class,
                DayReportCommand.class, SyncCommand.class, HeadOfficeCommand.class})
final class Cli implements Callable<Integer> {


    @Mixin
    DbOptions db = new DbOptions();

    @Option(names = "--lang", description = "zh (default) or en")
    String lang;

    @Override
    public Integer call() {
        FxLauncher.launch(AppConfig.resolve(db.path, lang));
        return 0;
    }

    /** The database option shared by every command. */
    static final class DbOptions {
        @Option(names = "--db", paramLabel = "PATH",
                description = "database file (without .mv.db); default: $COUNTERDESK_DB or ~/.counterdesk/data/counterdesk")
        Path path;
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create and migrate a database, register its hall and terminal, and create the first administrator.")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DbOptions db = new DbOptions();
        @Option(names = "--hall-code", required = true)
        String hallCode;
        @Option(names = "--hall-name", required = true)
        String hallName;
        @Option(names = "--hall-address", defaultValue = "")
        String hallAddress;
        @Option(names = "--hotline", defaultValue = "96777")
        String hotline;
        @Option(names = "--terminal-code", required = true)
        String terminalCode;
        @Option(names = "--terminal-name", defaultValue = "1 号窗口")
        String terminalName;
        @Option(names = "--admin-staff-no", required = true, description = "工号 of the first administrator")
        String adminStaffNo;
        @Option(names = "--admin-name", required = true)
        String adminName;
        @Option(names = "--admin-password", required = true, interactive = true, arity = "0..1",
                description = "asked for on the console when given without a value")
        char[] adminPassword;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            AppConfig config = AppConfig.resolve(db.path, null);
            try (Database database = Database.open(config.database(), config.clock())) {
                TerminalRepository terminals = new TerminalRepository();
                if (database.read(terminals::current).isPresent()) {
                    return fail(spec, "app.init.alreadyInitialised", database.dataFile());
                }
                PasswordHasher hasher = new PasswordHasher();
                // one transaction: a refused administrator (e.g. a weak password) leaves the database empty,
                // so init can simply be run again
                TerminalIdentity terminal = database.inTransaction(tx -> {
                    TerminalIdentity registered = terminals.register(tx, hallCode, hallName, hallAddress, hotline,
                            terminalCode, terminalName);
                    new AuthService(database, new Journal(registered.terminalCode()), hasher)
                            .createFirstAdmin(tx, adminStaffNo, adminName, adminPassword);
                    return registered;
                });
                out.println("initialised " + database.dataFile() + " for " + terminal.hallName() + " / "
                        + terminal.terminalCode() + "; administrator " + adminStaffNo);
                return 0;
            } catch (BusinessException e) {
                return fail(spec, e);
            } finally {
                if (adminPassword != null) {
                    Arrays.fill(adminPassword, '\0');
                }
            }
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Fill an empty database with the demo hall, operators, tariffs and accounts.")
    static final class Demo implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DbOptions db = new DbOptions();
        @Option(names = "--accounts", defaultValue = "10000", description = "number of demo accounts (default ${DEFAULT-VALUE})")
        int accounts;

        @Override
        public Integer call() {
            AppConfig config = AppConfig.resolve(db.path, null);
            try (Database database = Database.open(config.database(), config.clock())) {
                if (database.read(tx -> new TerminalRepository().current(tx)).isPresent()) {
                    return fail(spec, "app.demo.notEmpty", database.dataFile());
                }
                long started = System.nanoTime();
                TerminalIdentity terminal = new DemoData(new PasswordHasher()).load(database, accounts);
                spec.commandLine().getOut().printf("demo data loaded into %s: hall %s, %d accounts, %d operators (%d ms)%n",
                        database.dataFile(), terminal.hallName(), accounts, DemoData.OPERATORS.size(),
                        (System.nanoTime() - started) / 1_000_000);
                return 0;
            } catch (BusinessException e) {
                return fail(spec, e);
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Walk the journal's hash chain and check the database's integrity. Exit code 0 only when intact.")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DbOptions db = new DbOptions();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            AppConfig config = AppConfig.resolve(db.path, null);
            if (!config.database().dataFile().toFile().isFile()) {
                return fail(spec, "app.verify.noDatabase", config.database().dataFile());
            }
            try (Database database = Database.openForInspection(config.database(), config.clock())) {
                ChainReport chain = database.read(Journal::verify);
                List<String> problems = database.read(Integrity::check);
                if (chain.isIntact()) {
                    out.println("journal: intact, " + chain.eventsChecked() + " events");
                } else {
                    out.println("journal: BROKEN at event " + chain.firstBrokenSeq().getAsLong() + ": " + chain.problem());
                }
                problems.forEach(p -> out.println("integrity: " + p));
                if (problems.isEmpty()) {
                    out.println("integrity: all checks passed");
                }
                return chain.isIntact() && problems.isEmpty() ? 0 : 1;
            } catch (StorageException e) {
                out.println("schema: cannot be checked: " + e.getMessage()
                        + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
                return 1;
            }
        }
    }

    static int fail(CommandSpec spec, String key, Object... args) {
        return fail(spec, new BusinessException(key, args));
    }

    static int fail(CommandSpec spec, BusinessException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return 2;
    }
}
