package io.counterdesk.payment.ui;

import io.counterdesk.checkout.ui.ConfirmPaymentView;
import io.counterdesk.checkout.ui.PaymentResultPane;
import io.counterdesk.checkout.CheckoutField;
import static io.counterdesk.checkout.ui.TenderForms.bound;
import static io.counterdesk.checkout.ui.TenderForms.card;
import static io.counterdesk.checkout.ui.TenderForms.field;
import static io.counterdesk.checkout.ui.TenderForms.name;
import static io.counterdesk.checkout.ui.TenderForms.small;

import io.counterdesk.payment.FeeItem;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.CounterAction;
import io.counterdesk.ui.CounterKeys;
import io.counterdesk.ui.FormMessage;
import io.counterdesk.ui.Forms;
import io.counterdesk.ui.OverlayHost;
import io.counterdesk.ui.Screen;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The payment screen (F5 on an account): bills and fee items on the left with the tenders below
 * them, the figures the cashier calls out (唱收唱付: 应收 / 实收 / 找零) large on the right, updated
 * as the cashier types. The focus starts in 现金实收; Enter moves from field to field, Ctrl+1 … 5
 * jump to a kind of tender, F12 shows what will be printed and Enter there takes the payment.
 * After it, the same screen shows the receipts as printed; F9 prints what the printer missed (or a
 * marked copy), Esc goes back to the account.
 */
public final class PaymentView implements Screen {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass LEFT_OUT = PseudoClass.getPseudoClass("left-out");
    private static final PseudoClass OWING = PseudoClass.getPseudoClass("owing");

    private final PaymentViewModel model;
    private final OverlayHost host;
    private final StackPane page = new StackPane();
    private final VBox editPage = new VBox();
    private final PaymentResultPane resultPage;
    private final TableView<BillItem> bills = new TableView<>();
    private final TableView<FeeItem.Line> fees = new TableView<>();
    private final Map<CheckoutField, Node> fields = new EnumMap<>(CheckoutField.class);
    private final TextField cash = field("pay-cash", "amount-field");
    private final TextField cardAmount = field("pay-card-amount", "tender-amount");
    private final TextField cardReference = field("pay-card-reference", "tender-reference");
    private final TextField slipAmount = field("pay-slip-amount", "tender-amount");
    private final TextField slipNumber = field("pay-slip-number", "tender-reference");
    private final TextField voucherCount = field("pay-voucher-count", "tender-count");
    private final TextField voucherFace = field("pay-voucher-face", "tender-amount");
    private final TextField voucherValidThrough = field("pay-voucher-valid-through", "tender-date");
    private final TextField credit = field("pay-credit", "tender-amount");
    private final List<TextField> order = List.of(cash, cardAmount, cardReference, slipAmount, slipNumber, voucherCount,
            voucherFace, voucherValidThrough, credit);
    private ConfirmPaymentView confirmView;

    public PaymentView(PaymentViewModel model, OverlayHost host) {
        this.model = model;
        this.host = host;
        page.setId("payment");
        page.getStyleClass().add("payment-page");

        cash.textProperty().bindBidirectional(model.cashProperty());
        cardAmount.textProperty().bindBidirectional(model.cardAmountProperty());
        cardReference.textProperty().bindBidirectional(model.cardReferenceProperty());
        slipAmount.textProperty().bindBidirectional(model.slipAmountProperty());
        slipNumber.textProperty().bindBidirectional(model.slipNumberProperty());
        voucherCount.textProperty().bindBidirectional(model.voucherCountProperty());
        voucherFace.textProperty().bindBidirectional(model.voucherFaceProperty());
        voucherValidThrough.textProperty().bindBidirectional(model.voucherValidThroughProperty());
        credit.textProperty().bindBidirectional(model.creditProperty());
        cash.setPromptText(I18n.text("ui.pay.cashPrompt"));
        cardReference.setPromptText(I18n.text("ui.pay.cardReferencePrompt"));
        slipNumber.setPromptText(I18n.text("ui.pay.slipNumberPrompt"));
        voucherFace.setPromptText(I18n.text("ui.pay.voucherFacePrompt"));
        voucherValidThrough.setPromptText(I18n.text("ui.pay.validThroughPrompt", model.thisQuarterEnds().toString()));
        for (int i = 0; i < order.size(); i++) {
            TextField next = order.get((i + 1) % order.size());
            order.get(i).setOnAction(e -> focus(next));
            order.get(i).editableProperty().bind(model.stateProperty().isEqualTo(PaymentViewModel.State.EDITING));
        }
        fields.put(CheckoutField.BILLS, bills);
        fields.put(CheckoutField.FEES, fees);
        fields.put(CheckoutField.CASH, cash);
        fields.put(CheckoutField.CARD_AMOUNT, cardAmount);
        fields.put(CheckoutField.CARD_REFERENCE, cardReference);
        fields.put(CheckoutField.SLIP_AMOUNT, slipAmount);
        fields.put(CheckoutField.SLIP_NUMBER, slipNumber);
        fields.put(CheckoutField.VOUCHER_COUNT, voucherCount);
        fields.put(CheckoutField.VOUCHER_FACE, voucherFace);
        fields.put(CheckoutField.VOUCHER_VALID_THROUGH, voucherValidThrough);
        fields.put(CheckoutField.CREDIT, credit);

        editPage.getStyleClass().add("payment-edit");
        editPage.getChildren().addAll(heading(), body());
        VBox.setVgrow(editPage.getChildren().get(1), Priority.ALWAYS);
        resultPage = new PaymentResultPane(model);
        resultPage.node().setVisible(false);

        Label loading = new Label();
        loading.setId("pay-loading");
        loading.getStyleClass().add("placeholder-text");
        loading.textProperty().bind(model.messageProperty());
        loading.visibleProperty().bind(model.stateProperty().isEqualTo(PaymentViewModel.State.LOADING)
                .or(model.stateProperty().isEqualTo(PaymentViewModel.State.LOAD_FAILED)));
        editPage.visibleProperty().bind(loading.visibleProperty().not().and(resultPage.node().visibleProperty().not()));
        page.getChildren().addAll(editPage, resultPage.node(), loading);

        model.invalidFieldProperty().addListener((obs, was, now) -> markInvalid(now));
        model.stateProperty().addListener((obs, was, now) -> stateChanged(was, now));
    }

    // ---- building ----

    private Node heading() {
        Label accountLabel = new Label(I18n.text("ui.detail.accountNo"));
        accountLabel.getStyleClass().add("detail-account-label");
        Label accountNo = bound("pay-account-no", model.accountNoProperty(), "pay-account-no");
        Label holder = bound("pay-holder", model.holderNameProperty(), "holder-name");
        Label address = bound("pay-address", model.addressProperty(), "text-muted");
        address.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label(I18n.text("ui.pay.keyHint"));
        hint.getStyleClass().add("form-hint");
        hint.setMinWidth(Region.USE_PREF_SIZE);
        HBox heading = new HBox(accountLabel, accountNo, holder, address, spacer, hint);
        heading.getStyleClass().add("detail-heading");
        heading.setAlignment(Pos.CENTER_LEFT);
        return heading;
    }

    private Node body() {
        buildBills();
        buildFees();
        VBox billCard = card("ui.pay.bills", "ui.pay.billsHint", bills);
        VBox.setVgrow(bills, Priority.ALWAYS);
        VBox feeCard = card("ui.pay.fees", "ui.pay.feesHint", fees);
        VBox.setVgrow(fees, Priority.ALWAYS);
        VBox tenderCard = card("ui.pay.tenders", null, tenders());
        VBox.setVgrow(billCard, Priority.ALWAYS);
        feeCard.setMinHeight(118);
        feeCard.setPrefHeight(130);
        VBox left = new VBox(billCard, feeCard, tenderCard);
        left.getStyleClass().add("payment-column");
        HBox.setHgrow(left, Priority.ALWAYS);

        VBox summary = summary();
        summary.setPrefWidth(430);
        // as wide as its figures need (English names are longer): the amounts never run past the panel
        summary.setMinWidth(Region.USE_COMPUTED_SIZE);
        HBox body = new HBox(left, summary);
        body.getStyleClass().add("payment-body");
        return body;
    }

    private void buildBills() {
        bills.setId("pay-bills");
        bills.getStyleClass().addAll("detail-table", "pay-table");
        bills.setItems(model.bills());
        bills.setPlaceholder(new Label(I18n.text("ui.pay.noBills")));
        bills.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<BillItem, String> chosen = column("ui.pay.col.chosen",
                b -> Bindings.createStringBinding(() -> b.isSelected() ? "✓" : "", b.selectedProperty()), 44, false);
        chosen.getStyleClass().add("pay-chosen");
        bills.getColumns().add(chosen);
        bills.getColumns().add(column("ui.bill.col.period", b -> constant(b.period()), 80, false));
        bills.getColumns().add(column("ui.bill.col.volume", b -> constant(b.volume()), 80, true));
        bills.getColumns().add(column("ui.pay.col.principal", b -> constant(b.principal()), 105, true));
        bills.getColumns().add(column("ui.bill.col.lateFee",
                b -> Bindings.createStringBinding(b::lateFee, b.waiverProperty()), 150, true));
        bills.getColumns().add(column("ui.pay.col.total",
                b -> Bindings.createStringBinding(b::totalText, b.waiverProperty()), 110, true));
        bills.setRowFactory(t -> new TableRow<>() {
            private final javafx.beans.value.ChangeListener<Boolean> chosenListener =
                    (obs, was, now) -> pseudoClassStateChanged(LEFT_OUT, !now);

            @Override
            protected void updateItem(BillItem item, boolean empty) {
                BillItem before = getItem();
                if (before != null) {
                    before.selectedProperty().removeListener(chosenListener);
                }
                super.updateItem(item, empty);
                if (item != null && !empty) {
                    item.selectedProperty().addListener(chosenListener);
                    pseudoClassStateChanged(LEFT_OUT, !item.isSelected());
                } else {
                    pseudoClassStateChanged(LEFT_OUT, false);
                }
            }
        });
        bills.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                BillItem item = bills.getSelectionModel().getSelectedItem();
                if (item != null) {
                    model.toggle(item);
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                focus(cash);
                e.consume();
            }
        });
        model.bills().addListener((javafx.collections.ListChangeListener<BillItem>) c -> {
            if (!bills.getItems().isEmpty() && bills.getSelectionModel().isEmpty()) {
                bills.getSelectionModel().select(0);
            }
        });
    }

    private void buildFees() {
        fees.setId("pay-fees");
        fees.getStyleClass().addAll("detail-table", "pay-table");
        fees.setItems(model.fees());
        fees.setPlaceholder(new Label(I18n.text("ui.pay.noFees")));
        fees.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fees.getColumns().add(column("ui.pay.col.item", l -> constant(l.item().name()), 220, false));
        fees.getColumns().add(column("ui.pay.col.price", l -> constant(l.item().price().format()), 100, true));
        fees.getColumns().add(column("ui.pay.col.quantity", l -> constant(Integer.toString(l.quantity())), 70, true));
        fees.getColumns().add(column("ui.pay.col.amount", l -> constant(l.amount().format()), 110, true));
        fees.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                FeeItem.Line line = fees.getSelectionModel().getSelectedItem();
                if (line != null) {
                    model.removeFee(line);
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                focus(cash);
                e.consume();
            }
        });
        model.fees().addListener((javafx.collections.ListChangeListener<FeeItem.Line>) c -> {
            if (!fees.getItems().isEmpty() && fees.getSelectionModel().isEmpty()) {
                fees.getSelectionModel().select(0);
            }
        });
    }

    private Node tenders() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("tender-grid");
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(names, new ColumnConstraints(), new ColumnConstraints(),
                new ColumnConstraints(), new ColumnConstraints(), new ColumnConstraints());
        int row = 0;
        grid.addRow(row++, name("ui.pay.tender.cash", "Ctrl+1"), cash);
        GridPane.setColumnSpan(cash, 3);
        grid.addRow(row++, name("ui.pay.tender.card", "Ctrl+2"), small("ui.pay.amount"), cardAmount,
                small("ui.pay.reference"), cardReference);
        GridPane.setColumnSpan(cardReference, 2);
        grid.addRow(row++, name("ui.pay.tender.slip", "Ctrl+3"), small("ui.pay.amount"), slipAmount,
                small("ui.pay.slipNo"), slipNumber);
        GridPane.setColumnSpan(slipNumber, 2);
        grid.addRow(row++, name("ui.pay.tender.voucher", "Ctrl+4"), small("ui.pay.voucherCount"), voucherCount,
                small("ui.pay.voucherFace"), voucherFace, small("ui.pay.validThrough"), voucherValidThrough);
        Label available = bound("pay-credit-available", model.creditTextProperty(), "form-hint");
        CheckBox toCredit = new CheckBox(I18n.text("ui.pay.changeToCredit"));
        toCredit.setId("pay-change-to-credit");
        toCredit.setFocusTraversable(false);
        toCredit.selectedProperty().bindBidirectional(model.changeToCreditProperty());
        toCredit.disableProperty().bind(model.stateProperty().isNotEqualTo(PaymentViewModel.State.EDITING));
        grid.addRow(row, name("ui.pay.tender.credit", "Ctrl+5"), small("ui.pay.amount"), credit, available);
        GridPane.setColumnSpan(available, 2);
        grid.add(toCredit, 5, row, 2, 1);
        return grid;
    }

    private VBox summary() {
        Label total = figure("pay-total-due", model.totalDueProperty(), "pay-figure-small");
        Label vouchers = figure("pay-voucher-settled", model.voucherSettledProperty(), "pay-figure-small");
        Label due = figure("pay-money-due", model.moneyDueProperty(), "pay-figure");
        Label received = figure("pay-received", model.receivedProperty(), "pay-figure");
        Label change = figure("pay-change", model.changeProperty(), "pay-figure-change");
        Label owed = figure("pay-still-owed", model.stillOwedProperty(), "pay-figure-owing");
        Label toCredit = figure("pay-credit-added", model.creditAddedProperty(), "pay-figure-small");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("pay-figures");
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setHalignment(javafx.geometry.HPos.RIGHT);
        grid.getColumnConstraints().addAll(names, values);
        int row = 0;
        addFigure(grid, row++, "ui.pay.summary.total", total, "pay-name-small");
        addFigure(grid, row++, "ui.pay.summary.vouchers", vouchers, "pay-name-small");
        addFigure(grid, row++, "ui.pay.summary.due", due, "pay-name");
        addFigure(grid, row++, "ui.pay.summary.received", received, "pay-name");
        addFigure(grid, row++, "ui.pay.summary.change", change, "pay-name-change");
        // a partial payment: what stays owing as large as the change, in the warning colour (issue 15 §2)
        addFigure(grid, row++, "ui.pay.summary.stillOwed", owed, "pay-name-owing");
        addFigure(grid, row, "ui.pay.summary.creditAdded", toCredit, "pay-name-small");
        Label changeWords = bound("pay-change-words", model.changeInWordsProperty(), "amount-words");
        changeWords.visibleProperty().bind(changeWords.textProperty().isNotEmpty());

        Label message = FormMessage.create("pay-message", model.messageProperty(), model.messageKindProperty());
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label confirmHint = new Label(I18n.text("ui.pay.confirmHint"));
        confirmHint.getStyleClass().add("pay-confirm-hint");
        confirmHint.setMaxWidth(Double.MAX_VALUE);
        confirmHint.setWrapText(true);
        VBox card = card("ui.pay.summary", null, grid, changeWords, message, spacer, confirmHint);
        card.getStyleClass().add("pay-summary");
        return card;
    }

    private static void addFigure(GridPane grid, int row, String key, Label value, String nameClass) {
        Label name = new Label(I18n.text(key));
        name.getStyleClass().add(nameClass);
        name.setMinWidth(Region.USE_PREF_SIZE);
        // a line with nothing to say (no vouchers, nothing still owed) takes no room
        name.visibleProperty().bind(value.textProperty().isNotEmpty());
        name.managedProperty().bind(name.visibleProperty());
        value.visibleProperty().bind(value.textProperty().isNotEmpty());
        value.managedProperty().bind(value.visibleProperty());
        // rows by number: getRowCount() does not count rows whose nodes are hidden (unmanaged) yet
        grid.addRow(row, name, value);
    }

    // ---- behaviour ----

    private void stateChanged(PaymentViewModel.State was, PaymentViewModel.State now) {
        switch (now) {
            case EDITING -> {
                if (was == PaymentViewModel.State.LOADING) {
                    focus(cash);
                } else if (was == PaymentViewModel.State.CHECKING) {
                    focusInvalid();
                } else if (confirmView != null) {
                    confirmView = null;
                    host.closeOverlay();
                    focusInvalid();
                }
            }
            case CONFIRMING -> {
                confirmView = new ConfirmPaymentView(model, model.confirmationProperty().get());
                host.showOverlay(confirmView.node(), model::cancelConfirmation);
                confirmView.focus();
            }
            case DONE -> {
                if (confirmView != null) {
                    confirmView = null;
                    host.closeOverlay();
                }
                resultPage.node().setVisible(true);
                resultPage.focus();
            }
            default -> { }
        }
    }

    /** F12: confirm; a reason it cannot be found straight away takes the cashier to the field concerned. */
    private void confirm() {
        model.confirm();
        if (model.stateProperty().get() == PaymentViewModel.State.EDITING) {
            focusInvalid();
        }
    }

    private void focusInvalid() {
        CheckoutField field = model.invalidFieldProperty().get();
        if (field != null) {
            focus(fields.get(field));
        }
    }

    private void markInvalid(CheckoutField field) {
        fields.forEach((f, node) -> node.pseudoClassStateChanged(INVALID, f == field));
    }

    private void focus(Node node) {
        if (node == null) {
            return;
        }
        node.requestFocus();
        if (node instanceof TextInputControl input) {
            input.selectAll();
        }
        if (node instanceof TableView<?> table && table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
            table.getFocusModel().focus(0);
        }
    }

    private void openFeePicker() {
        if (model.stateProperty().get() != PaymentViewModel.State.EDITING) {
            return;
        }
        FeePickerDialog picker = new FeePickerDialog(model.catalogue(), (item, quantity) -> {
            host.closeOverlay();
            model.addFee(item, quantity);
        });
        host.showOverlay(picker.node(), host::closeOverlay);
        picker.focus();
    }

    private void openWaiver() {
        if (model.stateProperty().get() != PaymentViewModel.State.EDITING) {
            return;
        }
        BillItem bill = bills.getSelectionModel().getSelectedItem();
        if (bill == null && !model.bills().isEmpty()) {
            bill = model.bills().get(0);
        }
        BillItem chosen = bill;
        model.waiverFor(chosen).ifPresent(waiver -> {
            WaiverDialog dialog = new WaiverDialog(waiver, () -> {
                host.closeOverlay();
                model.removeWaiver(chosen);
            });
            waiver.approvedProperty().addListener((obs, was, now) -> {
                if (now) {
                    host.closeOverlay();
                }
            });
            host.showOverlay(dialog.node(), host::closeOverlay);
            dialog.focus();
        });
    }

    // ---- Screen ----

    @Override
    public Node node() {
        return page;
    }

    @Override
    public String title() {
        return I18n.text("ui.pay.title");
    }

    @Override
    public void shown() {
        if (model.stateProperty().get() == PaymentViewModel.State.DONE) {
            resultPage.focus();
        } else {
            focus(cash);
        }
    }

    /** Esc goes back to the account, except while the payment is being checked, taken or printed. */
    @Override
    public String typedInput() {
        return model.stateProperty().get() == PaymentViewModel.State.EDITING ? Screen.typed(cash, cardAmount,
                cardReference, slipAmount, slipNumber, voucherCount, voucherFace, voucherValidThrough, credit) : "";
    }

    @Override
    public boolean escape() {
        return model.busy();
    }

    @Override
    public List<CounterAction> actions() {
        String group = CounterKeys.GROUP_PAYMENT;
        java.util.function.BooleanSupplier editing = () -> model.stateProperty().get() == PaymentViewModel.State.EDITING;
        return List.of(
                CounterAction.of("pay.confirm", CounterKeys.PAY_CONFIRM, "F12", group, "ui.keys.pay.confirm",
                        this::confirm).when(editing),
                CounterAction.hint("pay.next", "Enter", group, "ui.keys.pay.next"),
                CounterAction.of("pay.cash", CounterKeys.PAY_CASH, "Ctrl+1", group, "ui.keys.pay.cash",
                        () -> focus(cash)).when(editing),
                CounterAction.of("pay.card", CounterKeys.PAY_CARD, "Ctrl+2", group, "ui.keys.pay.card",
                        () -> focus(cardAmount)).when(editing),
                CounterAction.of("pay.slip", CounterKeys.PAY_SLIP, "Ctrl+3", group, "ui.keys.pay.slip",
                        () -> focus(slipAmount)).when(editing),
                CounterAction.of("pay.voucher", CounterKeys.PAY_VOUCHER, "Ctrl+4", group, "ui.keys.pay.voucher",
                        () -> focus(voucherCount)).when(editing),
                CounterAction.of("pay.credit", CounterKeys.PAY_CREDIT, "Ctrl+5", group, "ui.keys.pay.credit",
                        () -> focus(credit)).when(editing),
                CounterAction.of("pay.bills", CounterKeys.PAY_BILLS, "F3", group, "ui.keys.pay.bills",
                        () -> focus(bills)).when(() -> editing.getAsBoolean() && !model.bills().isEmpty()),
                CounterAction.hint("pay.toggle", "Space", group, "ui.keys.pay.toggle"),
                CounterAction.of("pay.addFee", CounterKeys.PAY_ADD_FEE, "F4", group, "ui.keys.pay.addFee",
                        this::openFeePicker).when(editing),
                CounterAction.of("pay.fees", CounterKeys.PAY_FEES, "F8", group, "ui.keys.pay.fees",
                        () -> focus(fees)).when(() -> editing.getAsBoolean() && !model.fees().isEmpty()),
                CounterAction.hint("pay.removeFee", "Delete", group, "ui.keys.pay.removeFee"),
                CounterAction.of("pay.changeToCredit", CounterKeys.PAY_CHANGE_TO_CREDIT, "F6", group,
                        "ui.keys.pay.changeToCredit", model::toggleChangeToCredit).when(editing),
                CounterAction.of("pay.waive", CounterKeys.PAY_WAIVE, "F7", group, "ui.keys.pay.waive",
                        this::openWaiver).when(() -> editing.getAsBoolean() && !model.bills().isEmpty()),
                CounterAction.of("pay.printAgain", CounterKeys.PRINT, "F9", group, "ui.keys.pay.printAgain",
                        model::printAgain).when(() -> model.stateProperty().get() == PaymentViewModel.State.DONE),
                CounterAction.hint("pay.back", "Esc", group, "ui.keys.pay.back"));
    }

    @Override
    public void closed() {
        model.dispose();
    }

    // ---- small builders ----

    private static ObservableValue<String> constant(String text) {
        return new ReadOnlyStringWrapper(text).getReadOnlyProperty();
    }

    private static <R> TableColumn<R, String> column(String key, Function<R, ObservableValue<String>> value, double width,
                                                     boolean right) {
        return Forms.column(key, value, width, right);
    }



    private static Label figure(String id, ObservableValue<String> text, String styleClass) {
        Label label = bound(id, text, styleClass);
        label.setMinWidth(Region.USE_PREF_SIZE);
        if ("pay-figure-owing".equals(styleClass)) {
            label.pseudoClassStateChanged(OWING, true);
        }
        return label;
    }
}
