package io.counterdesk.till.ui;

import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.ChineseAmount;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import io.counterdesk.till.TillService;
import io.counterdesk.till.TillSession;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Opening the till: the cashier types the float (备用金) counted into the drawer and presses
 * Enter. A cashier who already has an open session on this terminal skips the step; an operator
 * whose role has no till (administrator) never sees it.
 */
public final class OpenTillViewModel {

    /** Where the step is. */
    public enum State {
        /** Asking the database whether a session is already open. */
        CHECKING,
        /** Waiting for the float. */
        ENTERING,
        /** Saving the new session. */
        OPENING,
        /** The session is open (or was already). */
        DONE
    }

    /** What happens next; called on the UI thread. */
    public interface Listener {
        /** A session is open: just now, or {@code alreadyOpen} from earlier today. */
        void tillReady(TillSession session, boolean alreadyOpen);

        /** The cashier went on without a till (Esc), or the role needs none: look-up only. */
        void withoutTill();
    }

    private final TaskExecutor executor;
    private final TillService tills;
    private final Operator operator;
    private final Listener listener;
    private final StringProperty floatText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper amount = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper amountInWords = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(MessageKind.NONE);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.CHECKING);

    public OpenTillViewModel(TaskExecutor executor, TillService tills, Operator operator, Listener listener) {
        this.executor = Objects.requireNonNull(executor);
        this.tills = Objects.requireNonNull(tills);
        this.operator = Objects.requireNonNull(operator);
        this.listener = Objects.requireNonNull(listener);
        floatText.addListener((obs, was, now) -> revalidate());
    }

    /**
     * First step after log-in: find an open session, or ask for the float. A hall manager (who may
     * approve) is not asked: they take money only now and then, and open a till with F10 when they do;
     * a till of theirs already open goes on.
     */
    public void startAtLogIn() {
        start(!operator.may(Permission.APPROVE));
    }

    /** F10: find an open session, or ask for the float. */
    public void start() {
        start(true);
    }

    private void start(boolean ask) {
        if (!operator.may(Permission.OPEN_TILL)) {
            state.set(State.DONE);
            listener.withoutTill();
            return;
        }
        state.set(State.CHECKING);
        show(MessageKind.INFO, I18n.text("ui.till.checking"));
        BackgroundTask.of(() -> tills.current(operator))
                .onSuccess(open -> {
                    if (open.isEmpty() && !ask) {
                        state.set(State.DONE);
                        show(MessageKind.NONE, "");
                        listener.withoutTill();
                    } else {
                        checked(open);
                    }
                })
                .onFailure(error -> {
                    state.set(State.ENTERING);
                    show(MessageKind.ERROR, UiErrors.text(error));
                })
                .executeWith(executor);
    }

    private void checked(Optional<TillSession> open) {
        if (open.isPresent()) {
            state.set(State.DONE);
            show(MessageKind.NONE, "");
            listener.tillReady(open.get(), true);
        } else {
            state.set(State.ENTERING);
            show(MessageKind.NONE, "");
        }
    }

    /** Enter: opens the session with the float typed, once it is a valid amount. */
    public void confirm() {
        if (state.get() != State.ENTERING) {
            return;
        }
        Money openingFloat;
        try {
            openingFloat = parse(floatText.get());
        } catch (BusinessException refusal) {
            show(MessageKind.ERROR, refusal.getMessage());
            return;
        }
        state.set(State.OPENING);
        show(MessageKind.INFO, I18n.text("ui.till.opening"));
        BackgroundTask.of(() -> tills.open(operator, openingFloat))
                .onSuccess(session -> {
                    state.set(State.DONE);
                    show(MessageKind.NONE, "");
                    listener.tillReady(session, false);
                })
                .onFailure(error -> {
                    state.set(State.ENTERING);
                    show(MessageKind.ERROR, UiErrors.text(error));
                })
                .executeWith(executor);
    }

    /** Esc: go on without a till (look-up only); F10 comes back here. */
    public void skip() {
        if (state.get() == State.OPENING) {
            return;
        }
        state.set(State.DONE);
        listener.withoutTill();
    }

    private void revalidate() {
        try {
            Money value = parse(floatText.get());
            amount.set(value.format());
            amountInWords.set(ChineseAmount.of(value));
            valid.set(true);
            if (messageKind.get() == MessageKind.ERROR) {
                show(MessageKind.NONE, "");
            }
        } catch (BusinessException notYet) {
            amount.set("");
            amountInWords.set("");
            valid.set(false);
        }
    }

    /** The float typed, checked as the service will check it, so the cashier learns before Enter. */
    static Money parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BusinessException("ui.till.floatRequired");
        }
        Money value = Money.parse(text);
        if (value.isNegative()) {
            throw new BusinessException("till.float.negative");
        }
        if (value.compareTo(TillService.MAX_FLOAT) > 0) {
            throw new BusinessException("till.float.tooLarge", TillService.MAX_FLOAT.format());
        }
        return value;
    }

    private void show(MessageKind kind, String text) {
        message.set(text);
        messageKind.set(kind);
    }

    /** "1001 王伟". */
    public String operatorLabel() {
        return operator.label();
    }

    public StringProperty floatTextProperty() {
        return floatText;
    }

    /** The float as it will be recorded ("¥500.00"), empty while the text is not an amount. */
    public ReadOnlyStringProperty amountProperty() {
        return amount.getReadOnlyProperty();
    }

    /** The float in Chinese capitals (伍佰元整), as the cashier reads it back. */
    public ReadOnlyStringProperty amountInWordsProperty() {
        return amountInWords.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return messageKind.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }
}
