package io.counterdesk.account.opening.ui;

import io.counterdesk.checkout.ui.TenderForms;
import io.counterdesk.shared.I18n;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Inputs the account forms share (opening, transfer): keyboard-first choices and ticks. */
public final class OpeningForms {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private OpeningForms() {
    }

    public static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("tender-grid");
        return grid;
    }

    /**
     * The summary shown before committing (F12): a title, one label per line, a hint; Enter in it
     * runs {@code onEnter}. Shown by the caller as an overlay and given the focus.
     */
    public static VBox summaryPanel(String id, String titleKey, List<String> lines, String hintKey, Runnable onEnter) {
        VBox panel = new VBox();
        panel.setId(id);
        panel.getStyleClass().addAll("overlay-panel", "confirm-dialog");
        panel.setMaxWidth(Region.USE_PREF_SIZE);
        panel.setMaxHeight(Region.USE_PREF_SIZE);
        panel.setFocusTraversable(true);
        panel.setSpacing(8);
        Label title = new Label(I18n.text(titleKey));
        title.getStyleClass().add("overlay-title");
        panel.getChildren().add(title);
        for (String line : lines) {
            Label l = new Label(line);
            l.setWrapText(true);
            l.setMaxWidth(720);
            panel.getChildren().add(l);
        }
        Label hint = new Label(I18n.text(hintKey));
        hint.getStyleClass().add("pay-confirm-hint");
        panel.getChildren().add(hint);
        panel.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                onEnter.run();
            }
        });
        return panel;
    }

    /** Enter in {@code control} moves to the next visible, enabled input of {@code order} (a list that may change). */
    public static void enterMovesOn(Control control, List<Control> order) {
        enterMovesOn(control, order, () -> null);
    }

    /**
     * The same, but Enter in the input the form blames now ({@code invalid}, null when none) keeps the
     * focus there: the cashier corrects it before going on.
     */
    public static void enterMovesOn(Control control, List<Control> order, java.util.function.Supplier<Control> invalid) {
        control.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !(control instanceof ComboBox<?> box && box.isShowing())) {
                e.consume();
                if (invalid.get() == control) {
                    return;
                }
                int at = order.indexOf(control);
                for (int i = 1; i <= order.size(); i++) {
                    Control candidate = order.get((at + i) % order.size());
                    if (candidate.isVisible() && !candidate.isDisabled()) {
                        focus(candidate);
                        return;
                    }
                }
            }
        });
    }

    /**
     * Keeps the focused input of a scrolling form in view: whenever the focus moves to a node inside
     * {@code scroll}'s content, the form scrolls just enough to show it (JavaFX does not by itself).
     */
    public static void followFocus(ScrollPane scroll) {
        javafx.beans.value.ChangeListener<Node> follow = (obs, was, now) -> {
            Node content = scroll.getContent();
            if (now == null || content == null || !isInside(now, content)) {
                return;
            }
            double contentHeight = content.getBoundsInLocal().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            if (contentHeight <= viewport) {
                return;
            }
            Bounds node = content.sceneToLocal(now.localToScene(now.getBoundsInLocal()));
            double top = scroll.getVvalue() * (contentHeight - viewport);
            if (node.getMinY() < top) {
                top = node.getMinY() - 12;
            } else if (node.getMaxY() > top + viewport) {
                top = node.getMaxY() - viewport + 12;
            } else {
                return;
            }
            scroll.setVvalue(Math.max(0, Math.min(1, top / (contentHeight - viewport))));
        };
        scroll.sceneProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.focusOwnerProperty().removeListener(follow);
            }
            if (now != null) {
                now.focusOwnerProperty().addListener(follow);
            }
        });
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Focus into {@code control}; a text field's text is selected so typing replaces it. */
    public static void focus(Control control) {
        control.requestFocus();
        if (control instanceof TextField tf) {
            tf.selectAll();
        }
    }

    /**
     * A text field per typed input of {@code model} (id {@code screen-input-name}; {@code amounts} styled as
     * amounts), bound to the input's text, editable while {@code editable} says so for it, and marked invalid
     * while the model blames it.
     */
    public static <F extends Enum<F>> Map<F, TextField> textFields(String screen, AccountFormModel<F, ?> model,
            Class<F> inputs, Set<F> amounts, Function<F, ObservableValue<Boolean>> editable) {
        Map<F, TextField> fields = new EnumMap<>(inputs);
        for (F f : inputs.getEnumConstants()) {
            if (model.text(f) != null) {
                TextField tf = TenderForms.field(screen + "-" + f.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        amounts.contains(f) ? "tender-amount" : "opening-field");
                tf.textProperty().bindBidirectional(model.text(f));
                tf.editableProperty().bind(editable.apply(f));
                fields.put(f, tf);
            }
        }
        model.invalidFieldProperty().addListener((obs, was, now) ->
                fields.forEach((f, node) -> node.pseudoClassStateChanged(INVALID, f == now)));
        return fields;
    }

    /** A tick bound to {@code value}, usable only while {@code editable}. */
    public static CheckBox check(String id, String text, BooleanProperty value, ObservableValue<Boolean> editable) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        // in a form's grid it may run across the columns to its right, and is never cut
        box.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setColumnSpan(box, GridPane.REMAINING);
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
