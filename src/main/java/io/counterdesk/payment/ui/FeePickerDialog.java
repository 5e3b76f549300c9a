package io.counterdesk.payment.ui;

import io.counterdesk.payment.FeeItem;
import io.counterdesk.shared.I18n;
import java.text.Normalizer;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * F4 on the payment screen: the fee catalogue (meter test deposit, dismantling fee …). ↑ ↓ choose,
 * Enter goes to the quantity, Enter there adds the item; Esc closes without adding.
 */
final class FeePickerDialog {

    private final VBox panel = new VBox();
    private final ListView<FeeItem> list = new ListView<>();
    private final TextField quantity = new TextField("1");
    private final Label message = new Label();

    FeePickerDialog(List<FeeItem> catalogue, BiConsumer<FeeItem, Integer> onAdd) {
        panel.setId("pay-fee-picker");
        panel.getStyleClass().addAll("overlay-panel", "fee-picker");
        panel.setMaxWidth(Region.USE_PREF_SIZE);
        panel.setMaxHeight(Region.USE_PREF_SIZE);

        Label title = new Label(I18n.text("ui.pay.feePicker.title"));
        title.getStyleClass().add("overlay-title");
        list.setId("fee-picker-list");
        list.getItems().setAll(catalogue);
        list.setFixedCellSize(40);
        list.setPrefHeight(Math.min(8, Math.max(3, catalogue.size())) * 40 + 6);
        list.setPlaceholder(new Label(I18n.text("ui.pay.feePicker.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(FeeItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : I18n.text("ui.pay.feePicker.item", item.name(), item.price().format()));
            }
        });
        if (!catalogue.isEmpty()) {
            list.getSelectionModel().select(0);
        }
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                quantity.requestFocus();
                quantity.selectAll();
                e.consume();
            }
        });
        Label quantityLabel = new Label(I18n.text("ui.pay.feePicker.quantity"));
        quantityLabel.getStyleClass().add("field-label");
        quantity.setId("fee-picker-quantity");
        quantity.setOnAction(e -> add(onAdd));
        message.setId("fee-picker-message");
        message.getStyleClass().addAll("form-message", "message-error");
        message.setWrapText(true);
        message.managedProperty().bind(message.visibleProperty());
        message.setVisible(false);
        Label hint = new Label(I18n.text("ui.pay.feePicker.keyHint"));
        hint.getStyleClass().add("overlay-footer");
        panel.getChildren().addAll(title, list, quantityLabel, quantity, message, hint);
    }

    private void add(BiConsumer<FeeItem, Integer> onAdd) {
        FeeItem item = list.getSelectionModel().getSelectedItem();
        if (item == null) {
            error(I18n.text("ui.pay.feePicker.choose"));
            list.requestFocus();
            return;
        }
        int n;
        try {
            n = Integer.parseInt(Normalizer.normalize(quantity.getText(), Normalizer.Form.NFKC).strip());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n <= 0 || n > 999) {
            error(I18n.text("ui.pay.feePicker.quantityInvalid"));
            quantity.selectAll();
            return;
        }
        onAdd.accept(item, n);
    }

    private void error(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    Node node() {
        return panel;
    }

    void focus() {
        list.requestFocus();
    }
}
