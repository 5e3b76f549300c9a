package io.counterdesk.checkout.ui;

import io.counterdesk.shared.I18n;
import javafx.beans.value.ObservableValue;
import io.counterdesk.ui.FormMessage;
import io.counterdesk.ui.Forms;
import io.counterdesk.ui.MessageKind;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The pieces of a screen that takes money, built alike everywhere: tender fields, their names with
 * the key cap beside them, bound labels, titled panels and the money summary (the payment screen,
 * the gas top-up, the opening and the transfer).
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
    /** The names of a money form line up (at least this wide); a longer name (English) is shown whole. */
    private static final double NAME_WIDTH = 128;

    public static Label name(String key, String keyLabel) {
        Label label = new Label(I18n.text(key)) {
            @Override
            protected double computePrefWidth(double height) {
                return Math.max(NAME_WIDTH, super.computePrefWidth(height));
            }

            @Override
            protected double computeMinWidth(double height) {
                return computePrefWidth(height);
            }
        };
        label.getStyleClass().add("tender-name");
        Label cap = new Label(keyLabel);
        cap.getStyleClass().add("keycap-small");
        label.setGraphic(cap);
        label.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        label.setGraphicTextGap(8);
        return label;
    }
    public static Label small(String key) {
        Label label = new Label(I18n.text(key));
        label.getStyleClass().add("tender-small");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
    public static VBox card(String titleKey, String hintKey, Node... body) {
        return card(new VBox(), titleKey, hintKey, body);
    }

    /** {@code card} made a titled panel (of {@link #card(String, String, Node...)}). */
    private static VBox card(VBox card, String titleKey, String hintKey, Node... body) {
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
        card.getChildren().add(top);
        card.getChildren().addAll(body);
        card.getStyleClass().add("panel");
        return card;
    }

    /** The figures of a money summary (应收/实收/找零 …): names left, figures right, at natural width. */
    public static GridPane figures() {
        GridPane figures = new GridPane();
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setHalignment(HPos.RIGHT);
        figures.getColumnConstraints().setAll(names, values);
        figures.getStyleClass().setAll("pay-figures");
        return figures;
    }

    /** One row of {@link #figures()}: the name and the bound figure. */
    public static void figure(GridPane grid, int row, String key, String id, ObservableValue<String> value,
                              String nameClass, String valueClass) {
        Label name = new Label(I18n.text(key));
        name.getStyleClass().add(nameClass);
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label figure = bound(id, value, valueClass);
        figure.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(row, name, figure);
    }

    /**
     * The summary beside a money form (opening, transfer, top-up): the figures, the change in words
     * ({@code <prefix>-change-words}), the message line ({@code <prefix>-message}) and the confirm hint
     * at the bottom.
     */
    public static VBox summaryPanel(String prefix, GridPane figures, ObservableValue<String> changeInWords,
                                    ObservableValue<String> message, ObservableValue<MessageKind> messageKind,
                                    String hintKey, double prefWidth, double minWidth) {
        return summaryPanel(prefix, figures, changeInWords, message, messageKind,
                new javafx.beans.property.SimpleStringProperty(I18n.text(hintKey)), prefWidth, minWidth);
    }

    /** As above, with a hint that follows the business ({@code <prefix>-hint}: what to do now, what after it is done). */
    public static VBox summaryPanel(String prefix, GridPane figures, ObservableValue<String> changeInWords,
                                    ObservableValue<String> message, ObservableValue<MessageKind> messageKind,
                                    ObservableValue<String> hintText, double prefWidth, double minWidth) {
        Label words = bound(prefix + "-change-words", changeInWords, "amount-words");
        Label line = FormMessage.create(prefix + "-message", message, messageKind);
        line.setWrapText(true);
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label hint = bound(prefix + "-hint", hintText, "pay-confirm-hint");
        hint.setWrapText(true);
        // never narrower than its figures (names and amounts) need: the amounts stay inside the panel
        VBox summary = card(Forms.columnAtLeast(minWidth), "ui.pay.summary", null, figures, words, line, spacer, hint);
        summary.getStyleClass().add("pay-summary");
        summary.setPrefWidth(prefWidth);
        return summary;
    }
}
