package io.counterdesk.ui;

import io.counterdesk.shared.I18n;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The key map (F1): every key usable now, grouped, printed as key caps. Built from the registry. */
final class KeyMapOverlay {

    /** Key lines that fit one column on a counter screen. */
    private static final int ONE_COLUMN_ROWS = 14;

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
        List<String> order = List.copyOf(groups.keySet());
        int split = split(order.stream().mapToInt(k -> groups.get(k).getRowCount()).toArray());
        HBox columns = new HBox();
        columns.getStyleClass().add("keymap-columns");
        VBox column = null;
        for (int i = 0; i < order.size(); i++) {
            if (column == null || i == split) {
                column = new VBox();
                column.getStyleClass().add("keymap-column");
                columns.getChildren().add(column);
            }
            Label heading = new Label(I18n.text(order.get(i)));
            heading.getStyleClass().add("keymap-group");
            column.getChildren().addAll(heading, groups.get(order.get(i)));
        }
        panel.getChildren().add(columns);
        Label footer = new Label(I18n.text("ui.keys.close"));
        footer.getStyleClass().add("overlay-footer");
        panel.getChildren().add(footer);
        return panel;
    }

    /**
     * Where a long key map goes on in a second column (the payment screen lists some twenty keys,
     * more than a 768-pixel screen holds in one): the group index that best balances the two
     * columns' rows, or the number of groups (one column) while everything fits.
     */
    static int split(int[] rowsPerGroup) {
        int total = java.util.Arrays.stream(rowsPerGroup).sum();
        if (total <= ONE_COLUMN_ROWS || rowsPerGroup.length < 2) {
            return rowsPerGroup.length;
        }
        int best = rowsPerGroup.length;
        int bestHeight = total;
        int before = 0;
        for (int k = 1; k < rowsPerGroup.length; k++) {
            before += rowsPerGroup[k - 1];
            int height = Math.max(before, total - before);
            if (height < bestHeight) {
                bestHeight = height;
                best = k;
            }
        }
        return best;
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
