package io.counterdesk.app;

import io.counterdesk.app.demo.DemoData;
import io.counterdesk.persistence.AckMark;
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
import io.counterdesk.shared.I18n;
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
@Command(name = "counterdesk", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "营业厅柜台收费终端 CounterDesk. Without a command: opens the counter window.",
        subcommands = {Cli.Init.class, Cli.Demo.class, Cli.Verify.class, StockCommand.class, CheckDayCommand.class,
                DayReportCommand.class, BackupCommands.Backup.class, BackupCommands.RestoreBackup.class,
                CdsArchiveCommand.class, SyncCommand.class, HeadOfficeCommand.class})
final class Cli implements Callable<Integer> {


    @Mixin
    DbOptions db = new DbOptions();

    @Spec
    CommandSpec rootSpec;

    String lang;

    /** The command line as {@link Main} runs it: bad input gets one clear line, never a stack trace. */
    static picocli.CommandLine commandLine() {
        return CliErrors.install(new picocli.CommandLine(new Cli()).setCaseInsensitiveEnumValuesAllowed(true));
    }

    @Option(names = "--lang", description = "zh (default) or en")
    void lang(String value) {
        if (!value.strip().equalsIgnoreCase("zh") && !value.strip().equalsIgnoreCase("en")) {
            throw new picocli.CommandLine.ParameterException(rootSpec.commandLine(), I18n.text("app.cli.badLang", value));
        }
        lang = value.strip();
    }

    @Override
    public Integer call() {
        FxLauncher.launch(AppConfig.resolve(db.path, lang));
        return 0;
    }

    /** The pom's version, from the jar's manifest (the installed package's too); "development" from classes. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"CounterDesk " + (version == null ? "(development build)" : version)};
        }
    }

    /** The database option shared by every command. */
    static final class DbOptions {
        @Option(names = "--db", paramLabel = "PATH",
                description = "database file (without .mv.db); default: $COUNTERDESK_DB, else counterdesk in $COUNTERDESK_DATA"
                        + " or the data directory (installed: ~/.local/share/counterdesk, %PROGRAMDATA%\\CounterDesk;"
                        + " a checkout: ~/.counterdesk/data)")
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
        @Option(names = "--utility-keys", paramLabel = "FILE",
                description = "the utility's keys (card.utility.secret=HEX, receipt.mac.key=HEX), shared by all its terminals; "
                        + "read from a file, never given on the command line. Without it: new random keys (a test hall).")
        Path utilityKeys;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            AppConfig config = AppConfig.resolve(db.path, null);
            java.util.Map<String, byte[]> keys;
            try {
                keys = UtilityKeys.read(utilityKeys);
                io.counterdesk.persistence.DatabaseFile.requireUsable(config.database());
            } catch (BusinessException e) {
                return fail(spec, e);
            }
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
                    UtilityKeys.store(tx, keys);
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
                keys.values().forEach(key -> Arrays.fill(key, (byte) 0));
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
            Integer refused = Cli.refuseUnlessExisting(spec, config);
            if (refused != null) {
                return refused;
            }
            try (Database database = Database.openForInspection(config.database(), config.clock())) {
                ChainReport chain = database.read(Journal::verify);
                List<String> problems = database.read(Integrity::check);
                // the database against what the program acknowledged (ADR 0011)
                AckMark.Verdict acknowledged = database.ackMarkVerdict();
                out.println("acknowledged: " + acknowledged.describe());
                acknowledged.refusal(config.database().ackMarkFile()).ifPresent(refusal -> out.println(refusal.getMessage()));
                if (chain.isIntact()) {
                    out.println("journal: intact, " + chain.eventsChecked() + " events");
                } else {
                    out.println("journal: BROKEN at event " + chain.firstBrokenSeq().getAsLong() + ": " + chain.problem());
                }
                problems.forEach(p -> out.println("integrity: " + p));
                if (problems.isEmpty()) {
                    out.println("integrity: all checks passed");
                }
                // payments, receipts and gas purchases against the events that wrote them (ADR 0012)
                List<String> ledger = database.read(io.counterdesk.persistence.LedgerCheck::check);
                ledger.forEach(p -> out.println("ledger: " + p));
                if (ledger.isEmpty()) {
                    out.println("ledger: payments, receipts and gas purchases agree with the journal");
                }
                return chain.isIntact() && problems.isEmpty() && ledger.isEmpty() && !acknowledged.refusesBusiness() ? 0 : 1;
            } catch (StorageException e) {
                out.println("schema: cannot be checked: " + e.getMessage()
                        + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
                spec.commandLine().getErr().println(I18n.text("app.verify.unreadable", config.database().dataFile(),
                        e.getMessage()));
                return 1;
            }
        }
    }

    /**
     * For commands that read or report: the exit code of the refusal when the database does not
     * exist or is not one (nothing is created, an empty file never written to); null when it may be opened.
     */
    static Integer refuseUnlessExisting(CommandSpec spec, AppConfig config) {
        try {
            io.counterdesk.persistence.DatabaseFile.requireExisting(config.database());
            return null;
        } catch (BusinessException e) {
            return fail(spec, e);
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
