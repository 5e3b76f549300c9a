package io.counterdesk.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/** The message line under a form: bound to a view model's text and kind, styled by the kind. */
public final class FormMessage {

    private FormMessage() {
    }

    /** The message line of a form whose state is a {@link FormStatus}. */
    public static Label create(String id, FormStatus status) {
        return create(id, status.messageProperty(), status.kindProperty());
    }

    public static Label create(String id, ObservableValue<String> text, ObservableValue<MessageKind> kind) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("form-message");
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.textProperty().bind(text);
        label.managedProperty().bind(label.visibleProperty());
        Runnable update = () -> {
            MessageKind k = kind.getValue();
            label.getStyleClass().removeIf(c -> c.startsWith("message-"));
            label.getStyleClass().add(k.styleClass());
            label.setVisible(k != MessageKind.NONE);
        };
        kind.addListener((obs, was, now) -> update.run());
        update.run();
        return label;
    }
}
