package io.counterdesk.account.ui;

import io.counterdesk.account.AccountService;
import io.counterdesk.account.AccountSummary;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.Cancellable;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Finding the customer as the cashier types: account number, phone, ID number, IC card serial,
 * meter number, or any part of the name or address. Each change waits a moment (debounce) so a
 * fast typist does not start a search per key, runs in the background, and a result that arrives
 * after the query has changed again is thrown away.
 *
 * <p>Enter in the search field: one result opens at once; several move the cashier into the
 * result list (first row selected, Enter opens); a search still running is finished first.
 */
public final class AccountSearchViewModel {

    public static final Duration DEBOUNCE = Duration.ofMillis(150);

    /** What the result area shows. */
    public enum State {
        /** Nothing typed. */
        EMPTY,
        /** A search for the current query is waiting or running. */
        SEARCHING,
        FOUND,
        NOTHING_FOUND,
        FAILED
    }

    private final TaskExecutor executor;
    private final AccountService accounts;
    private final Operator operator;
    private final Duration debounce;
    private final LongConsumer onOpen;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<AccountRow> results = FXCollections.observableArrayList();
    private final ObservableList<AccountRow> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private final ObjectProperty<AccountRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.EMPTY);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private Runnable onFocusResults = () -> { };
    private long generation;
    private Cancellable pendingDelay = Cancellable.NONE;
    private Cancellable pendingSearch = Cancellable.NONE;
    private Runnable startNow;
    private boolean submitWhenDone;

    /**
     * @param onOpen called with the account's id when the cashier opens a result
     */
    public AccountSearchViewModel(TaskExecutor executor, AccountService accounts, Operator operator, Duration debounce,
                                  LongConsumer onOpen) {
        this.executor = Objects.requireNonNull(executor);
        this.accounts = Objects.requireNonNull(accounts);
        this.operator = Objects.requireNonNull(operator);
        this.debounce = Objects.requireNonNull(debounce);
        this.onOpen = Objects.requireNonNull(onOpen);
        query.addListener((obs, was, now) -> queryChanged());
    }

    private void queryChanged() {
        generation++;
        pendingDelay.cancel();
        pendingSearch.cancel();
        startNow = null;
        submitWhenDone = false;
        String q = query.get() == null ? "" : query.get().strip();
        if (q.isEmpty()) {
            results.clear();
            selected.set(null);
            state.set(State.EMPTY);
            status.set("");
            return;
        }
        state.set(State.SEARCHING);
        status.set(I18n.text("ui.search.searching"));
        long ticket = generation;
        Runnable search = () -> runSearch(ticket, q);
        startNow = search;
        pendingDelay = executor.schedule(debounce, search);
    }

    private void runSearch(long ticket, String q) {
        if (ticket != generation) {
            return;
        }
        startNow = null;
        pendingSearch = BackgroundTask.of(() -> accounts.searchPage(operator, q, AccountService.DEFAULT_LIMIT))
                .onSuccess(found -> delivered(ticket, q, found))
                .onFailure(error -> failed(ticket, error))
                .executeWith(executor);
    }

    private void delivered(long ticket, String q, AccountService.SearchResult result) {
        if (ticket != generation) {
            return;
        }
        List<AccountSummary> found = result.accounts();
        results.setAll(found.stream().map(AccountRow::of).toList());
        selected.set(results.isEmpty() ? null : results.get(0));
        if (found.isEmpty()) {
            state.set(State.NOTHING_FOUND);
            // capped (ADR 0027): not "nothing found", which would be a claim the search did not check
            status.set(result.capped() ? I18n.text("ui.search.tooManyNone", q) : I18n.text("ui.search.nothingFound", q));
        } else {
            state.set(State.FOUND);
            status.set(result.capped() ? I18n.text("ui.search.tooMany", found.size())
                    : found.size() >= AccountService.DEFAULT_LIMIT
                    ? I18n.text("ui.search.foundMany", found.size())
                    : I18n.text("ui.search.found", found.size()));
        }
        if (submitWhenDone) {
            submitWhenDone = false;
            submit();
        }
    }

    private void failed(long ticket, Throwable error) {
        if (ticket != generation) {
            return;
        }
        submitWhenDone = false;
        results.clear();
        selected.set(null);
        state.set(State.FAILED);
        status.set(UiErrors.text(error));
    }

    /** Enter in the search field. */
    public void submit() {
        switch (state.get()) {
            case EMPTY, NOTHING_FOUND, FAILED -> {
                // nothing to open; the status line already says why
            }
            case SEARCHING -> {
                submitWhenDone = true;
                if (startNow != null) {
                    pendingDelay.cancel();
                    Runnable search = startNow;
                    search.run();
                }
            }
            case FOUND -> {
                if (results.size() == 1) {
                    open(results.get(0));
                } else {
                    onFocusResults.run();
                }
            }
            default -> throw new IllegalStateException(state.get().name());
        }
    }

    /** Enter in the result list. */
    public void openSelected() {
        AccountRow row = selected.get();
        if (row != null) {
            open(row);
        }
    }

    public void open(AccountRow row) {
        onOpen.accept(row.id());
    }

    /** Esc with text in the field: start again. Returns false when there was nothing to clear. */
    public boolean clear() {
        if (query.get() == null || query.get().isEmpty()) {
            return false;
        }
        query.set("");
        return true;
    }

    /** The view moves the focus into the result list when Enter finds several accounts. */
    public void setOnFocusResults(Runnable action) {
        this.onFocusResults = Objects.requireNonNull(action);
    }

    /** Stops pending work (the screen is closed). */
    public void dispose() {
        generation++;
        pendingDelay.cancel();
        pendingSearch.cancel();
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<AccountRow> results() {
        return readOnlyResults;
    }

    /** The highlighted result; the view keeps it in step with the table's selection. */
    public ObjectProperty<AccountRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "找到 3 户", "没有找到 …", or the error. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
