package io.counterdesk.security.ui;

import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The password change an operator must make before working when an administrator set the
 * password (first log-in, reset). The rules themselves (length, letters and digits, not the same)
 * are the service's; this form only checks that the new password was typed the same twice.
 */
public final class ChangePasswordViewModel {

    private final TaskExecutor executor;
    private final AuthService auth;
    private final Operator operator;
    private final Consumer<Operator> onChanged;
    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty replacement = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(MessageKind.NONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /**
     * @param onChanged called with the operator as now stored once the password is changed: work
     *                  goes on with that one (the services refuse the old object, which still
     *                  says the password must be changed)
     */
    public ChangePasswordViewModel(TaskExecutor executor, AuthService auth, Operator operator,
                                   Consumer<Operator> onChanged) {
        this.executor = Objects.requireNonNull(executor);
        this.auth = Objects.requireNonNull(auth);
        this.operator = Objects.requireNonNull(operator);
        this.onChanged = Objects.requireNonNull(onChanged);
    }

    /** Enter in the last field. */
    public void change() {
        if (busy.get()) {
            return;
        }
        if (current.get().isEmpty()) {
            show(MessageKind.ERROR, I18n.text("ui.password.currentRequired"));
            return;
        }
        if (!replacement.get().equals(repeat.get())) {
            repeat.set("");
            show(MessageKind.ERROR, I18n.text("ui.password.mismatch"));
            return;
        }
        char[] before = current.get().toCharArray();
        char[] after = replacement.get().toCharArray();
        busy.set(true);
        show(MessageKind.INFO, I18n.text("ui.password.saving"));
        BackgroundTask.of(() -> auth.changePassword(operator, before, after)).onSuccess(updated -> {
            busy.set(false);
            clear();
            show(MessageKind.NONE, "");
            onChanged.accept(updated);
        }).onFailure(error -> {
            busy.set(false);
            show(MessageKind.ERROR, UiErrors.text(error));
        }).executeWith(executor);
    }

    private void clear() {
        current.set("");
        replacement.set("");
        repeat.set("");
    }

    private void show(MessageKind kind, String text) {
        message.set(text);
        messageKind.set(kind);
    }

    /** "1001 王伟". */
    public String operatorLabel() {
        return operator.label();
    }

    public StringProperty currentProperty() {
        return current;
    }

    public StringProperty replacementProperty() {
        return replacement;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return messageKind.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
