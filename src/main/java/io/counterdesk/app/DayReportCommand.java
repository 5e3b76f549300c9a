package io.counterdesk.app;

import io.counterdesk.report.HallDayReport;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.BusinessException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a business day's PDF reports (hall report with charts, each cashier's cash report) into the archive. */
@Command(name = "day-report", mixinStandardHelpOptions = true,
        description = "Write a day's PDF reports (营业厅日报 with charts, each cashier's 营业厅现金日报表) to reports/<day>/ beside the database.")
final class DayReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    Cli.DbOptions db = new Cli.DbOptions();
    @Mixin
    StockCommand.ManagerLogin manager = new StockCommand.ManagerLogin();
    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the business day (default: today)")
    LocalDate date;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AppConfig config = AppConfig.resolve(db.path, null).withoutDemo();
        Integer refused = Cli.refuseUnlessExisting(spec, config);
        if (refused != null) {
            return refused;
        }
        try (CounterDesk desk = CounterDesk.start(config)) {
            // the hall's day, not the machine's: a support PC in another zone writes the same reports
            LocalDate today = LocalDate.now(config.clock().withZone(desk.hallZone()));
            LocalDate day = date != null ? date : today;
            if (day.isAfter(today)) {
                return Cli.fail(spec, "app.dayReport.future", day);
            }
            Operator checker = manager.login(desk);
            HallDayReport hall = desk.dayReports().hallDay(checker, day);
            java.util.Map<Path, Object> before = ReportFiles.snapshot(desk.reportArchive().day(day));
            List<Path> written = new java.util.ArrayList<>(desk.reportPdfs().archiveDay(hall,
                    desk.dayCharts().hall(hall), checker, desk.reportArchive()));
            written.add(desk.reportPdfs().archiveServiceTimes(desk.serviceTimes().day(checker, day), day, checker,
                    hall.signed(), desk.reportArchive()));
            // a signed day's report that says nothing new is not written again (nor called corrected)
            written.forEach(file -> out.println((ReportFiles.unchanged(before, file)
                    ? "report unchanged, the signed copy stands: " : "report written to ") + file));
            return 0;
        } catch (BusinessException e) {
            return Cli.fail(spec, e);
        }
    }
}
