package io.counterdesk.security.ui;

import io.counterdesk.shared.I18n;
import io.counterdesk.ui.FormMessage;
import io.counterdesk.ui.MessageKind;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The must-change-password dialog, shown as an overlay after log-in. Enter moves down the fields
 * and saves from the last; Esc (handled by the window) cancels and logs out.
 */
public final class ChangePasswordView {

    private final VBox panel = new VBox();
    private final PasswordField current = new PasswordField();

    public ChangePasswordView(ChangePasswordViewModel model) {
        panel.getStyleClass().addAll("overlay-panel", "password-dialog");
        panel.setId("change-password");
        panel.setMaxWidth(Region.USE_PREF_SIZE);
        panel.setMaxHeight(Region.USE_PREF_SIZE);

        Label title = new Label(I18n.text("ui.password.title"));
        title.getStyleClass().add("overlay-title");
        Label explanation = new Label(I18n.text("ui.password.explanation", model.operatorLabel()));
        explanation.setWrapText(true);
        explanation.getStyleClass().add("text-muted");

        PasswordField replacement = new PasswordField();
        PasswordField repeat = new PasswordField();
        current.setId("password-current");
        replacement.setId("password-new");
        repeat.setId("password-repeat");
        current.textProperty().bindBidirectional(model.currentProperty());
        replacement.textProperty().bindBidirectional(model.replacementProperty());
        repeat.textProperty().bindBidirectional(model.repeatProperty());
        current.setOnAction(e -> replacement.requestFocus());
        replacement.setOnAction(e -> repeat.requestFocus());
        repeat.setOnAction(e -> model.change());

        Label message = FormMessage.create("password-message", model.messageProperty(), model.messageKindProperty());
        model.messageKindProperty().addListener((obs, was, now) -> {
            if (now == MessageKind.ERROR) {
                (model.currentProperty().get().isEmpty() ? current
                        : model.repeatProperty().get().isEmpty() ? repeat : replacement).requestFocus();
            }
        });
        Label hint = new Label(I18n.text("ui.password.keyHint"));
        hint.getStyleClass().add("overlay-footer");

        panel.getChildren().addAll(title, explanation,
                label("ui.password.current", current), current,
                label("ui.password.new", replacement), replacement,
                label("ui.password.repeat", repeat), repeat,
                message, hint);
    }

    private static Label label(String key, Node field) {
        Label label = new Label(I18n.text(key));
        label.getStyleClass().add("field-label");
        label.setLabelFor(field);
        return label;
    }

    public Node node() {
        return panel;
    }

    public void focus() {
        current.requestFocus();
    }
}
