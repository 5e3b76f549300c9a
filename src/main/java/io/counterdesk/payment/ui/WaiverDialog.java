package io.counterdesk.payment.ui;

import io.counterdesk.security.ui.CredentialFields;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.FormMessage;
import io.counterdesk.ui.Forms;
import io.counterdesk.ui.MessageKind;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
        CredentialFields manager = new CredentialFields("waiver", model.manager(), "ui.waiver.staffNo",
                "ui.waiver.password", model::approve);
        TextField staffNo = manager.staffNoField();
        TextField password = manager.passwordField();
        fee.setId("waiver-fee");
        reason.setId("waiver-reason");
        fee.textProperty().bindBidirectional(model.reducedFeeProperty());
        reason.textProperty().bindBidirectional(model.reasonProperty());
        fee.setOnAction(e -> reason.requestFocus());
        reason.setOnAction(e -> staffNo.requestFocus());
        fee.editableProperty().bind(model.busyProperty().not());
        reason.editableProperty().bind(model.busyProperty().not());
        manager.editableWhile(model.busyProperty().not());

        Label message = FormMessage.create("waiver-message", model.status());
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
                Forms.fieldLabel("ui.waiver.fee", fee), fee,
                Forms.fieldLabel("ui.waiver.reason", reason), reason);
        panel.getChildren().addAll(manager.nodes());
        panel.getChildren().addAll(message, hint);
        if (model.hasWaiver()) {
            panel.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.F8) {
                    onRemove.run();
                    e.consume();
                }
            });
        }
    }

    Node node() {
        return panel;
    }

    void focus() {
        fee.requestFocus();
        fee.selectAll();
    }
}
