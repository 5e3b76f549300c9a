package io.counterdesk.account.ui;

import io.counterdesk.shared.I18n;
import io.counterdesk.ui.FormMessage;
import io.counterdesk.ui.Forms;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** What will be done and the reason; Enter confirms, Esc closes without a change. */
final class ReasonDialog {

    private final VBox panel = new VBox();
    private final TextField reason = new TextField();

    ReasonDialog(ReasonViewModel model, String titleKey) {
        panel.setId("status-reason-dialog");
        panel.getStyleClass().addAll("overlay-panel", "password-dialog");
        panel.setMaxWidth(Region.USE_PREF_SIZE);
        panel.setMaxHeight(Region.USE_PREF_SIZE);
        Label title = new Label(I18n.text(titleKey));
        title.getStyleClass().add("overlay-title");
        Label what = new Label(model.what());
        what.setId("status-reason-what");
        what.setWrapText(true);
        what.setMaxWidth(460);
        reason.setId("status-reason");
        reason.textProperty().bindBidirectional(model.reasonProperty());
        reason.setOnAction(e -> model.confirm());
        Label message = FormMessage.create("status-reason-message", model.status());
        Label hint = new Label(I18n.text("ui.accountStatus.reasonHint"));
        hint.getStyleClass().add("overlay-footer");
        panel.getChildren().addAll(title, what, Forms.fieldLabel("ui.accountStatus.reason", reason), reason, message,
                hint);
    }

    Node node() {
        return panel;
    }

    void focus() {
        reason.requestFocus();
        reason.selectAll();
    }
}
