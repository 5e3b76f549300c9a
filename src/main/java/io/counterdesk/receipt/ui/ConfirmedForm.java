package io.counterdesk.receipt.ui;

import io.counterdesk.ui.FormStatus;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The steps the handover and void forms share: the form is typed, a second operator's credentials
 * are checked, a summary waits for Enter, the change is saved. A refusal at any step returns to
 * the form with the message and the field it is about, and nothing saved.
 *
 * @param <F> the form's fields
 */
public final class ConfirmedForm<F extends Enum<F>> {

    /** Where the form is. */
    public enum Step {
        /** Being typed. */
        ENTERING,
        /** The second operator's credentials (and what they are for) are being checked. */
        CHECKING,
        /** Checked: the summary waits for Enter. */
        CONFIRMING,
        /** Being saved. */
        SAVING,
        /** Saved. */
        DONE
    }

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.ENTERING);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final FormStatus status = new FormStatus();
    private F errorField;

    ConfirmedForm(F firstField) {
        this.errorField = firstField;
    }

    boolean is(Step wanted) {
        return step.get() == wanted;
    }

    /** A refusal found while typing (the step stays). */
    void fail(F field, String text) {
        errorField = field;
        status.error(text);
    }

    /** Checking or saving has started in the background. */
    void working(Step next, String text) {
        step.set(next);
        status.setBusy(true);
        status.info(text);
    }

    /** Checked: {@code text} says what Enter will save. */
    void confirming(String text) {
        status.setBusy(false);
        summary.set(text);
        status.clear();
        step.set(Step.CONFIRMING);
    }

    void done() {
        status.setBusy(false);
        status.clear();
        step.set(Step.DONE);
    }

    /** Checking or saving was refused: back to the form, the summary gone. */
    void refused(F field, String text) {
        status.setBusy(false);
        summary.set("");
        step.set(Step.ENTERING);
        fail(field, text);
    }

    /** The field the last error is about. */
    public F errorField() {
        return errorField;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** What Enter will save, once checked. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public FormStatus status() {
        return status;
    }
}
