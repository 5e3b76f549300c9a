package io.counterdesk.receipt.ui;

import io.counterdesk.security.ui.CredentialFields;
import io.counterdesk.ui.Forms;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * F3 on the stock screen: stock handover. The kind (↑ ↓), then the receiving cashier's 工号 and
 * password; Enter in the password checks the receiver and shows who gets which numbers, Enter
 * there records it. Esc closes without a change.
 */
final class HandoverDialog {

    private final VBox panel;
    private final TextField kind;

    HandoverDialog(HandoverViewModel model) {
        panel = StockDialogs.panel("stock-handover", "ui.handover.title", "ui.handover.explanation");
        BooleanBinding entering = StockDialogs.entering(model.form());
        CredentialFields receiver = new CredentialFields("handover", model.receiver(), "ui.handover.staffNo",
                "ui.handover.password", model::check);
        receiver.editableWhile(entering);
        kind = StockDialogs.kindField("handover-kind", model.kind(), model::stepKind,
                () -> receiver.staffNoField().requestFocus());
        panel.getChildren().addAll(Forms.fieldLabel("ui.handover.kind", kind), kind,
                StockDialogs.line("handover-passing", model.passingProperty(), "stock-passing"));
        panel.getChildren().addAll(receiver.nodes());
        StockDialogs.finish(panel, "handover", model.form(), "ui.handover.confirmHint", "ui.handover.keyHint",
                model::confirm, field -> switch (field) {
                    case KIND -> kind;
                    case STAFF_NO -> receiver.staffNoField();
                    case PASSWORD -> receiver.passwordField();
                });
    }

    Node node() {
        return panel;
    }

    void focus() {
        kind.requestFocus();
    }
}
