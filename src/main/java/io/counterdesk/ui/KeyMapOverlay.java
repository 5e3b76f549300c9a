package io.counterdesk.ui;

import io.counterdesk.shared.I18n;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The key map (F1): every key usable now, grouped, printed as key caps. Built from the registry. */
final class KeyMapOverlay {

    private KeyMapOverlay() {
    }

    static Panel build(List<CounterAction> actions) {
        Panel panel = new Panel();
        Label title = new Label(I18n.text("ui.keys.title"));
        title.getStyleClass().addAll("overlay-title");

        Map<String, GridPane> groups = new LinkedHashMap<>();
        for (CounterAction action : actions) {
            GridPane grid = groups.computeIfAbsent(action.groupKey(), k -> newGrid());
            int row = grid.getRowCount();
            Label cap = new Label(action.keyLabel());
            cap.getStyleClass().add("keycap");
            cap.setMinWidth(Region.USE_PREF_SIZE);
            Label text = new Label(action.text());
            text.getStyleClass().add("keymap-text");
            text.setWrapText(true);
            grid.addRow(row, cap, text);
            GridPane.setHalignment(cap, HPos.RIGHT);
        }
        panel.getChildren().add(title);
        groups.forEach((groupKey, grid) -> {
            Label heading = new Label(I18n.text(groupKey));
            heading.getStyleClass().add("keymap-group");
            panel.getChildren().addAll(heading, grid);
        });
        Label footer = new Label(I18n.text("ui.keys.close"));
        footer.getStyleClass().add("overlay-footer");
        panel.getChildren().add(footer);
        return panel;
    }

    private static GridPane newGrid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("keymap-grid");
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(110);
        keys.setHalignment(HPos.RIGHT);
        ColumnConstraints texts = new ColumnConstraints();
        texts.setMinWidth(280);
        grid.getColumnConstraints().addAll(keys, texts);
        return grid;
    }

    /** The overlay's panel; a type of its own so F1 knows the key map is what is shown. */
    static final class Panel extends VBox {
        Panel() {
            getStyleClass().addAll("overlay-panel", "keymap");
            setId("key-map");
            setFocusTraversable(true);
            setMaxWidth(Region.USE_PREF_SIZE);
            setMaxHeight(Region.USE_PREF_SIZE);
        }
    }
}
