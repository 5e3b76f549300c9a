package io.counterdesk.till.ui;

import io.counterdesk.shared.I18n;
import io.counterdesk.ui.CounterAction;
import io.counterdesk.ui.CounterKeys;
import io.counterdesk.ui.FormMessage;
import io.counterdesk.ui.Screen;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The open-till screen: one amount field, the amount read back large, Enter confirms, Esc skips. */
public final class OpenTillView implements Screen {

    private final OpenTillViewModel model;
    private final StackPane page = new StackPane();
    private final TextField floatField = new TextField();

    public OpenTillView(OpenTillViewModel model) {
        this.model = model;
        page.setId("open-till");
        page.getStyleClass().add("open-till-page");

        Label heading = new Label(I18n.text("ui.till.heading", model.operatorLabel()));
        heading.getStyleClass().add("screen-heading");
        Label explanation = new Label(I18n.text("ui.till.explanation"));
        explanation.getStyleClass().add("text-muted");
        explanation.setWrapText(true);

        Label fieldLabel = new Label(I18n.text("ui.till.float"));
        fieldLabel.getStyleClass().add("field-label");
        fieldLabel.setLabelFor(floatField);
        floatField.setId("till-float");
        floatField.getStyleClass().add("amount-field");
        floatField.setPromptText(I18n.text("ui.till.floatPrompt"));
        floatField.textProperty().bindBidirectional(model.floatTextProperty());
        floatField.setOnAction(e -> model.confirm());
        floatField.disableProperty().bind(model.stateProperty().isNotEqualTo(OpenTillViewModel.State.ENTERING));

        Label amount = new Label();
        amount.setId("till-amount");
        amount.getStyleClass().add("amount-large");
        amount.textProperty().bind(model.amountProperty());
        Label words = new Label();
        words.setId("till-amount-words");
        words.getStyleClass().add("amount-words");
        words.textProperty().bind(model.amountInWordsProperty());

        Label message = FormMessage.create("till-message", model.messageProperty(), model.messageKindProperty());
        Label hint = new Label(I18n.text("ui.till.keyHint"));
        hint.getStyleClass().add("form-hint");

        VBox card = new VBox(heading, explanation, fieldLabel, floatField, amount, words, message, hint);
        card.getStyleClass().addAll("panel", "open-till-card");
        card.setMaxWidth(560);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setAlignment(Pos.CENTER_LEFT);
        page.getChildren().add(card);
        StackPane.setAlignment(card, Pos.TOP_CENTER);

        model.stateProperty().addListener((obs, was, now) -> {
            if (now == OpenTillViewModel.State.ENTERING) {
                floatField.requestFocus();
            }
        });
    }

    @Override
    public Node node() {
        return page;
    }

    @Override
    public String title() {
        return I18n.text("ui.till.title");
    }

    @Override
    public void shown() {
        floatField.requestFocus();
        floatField.selectAll();
    }

    /** Esc goes on without a till; the shell must not also go back. */
    @Override
    public boolean escape() {
        model.skip();
        return true;
    }

    @Override
    public List<CounterAction> actions() {
        return List.of(
                CounterAction.hint("till.confirm", "Enter", CounterKeys.GROUP_TILL, "ui.keys.till.confirm"),
                CounterAction.hint("till.skip", "Esc", CounterKeys.GROUP_TILL, "ui.keys.till.skip"));
    }
}
