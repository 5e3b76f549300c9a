package io.counterdesk.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The message line of a form and whether the form is waiting for the back end: what a view model
 * shows under its fields ({@link FormMessage} draws it). Every error is news, even the same one
 * twice in a row: the kind passes through {@link MessageKind#NONE}, so a view that moves the focus
 * to the field in error hears each one.
 */
public final class FormStatus {

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MessageKind> kind = new ReadOnlyObjectWrapper<>(MessageKind.NONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /** A neutral note ("checking …", "done"). */
    public void info(String text) {
        message.set(text);
        kind.set(MessageKind.INFO);
    }

    /** A refusal or fault the operator must read. */
    public void error(String text) {
        message.set(text);
        kind.set(MessageKind.NONE);
        kind.set(MessageKind.ERROR);
    }

    public void clear() {
        message.set("");
        kind.set(MessageKind.NONE);
    }

    public void setBusy(boolean value) {
        busy.set(value);
    }

    public boolean isBusy() {
        return busy.get();
    }

    public String message() {
        return message.get();
    }

    public MessageKind kind() {
        return kind.get();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> kindProperty() {
        return kind.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
