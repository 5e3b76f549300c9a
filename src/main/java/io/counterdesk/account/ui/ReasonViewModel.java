package io.counterdesk.account.ui;

import io.counterdesk.shared.I18n;
import io.counterdesk.ui.FormStatus;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A reason typed for a status change the cashier makes alone (停气, 销户 without money back). */
public final class ReasonViewModel {

    private final String what;
    private final Consumer<String> onConfirmed;
    private final StringProperty reason = new SimpleStringProperty("");
    private final FormStatus status = new FormStatus();

    /**
     * @param what        what will be done, shown above the field
     * @param onConfirmed runs with the reason (stripped) once one is typed
     */
    public ReasonViewModel(String what, String initialReason, Consumer<String> onConfirmed) {
        this.what = Objects.requireNonNull(what);
        this.onConfirmed = Objects.requireNonNull(onConfirmed);
        reason.set(initialReason == null ? "" : initialReason);
    }

    /** Enter: refuses an empty reason, else hands it on. */
    public void confirm() {
        String typed = reason.get() == null ? "" : reason.get().strip();
        if (typed.isEmpty()) {
            status.error(I18n.text("accountStatus.reasonRequired"));
            return;
        }
        status.clear();
        onConfirmed.accept(typed);
    }

    public String what() {
        return what;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public FormStatus status() {
        return status;
    }
}
