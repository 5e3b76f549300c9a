package io.counterdesk.checkout.ui;

import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.shared.ChineseAmount;
import io.counterdesk.shared.I18n;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The confirmation (F12): the figures to call out and, beside them, the receipts exactly as they
 * will print — laid out from the quote, with the numbers the cashier's stock will give (the real
 * numbers are taken when the payment is). Enter takes the payment, Esc goes back to the form.
 * While the payment is taken and printed, the dialog says so and takes no keys.
 */
public final class ConfirmPaymentView {

    private final VBox panel = new VBox();

    public ConfirmPaymentView(CheckoutModel model, Confirmation confirmation) {
        this(model, confirmation, "ui.pay.confirm.title");
    }

    /** With its own title ("确认购气"). */
    public ConfirmPaymentView(CheckoutModel model, Confirmation confirmation, String titleKey) {
        panel.setId("pay-confirmation");
        panel.getStyleClass().addAll("overlay-panel", "confirm-dialog");
        panel.setMaxWidth(Region.USE_PREF_SIZE);
        panel.setMaxHeight(Region.USE_PREF_SIZE);
        panel.setFocusTraversable(true);

        Label title = new Label(I18n.text(titleKey));
        title.getStyleClass().add("overlay-title");
        PaymentPlan plan = confirmation.plan();

        GridPane figures = new GridPane();
        figures.getStyleClass().add("pay-figures");
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHalignment(HPos.RIGHT);
        values.setHgrow(Priority.ALWAYS);
        figures.getColumnConstraints().addAll(names, values);
        row(figures, "ui.pay.summary.total", plan.totalDue().format(), "confirm-total", false);
        if (plan.voucherM3() > 0) {
            row(figures, "ui.pay.summary.vouchers",
                    I18n.text("ui.pay.summary.voucherValue", plan.voucherValue().format(), plan.voucherM3()),
                    "confirm-vouchers", false);
        }
        row(figures, "ui.pay.summary.due", plan.totalDue().minus(plan.voucherValue()).format(), "confirm-due", true);
        row(figures, "ui.pay.summary.received", plan.moneyReceived().format(), "confirm-received", true);
        row(figures, "ui.pay.summary.change", plan.change().format(), "confirm-change", true);
        if (plan.stillOwed().isPositive()) {
            // a partial payment: what stays owing as large as the change, in the warning colour (issue 15 §2)
            row(figures, "ui.pay.summary.stillOwed", plan.stillOwed().format(), "confirm-still-owed", true);
        }
        if (plan.creditAdded().isPositive()) {
            row(figures, "ui.pay.summary.creditAdded", plan.creditAdded().format(), "confirm-credit-added", false);
        }
        Label changeWords = new Label(I18n.text("ui.pay.confirm.changeWords", ChineseAmount.of(plan.change())));
        changeWords.getStyleClass().add("amount-words");

        List<String> titles = new ArrayList<>();
        List<Node> cards = new ArrayList<>();
        for (DraftView draft : confirmation.drafts()) {
            String caption = I18n.text("ui.pay.confirm.draftCaption", draft.title(), draft.expectedNumber());
            titles.add(caption);
            cards.add(ReceiptImages.card(caption, "draft-caption", draft.image()));
        }
        Label toPrint = new Label(I18n.text("ui.pay.confirm.willPrint", titles.size(),
                String.join(I18n.text("ui.pay.listSeparator"), titles)));
        toPrint.setId("pay-confirm-receipts");
        toPrint.getStyleClass().add("confirm-receipts");
        toPrint.setWrapText(true);

        Label busy = messageLine("pay-confirm-busy", "confirm-busy", model.busyTextProperty());
        Label owing = messageLine("pay-confirm-owing", "confirm-owing", model.owingPromptProperty());

        // never narrower than the figures need: a large change stays whole (longer names in English)
        VBox left = io.counterdesk.ui.Forms.columnAtLeast(360, figures, changeWords, toPrint, owing, busy);
        left.getStyleClass().add("confirm-left");
        left.setPrefWidth(400);
        ScrollPane strip = ReceiptImages.previewStrip("pay-drafts", cards);
        strip.setPrefViewportHeight(520);
        strip.setPrefViewportWidth(ReceiptImages.WIDTH * Math.min(2, cards.size()) + 40);
        HBox body = new HBox(left, strip);
        body.getStyleClass().add("confirm-body");

        Label hint = new Label(I18n.text("ui.pay.confirm.keyHint"));
        hint.getStyleClass().add("overlay-footer");
        panel.getChildren().addAll(title, body, hint);

        panel.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.commit();
                e.consume();
            }
        });
    }

    /** A line that shows only while it has something to say. */
    private static Label messageLine(String id, String styleClass, javafx.beans.value.ObservableValue<String> text) {
        Label line = new Label();
        line.setId(id);
        line.getStyleClass().add(styleClass);
        line.setWrapText(true);
        line.textProperty().bind(text);
        line.visibleProperty().bind(line.textProperty().isNotEmpty());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    private static void row(GridPane grid, String key, String value, String id, boolean large) {
        Label name = new Label(I18n.text(key));
        boolean owing = "confirm-still-owed".equals(id);
        name.getStyleClass().add(owing ? "pay-name-owing" : large ? "pay-name" : "pay-name-small");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label amount = new Label(value);
        amount.setMinWidth(Region.USE_PREF_SIZE);
        amount.setId(id);
        amount.getStyleClass().add(owing ? "pay-figure-owing" : large
                ? ("confirm-change".equals(id) ? "pay-figure-change" : "pay-figure") : "pay-figure-small");
        grid.addRow(grid.getRowCount(), name, amount);
    }

    public Node node() {
        return panel;
    }

    public void focus() {
        panel.requestFocus();
    }
}
