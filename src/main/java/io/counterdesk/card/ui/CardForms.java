package io.counterdesk.card.ui;

import static io.counterdesk.checkout.ui.TenderForms.bound;
import static io.counterdesk.checkout.ui.TenderForms.small;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** Small builders shared by the card counter's screens (top-up, card service). */
final class CardForms {

    private CardForms() {
    }

    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("tender-grid");
        return grid;
    }

    /** A fact about the card or account: a small name and a wrapping value. */
    static void fact(GridPane grid, int row, String key, String id, ObservableValue<String> value) {
        Label text = bound(id, value, "topup-fact");
        text.setWrapText(true);
        grid.addRow(row, small(key), text);
    }
}
