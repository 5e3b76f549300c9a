package io.counterdesk.payment.ui;

import io.counterdesk.shared.I18n;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The pieces of a screen that takes money, built alike everywhere: tender fields, their names with
 * the key cap beside them, bound labels and titled panels (the payment screen, the gas top-up).
 */
public final class TenderForms {

    private TenderForms() {
    }

    public static TextField field(String id, String styleClass) {
        TextField field = new TextField();
        field.setId(id);
        field.getStyleClass().addAll("tender-field", styleClass);
        return field;
    }
    public static Label bound(String id, ObservableValue<String> text, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.getStyleClass().add(styleClass);
        return label;
    }
    public static Label name(String key, String keyLabel) {
        Label label = new Label(I18n.text(key));
        label.getStyleClass().add("tender-name");
        Label cap = new Label(keyLabel);
        cap.getStyleClass().add("keycap-small");
        label.setGraphic(cap);
        label.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        label.setGraphicTextGap(8);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
    public static Label small(String key) {
        Label label = new Label(I18n.text(key));
        label.getStyleClass().add("tender-small");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
    public static VBox card(String titleKey, String hintKey, Node... body) {
        Label title = new Label(I18n.text(titleKey));
        title.getStyleClass().add("card-title");
        HBox top = new HBox(title);
        top.setAlignment(Pos.BASELINE_LEFT);
        top.setSpacing(12);
        if (hintKey != null) {
            Label hint = new Label(I18n.text(hintKey));
            hint.getStyleClass().add("form-hint");
            top.getChildren().add(hint);
        }
        VBox card = new VBox(top);
        card.getChildren().addAll(body);
        card.getStyleClass().add("panel");
        return card;
    }
}
