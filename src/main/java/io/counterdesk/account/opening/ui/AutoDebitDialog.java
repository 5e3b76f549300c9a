package io.counterdesk.account.opening.ui;

import io.counterdesk.account.opening.Bank;
import io.counterdesk.account.opening.Document;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.FormMessage;
import io.counterdesk.ui.Forms;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The auto-debit dialog (Ctrl+K on the account): the enrolment now, the new bank (↑ ↓), card or
 * passbook, number and name, the papers, and 取消代扣. Tab moves, Space ticks, Enter confirms, Esc closes.
 */
public final class AutoDebitDialog {

    private final VBox panel = new VBox();
    private final TextField number = new TextField();

    public AutoDebitDialog(AutoDebitViewModel model) {
        panel.setId("auto-debit-dialog");
        panel.getStyleClass().addAll("overlay-panel", "auto-debit-panel");
        panel.setMaxWidth(Region.USE_PREF_SIZE);
        panel.setMaxHeight(Region.USE_PREF_SIZE);
        Label title = new Label(I18n.text("ui.opening.autoDebit.title"));
        title.getStyleClass().add("overlay-title");
        Label what = new Label(model.what());
        what.setId("auto-debit-what");
        what.setWrapText(true);
        what.setMaxWidth(460);
        ObservableValue<Boolean> changing = model.cancelProperty().not().and(model.status().busyProperty().not());
        ComboBox<Bank> bank = OpeningForms.choice("auto-debit-bank", model.bankProperty(), Bank.values(),
                b -> I18n.text("opening.bank." + b), changing);
        CheckBox byCard = OpeningForms.check("auto-debit-card", I18n.text("ui.opening.debitByCard"),
                model.byCardProperty(), changing);
        number.setId("auto-debit-number");
        number.textProperty().bindBidirectional(model.numberProperty());
        number.disableProperty().bind(model.cancelProperty());
        TextField name = new TextField();
        name.setId("auto-debit-name");
        name.textProperty().bindBidirectional(model.nameProperty());
        name.disableProperty().bind(model.cancelProperty());
        List<Node> docs = new ArrayList<>();
        for (Document d : model.documents()) {
            docs.add(OpeningForms.check("auto-debit-doc-" + d.name(), I18n.text("opening.document." + d.name()),
                    model.tickedProperty(d), model.status().busyProperty().not()));
        }
        CheckBox cancel = OpeningForms.check("auto-debit-cancel", I18n.text("ui.opening.autoDebit.cancel"),
                model.cancelProperty(), model.status().busyProperty().not());
        Label message = FormMessage.create("auto-debit-message", model.status());
        Label hint = new Label(I18n.text("ui.opening.autoDebit.hint"));
        hint.getStyleClass().add("overlay-footer");
        panel.getChildren().addAll(title, what, Forms.fieldLabel("ui.opening.bank", bank), bank, byCard,
                Forms.fieldLabel("ui.opening.debitNumber", number), number,
                Forms.fieldLabel("ui.opening.debitName", name), name, new Label(I18n.text("ui.opening.autoDebit.documents")));
        panel.getChildren().addAll(docs);
        panel.getChildren().addAll(cancel, message, hint);
        panel.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !bank.isShowing()) {
                e.consume();
                model.confirm();
            }
        });
    }

    public Node node() {
        return panel;
    }

    /** The hand goes to the new card number. */
    public void focus() {
        number.requestFocus();
    }
}
