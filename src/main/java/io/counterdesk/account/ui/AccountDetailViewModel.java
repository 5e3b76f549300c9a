package io.counterdesk.account.ui;

import io.counterdesk.account.AccountService;
import io.counterdesk.account.AccountStatus;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.Cancellable;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One account opened from the search: loads its detail in the background and offers it as display text. */
public final class AccountDetailViewModel {

    /** Where loading is. */
    public enum State {
        LOADING,
        LOADED,
        FAILED
    }

    private final TaskExecutor executor;
    private final AccountService accounts;
    private final Operator operator;
    private final long accountId;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyObjectWrapper<AccountFacts> facts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Cancellable pending = Cancellable.NONE;

    public AccountDetailViewModel(TaskExecutor executor, AccountService accounts, Operator operator, long accountId) {
        this.executor = Objects.requireNonNull(executor);
        this.accounts = Objects.requireNonNull(accounts);
        this.operator = Objects.requireNonNull(operator);
        this.accountId = accountId;
    }

    public void load() {
        pending.cancel();
        state.set(State.LOADING);
        message.set(I18n.text("ui.detail.loading"));
        pending = BackgroundTask.of(() -> AccountFacts.of(accounts.detail(operator, accountId)))
                .onSuccess(loaded -> {
                    facts.set(loaded);
                    message.set("");
                    state.set(State.LOADED);
                })
                .onFailure(error -> {
                    message.set(UiErrors.text(error));
                    state.set(State.FAILED);
                })
                .executeWith(executor);
    }

    /** Loaded, and not a closed account: the payment screen can be opened (F5). */
    public boolean payable() {
        AccountFacts loaded = facts.get();
        return state.get() == State.LOADED && loaded != null && loaded.status() != AccountStatus.CLOSED;
    }

    /** Reads the account again (after a payment) without blanking the screen meanwhile. */
    public void reload() {
        if (state.get() != State.LOADED) {
            load();
            return;
        }
        pending.cancel();
        pending = BackgroundTask.of(() -> AccountFacts.of(accounts.detail(operator, accountId)))
                .onSuccess(facts::set)
                .onFailure(error -> System.getLogger(AccountDetailViewModel.class.getName())
                        .log(System.Logger.Level.WARNING, "reloading the account failed", error))
                .executeWith(executor);
    }

    public void dispose() {
        pending.cancel();
    }

    public long accountId() {
        return accountId;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The account as text; null until loaded. */
    public ReadOnlyObjectProperty<AccountFacts> factsProperty() {
        return facts.getReadOnlyProperty();
    }

    /** "Loading …" or the error. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
