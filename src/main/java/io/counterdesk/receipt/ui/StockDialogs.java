package io.counterdesk.receipt.ui;

import io.counterdesk.shared.I18n;
import io.counterdesk.ui.FormMessage;
import io.counterdesk.ui.MessageKind;
import java.util.function.Function;
import java.util.function.IntConsumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** What the handover and void dialogs have in common: panel, kind field, summary, message, focus. */
final class StockDialogs {

    private StockDialogs() {
    }

    /** The dialog's panel with its title and explanation. */
    static VBox panel(String id, String titleKey, String explanationKey) {
        VBox panel = new VBox();
        panel.setId(id);
        panel.getStyleClass().addAll("overlay-panel", "password-dialog", "stock-dialog");
        panel.setMaxWidth(Region.USE_PREF_SIZE);
        panel.setMaxHeight(Region.USE_PREF_SIZE);
        Label title = new Label(I18n.text(titleKey));
        title.getStyleClass().add("overlay-title");
        Label explanation = new Label(I18n.text(explanationKey));
        explanation.getStyleClass().add("text-muted");
        explanation.setWrapText(true);
        panel.getChildren().addAll(title, explanation);
        return panel;
    }

    /**
     * The receipt kind as a field that is not typed in: ↑ ↓ (or ← →) change it, Enter goes on to
     * {@code next}.
     */
    static TextField kindField(String id, KindChoice choice, IntConsumer step, Runnable next) {
        TextField field = new TextField();
        field.setId(id);
        field.setEditable(false);
        field.getStyleClass().add("kind-field");
        field.textProperty().bind(choice.textProperty());
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            KeyCode code = e.getCode();
            if (code == KeyCode.UP || code == KeyCode.LEFT) {
                step.accept(-1);
                e.consume();
            } else if (code == KeyCode.DOWN || code == KeyCode.RIGHT) {
                step.accept(1);
                e.consume();
            } else if (code == KeyCode.ENTER) {
                next.run();
                e.consume();
            }
        });
        return field;
    }

    /** What is typed in {@code dialog} (the kind, chosen not typed, aside): what Esc would throw away. */
    static String typed(Node dialog) {
        return io.counterdesk.ui.Screen.typed(dialog.lookupAll(".text-input").stream()
                .filter(n -> n instanceof TextInputControl && !n.getStyleClass().contains("kind-field"))
                .map(TextInputControl.class::cast).toArray(TextInputControl[]::new));
    }

    /** A line of text bound to the model, e.g. what would pass over. */
    static Label line(String id, ObservableStringValue text, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** True while the form can be typed in (not while checking, confirming or saving). */
    static BooleanBinding entering(ConfirmedForm<?> form) {
        return form.stepProperty().isEqualTo(ConfirmedForm.Step.ENTERING);
    }

    /**
     * Adds the summary box, the message line and the key hint to the dialog, and moves the focus:
     * to the field an error is about ({@code fieldOf}), to the summary once checked. The summary
     * takes Enter ({@code onEnter}); it is no ancestor of the fields, so an Enter typed in a field
     * never lands there.
     */
    static <F extends Enum<F>> void finish(VBox panel, String idPrefix, ConfirmedForm<F> form, String confirmHintKey,
                                           String keyHintKey, Runnable onEnter, Function<F, TextInputControl> fieldOf) {
        Label summary = new Label();
        summary.setId(idPrefix + "-confirm-text");
        summary.getStyleClass().add("stock-confirm-text");
        summary.setWrapText(true);
        summary.textProperty().bind(form.summaryProperty());
        Label hint = new Label(I18n.text(confirmHintKey));
        hint.getStyleClass().add("pay-confirm-hint");
        VBox box = new VBox(summary, hint);
        box.setId(idPrefix + "-confirm");
        box.getStyleClass().add("stock-confirm");
        box.setFocusTraversable(true);
        box.visibleProperty().bind(form.stepProperty().isEqualTo(ConfirmedForm.Step.CONFIRMING)
                .or(form.stepProperty().isEqualTo(ConfirmedForm.Step.SAVING)));
        box.managedProperty().bind(box.visibleProperty());
        box.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                onEnter.run();
                e.consume();
            }
        });
        Label footer = new Label(I18n.text(keyHintKey));
        footer.getStyleClass().add("overlay-footer");
        footer.setWrapText(true);
        panel.getChildren().addAll(box, FormMessage.create(idPrefix + "-message", form.status()), footer);

        form.status().kindProperty().addListener((obs, was, now) -> {
            if (now == MessageKind.ERROR) {
                TextInputControl target = fieldOf.apply(form.errorField());
                target.requestFocus();
                target.selectAll();
            }
        });
        form.stepProperty().addListener((obs, was, now) -> {
            if (now == ConfirmedForm.Step.CONFIRMING) {
                box.requestFocus();
            }
        });
    }
}
