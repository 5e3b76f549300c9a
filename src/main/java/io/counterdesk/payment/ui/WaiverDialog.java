package io.counterdesk.payment.ui;

import io.counterdesk.shared.I18n;
import io.counterdesk.ui.FormMessage;
import io.counterdesk.ui.MessageKind;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * F7: the hall manager waives or reduces a bill's late fee at the counter. The fee to charge and the
 * reason first, then the manager's own 工号 and password; Enter moves down and approves from the
 * password. F8 takes a waiver given before off the bill; Esc closes without a change.
 */
final class WaiverDialog {

    private final VBox panel = new VBox();
    private final TextField fee = new TextField();

    WaiverDialog(WaiverViewModel model, Runnable onRemove) {
        panel.setId("pay-waiver");
        panel.getStyleClass().addAll("overlay-panel", "password-dialog");
        panel.setMaxWidth(Region.USE_PREF_SIZE);
        panel.setMaxHeight(Region.USE_PREF_SIZE);

        Label title = new Label(I18n.text("ui.waiver.title"));
        title.getStyleClass().add("overlay-title");
        Label bill = new Label(model.billText());
        bill.setId("waiver-bill");
        bill.getStyleClass().add("waiver-bill");
        Label explanation = new Label(I18n.text("ui.waiver.explanation"));
        explanation.getStyleClass().add("text-muted");
        explanation.setWrapText(true);

        TextField reason = new TextField();
        TextField staffNo = new TextField();
        PasswordField password = new PasswordField();
        fee.setId("waiver-fee");
        reason.setId("waiver-reason");
        staffNo.setId("waiver-staff-no");
        password.setId("waiver-password");
        fee.textProperty().bindBidirectional(model.reducedFeeProperty());
        reason.textProperty().bindBidirectional(model.reasonProperty());
        staffNo.textProperty().bindBidirectional(model.managerStaffNoProperty());
        password.textProperty().bindBidirectional(model.managerPasswordProperty());
        fee.setOnAction(e -> reason.requestFocus());
        reason.setOnAction(e -> staffNo.requestFocus());
        staffNo.setOnAction(e -> password.requestFocus());
        password.setOnAction(e -> model.approve());
        for (TextField field : new TextField[] {fee, reason, staffNo, password}) {
            field.editableProperty().bind(model.busyProperty().not());
        }

        Label message = FormMessage.create("waiver-message", model.messageProperty(), model.messageKindProperty());
        model.messageKindProperty().addListener((obs, was, now) -> {
            if (now == MessageKind.ERROR) {
                TextField target = switch (model.errorField()) {
                    case FEE -> fee;
                    case REASON -> reason;
                    case MANAGER -> staffNo;
                    case PASSWORD -> password;
                };
                target.requestFocus();
                target.selectAll();
            }
        });
        Label hint = new Label(I18n.text(model.hasWaiver() ? "ui.waiver.keyHintRemove" : "ui.waiver.keyHint"));
        hint.getStyleClass().add("overlay-footer");

        panel.getChildren().addAll(title, bill, explanation,
                label("ui.waiver.fee", fee), fee,
                label("ui.waiver.reason", reason), reason,
                label("ui.waiver.staffNo", staffNo), staffNo,
                label("ui.waiver.password", password), password,
                message, hint);
        if (model.hasWaiver()) {
            panel.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.F8) {
                    onRemove.run();
                    e.consume();
                }
            });
        }
    }

    private static Label label(String key, Node field) {
        Label label = new Label(I18n.text(key));
        label.getStyleClass().add("field-label");
        label.setLabelFor(field);
        return label;
    }

    Node node() {
        return panel;
    }

    void focus() {
        fee.requestFocus();
        fee.selectAll();
    }
}
