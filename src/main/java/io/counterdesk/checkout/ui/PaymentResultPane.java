package io.counterdesk.checkout.ui;

import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.FormMessage;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The payment screen once the payment is taken: the figures again (唱付: the change handed back),
 * each receipt with its number and whether it has come out of the printer, and the receipts as
 * printed. F9 prints what is missing or a marked copy; Esc goes back to the account.
 */
public final class PaymentResultPane {

    private final CheckoutModel model;
    private final HBox page = new HBox();
    private final GridPane figures = new GridPane();
    private final VBox receiptList = new VBox();
    private final VBox previews = new VBox();

    public PaymentResultPane(CheckoutModel model) {
        this.model = model;
        page.setId("pay-result");
        page.getStyleClass().add("payment-result");
        page.setFocusTraversable(true);

        Label heading = new Label(I18n.text("ui.pay.result.heading"));
        heading.setId("pay-result-heading");
        heading.getStyleClass().add("pay-result-heading");
        Label account = new Label();
        account.getStyleClass().add("text-muted");
        account.textProperty().bind(javafx.beans.binding.Bindings.concat(model.accountNoProperty(), "  ",
                model.holderNameProperty()));

        figures.getStyleClass().add("pay-figures");
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHalignment(HPos.RIGHT);
        values.setHgrow(Priority.ALWAYS);
        figures.getColumnConstraints().addAll(names, values);

        receiptList.setId("pay-result-receipts");
        receiptList.getStyleClass().add("pay-result-receipts");
        Label receiptsTitle = new Label(I18n.text("ui.pay.result.receipts"));
        receiptsTitle.getStyleClass().add("card-title");

        Label message = FormMessage.create("pay-result-message", model.messageProperty(), model.messageKindProperty());
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label hint = new Label(I18n.text("ui.pay.result.keyHint"));
        hint.getStyleClass().add("pay-confirm-hint");
        hint.setWrapText(true);

        // never narrower than the figures need: a large change stays whole (longer names in English)
        VBox left = io.counterdesk.ui.Forms.columnAtLeast(420, heading, account, figures, receiptsTitle, receiptList, message,
                spacer, hint);
        left.getStyleClass().addAll("panel", "pay-result-left");
        left.setPrefWidth(470);

        previews.getStyleClass().add("pay-result-previews");
        HBox.setHgrow(previews, Priority.ALWAYS);
        page.getChildren().addAll(left, previews);

        model.outcomeProperty().addListener((obs, was, now) -> {
            if (now != null) {
                fill(now, was == null || was.result() != now.result());
            }
        });
    }

    private void fill(Outcome outcome, boolean first) {
        PaymentPlan plan = outcome.result().plan();
        if (first) {
            figures.getChildren().clear();
            row("ui.pay.summary.total", plan.totalDue().format(), "pay-result-total", false);
            if (plan.voucherM3() > 0) {
                row("ui.pay.summary.vouchers",
                        I18n.text("ui.pay.summary.voucherValue", plan.voucherValue().format(), plan.voucherM3()),
                        "pay-result-vouchers", false);
            }
            row("ui.pay.summary.due", plan.totalDue().minus(plan.voucherValue()).format(), "pay-result-due", true);
            row("ui.pay.summary.received", plan.moneyReceived().format(), "pay-result-received", true);
            row("ui.pay.summary.change", plan.change().format(), "pay-result-change", true);
            if (plan.stillOwed().isPositive()) {
                row("ui.pay.summary.stillOwed", plan.stillOwed().format(), "pay-result-still-owed", false);
            }
            if (plan.creditAdded().isPositive()) {
                row("ui.pay.summary.creditAdded", plan.creditAdded().format(), "pay-result-credit-added", false);
            }
        }
        receiptList.getChildren().clear();
        List<Node> cards = new ArrayList<>();
        int n = 0;
        for (ReceiptView receipt : outcome.receipts()) {
            String state = I18n.text(receipt.printed() ? "ui.pay.result.printed" : "ui.pay.result.notPrinted");
            Label line = new Label(I18n.text("ui.pay.result.receiptLine", receipt.title(),
                    receipt.receipt().formattedNumber(), state));
            line.setId("pay-result-receipt-" + n++);
            line.getStyleClass().add(receipt.printed() ? "receipt-printed" : "receipt-not-printed");
            receiptList.getChildren().add(line);
            cards.add(ReceiptImages.card(receipt.label() + " · " + state,
                    receipt.printed() ? "receipt-printed" : "receipt-not-printed", receipt.image()));
        }
        ScrollPane strip = ReceiptImages.previewStrip("pay-result-previews", cards);
        VBox.setVgrow(strip, Priority.ALWAYS);
        strip.setMaxHeight(Double.MAX_VALUE);
        previews.getChildren().setAll(strip);
        previews.setAlignment(Pos.TOP_LEFT);
    }

    private void row(String key, String value, String id, boolean large) {
        Label name = new Label(I18n.text(key));
        name.getStyleClass().add(large ? ("pay-result-change".equals(id) ? "pay-name-change" : "pay-name")
                : "pay-name-small");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label amount = new Label(value);
        amount.setMinWidth(Region.USE_PREF_SIZE);
        amount.setId(id);
        amount.getStyleClass().add(large ? ("pay-result-change".equals(id) ? "pay-figure-change" : "pay-figure")
                : "pay-figure-small");
        figures.addRow(figures.getRowCount(), name, amount);
    }

    public Node node() {
        return page;
    }

    public void focus() {
        page.requestFocus();
    }
}
