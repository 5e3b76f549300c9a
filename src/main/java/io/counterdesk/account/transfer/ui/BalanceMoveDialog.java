package io.counterdesk.account.transfer.ui;

import io.counterdesk.account.opening.ui.OpeningForms;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.FormMessage;
import io.counterdesk.ui.Forms;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The move dialog (Ctrl+J on the account): the account it goes to, what moves (↑ ↓: credit or a
 * deposit, with what is held), the amount (all of it offered). Tab moves, Enter checks and asks the
 * hall manager, Esc closes.
 */
public final class BalanceMoveDialog {

    private final VBox panel = new VBox();
    private final TextField target = new TextField();

    public BalanceMoveDialog(BalanceMoveViewModel model, Runnable onEnter) {
        panel.setId("balance-move-dialog");
        panel.getStyleClass().addAll("overlay-panel", "password-dialog");
        panel.setMaxWidth(Region.USE_PREF_SIZE);
        panel.setMaxHeight(Region.USE_PREF_SIZE);
        Label title = new Label(I18n.text("ui.opening.move.title"));
        title.getStyleClass().add("overlay-title");
        Label what = new Label(model.what());
        what.setId("balance-move-what");
        what.setWrapText(true);
        what.setMaxWidth(460);
        target.setId("balance-move-target");
        target.textProperty().bindBidirectional(model.targetProperty());
        ComboBox<BalanceMoveViewModel.Option> option = OpeningForms.choice("balance-move-option",
                model.optionProperty(), model.options().toArray(BalanceMoveViewModel.Option[]::new),
                BalanceMoveViewModel.Option::toString, model.status().busyProperty().not());
        TextField amount = new TextField();
        amount.setId("balance-move-amount");
        amount.textProperty().bindBidirectional(model.amountProperty());
        Label message = FormMessage.create("balance-move-message", model.status());
        Label hint = new Label(I18n.text("ui.opening.move.hint"));
        hint.getStyleClass().add("overlay-footer");
        panel.getChildren().addAll(title, what, Forms.fieldLabel("ui.opening.move.target", target), target,
                Forms.fieldLabel("ui.opening.move.option", option), option,
                Forms.fieldLabel("ui.opening.move.amount", amount), amount, message, hint);
        panel.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !option.isShowing()) {
                e.consume();
                onEnter.run();
            }
        });
    }

    public Node node() {
        return panel;
    }

    public void focus() {
        target.requestFocus();
    }
}
