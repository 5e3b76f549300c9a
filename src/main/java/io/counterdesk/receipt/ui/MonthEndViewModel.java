package io.counterdesk.receipt.ui;

import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.Cancellable;
import io.counterdesk.ui.FormStatus;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The month-end listing of receipt stock (月末票据核对) for a hall manager: per cashier and kind,
 * the numbers used, voided (with reasons) and left. The month is typed (2025-03) or stepped with
 * ↑ ↓; it starts at the current month.
 */
public final class MonthEndViewModel {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*[-./年]?\\s*(\\d{1,2})\\s*月?");

    private final TaskExecutor executor;
    private final StockViewModel.Services services;
    private final Operator manager;
    private final StringProperty monthText = new SimpleStringProperty("");
    private final ObservableList<ListingRow> rows = FXCollections.observableArrayList();
    /** Held here: a list listener on a read-only view taken anew each call is lost when that view is collected. */
    private final ObservableList<ListingRow> rowsReadOnly = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<YearMonth> shownMonth = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");
    private final FormStatus status = new FormStatus();
    private Cancellable loading = Cancellable.NONE;

    MonthEndViewModel(TaskExecutor executor, StockViewModel.Services services, Operator manager) {
        this.executor = executor;
        this.services = services;
        this.manager = manager;
        monthText.set(YearMonth.now(services.clock()).toString());
    }

    /** Enter in the month field (and on opening): the listing of the month typed. */
    public void load() {
        Optional<YearMonth> month = parse(monthText.get());
        if (month.isEmpty()) {
            status.error(I18n.text("ui.monthEnd.monthInvalid", monthText.get() == null ? "" : monthText.get().strip()));
            return;
        }
        load(month.get());
    }

    /** ↑ (-1) or ↓ (+1) in the month field: the month before or after the one typed, listed at once. */
    public void step(int months) {
        YearMonth from = parse(monthText.get()).orElse(shownMonth.get() != null ? shownMonth.get()
                : YearMonth.now(services.clock()));
        YearMonth to = from.plusMonths(months);
        monthText.set(to.toString());
        load(to);
    }

    private void load(YearMonth month) {
        loading.cancel();
        monthText.set(month.toString());
        status.setBusy(true);
        status.info(I18n.text("ui.monthEnd.loading", month.toString()));
        loading = BackgroundTask.of(() -> services.stock().monthEnd(manager, month, services.clock().getZone()))
                .onSuccess(listing -> {
                    status.setBusy(false);
                    List<ListingRow> gathered = ListingRow.of(listing);
                    rows.setAll(gathered);
                    shownMonth.set(month);
                    totals.set(totalsText(month, gathered));
                    if (gathered.isEmpty()) {
                        status.info(I18n.text("ui.monthEnd.empty", month.toString()));
                    } else {
                        status.clear();
                    }
                })
                .onFailure(error -> {
                    status.setBusy(false);
                    rows.clear();
                    shownMonth.set(null);
                    totals.set("");
                    status.error(UiErrors.text(error));
                })
                .executeWith(executor);
    }

    private static String totalsText(YearMonth month, List<ListingRow> gathered) {
        long used = gathered.stream().mapToLong(ListingRow::usedCount).sum();
        long voided = gathered.stream().mapToLong(ListingRow::voidedCount).sum();
        long remaining = gathered.stream().mapToLong(ListingRow::remainingCount).sum();
        return I18n.text("ui.monthEnd.totals", month.toString(), String.valueOf(used),
                String.valueOf(voided), String.valueOf(remaining));
    }

    /** "2025-03", "2025-3", "202503", "2025年3月", full-width digits too. */
    static Optional<YearMonth> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = MONTH.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (DateTimeException | NumberFormatException notAMonth) {
            return Optional.empty();
        }
    }

    /** The details of a row, for the line under the table. */
    public String detail(ListingRow row) {
        if (row == null) {
            return "";
        }
        return I18n.text("ui.monthEnd.detail", row.holder(), row.kindText(), ListingRow.joined(row.used()),
                ListingRow.joined(row.voided()), ListingRow.joined(row.remaining()));
    }

    public void close() {
        loading.cancel();
    }

    public StringProperty monthTextProperty() {
        return monthText;
    }

    public ObservableList<ListingRow> rows() {
        return rowsReadOnly;
    }

    /** The month the table shows (null while none, or after a refusal). */
    public ReadOnlyObjectProperty<YearMonth> shownMonthProperty() {
        return shownMonth.getReadOnlyProperty();
    }

    /** "2025-03 合计：已用 4 张，作废 1 张，剩余 9995 张". */
    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    public FormStatus status() {
        return status;
    }
}
