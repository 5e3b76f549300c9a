package io.counterdesk.app;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.StorageException;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.TerminalRepository;
import io.counterdesk.report.DayCheck;
import io.counterdesk.report.DayReportService;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Proves a day's cash reports against the journal (docs/day-close.md). Exit 0 only when every figure ties. */
@Command(name = "check-day", mixinStandardHelpOptions = true,
        description = "Set every figure of a day's cashier reports against the journal. Exit code 0 only when all tie.")
final class CheckDayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    Cli.DbOptions db = new Cli.DbOptions();
    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "the business day")
    LocalDate date;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AppConfig config = AppConfig.resolve(db.path, null);
        Integer refused = Cli.refuseUnlessExisting(spec, config);
        if (refused != null) {
            return refused;
        }
        try (Database database = Database.openForInspection(config.database(), config.clock())) {
            Optional<TerminalIdentity> terminal = database.read(tx -> new TerminalRepository().current(tx));
            if (terminal.isEmpty()) {
                return Cli.fail(spec, "app.verify.noDatabase", config.database().dataFile());
            }
            DayCheck.Result result = new DayCheck(database, new DayReportService(database, terminal.get())).check(date);
            out.println("journal: " + (result.chain().isIntact() ? "intact" : "BROKEN: " + result.chain().problem()));
            long tills = result.items().stream().map(DayCheck.Item::tillLabel).distinct().count();
            if (tills == 0) {
                // nothing compared proves nothing: a mistyped date must not pass as "every figure ties"
                spec.commandLine().getErr().println(io.counterdesk.shared.I18n.text("app.checkDay.noTills", date));
                return 1;
            }
            out.println(date + ": " + tills + " till(s), " + result.items().size() + " figures compared");
            for (DayCheck.Item item : result.differences()) {
                out.println("DIFFERS " + item.tillLabel() + " " + item.figure() + ": report " + item.report()
                        + ", journal " + item.journal());
            }
            out.println(result.ties() ? "every figure ties" : result.differences().size() + " figure(s) do not tie");
            return result.ties() ? 0 : 1;
        } catch (StorageException e) {
            out.println("schema: cannot be checked: " + e.getMessage());
            spec.commandLine().getErr().println(io.counterdesk.shared.I18n.text("app.verify.unreadable",
                    config.database().dataFile(), e.getMessage()));
            return 1;
        }
    }
}
