package io.counterdesk.card.ui;

import io.counterdesk.security.ui.ApprovalOverlay;
import io.counterdesk.checkout.CheckoutField;
import static io.counterdesk.card.ui.CardForms.fact;
import static io.counterdesk.card.ui.CardForms.grid;
import static io.counterdesk.checkout.ui.TenderForms.bound;
import static io.counterdesk.checkout.ui.TenderForms.card;
import static io.counterdesk.checkout.ui.TenderForms.field;
import static io.counterdesk.checkout.ui.TenderForms.figure;
import static io.counterdesk.checkout.ui.TenderForms.name;
import static io.counterdesk.checkout.ui.TenderForms.small;

import io.counterdesk.checkout.ui.ConfirmPaymentView;
import io.counterdesk.checkout.ui.PaymentResultPane;
import io.counterdesk.security.ui.Approvals;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.CounterAction;
import io.counterdesk.ui.CounterKeys;
import io.counterdesk.ui.OverlayHost;
import io.counterdesk.ui.Screen;
import io.counterdesk.checkout.ui.TenderForms;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The top-up screen (购气, Ctrl+G): the card as read on the left with the volume / amount and the
 * tenders below; on the right the volume, its price line (tiers; with vouchers their m³, the m³
 * charged and the face value) and the figures to call out (应收 / 实收 / 找零) large. F3 / F4 go to volume / amount, Ctrl+1 / 2 / 4 / 5 to cash / bank card / vouchers / credit, F12
 * shows the receipt as it will print and Enter there buys; afterwards the same result pane as a
 * payment's (F9 prints what is missing). F5 reads the card again; F6 / F8 finish an open write; F7
 * reverses the last purchase still on the card.
 */
public final class TopUpView implements Screen {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    /** Height of one price line. */
    private static final double PRICE_LINE = 26;

    private final TopUpViewModel model;
    private final OverlayHost host;
    private final ApprovalOverlay approvals;
    private final StackPane page = new StackPane();
    private final VBox editPage = new VBox();
    private final PaymentResultPane resultPage;
    private final TextField volume = field("topup-volume", "amount-field");
    private final TextField amount = field("topup-amount", "amount-field");
    private final TextField cash = field("topup-cash", "amount-field");
    private final TextField cardAmount = field("topup-card-amount", "tender-amount");
    private final TextField cardReference = field("topup-card-reference", "tender-reference");
    private final TextField credit = field("topup-credit", "tender-amount");
    private final TextField voucherCount = field("topup-voucher-count", "tender-count");
    private final TextField voucherFace = field("topup-voucher-face", "tender-amount");
    private final TextField voucherValidThrough = field("topup-voucher-valid-through", "tender-date");
    private final Map<CheckoutField, TextField> fields = Map.of(CheckoutField.CASH, cash,
            CheckoutField.CARD_AMOUNT, cardAmount, CheckoutField.CARD_REFERENCE, cardReference,
            CheckoutField.CREDIT, credit, CheckoutField.VOUCHER_COUNT, voucherCount,
            CheckoutField.VOUCHER_FACE, voucherFace, CheckoutField.VOUCHER_VALID_THROUGH,
            voucherValidThrough);
    private boolean overlayOpen;

    public TopUpView(TopUpViewModel model, OverlayHost host, Approvals approvals) {
        this.model = model;
        this.host = host;
        this.approvals = new ApprovalOverlay(host, approvals);
        page.setId("topup");
        page.getStyleClass().add("payment-page");

        volume.textProperty().bindBidirectional(model.volumeProperty());
        amount.textProperty().bindBidirectional(model.amountProperty());
        cash.textProperty().bindBidirectional(model.cashProperty());
        cardAmount.textProperty().bindBidirectional(model.cardAmountProperty());
        cardReference.textProperty().bindBidirectional(model.cardReferenceProperty());
        credit.textProperty().bindBidirectional(model.creditProperty());
        voucherCount.textProperty().bindBidirectional(model.voucherCountProperty());
        voucherFace.textProperty().bindBidirectional(model.voucherFaceProperty());
        voucherValidThrough.textProperty().bindBidirectional(model.voucherValidThroughProperty());
        voucherFace.setPromptText(I18n.text("ui.pay.voucherFacePrompt"));
        voucherValidThrough.setPromptText(I18n.text("ui.pay.validThroughPrompt", model.thisQuarterEnds().toString()));
        volume.setPromptText(I18n.text("ui.topup.volumePrompt"));
        amount.setPromptText(I18n.text("ui.topup.amountPrompt"));
        cardReference.setPromptText(I18n.text("ui.pay.cardReferencePrompt"));
        List<TextField> order = List.of(volume, cash, cardAmount, cardReference, voucherCount, voucherFace,
                voucherValidThrough, credit);
        for (int i = 0; i < order.size(); i++) {
            TextField next = order.get((i + 1) % order.size());
            order.get(i).setOnAction(e -> focus(next));
        }
        amount.setOnAction(e -> focus(cash));
        for (TextField f : List.of(volume, amount, cash, cardAmount, cardReference, credit, voucherCount, voucherFace,
                voucherValidThrough)) {
            f.editableProperty().bind(model.stateProperty().isEqualTo(TopUpViewModel.State.EDITING));
        }

        editPage.getStyleClass().add("payment-edit");
        HBox body = new HBox(left(), summary());
        body.getStyleClass().add("payment-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        editPage.getChildren().addAll(heading(), body);
        resultPage = new PaymentResultPane(model);
        resultPage.node().setVisible(false);
        editPage.visibleProperty().bind(resultPage.node().visibleProperty().not());
        page.getChildren().addAll(editPage, resultPage.node());

        model.invalidFieldProperty().addListener((obs, was, now) ->
                fields.forEach((f, node) -> node.pseudoClassStateChanged(INVALID, f == now)));
        model.stateProperty().addListener((obs, was, now) -> stateChanged(was, now));
    }

    // ---- building ----

    private Node heading() {
        Label accountLabel = new Label(I18n.text("ui.detail.accountNo"));
        accountLabel.getStyleClass().add("detail-account-label");
        Label accountNo = bound("topup-account-no", model.accountNoProperty(), "pay-account-no");
        Label holder = bound("topup-holder", model.holderNameProperty(), "holder-name");
        Label address = bound("topup-address", model.addressProperty(), "text-muted");
        address.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label(I18n.text("ui.topup.keyHint"));
        hint.getStyleClass().add("form-hint");
        hint.setMinWidth(Region.USE_PREF_SIZE);
        HBox heading = new HBox(accountLabel, accountNo, holder, address, spacer, hint);
        heading.getStyleClass().add("detail-heading");
        heading.setAlignment(Pos.CENTER_LEFT);
        return heading;
    }

    private Node left() {
        GridPane card = grid();
        int row = 0;
        fact(card, row++, "ui.topup.serial", "topup-serial", model.cardSerialProperty());
        fact(card, row++, "ui.topup.count", "topup-count", model.purchaseCountProperty());
        fact(card, row++, "ui.topup.last", "topup-last", model.lastPurchaseProperty());
        fact(card, row++, "ui.topup.meter", "topup-meter", model.meterProperty());
        fact(card, row++, "ui.topup.year", "topup-year", model.yearVolumeProperty());
        fact(card, row, "ui.topup.tariff", "topup-tariff", model.tariffProperty());
        VBox cardPanel = card("ui.topup.card", null, card);

        GridPane buy = grid();
        buy.addRow(0, name("ui.topup.volume", "F3"), volume, name("ui.topup.amount", "F4"), amount);
        VBox buyPanel = card("ui.topup.buy", null, buy);

        GridPane tenders = grid();
        tenders.addRow(0, name("ui.pay.tender.cash", "Ctrl+1"), cash);
        GridPane.setColumnSpan(cash, 3);
        tenders.addRow(1, name("ui.pay.tender.card", "Ctrl+2"), small("ui.pay.amount"), cardAmount,
                small("ui.pay.reference"), cardReference);
        tenders.addRow(2, name("ui.pay.tender.voucher", "Ctrl+4"), small("ui.pay.voucherCount"), voucherCount,
                small("ui.pay.voucherFace"), voucherFace, small("ui.pay.validThrough"), voucherValidThrough);
        tenders.addRow(3, name("ui.pay.tender.credit", "Ctrl+5"), small("ui.pay.amount"), credit);
        VBox tenderPanel = card("ui.pay.tenders", null, tenders);

        VBox left = new VBox(cardPanel, buyPanel, tenderPanel);
        left.getStyleClass().add("payment-column");
        HBox.setHgrow(left, Priority.ALWAYS);
        return left;
    }

    private Node summary() {
        GridPane figures = TenderForms.figures();
        figure(figures, 0, "ui.topup.summary.gas", "topup-gas", model.gasProperty(), "pay-name-small",
                "pay-figure-small");
        figures.add(priceLines(), 0, 1, 2, 1);
        figure(figures, 2, "ui.pay.summary.due", "topup-due", model.dueProperty(), "pay-name", "pay-figure");
        figure(figures, 3, "ui.pay.summary.received", "topup-received", model.receivedProperty(), "pay-name",
                "pay-figure");
        figure(figures, 4, "ui.pay.summary.change", "topup-change", model.changeProperty(), "pay-name-change",
                "pay-figure-change");
        return TenderForms.summaryPanel("topup", figures, model.changeInWordsProperty(), model.messageProperty(),
                model.messageKindProperty(), "ui.topup.confirmHint", 430, 380);
    }

    /**
     * The price line under the volume, every line shown (no scrolling): the tiers of the gas, or with
     * vouchers the m³ they settle, the m³ charged at their tiers and the face value — which add up to
     * 应收 right below. Beside the figures, as the form on the left has no room for four lines.
     */
    private Node priceLines() {
        ListView<String> tiers = new ListView<>(model.tierLines());
        tiers.setId("topup-tiers");
        tiers.getStyleClass().add("detail-table");
        tiers.setFocusTraversable(false);
        tiers.setPlaceholder(new Label(I18n.text("ui.topup.noTiers")));
        tiers.setFixedCellSize(PRICE_LINE);
        tiers.prefHeightProperty().bind(Bindings.max(1, Bindings.size(model.tierLines())).multiply(PRICE_LINE).add(2));
        tiers.minHeightProperty().bind(tiers.prefHeightProperty());
        return tiers;
    }

    // ---- behaviour ----

    private void stateChanged(TopUpViewModel.State was, TopUpViewModel.State now) {
        switch (now) {
            case EDITING -> {
                closeOverlay();
                approvals.close();
                if (was == TopUpViewModel.State.READING || was == TopUpViewModel.State.WORKING) {
                    focus(volume);
                } else {
                    focusInvalid();
                }
            }
            case CONFIRMING -> {
                ConfirmPaymentView confirm = new ConfirmPaymentView(model, model.confirmationProperty().get(),
                        "ui.topup.confirm.title");
                overlayOpen = true;
                // Esc: back to the form as typed; the state change closes the overlay
                host.showOverlay(confirm.node(), model::cancelConfirmation);
                confirm.focus();
            }
            case DONE -> {
                closeOverlay();
                resultPage.node().setVisible(true);
                resultPage.focus();
            }
            case READING -> resultPage.node().setVisible(false);
            default -> { }
        }
    }

    private void closeOverlay() {
        if (overlayOpen) {
            overlayOpen = false;
            host.closeOverlay();
        }
    }

    private void focusInvalid() {
        CheckoutField field = model.invalidFieldProperty().get();
        focus(field != null && fields.containsKey(field) ? fields.get(field) : volume);
    }

    private void confirm() {
        model.confirm();
        if (model.stateProperty().get() == TopUpViewModel.State.EDITING) {
            focusInvalid();
        }
    }

    private static void focus(TextField field) {
        field.requestFocus();
        field.selectAll();
    }

    // ---- Screen ----

    @Override
    public Node node() {
        return page;
    }

    @Override
    public String title() {
        return I18n.text("ui.topup.title");
    }

    @Override
    public void shown() {
        if (model.stateProperty().get() == TopUpViewModel.State.DONE) {
            resultPage.focus();
        } else {
            focus(volume);
        }
    }

    @Override
    public String typedInput() {
        return model.stateProperty().get() == TopUpViewModel.State.EDITING ? Screen.typed(volume, amount, cash,
                cardAmount, cardReference, credit, voucherCount, voucherFace, voucherValidThrough) : "";
    }

    @Override
    public boolean escape() {
        return model.busy();
    }

    @Override
    public List<CounterAction> actions() {
        String group = CounterKeys.GROUP_TOP_UP;
        BooleanSupplier editing = () -> model.stateProperty().get() == TopUpViewModel.State.EDITING;
        return List.of(
                CounterAction.of("topup.read", CounterKeys.TOP_UP_READ, "F5", group, "ui.keys.topup.read", model::read)
                        .when(() -> !model.busy() && model.stateProperty().get() != TopUpViewModel.State.CONFIRMING),
                CounterAction.of("topup.volume", CounterKeys.TOP_UP_VOLUME, "F3", group, "ui.keys.topup.volume",
                        () -> focus(volume)).when(editing),
                CounterAction.of("topup.amount", CounterKeys.TOP_UP_AMOUNT, "F4", group, "ui.keys.topup.amount",
                        () -> focus(amount)).when(editing),
                CounterAction.of("topup.cash", CounterKeys.PAY_CASH, "Ctrl+1", group, "ui.keys.pay.cash",
                        () -> focus(cash)).when(editing),
                CounterAction.of("topup.card", CounterKeys.PAY_CARD, "Ctrl+2", group, "ui.keys.pay.card",
                        () -> focus(cardAmount)).when(editing),
                CounterAction.of("topup.voucher", CounterKeys.PAY_VOUCHER, "Ctrl+4", group, "ui.keys.pay.voucher",
                        () -> focus(voucherCount)).when(editing),
                CounterAction.of("topup.credit", CounterKeys.PAY_CREDIT, "Ctrl+5", group, "ui.keys.pay.credit",
                        () -> focus(credit)).when(editing),
                CounterAction.of("topup.confirm", CounterKeys.PAY_CONFIRM, "F12", group, "ui.keys.topup.confirm",
                        this::confirm).when(editing),
                CounterAction.of("topup.rewrite", CounterKeys.TOP_UP_REWRITE, "F6", group, "ui.keys.topup.rewrite",
                        model::rewrite).when(() -> model.stateProperty().get() == TopUpViewModel.State.OPEN_WRITE),
                CounterAction.of("topup.reverse", CounterKeys.TOP_UP_REVERSE, "F7", group, "ui.keys.topup.reverse",
                        () -> approvals.ask("ui.topup.approval.reverse", model.reverseText(), model::reverse))
                        .when(model::canReverse),
                CounterAction.of("topup.refund", CounterKeys.TOP_UP_REFUND, "F8", group, "ui.keys.topup.refund",
                        () -> approvals.ask("ui.topup.approval.refund", model.refundText(), model::refund))
                        .when(model::canRefund),
                CounterAction.of("topup.printAgain", CounterKeys.PRINT, "F9", group, "ui.keys.topup.printAgain",
                        model::printAgain).when(() -> model.stateProperty().get() == TopUpViewModel.State.DONE),
                CounterAction.hint("topup.back", "Esc", group, "ui.keys.pay.back"));
    }

    @Override
    public void closed() {
        model.dispose();
    }

    /** Whether {@code screen} is the top-up screen (Ctrl+G does not open a second one). */
    public static boolean isTopUpScreen(Screen screen) {
        return screen instanceof TopUpView;
    }

    public TopUpViewModel model() {
        return model;
    }

    // ---- small builders ----
}
