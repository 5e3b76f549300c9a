package io.counterdesk.ui;

import io.counterdesk.shared.I18n;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Small building blocks the screens' forms and tables share. */
public final class Forms {

    private Forms() {
    }

    /**
     * Gives {@code target} the focus as soon as it can take it: now if it is in the scene and enabled,
     * else once it is — a field inside a scroll pane joins the scene only when the pane has its skin
     * (the next pulse), and a page under an overlay is disabled until the overlay closes. Without
     * this the scene gives the focus to the page's first field instead.
     */
    public static void focusWhenReady(Node target) {
        if (target.getScene() != null && !target.isDisabled()) {
            target.requestFocus();
            return;
        }
        javafx.beans.InvalidationListener[] retry = new javafx.beans.InvalidationListener[1];
        retry[0] = obs -> {
            if (target.getScene() != null && !target.isDisabled()) {
                target.sceneProperty().removeListener(retry[0]);
                target.disabledProperty().removeListener(retry[0]);
                target.requestFocus();
            }
        };
        target.sceneProperty().addListener(retry[0]);
        target.disabledProperty().addListener(retry[0]);
    }

    /**
     * A column never laid out narrower than {@code least} nor than its children need: large amounts and
     * their names (longer in English) stay whole inside it.
     */
    public static javafx.scene.layout.VBox columnAtLeast(double least, Node... children) {
        javafx.scene.layout.VBox column = new javafx.scene.layout.VBox() {
            @Override
            protected double computeMinWidth(double height) {
                return Math.max(least, super.computeMinWidth(height));
            }
        };
        column.getChildren().addAll(children);
        return column;
    }

    /** The label above a field, in the current language, tied to the field for accessibility. */
    public static Label fieldLabel(String textKey, Node field) {
        Label label = new Label(I18n.text(textKey));
        label.getStyleClass().add("field-label");
        label.setLabelFor(field);
        return label;
    }

    /** A read-only text column; {@code right} aligns numbers and counts to the right. */
    public static <R> TableColumn<R, String> textColumn(String headerKey, Function<R, String> value, double width,
                                                        boolean right) {
        return column(headerKey, row -> new ReadOnlyStringWrapper(value.apply(row)).getReadOnlyProperty(), width, right);
    }

    /**
     * {@code table} (its columns added, a constrained resize policy) is never laid out narrower than its
     * columns' least widths and a scroll bar: no column is pushed out of sight.
     */
    public static void showAllColumns(javafx.scene.control.TableView<?> table) {
        double columns = table.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum();
        table.setMinWidth(columns + 20);
    }

    /** The width a column heading needs, in the largest heading font the tables use (15 px bold), with its padding. */
    public static double headingWidth(String heading) {
        javafx.scene.text.Text text = new javafx.scene.text.Text(heading);
        text.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(),
                javafx.scene.text.FontWeight.BOLD, 15));
        return Math.ceil(text.getLayoutBounds().getWidth()) + 20;
    }

    /** A column whose cells follow a value of the row that may change (a bill chosen or not). */
    public static <R> TableColumn<R, String> column(String headerKey, Function<R, ObservableValue<String>> value,
                                                    double width, boolean right) {
        TableColumn<R, String> column = new TableColumn<>(I18n.text(headerKey));
        column.setCellValueFactory(c -> value.apply(c.getValue()));
        // the heading is never cut ("Expected c…"): the column is at least as wide as its heading
        double heading = headingWidth(column.getText());
        column.setPrefWidth(Math.max(width, heading));
        column.setMinWidth(Math.max(Math.min(width, 44), heading));
        column.setSortable(false);
        column.setReorderable(false);
        if (right) {
            column.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    setAlignment(Pos.CENTER_RIGHT);
                }
            });
        }
        return column;
    }
}
