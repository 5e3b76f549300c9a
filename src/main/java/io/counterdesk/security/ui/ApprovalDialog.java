package io.counterdesk.security.ui;

import io.counterdesk.shared.I18n;
import io.counterdesk.ui.FormMessage;
import io.counterdesk.ui.Forms;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * F7 (冲正) and F8 (退款) on the top-up screen, F8 (销户 paying money back) on the account: what
 * will be done, the reason, then the hall manager's 工号 and password. Enter moves down; Enter in
 * the password approves; Esc closes without a change.
 */
public final class ApprovalDialog {

    private final VBox panel = new VBox();
    private final TextField reason = new TextField();

    public ApprovalDialog(ApprovalViewModel model, String titleKey) {
        panel.setId("topup-approval");
        panel.getStyleClass().addAll("overlay-panel", "password-dialog");
        panel.setMaxWidth(Region.USE_PREF_SIZE);
        panel.setMaxHeight(Region.USE_PREF_SIZE);
        Label title = new Label(I18n.text(titleKey));
        title.getStyleClass().add("overlay-title");
        Label what = new Label(model.what());
        what.setId("topup-approval-what");
        what.setWrapText(true);
        what.setMaxWidth(460);
        CredentialFields manager = new CredentialFields("topup-approval", model.manager(), "ui.topup.approval.staffNo",
                "ui.topup.approval.password", model::approve);
        reason.setId("topup-approval-reason");
        reason.textProperty().bindBidirectional(model.reasonProperty());
        reason.setOnAction(e -> manager.staffNoField().requestFocus());
        reason.editableProperty().bind(model.status().busyProperty().not());
        manager.editableWhile(model.status().busyProperty().not());
        model.errorFieldProperty().addListener((obs, was, now) -> {
            if (now != null) {
                TextField target = switch (now) {
                    case REASON -> reason;
                    case STAFF_NO -> manager.staffNoField();
                    case PASSWORD -> manager.passwordField();
                };
                target.requestFocus();
            }
        });
        Label message = FormMessage.create("topup-approval-message", model.status());
        Label hint = new Label(I18n.text("ui.topup.approval.keyHint"));
        hint.getStyleClass().add("overlay-footer");
        panel.getChildren().addAll(title, what, Forms.fieldLabel("ui.topup.approval.reason", reason), reason);
        panel.getChildren().addAll(manager.nodes());
        panel.getChildren().addAll(message, hint);
    }

    public Node node() {
        return panel;
    }

    public void focus() {
        reason.requestFocus();
    }
}
