package io.counterdesk.security.ui;

import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.FormStatus;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A reason and a hall manager's approval for a refund or a reversal at the card counter
 * (DESIGN 2.5): the manager's own 工号 and password are checked in the background; the password is
 * taken out of the form when it is used.
 */
public final class ApprovalViewModel {

    /** The field an error is about. */
    public enum Field {
        REASON,
        STAFF_NO,
        PASSWORD
    }

    private final TaskExecutor executor;
    private final AuthService auth;
    private final Operator cashier;
    private final String what;
    private final Consumer<Approval> onApproved;
    private final StringProperty reason = new SimpleStringProperty("");
    private final CredentialEntry manager = new CredentialEntry();
    private final FormStatus status = new FormStatus();
    private final ReadOnlyObjectWrapper<Field> errorField = new ReadOnlyObjectWrapper<>();

    /**
     * @param what       what will be done, e.g. "冲正第 3 次购气 …"
     * @param onApproved runs on the UI thread with the reason and the manager's approval
     */
    public ApprovalViewModel(TaskExecutor executor, AuthService auth, Operator cashier, String what,
                             Consumer<Approval> onApproved) {
        this.executor = Objects.requireNonNull(executor);
        this.auth = Objects.requireNonNull(auth);
        this.cashier = Objects.requireNonNull(cashier);
        this.what = Objects.requireNonNull(what);
        this.onApproved = Objects.requireNonNull(onApproved);
    }

    /** Enter in the password: checks the form, then the manager. */
    public void approve() {
        if (status.isBusy()) {
            return;
        }
        String why = reason.get() == null ? "" : reason.get().strip();
        if (why.isEmpty()) {
            fail(Field.REASON, I18n.text("ui.topup.approval.reasonRequired"));
            return;
        }
        if (manager.staffNoMissing() || manager.passwordMissing()) {
            fail(manager.staffNoMissing() ? Field.STAFF_NO : Field.PASSWORD,
                    I18n.text("ui.topup.approval.managerRequired"));
            return;
        }
        String staffNo = manager.staffNo();
        char[] password = manager.takePassword();
        status.setBusy(true);
        status.info(I18n.text("ui.topup.approval.checking"));
        BackgroundTask.of(() -> auth.authoriseApprover(cashier, staffNo, password))
                .onSuccess(grant -> {
                    status.setBusy(false);
                    status.clear();
                    onApproved.accept(new Approval(why, grant));
                })
                .onFailure(error -> {
                    Arrays.fill(password, '\0');
                    status.setBusy(false);
                    fail(Field.PASSWORD, UiErrors.text(error));
                })
                .executeWith(executor);
    }

    private void fail(Field field, String text) {
        errorField.set(null);
        errorField.set(field);
        status.error(text);
    }

    public String what() {
        return what;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public CredentialEntry manager() {
        return manager;
    }

    public FormStatus status() {
        return status;
    }

    /** The field the last error is about (set anew on each error). */
    public ReadOnlyObjectProperty<Field> errorFieldProperty() {
        return errorField.getReadOnlyProperty();
    }
}
