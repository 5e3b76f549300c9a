package io.counterdesk.account.ui;

import io.counterdesk.account.status.AccountStatusService;
import io.counterdesk.account.SuspensionCandidate;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.Cancellable;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import io.counterdesk.ui.UiFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The hall's non-residential accounts due for suspension today (Ctrl+U), read in the background. */
public final class SuspensionListViewModel {

    /** One candidate as text. */
    public record Row(long accountId, String accountNo, String holderName, String address, String oldestDue,
                      String daysOverdue, String principal, String lateFees, String total) {

        static Row of(SuspensionCandidate c) {
            return new Row(c.accountId(), c.accountNo(), c.holderName(), c.address(), UiFormat.date(c.oldestDue()),
                    I18n.text("ui.suspension.days", c.daysOverdue()), c.principal().format(), c.lateFees().format(),
                    c.total().format());
        }
    }

    private final TaskExecutor executor;
    private final AccountStatusService service;
    private final Operator operator;
    private final LongConsumer openAccount;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    /** Held here: a list listener on a read-only view taken anew each call is lost when that view is collected. */
    private final ObservableList<Row> rowsReadOnly = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private Cancellable pending = Cancellable.NONE;

    public SuspensionListViewModel(TaskExecutor executor, AccountStatusService service, Operator operator,
                                   LongConsumer openAccount) {
        this.executor = Objects.requireNonNull(executor);
        this.service = Objects.requireNonNull(service);
        this.operator = Objects.requireNonNull(operator);
        this.openAccount = Objects.requireNonNull(openAccount);
    }

    /** Reads the list (on opening, and again when the screen shows after a suspension). */
    public void load() {
        pending.cancel();
        status.set(I18n.text("ui.suspension.loading"));
        pending = BackgroundTask.of(() -> service.candidates(operator))
                .onSuccess(this::show)
                .onFailure(error -> status.set(UiErrors.text(error)))
                .executeWith(executor);
    }

    private void show(List<SuspensionCandidate> candidates) {
        rows.setAll(candidates.stream().map(Row::of).toList());
        status.set(candidates.isEmpty() ? I18n.text("ui.suspension.none")
                : I18n.text("ui.suspension.count", candidates.size()));
    }

    /** Enter on a row: the account's detail, where F6 suspends it. */
    public void open(Row row) {
        if (row != null) {
            openAccount.accept(row.accountId());
        }
    }

    public ObservableList<Row> rows() {
        return rowsReadOnly;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void dispose() {
        pending.cancel();
    }
}
