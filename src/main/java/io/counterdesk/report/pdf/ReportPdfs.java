package io.counterdesk.report.pdf;

import io.counterdesk.account.opening.OpeningRecord;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.receipt.StockListing;
import io.counterdesk.report.CashierDayReport;
import io.counterdesk.report.HallDayReport;
import io.counterdesk.report.ReportHeader;
import io.counterdesk.report.chart.Chart;
import io.counterdesk.report.chart.DayCharts;
import io.counterdesk.security.Operator;
import io.counterdesk.servicetime.ServiceTime;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The PDF reports of this hall: each method lays out one report from its figures and returns the
 * finished PDF/A-2b file's bytes. The font is looked up on the first report, so a terminal without
 * a Chinese font starts and works; only its reports are refused, with a message naming the setting.
 */
public final class ReportPdfs {

    private final Supplier<ReportFont> fontSetting;
    private final TerminalIdentity terminal;
    private final Clock clock;
    private ReportFont font;
    private PdfFontFace.Shared loaded;

    /**
     * @param font looks the font up ({@link ReportFont#locate}); called once, on the first report
     */
    public ReportPdfs(Supplier<ReportFont> font, TerminalIdentity terminal, Clock clock) {
        this.fontSetting = Objects.requireNonNull(font);
        this.terminal = Objects.requireNonNull(terminal);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The font the reports embed; looked up once. */
    public synchronized ReportFont font() {
        if (font == null) {
            font = fontSetting.get();
        }
        return font;
    }

    /**
     * Reads and parses the report font now, so that the first report does not wait for it (a screen
     * that will print reports may call this in the background when it opens).
     *
     * @throws BusinessException as {@link ReportFont#locate} and when the font cannot be used
     */
    public synchronized void prepare() {
        if (loaded == null) {
            loaded = PdfFontFace.Shared.read(font());
        }
    }

    /**
     * Starts a report with the font read once for all reports (parsing a CJK collection costs more than
     * laying out a report). Reports are made one at a time: the methods that call this are synchronized.
     */
    private PdfReport start(ReportHeading heading) {
        prepare();
        return PdfReport.create(loaded, heading);
    }

    /** As {@link #start(ReportHeading)}, for a day report stamped for the archive. */
    private PdfReport start(ReportHeading heading, ReportArchive.Stamp stamp) {
        PdfReport report = start(heading);
        report.keywords(stamp.keywords());
        return report;
    }

    /** The receipt stock report of {@code month} (票据核对月报) from its month-end listing. */
    public synchronized byte[] receiptStock(List<StockListing> listings, YearMonth month, Operator printedBy) {
        String title = I18n.text("pdf.stock.title");
        ReportHeading heading = heading(title, I18n.text("pdf.stock.subtitle", month.toString()), month.toString(),
                printedBy);
        try (PdfReport report = start(heading)) {
            StockReportPdf.write(report, listings);
            return report.toBytes();
        }
    }

    /** The cashier's daily cash report (营业厅现金日报表). */
    public synchronized byte[] cashierDay(CashierDayReport day, Operator printedBy) {
        return cashierDay(day, printedBy, ReportArchive.Stamp.NONE);
    }

    private synchronized byte[] cashierDay(CashierDayReport day, Operator printedBy, ReportArchive.Stamp stamp) {
        ReportHeader h = day.header();
        String title = I18n.text("pdf.cash.title");
        ReportHeading heading = heading(title, I18n.text("pdf.cash.subtitle", h.businessDay().toString(),
                DayReportPdf.cashier(h), h.terminalCode(), DayReportPdf.status(h)), h.businessDay() + " "
                + DayReportPdf.cashier(h), printedBy);
        try (PdfReport report = start(heading, stamp)) {
            new DayReportPdf(clock.getZone()).cashier(report, day);
            return report.toBytes();
        }
    }

    /** The day's service-time report (服务时限报表): each business against its promised time. */
    public synchronized byte[] serviceTimes(List<ServiceTime> times, LocalDate day, Operator printedBy) {
        return serviceTimes(times, day, printedBy, ReportArchive.Stamp.NONE);
    }

    private synchronized byte[] serviceTimes(List<ServiceTime> times, LocalDate day, Operator printedBy,
                                             ReportArchive.Stamp stamp) {
        ReportHeading heading = heading(I18n.text("pdf.service.title"), I18n.text("pdf.service.subtitle",
                day.toString(), times.size()), day.toString(), printedBy);
        try (PdfReport report = start(heading, stamp)) {
            ServiceTimeReportPdf.write(report, times, DayCharts.serviceTimes(times), clock.getZone());
            return report.toBytes();
        }
    }

    /**
     * Writes the service-time report into the day's archive folder ({@code service-times.pdf}); for a
     * signed-off day as {@link ReportArchive#saveDay} says (the signed copy is kept).
     */
    public Path archiveServiceTimes(List<ServiceTime> times, LocalDate day, Operator printedBy, boolean signed,
                                    ReportArchive archive) {
        return archive.saveDay(archive.day(day), signed, SERVICE_TIMES_FILE, LocalDate.now(clock),
                serviceTimes(times, day, printedBy, ReportArchive.Stamp.of(signed)));
    }

    public static final String SERVICE_TIMES_FILE = "service-times.pdf";

    /** The gas application form (用气申请书) of a committed opening, for the archive. */
    public synchronized byte[] applicationForm(OpeningRecord opening, Operator printedBy) {
        LocalDate day = LocalDate.ofInstant(opening.openedAt(), clock.getZone());
        ReportHeading heading = heading(I18n.text("pdf.application.title"), I18n.text("pdf.application.subtitle",
                opening.account().accountNo(), opening.account().holder().name()), day.toString(), printedBy);
        try (PdfReport report = start(heading)) {
            ApplicationFormPdf.write(report, opening, clock.getZone());
            return report.toBytes();
        }
    }

    /**
     * Writes the application form into the archive folder of the opening's day
     * ({@code reports/<day>/application-<户号>.pdf}); a second call replaces it.
     */
    public Path archiveApplication(OpeningRecord opening, Operator printedBy, ReportArchive archive) {
        LocalDate day = LocalDate.ofInstant(opening.openedAt(), clock.getZone());
        return archive.save(archive.day(day), "application-" + opening.account().accountNo() + ".pdf",
                applicationForm(opening, printedBy));
    }

    /** The hall's day report (营业厅日报): every cashier, the hall totals and {@code charts}. */
    public synchronized byte[] hallDay(HallDayReport day, List<Chart> charts, Operator printedBy) {
        return hallDay(day, charts, printedBy, ReportArchive.Stamp.NONE);
    }

    private synchronized byte[] hallDay(HallDayReport day, List<Chart> charts, Operator printedBy,
                                        ReportArchive.Stamp stamp) {
        DayReportPdf layout = new DayReportPdf(clock.getZone());
        String signed = day.signed() ? I18n.text("pdf.hall.signed", day.signedBy(), layout.dateTime(day.signedAt()))
                : I18n.text("pdf.hall.unsigned");
        ReportHeading heading = heading(I18n.text("pdf.hall.title"), I18n.text("pdf.hall.subtitle",
                day.businessDay().toString(), day.cashiers().size(), signed), day.businessDay().toString(), printedBy);
        try (PdfReport report = start(heading, stamp)) {
            layout.hall(report, day, charts);
            return report.toBytes();
        }
    }

    /**
     * Writes the day's reports into the day's folder of {@code archive}: {@code hall.pdf} and one
     * {@code cash-report-<工号>-<till>.pdf} per cashier's till session, each stamped with whether the day
     * was signed off. A report written again replaces the earlier one unless that was written for the
     * signed-off day: then it goes beside ({@link ReportArchive#saveDay}).
     *
     * @return the files written, the hall report first
     */
    public List<Path> archiveDay(HallDayReport day, List<Chart> charts, Operator printedBy, ReportArchive archive) {
        Path folder = archive.day(day.businessDay());
        LocalDate today = LocalDate.now(clock);
        ReportArchive.Stamp stamp = ReportArchive.Stamp.of(day.signed());
        List<Path> written = new ArrayList<>();
        written.add(archive.saveDay(folder, day.signed(), HALL_FILE, today, hallDay(day, charts, printedBy, stamp)));
        for (CashierDayReport cashier : day.cashiers()) {
            written.add(archive.saveDay(folder, day.signed(), cashierFile(cashier.header()), today,
                    cashierDay(cashier, printedBy, stamp)));
        }
        return written;
    }

    public static final String HALL_FILE = "hall.pdf";

    /** The archive name of a cashier's report: {@code cash-report-1001-17.pdf}. */
    public static String cashierFile(ReportHeader header) {
        return "cash-report-" + header.cashierStaffNo().replaceAll("[^0-9A-Za-z_-]", "_") + "-" + header.tillId()
                + ".pdf";
    }

    ReportHeading heading(String title, String subtitle, String period, Operator printedBy) {
        return new ReportHeading(title, subtitle, terminal.hallName() + "（" + terminal.hallCode() + "）", period,
                printedBy.label(), ZonedDateTime.now(clock));
    }

    /**
     * Writes {@code pdf} to {@code file} (creating its folder) through a temporary file beside it,
     * so that a crash never leaves half a report under the report's name.
     *
     * @throws BusinessException {@code pdf.write.failed} naming the file
     */
    public static Path write(Path file, byte[] pdf) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".report-", ".tmp");
            try {
                Files.write(temp, pdf);
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new BusinessException("pdf.write.failed", target, e.getMessage());
        }
    }
}
