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
 * The log-in form. The window opens before the database does: the form can be filled at once,
 * and a log-in asked for while the database is still opening waits for it and then goes ahead.
 * If the database cannot be opened, the form says so and stays disabled.
 */
public final class LoginViewModel {

    /** Where the database is. */
    public enum Backend {
        OPENING,
        READY,
        FAILED
    }

    private final TaskExecutor executor;
    private final Consumer<Operator> onLoggedIn;
    private final StringProperty staffNo = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(MessageKind.NONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Backend> backend = new ReadOnlyObjectWrapper<>(Backend.OPENING);
    private final ReadOnlyStringWrapper place = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper backendProblem = new ReadOnlyStringWrapper("");
    private AuthService auth;
    private boolean loginWaiting;

    /**
     * @param onLoggedIn called on the UI thread with the operator once the credentials are accepted
     */
    public LoginViewModel(TaskExecutor executor, Consumer<Operator> onLoggedIn) {
        this.executor = Objects.requireNonNull(executor);
        this.onLoggedIn = Objects.requireNonNull(onLoggedIn);
    }

    /** The database is open; a log-in that was waiting for it goes ahead now. */
    public void backendReady(AuthService authService, String placeText) {
        this.auth = Objects.requireNonNull(authService);
        place.set(placeText == null ? "" : placeText);
        backend.set(Backend.READY);
        if (loginWaiting) {
            loginWaiting = false;
            busy.set(false);
            login();
        }
    }

    /** The database could not be opened: no one can log in; the form says why. */
    public void backendFailed(Throwable error) {
        loginWaiting = false;
        busy.set(false);
        backend.set(Backend.FAILED);
        backendProblem.set(UiErrors.describe(error));
        show(MessageKind.ERROR, I18n.text("ui.login.databaseFailed"));
    }

    /** Enter in the password field, or the button. */
    public void login() {
        if (busy.get()) {
            return;
        }
        if (backend.get() == Backend.FAILED) {
            show(MessageKind.ERROR, I18n.text("ui.login.databaseFailed"));
            return;
        }
        String no = staffNo.get() == null ? "" : staffNo.get().strip();
        String secret = password.get() == null ? "" : password.get();
        if (no.isEmpty()) {
            show(MessageKind.ERROR, I18n.text("ui.login.staffNoRequired"));
            return;
        }
        if (secret.isEmpty()) {
            show(MessageKind.ERROR, I18n.text("ui.login.passwordRequired"));
            return;
        }
        busy.set(true);
        if (backend.get() == Backend.OPENING) {
            loginWaiting = true;
            show(MessageKind.INFO, I18n.text("ui.login.waitingForDatabase"));
            return;
        }
        char[] characters = secret.toCharArray();
        password.set("");
        show(MessageKind.INFO, I18n.text("ui.login.checking"));
        AuthService service = auth;
        BackgroundTask.of(() -> service.login(no, characters))
                .onSuccess(operator -> {
                    busy.set(false);
                    show(MessageKind.NONE, "");
                    onLoggedIn.accept(operator);
                })
                .onFailure(error -> {
                    busy.set(false);
                    show(MessageKind.ERROR, UiErrors.text(error));
                })
                .executeWith(executor);
    }

    /** Esc: forget the password typed so far (and a waiting log-in). */
    public void clearPassword() {
        password.set("");
        if (loginWaiting) {
            loginWaiting = false;
            busy.set(false);
        }
        show(MessageKind.NONE, "");
    }

    /** After a log-out: the form again, with the last staff number filled in for a quick return. */
    public void reset(String lastStaffNo) {
        staffNo.set(lastStaffNo == null ? "" : lastStaffNo);
        password.set("");
        loginWaiting = false;
        busy.set(false);
        show(MessageKind.NONE, "");
    }

    private void show(MessageKind kind, String text) {
        message.set(text);
        messageKind.set(kind);
    }

    public StringProperty staffNoProperty() {
        return staffNo;
    }

    public StringProperty passwordProperty() {
        return password;
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

    public ReadOnlyObjectProperty<Backend> backendProperty() {
        return backend.getReadOnlyProperty();
    }

    /** Hall and terminal, known once the database is open. */
    public ReadOnlyStringProperty placeProperty() {
        return place.getReadOnlyProperty();
    }

    /** The technical reason the database could not be opened, for the support person. */
    public ReadOnlyStringProperty backendProblemProperty() {
        return backendProblem.getReadOnlyProperty();
    }
}
