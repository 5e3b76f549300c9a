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

    /** A column whose cells follow a value of the row that may change (a bill chosen or not). */
    public static <R> TableColumn<R, String> column(String headerKey, Function<R, ObservableValue<String>> value,
                                                    double width, boolean right) {
        TableColumn<R, String> column = new TableColumn<>(I18n.text(headerKey));
        column.setCellValueFactory(c -> value.apply(c.getValue()));
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 44));
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
