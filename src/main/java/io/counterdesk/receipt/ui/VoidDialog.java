package io.counterdesk.receipt.ui;

import io.counterdesk.security.ui.CredentialFields;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.Forms;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * F4 on the stock screen: void a receipt. Kind (↑ ↓), number (Enter looks it up), reason, then the
 * hall manager's 工号 and password; Enter in the password checks both and shows what will be
 * voided, Enter there records it. Esc closes without a change.
 */
final class VoidDialog {

    private final VBox panel;
    private final TextField number = new TextField();
    private final TextField kind;

    VoidDialog(VoidViewModel model) {
        panel = StockDialogs.panel("stock-void", "ui.void.title", "ui.void.explanation");
        BooleanBinding entering = StockDialogs.entering(model.form());
        TextField reason = new TextField();
        CredentialFields manager = new CredentialFields("void", model.manager(), "ui.void.staffNo", "ui.void.password",
                model::check);
        manager.editableWhile(entering);
        kind = StockDialogs.kindField("void-kind", model.kind(), model::stepKind, number::requestFocus);
        number.setId("void-number");
        number.setPromptText(I18n.text("ui.void.numberPrompt"));
        number.textProperty().bindBidirectional(model.numberProperty());
        number.editableProperty().bind(entering);
        number.setOnAction(e -> {
            reason.requestFocus();
            model.lookUp();
        });
        reason.setId("void-reason");
        reason.textProperty().bindBidirectional(model.reasonProperty());
        reason.editableProperty().bind(entering);
        reason.setOnAction(e -> manager.staffNoField().requestFocus());
        panel.getChildren().addAll(Forms.fieldLabel("ui.void.kind", kind), kind,
                Forms.fieldLabel("ui.void.number", number), number,
                StockDialogs.line("void-receipt", model.receiptTextProperty(), "stock-passing"),
                Forms.fieldLabel("ui.void.reason", reason), reason);
        panel.getChildren().addAll(manager.nodes());
        StockDialogs.finish(panel, "void", model.form(), "ui.void.confirmHint", "ui.void.keyHint", model::confirm,
                field -> switch (field) {
                    case KIND -> kind;
                    case NUMBER -> number;
                    case REASON -> reason;
                    case STAFF_NO -> manager.staffNoField();
                    case PASSWORD -> manager.passwordField();
                });
    }

    Node node() {
        return panel;
    }

    /** The kind first (the highlighted row's; ↑ ↓ change it), Enter goes on to the number. */
    void focus() {
        kind.requestFocus();
    }
}
