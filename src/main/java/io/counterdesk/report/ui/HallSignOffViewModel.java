package io.counterdesk.report.ui;

import io.counterdesk.report.CashierDayReport;
import io.counterdesk.report.DayReportService;
import io.counterdesk.report.HallDayReport;
import io.counterdesk.report.HallSignOffService;
import io.counterdesk.report.OverShortLine;
import io.counterdesk.report.ReportStatus;
import io.counterdesk.report.SignOffDays;
import io.counterdesk.report.TenderTotal;
import io.counterdesk.report.chart.Chart;
import io.counterdesk.report.chart.DayCharts;
import io.counterdesk.report.pdf.ReportArchive;
import io.counterdesk.report.pdf.ReportPdfs;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.OperatorConfirmation;
import io.counterdesk.security.ui.CredentialEntry;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import io.counterdesk.ui.UiFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The hall manager's sign-off screen (签核, Ctrl+H): every cashier's report of the day with its
 * status, the hall totals, differences highlighted; the sign-off with the checker's own 工号 and
 * password, after which the day is locked. It opens on the day the manager most likely means (the
 * oldest recent day left unsigned, else today: {@link SignOffDays}) and moves a day back or forward
 * (PgUp/PgDn), never past today; figures, charts and the sign-off are the shown day's.
 */
public final class HallSignOffViewModel {

    /** One cashier's report as a row; {@code attention} when open or over/short. */
    public record Row(String cashier, String status, String expected, String counted, String overShort,
                      String deposits, String explanation, boolean attention) {
    }

    private final TaskExecutor executor;
    private final DayReportService reports;
    private final HallSignOffService signOffs;
    private final DayPapers papers;
    private final ObservableList<Chart> charts = FXCollections.observableArrayList();
    /** Held here: a list listener on a read-only view taken anew each call is lost when that view is collected. */
    private final ObservableList<Chart> chartsReadOnly = FXCollections.unmodifiableObservableList(charts);
    private final AuthService auth;
    private final Operator manager;
    private final LocalDate today;
    private final ZoneId zone;
    private final Clock clock;
    /** The hall's closing time, read with the figures: signing today off before it needs a reason. */
    private volatile LocalTime closing = HallSignOffService.DEFAULT_CLOSING_TIME;
    /** Enter was pressed once on today and the consequence shown: the next Enter signs today off. */
    private boolean todayConfirmed;
    /** The day shown (and signed off); today until the screen has read which day it opens on. */
    private final ReadOnlyObjectWrapper<LocalDate> day = new ReadOnlyObjectWrapper<>();
    /** Counts the reads: the answer of a read overtaken by a later one (PgUp pressed again) is dropped. */
    private long reads;
    private boolean signing;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    /** Held here: a list listener on a read-only view taken anew each call is lost when that view is collected. */
    private final ObservableList<Row> rowsReadOnly = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> totals = FXCollections.observableArrayList();
    /** Held here: a list listener on a read-only view taken anew each call is lost when that view is collected. */
    private final ObservableList<String> totalsReadOnly = FXCollections.unmodifiableObservableList(totals);
    private final CredentialEntry credentials = new CredentialEntry();
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper signed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(MessageKind.NONE);

    /**
     * What the screen draws and keeps besides the figures: the hall's day in charts, and once signed
     * off its PDF reports in the day's archive folder.
     */
    public interface DayPapers {

        List<Chart> charts(HallDayReport hall);

        /**
         * Writes the day's PDFs, signed by {@code checker}; {@code reader} is the logged-in operator whose
         * session reads the service times (a checker who typed their password carries no session); returns
         * the files written.
         */
        List<Path> archive(HallDayReport hall, List<Chart> charts, Operator checker, Operator reader);

        /** The terminal's own: charts from the database, PDFs into {@code reports/<day>/} beside it. */
        static DayPapers of(DayCharts charts, ReportPdfs pdfs, ReportArchive archive,
                            io.counterdesk.servicetime.ServiceTimeService serviceTimes) {
            return new DayPapers() {
                @Override
                public List<Chart> charts(HallDayReport hall) {
                    return charts.hall(hall);
                }

                @Override
                public List<Path> archive(HallDayReport hall, List<Chart> drawn, Operator checker, Operator reader) {
                    List<Path> written = new ArrayList<>(pdfs.archiveDay(hall, drawn, checker, archive));
                    written.add(pdfs.archiveServiceTimes(serviceTimes.day(reader, hall.businessDay()),
                            hall.businessDay(), checker, hall.signed(), archive));
                    return written;
                }
            };
        }
    }

    /** A day as the screen shows it: figures, charts, and after the sign-off what became of its PDFs. */
    private record Shown(HallDayReport hall, List<Chart> charts, Archived archived) {
    }

    /** What became of the signed day's PDFs: written (where), or not (why). */
    private record Archived(boolean written, String note) {
    }

    private Runnable upload = () -> {
        throw new io.counterdesk.shared.BusinessException("sync.notEnrolled");
    };

    public HallSignOffViewModel(TaskExecutor executor, DayReportService reports, HallSignOffService signOffs,
                                AuthService auth, Operator manager, Clock clock, DayPapers papers) {
        this.papers = Objects.requireNonNull(papers);
        this.executor = Objects.requireNonNull(executor);
        this.reports = Objects.requireNonNull(reports);
        this.signOffs = Objects.requireNonNull(signOffs);
        this.auth = Objects.requireNonNull(auth);
        this.manager = Objects.requireNonNull(manager);
        this.today = LocalDate.now(clock);
        this.zone = clock.getZone();
        this.clock = clock;
        day.set(today);
        heading.set(heading(today, null));
    }

    /** Opens on the day the manager most likely means (the oldest recent day not signed off, else today). */
    public void load() {
        read(() -> signOffs.dayToSignOff(manager, today));
    }

    /** PgUp: the day before the one shown. */
    public void previousDay() {
        moveTo(SignOffDays.previous(day.get()));
    }

    /** PgDn: the day after the one shown, never past today. */
    public void nextDay() {
        if (!SignOffDays.hasNext(day.get(), today)) {
            message(MessageKind.INFO, I18n.text("ui.signOff.noLaterDay"));
            return;
        }
        moveTo(SignOffDays.next(day.get(), today));
    }

    private void moveTo(LocalDate wanted) {
        if (signing) {
            return;
        }
        day.set(wanted);
        heading.set(heading(wanted, null));
        note.set("");
        todayConfirmed = false;
        credentials.takePassword();
        rows.clear();
        totals.clear();
        charts.clear();
        message(MessageKind.NONE, "");
        read(() -> wanted);
    }

    /** Reads the figures and charts of the day {@code which} names; only the latest read is shown. */
    private void read(Callable<LocalDate> which) {
        long read = ++reads;
        busy.set(true);
        BackgroundTask.of(() -> {
                    HallDayReport hall = reports.hallDay(manager, which.call());
                    closing = signOffs.closingTime();
                    return new Shown(hall, papers.charts(hall), null);
                })
                .onSuccess(shown -> {
                    if (read != reads) {
                        return;
                    }
                    busy.set(false);
                    show(shown.hall());
                    charts.setAll(shown.charts());
                })
                .onFailure(error -> {
                    if (read == reads) {
                        failed(error);
                    }
                })
                .executeWith(executor);
    }

    /** Enter in the password: checks the checker's credentials and signs the day off. */
    public void signOff() {
        if (busy.get() || signed.get()) {
            return;
        }
        if (credentials.staffNoMissing() || credentials.passwordMissing()) {
            message(MessageKind.ERROR, I18n.text("ui.signOff.credentialsRequired"));
            return;
        }
        if (day.get().equals(LocalDate.now(clock)) && !todayConfirmed && !anyTillOpen()) {
            askBeforeSigningToday();
            return;
        }
        String staffNo = credentials.staffNo();
        char[] password = credentials.takePassword();
        String why = note.get();
        LocalDate signed = day.get();
        busy.set(true);
        signing = true;
        BackgroundTask.of(() -> {
                    OperatorConfirmation checker = auth.confirmOperator(staffNo, password);
                    HallDayReport hall = signOffs.signOff(checker, signed, why);
                    List<Chart> drawn = papers.charts(hall);
                    return new Shown(hall, drawn, archive(hall, drawn, checker.operator()));
                })
                .onSuccess(shown -> {
                    busy.set(false);
                    signing = false;
                    show(shown.hall());
                    charts.setAll(shown.charts());
                    String done = I18n.text("ui.signOff.done", signed.toString(), shown.hall().signedBy());
                    message(shown.archived().written() ? MessageKind.INFO : MessageKind.ERROR,
                            done + "；" + shown.archived().note());
                })
                .onFailure(this::failed)
                .executeWith(executor);
    }

    /**
     * Today is not over: signed off, no cashier can open a till or take money for the rest of it.
     * Before the hall's closing time the note must say why; then the consequence, naming who has
     * worked today, and a second Enter.
     */
    private void askBeforeSigningToday() {
        java.time.LocalDateTime now = java.time.LocalDateTime.now(clock).withSecond(0).withNano(0);
        if (HallSignOffService.needsReason(day.get(), now, closing, note.get())) {
            message(MessageKind.ERROR, I18n.text("ui.signOff.reasonBeforeClosing", now.toLocalTime().toString(),
                    closing.toString()));
            return;
        }
        String cashiers = rows.stream().map(Row::cashier).collect(Collectors.joining("、"));
        todayConfirmed = true;
        message(MessageKind.ERROR, I18n.text("ui.signOff.confirmToday", day.get().toString(),
                cashiers.isEmpty() ? I18n.text("ui.signOff.nobody") : cashiers));
    }

    /** A till of the shown day is still open: its sign-off is refused anyway, naming the cashiers. */
    private boolean anyTillOpen() {
        return rows.stream().anyMatch(r -> r.status().equals(I18n.text("report.status.OPEN")));
    }

    private void show(HallDayReport hall) {
        day.set(hall.businessDay());
        heading.set(heading(hall.businessDay(), hall.signed()));
        rows.setAll(hall.cashiers().stream().map(HallSignOffViewModel::row).toList());
        List<String> lines = new ArrayList<>();
        for (TenderTotal t : hall.byTender()) {
            lines.add(I18n.text("report.tender." + t.tender()) + " ×" + t.count() + "  " + t.amount().format());
        }
        lines.add(I18n.text("ui.signOff.deposits", hall.deposits().format()));
        lines.add(I18n.text("ui.signOff.topUps", hall.topUps().count(), hall.topUps().volumeM3(), hall.topUps().money().format()));
        lines.add(I18n.text("ui.signOff.vouchers", hall.vouchers().count(), hall.vouchers().volumeM3(),
                hall.vouchers().faceValueCash().format()));
        lines.add(I18n.text("ui.signOff.overShort", hall.totalOverShort().format()));
        totals.setAll(lines);
        signed.set(hall.signed());
        if (hall.signed()) {
            message(MessageKind.INFO, I18n.text("ui.signOff.locked", hall.signedBy(),
                    UiFormat.dateTime(hall.signedAt(), zone)));
        } else if (anyTillOpen()) {
            message(MessageKind.ERROR, I18n.text("ui.signOff.openTills", rows.stream()
                    .filter(r -> r.status().equals(I18n.text("report.status.OPEN"))).map(Row::cashier)
                    .collect(Collectors.joining("、"))));
        } else if (hall.cashiers().isEmpty()) {
            message(MessageKind.INFO, I18n.text("ui.signOff.empty"));
        } else {
            message(MessageKind.NONE, "");
        }
    }

    /** "营业厅签核 · 2026-12-01（昨日，尚未签核）"; without the state while it is being read. */
    private String heading(LocalDate shown, Boolean signedOff) {
        long before = SignOffDays.daysBefore(shown, today);
        String when = before == 0 ? I18n.text("ui.signOff.today")
                : before == 1 ? I18n.text("ui.signOff.yesterday")
                : I18n.text("ui.signOff.daysAgo", String.valueOf(before));
        if (signedOff == null) {
            return I18n.text("ui.signOff.heading", shown.toString(), when);
        }
        return I18n.text("ui.signOff.headingState", shown.toString(), when,
                I18n.text(signedOff ? "ui.signOff.stateSigned" : "ui.signOff.stateUnsigned"));
    }

    static Row row(CashierDayReport r) {
        Money overShort = r.overShort().stream().map(OverShortLine::difference).reduce(Money.ZERO, Money::plus);
        boolean differs = r.overShort().stream().anyMatch(l -> !l.difference().isZero());
        String detail = r.overShort().stream().filter(l -> !l.difference().isZero())
                .map(l -> I18n.text("report.tender." + l.tender()) + " " + l.difference().format())
                .collect(Collectors.joining("，"));
        return new Row(r.header().cashierStaffNo() + " " + r.header().cashierName(),
                I18n.text("report.status." + r.header().status().name()), r.cash().expected().format(),
                r.cash().counted() == null ? "—" : r.cash().counted().format(),
                r.overShort().isEmpty() ? "—" : overShort.format() + (detail.isEmpty() ? "" : "（" + detail + "）"),
                r.cash().deposits().format(), r.explanation(),
                differs || r.header().status() == ReportStatus.OPEN);
    }

    /**
     * The signed day's PDFs. The sign-off is committed before them: a PDF that cannot be written (no
     * font, disk full) does not undo it, the manager is told, and {@code day-report} writes them later.
     */
    private Archived archive(HallDayReport hall, List<Chart> drawn, Operator checker) {
        try {
            List<Path> written = papers.archive(hall, drawn, checker, manager);
            Path folder = written.isEmpty() ? null : written.get(0).getParent();
            return new Archived(true, I18n.text("ui.signOff.archived", written.size(), String.valueOf(folder)));
        } catch (RuntimeException e) {
            return new Archived(false, I18n.text("ui.signOff.archiveFailed", UiErrors.text(e)));
        }
    }

    /** The hall's day in charts (per hour, by business, by tender), drawn by the view. */
    public ObservableList<Chart> charts() {
        return chartsReadOnly;
    }

    private void failed(Throwable error) {
        busy.set(false);
        signing = false;
        message(MessageKind.ERROR, UiErrors.text(error));
    }

    /** What the send-now key (F7) starts: the terminal's upload to head office, given by the program. */
    public void sendNowWith(Runnable upload) {
        this.upload = Objects.requireNonNull(upload);
    }

    /** F7: sends the closed days to head office now, in the background (the status bar shows the upload). */
    public void sendNow() {
        try {
            upload.run();
            message(MessageKind.INFO, I18n.text("ui.signOff.sendingNow"));
        } catch (RuntimeException e) {
            message(MessageKind.ERROR, UiErrors.text(e));
        }
    }

    private void message(MessageKind kind, String text) {
        message.set(text);
        messageKind.set(kind);
    }

    public ObservableList<Row> rows() {
        return rowsReadOnly;
    }

    public ObservableList<String> totals() {
        return totalsReadOnly;
    }

    public CredentialEntry credentials() {
        return credentials;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyBooleanProperty signedProperty() {
        return signed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The day shown, whose figures the screen holds and which Enter signs off. */
    public ReadOnlyObjectProperty<LocalDate> dayProperty() {
        return day.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return messageKind.getReadOnlyProperty();
    }
}
