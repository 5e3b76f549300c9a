package io.counterdesk.report.ui;

import io.counterdesk.report.CashierDayReport;
import io.counterdesk.report.DayReportService;
import io.counterdesk.report.HallDayReport;
import io.counterdesk.report.HallSignOffService;
import io.counterdesk.report.OverShortLine;
import io.counterdesk.report.ReportStatus;
import io.counterdesk.report.TenderTotal;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.ui.CredentialEntry;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * password, after which the day is locked.
 */
public final class HallSignOffViewModel {

    /** One cashier's report as a row; {@code attention} when open or over/short. */
    public record Row(String cashier, String status, String expected, String counted, String overShort,
                      String deposits, String explanation, boolean attention) {
    }

    private final TaskExecutor executor;
    private final DayReportService reports;
    private final HallSignOffService signOffs;
    private final AuthService auth;
    private final Operator manager;
    private final LocalDate day;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> totals = FXCollections.observableArrayList();
    private final CredentialEntry credentials = new CredentialEntry();
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper signed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(MessageKind.NONE);

    public HallSignOffViewModel(TaskExecutor executor, DayReportService reports, HallSignOffService signOffs,
                                AuthService auth, Operator manager, LocalDate day) {
        this.executor = Objects.requireNonNull(executor);
        this.reports = Objects.requireNonNull(reports);
        this.signOffs = Objects.requireNonNull(signOffs);
        this.auth = Objects.requireNonNull(auth);
        this.manager = Objects.requireNonNull(manager);
        this.day = Objects.requireNonNull(day);
        heading.set(I18n.text("ui.signOff.heading", day.toString()));
    }

    /** Reads the day's reports. */
    public void load() {
        busy.set(true);
        BackgroundTask.of(() -> reports.hallDay(manager, day))
                .onSuccess(hall -> {
                    busy.set(false);
                    show(hall);
                })
                .onFailure(this::failed)
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
        String staffNo = credentials.staffNo();
        char[] password = credentials.takePassword();
        String why = note.get();
        busy.set(true);
        BackgroundTask.of(() -> signOffs.signOff(auth.confirmOperator(staffNo, password), day, why))
                .onSuccess(hall -> {
                    busy.set(false);
                    show(hall);
                    message(MessageKind.INFO, I18n.text("ui.signOff.done", day.toString(), hall.signedBy()));
                })
                .onFailure(this::failed)
                .executeWith(executor);
    }

    private void show(HallDayReport hall) {
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
            message(MessageKind.INFO, I18n.text("ui.signOff.locked", hall.signedBy()));
        } else if (rows.stream().anyMatch(r -> r.status().equals(I18n.text("report.status.OPEN")))) {
            message(MessageKind.ERROR, I18n.text("ui.signOff.openTills"));
        } else if (hall.cashiers().isEmpty()) {
            message(MessageKind.INFO, I18n.text("ui.signOff.empty"));
        } else {
            message(MessageKind.NONE, "");
        }
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

    private void failed(Throwable error) {
        busy.set(false);
        message(MessageKind.ERROR, UiErrors.text(error));
    }

    private void message(MessageKind kind, String text) {
        message.set(text);
        messageKind.set(kind);
    }

    public ObservableList<Row> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ObservableList<String> totals() {
        return FXCollections.unmodifiableObservableList(totals);
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
