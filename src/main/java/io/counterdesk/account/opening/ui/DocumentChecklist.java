package io.counterdesk.account.opening.ui;

import io.counterdesk.account.opening.Document;
import io.counterdesk.shared.I18n;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.layout.VBox;

/**
 * The documents panel of an account form (opening, transfer): a tick per document the case needs
 * ({@code screen-doc-NAME}), rebuilt whenever what the case needs changes, and placed in the form's
 * Enter order just before the tenders.
 */
public final class DocumentChecklist {

    private final String screen;
    private final AccountFormModel<?, ?> model;
    private final ObservableValue<Boolean> editable;
    private final VBox box = new VBox();

    /** The panel ({@code screen-documents}) of {@code model}'s documents, tickable while {@code editable}. */
    public DocumentChecklist(String screen, AccountFormModel<?, ?> model, ObservableValue<Boolean> editable) {
        this.screen = screen;
        this.model = model;
        this.editable = editable;
        box.setId(screen + "-documents");
        box.setSpacing(6);
    }

    public VBox node() {
        return box;
    }

    /** From now on keeps the ticks in {@code order}, just before {@code next} (Enter in the last tick goes there). */
    public void keepIn(List<Control> order, Control next) {
        model.requiredDocuments().addListener((ListChangeListener<Document>) c -> rebuild(order, next));
        rebuild(order, next);
    }

    private void rebuild(List<Control> order, Control next) {
        box.getChildren().clear();
        order.removeIf(c -> c.getId() != null && c.getId().startsWith(screen + "-doc-"));
        int at = order.indexOf(next);
        for (Document d : model.requiredDocuments()) {
            CheckBox tick = OpeningForms.check(screen + "-doc-" + d.name(), I18n.text("opening.document." + d.name()),
                    model.ticked(d), editable);
            box.getChildren().add(tick);
            order.add(at++, tick);
            OpeningForms.enterMovesOn(tick, order);
        }
    }

    /** F7: the focus into the first tick; false when the case needs no document. */
    public boolean focusFirst() {
        if (box.getChildren().isEmpty()) {
            return false;
        }
        box.getChildren().get(0).requestFocus();
        return true;
    }

    /** The focus into the first tick not yet ticked (else the first); false when the case needs no document. */
    public boolean focusFirstUnticked() {
        if (box.getChildren().isEmpty()) {
            return false;
        }
        box.getChildren().stream().filter(n -> n instanceof CheckBox tick && !tick.isSelected()).findFirst()
                .orElse(box.getChildren().get(0)).requestFocus();
        return true;
    }
}
