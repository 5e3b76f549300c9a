package io.counterdesk.card.ui;

import io.counterdesk.shared.I18n;
import io.counterdesk.ui.FormMessage;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Ctrl+D in demo mode: the demo card reader, marked 演示. ↑ ↓ pick a card; Enter puts it into the
 * reader, M into the customer's gas meter, Delete takes the card out of the reader; Esc closes.
 */
public final class DemoCardsDialog {

    private final VBox panel = new VBox();
    private final ListView<DemoCardsViewModel.Row> list;

    public DemoCardsDialog(DemoCardsViewModel model) {
        panel.setId("demo-cards");
        // as wide as its list (the password dialogs' fixed 460 pixels cut the title and the key line)
        panel.getStyleClass().addAll("overlay-panel", "demo-cards-dialog");
        panel.setMaxWidth(Region.USE_PREF_SIZE);
        panel.setMaxHeight(Region.USE_PREF_SIZE);
        Label title = new Label(I18n.text("ui.demo.title"));
        title.getStyleClass().add("overlay-title");
        title.setWrapText(true);
        title.setMaxWidth(480);
        Label explanation = new Label(I18n.text("ui.demo.explanation"));
        explanation.getStyleClass().add("text-muted");
        explanation.setWrapText(true);
        explanation.setMaxWidth(480);
        list = new ListView<>(model.rows());
        list.setId("demo-card-list");
        list.setPrefHeight(150);
        list.setPrefWidth(480);
        list.getItems().addListener((javafx.collections.ListChangeListener<DemoCardsViewModel.Row>) c -> {
            if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
                javafx.application.Platform.runLater(() -> list.getSelectionModel().select(0));
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            DemoCardsViewModel.Row row = list.getSelectionModel().getSelectedItem();
            if (row == null && !list.getItems().isEmpty()) {
                row = list.getItems().get(0);
            }
            if (e.getCode() == KeyCode.ENTER && row != null) {
                model.insert(row);
                e.consume();
            } else if (e.getCode() == KeyCode.M && row != null) {
                model.putIntoMeter(row);
                e.consume();
            } else if (e.getCode() == KeyCode.B) {
                model.insertBlank();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                model.takeOut();
                e.consume();
            }
        });
        Label message = FormMessage.create("demo-cards-message", model.status());
        Label hint = new Label(I18n.text("ui.demo.keyHint"));
        hint.getStyleClass().add("overlay-footer");
        hint.setWrapText(true);
        hint.setMaxWidth(480);
        panel.getChildren().addAll(title, explanation, list, message, hint);
    }

    public Node node() {
        return panel;
    }

    public void focus() {
        list.requestFocus();
    }
}
