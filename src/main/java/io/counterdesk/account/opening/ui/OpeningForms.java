package io.counterdesk.account.opening.ui;

import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/** Inputs the account forms share (opening, transfer): keyboard-first choices and ticks. */
public final class OpeningForms {

    private OpeningForms() {
    }

    public static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("tender-grid");
        return grid;
    }

    /** A tick bound to {@code value}, usable only while {@code editable}. */
    public static CheckBox check(String id, String text, BooleanProperty value, ObservableValue<Boolean> editable) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.selectedProperty().bindBidirectional(value);
        box.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !Boolean.TRUE.equals(editable.getValue()), editable));
        return box;
    }

    /** A choice that ↑ ↓ change without opening its list (keyboard first), usable only while {@code editable}. */
    public static <T> ComboBox<T> choice(String id, ObjectProperty<T> value, T[] items, Function<T, String> text,
                                         ObservableValue<Boolean> editable) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(value);
        box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (box.isShowing() || box.isDisabled()) {
                return;
            }
            int at = box.getItems().indexOf(box.getValue());
            if (e.getCode() == KeyCode.DOWN && at < box.getItems().size() - 1) {
                box.setValue(box.getItems().get(at + 1));
                e.consume();
            } else if (e.getCode() == KeyCode.UP && at > 0) {
                box.setValue(box.getItems().get(at - 1));
                e.consume();
            }
        });
        box.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !Boolean.TRUE.equals(editable.getValue()), editable));
        return box;
    }
}
