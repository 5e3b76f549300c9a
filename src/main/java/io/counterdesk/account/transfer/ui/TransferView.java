package io.counterdesk.account.transfer.ui;

import static io.counterdesk.account.opening.ui.OpeningForms.focus;
import static io.counterdesk.checkout.ui.TenderForms.bound;
import static io.counterdesk.checkout.ui.TenderForms.card;
import static io.counterdesk.checkout.ui.TenderForms.name;
import static io.counterdesk.checkout.ui.TenderForms.small;

import io.counterdesk.account.IdType;
import io.counterdesk.account.opening.ui.DocumentChecklist;
import io.counterdesk.account.opening.ui.OpeningForms;
import io.counterdesk.account.opening.ui.SummaryOverlay;
import io.counterdesk.account.transfer.ui.TransferViewModel.Field;
import io.counterdesk.account.transfer.ui.TransferViewModel.State;
import io.counterdesk.checkout.ui.TenderForms;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.CounterAction;
import io.counterdesk.ui.CounterKeys;
import io.counterdesk.ui.OverlayHost;
import io.counterdesk.ui.Screen;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The transfer screen (过户, Ctrl+T): the account (F3, Enter reads it: current holder, what it owes,
 * the card that stays), the new holder and proxy (F4), the documents (F7), the tenders for the
 * arrears (Ctrl+1 / Ctrl+2); F12 the summary, Enter transfers.
 */
public final class TransferView implements Screen {

    private final TransferViewModel model;
    private final VBox page = new VBox();
    private final Map<Field, TextField> fields;
    private final List<Control> order = new ArrayList<>();
    private final DocumentChecklist documents;
    private final SummaryOverlay summaryOverlay;

    public TransferView(TransferViewModel model, OverlayHost host) {
        this.model = model;
        this.summaryOverlay = new SummaryOverlay(host);
        page.setId("transfer");
        page.getStyleClass().add("payment-page");
        ObservableValue<Boolean> editing = model.stateProperty().isEqualTo(State.EDITING);
        fields = OpeningForms.textFields("transfer", model, Field.class, Set.of(Field.CASH, Field.CARD_AMOUNT),
                f -> f == Field.ACCOUNT_NO
                        ? model.stateProperty().isEqualTo(State.ACCOUNT).or(model.stateProperty().isEqualTo(State.EDITING))
                        : model.stateProperty().isEqualTo(State.EDITING));
        documents = new DocumentChecklist("transfer", model, editing);
        fields.get(Field.ACCOUNT_NO).setOnAction(e -> model.findAccount());

        GridPane account = OpeningForms.grid();
        account.addRow(0, name("ui.transfer.accountNo", "F3"), fields.get(Field.ACCOUNT_NO));
        account.addRow(1, small("ui.transfer.currentHolder"), bound("transfer-current-holder",
                model.currentHolderProperty(), "topup-fact"));
        account.addRow(2, small("ui.transfer.address"), bound("transfer-address", model.addressProperty(),
                "topup-fact"));
        account.addRow(3, small("ui.transfer.card"), bound("transfer-card", model.cardProperty(), "topup-fact"));

        GridPane holder = OpeningForms.grid();
        ComboBox<IdType> idType = OpeningForms.choice("transfer-id-type", model.idTypeProperty(), IdType.values(),
                t -> I18n.text("account.idType." + t), editing);
        CheckBox proxy = OpeningForms.check("transfer-proxy", I18n.text("ui.opening.proxy"), model.proxyProperty(),
                editing);
        add(holder, 0, name("ui.transfer.newHolder", "F4"), fields.get(Field.NAME), small("ui.opening.phone"),
                fields.get(Field.PHONE));
        add(holder, 1, small("ui.opening.idType"), idType, small("ui.opening.idNumber"), fields.get(Field.ID_NUMBER));
        add(holder, 2, new Label(), proxy, null, null);
        add(holder, 3, small("ui.opening.proxyName"), fields.get(Field.PROXY_NAME), small("ui.opening.proxyId"),
                fields.get(Field.PROXY_ID));
        for (Control c : List.of(fields.get(Field.PROXY_NAME), fields.get(Field.PROXY_ID))) {
            c.visibleProperty().bind(model.proxyProperty());
            c.managedProperty().bind(model.proxyProperty());
        }
        GridPane tenders = OpeningForms.grid();
        add(tenders, 0, name("ui.pay.tender.cash", "Ctrl+1"), fields.get(Field.CASH), null, null);
        tenders.addRow(1, name("ui.pay.tender.card", "Ctrl+2"), small("ui.pay.amount"), fields.get(Field.CARD_AMOUNT),
                small("ui.pay.reference"), fields.get(Field.CARD_REFERENCE));
        order.add(fields.get(Field.CARD_AMOUNT));
        order.add(fields.get(Field.CARD_REFERENCE));

        VBox column = new VBox(card("ui.transfer.panel.account", null, account),
                card("ui.transfer.panel.holder", null, holder),
                card("ui.opening.panel.documents", "ui.opening.documentsHint", documents.node()),
                card("ui.transfer.panel.arrears", null, tenders));
        column.getStyleClass().add("payment-column");
        HBox.setHgrow(column, Priority.ALWAYS);
        for (Control control : List.copyOf(order)) {
            OpeningForms.enterMovesOn(control, order, () -> fields.get(model.invalidFieldProperty().get()));
        }

        GridPane figures = TenderForms.figures();
        TenderForms.figure(figures, 0, "ui.transfer.figure.arrears", "transfer-arrears", model.arrearsProperty(),
                "pay-name", "pay-figure");
        TenderForms.figure(figures, 1, "ui.pay.summary.received", "transfer-received", model.receivedProperty(),
                "pay-name", "pay-figure");
        TenderForms.figure(figures, 2, "ui.pay.summary.change", "transfer-change", model.changeProperty(),
                "pay-name-change", "pay-figure-change");
        VBox summary = TenderForms.summaryPanel("transfer", figures, model.changeInWordsProperty(),
                model.messageProperty(), model.messageKindProperty(), javafx.beans.binding.Bindings.createStringBinding(
                        () -> I18n.text(model.stateProperty().get() == State.DONE ? "ui.transfer.doneHint"
                                : "ui.transfer.confirmHint"), model.stateProperty()), 400, 340);

        Label title = new Label(I18n.text("ui.transfer.title"));
        title.getStyleClass().add("detail-account-label");
        Region headSpacer = new Region();
        HBox.setHgrow(headSpacer, Priority.ALWAYS);
        Label keyHint = new Label();
        keyHint.setId("transfer-key-hint");
        keyHint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> I18n.text(
                model.stateProperty().get() == State.DONE ? "ui.transfer.doneKeyHint" : "ui.opening.keyHint"),
                model.stateProperty()));
        keyHint.getStyleClass().add("form-hint");
        HBox heading = new HBox(title, headSpacer, keyHint);
        heading.getStyleClass().add("detail-heading");
        heading.setAlignment(Pos.CENTER_LEFT);
        HBox body = new HBox(column, summary);
        body.getStyleClass().add("payment-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        page.getChildren().addAll(heading, body);

        model.stateProperty().addListener((obs, was, now) -> stateChanged(was, now));
        documents.keepIn(order, fields.get(Field.CASH));
    }

    private void add(GridPane grid, int row, Label label, Control input, Label label2, Control input2) {
        grid.add(label, 0, row);
        grid.add(input, 1, row);
        order.add(input);
        if (input2 != null) {
            grid.add(label2, 2, row);
            grid.add(input2, 3, row);
            order.add(input2);
        }
    }

    private void stateChanged(State was, State now) {
        switch (now) {
            case CONFIRMING -> showSummary();
            case EDITING -> {
                summaryOverlay.close();
                if (was == State.READING) {
                    focus(fields.get(Field.NAME));
                } else {
                    focusInvalid();
                }
            }
            case ACCOUNT -> focus(fields.get(Field.ACCOUNT_NO));
            case COMMITTING -> summaryOverlay.close();
            case DONE -> {
                summaryOverlay.close();
                page.requestFocus(); // the form is read-only now: no field looks as if it took keys
            }
            default -> { }
        }
    }

    private void showSummary() {
        summaryOverlay.show("transfer-summary", "ui.transfer.summary.title", model.summaryLines(),
                "ui.transfer.summary.hint", model::commit, model::cancelSummary);
    }

    private void focusInvalid() {
        Field field = model.invalidFieldProperty().get();
        if (field == Field.DOCUMENTS && documents.focusFirst()) {
            return;
        }
        if (field != null && fields.containsKey(field)) {
            focus(fields.get(field));
        }
    }

    private void confirm() {
        model.confirm();
        if (model.stateProperty().get() == State.EDITING) {
            focusInvalid();
        }
    }

    @Override
    public Node node() {
        return page;
    }

    @Override
    public String title() {
        return I18n.text("ui.transfer.title");
    }

    @Override
    public void shown() {
        State s = model.stateProperty().get();
        if (s == State.ACCOUNT) {
            focus(fields.get(Field.ACCOUNT_NO));
        } else if (s == State.DONE) {
            page.requestFocus();
        }
    }

    @Override
    public boolean escape() {
        return model.busy();
    }

    @Override
    public String typedInput() {
        // the account number alone is typed input too (ACCOUNT): Esc asks before dropping it
        State state = model.stateProperty().get();
        return model.typedInput(state == State.EDITING || state == State.ACCOUNT);
    }

    @Override
    public List<CounterAction> actions() {
        String group = CounterKeys.GROUP_TRANSFER;
        BooleanSupplier editing = () -> model.stateProperty().get() == State.EDITING;
        return List.of(
                CounterAction.of("transfer.account", CounterKeys.TRANSFER_ACCOUNT, "F3", group,
                        "ui.keys.transfer.account", () -> focus(fields.get(Field.ACCOUNT_NO)))
                        .when(() -> editing.getAsBoolean() || model.stateProperty().get() == State.ACCOUNT),
                CounterAction.of("transfer.holder", CounterKeys.TRANSFER_HOLDER, "F4", group,
                        "ui.keys.transfer.holder", () -> focus(fields.get(Field.NAME))).when(editing),
                CounterAction.of("transfer.documents", CounterKeys.TRANSFER_DOCUMENTS, "F7", group,
                        "ui.keys.opening.documents", documents::focusFirst).when(editing),
                CounterAction.of("transfer.cash", CounterKeys.PAY_CASH, "Ctrl+1", group, "ui.keys.pay.cash",
                        () -> focus(fields.get(Field.CASH))).when(editing),
                CounterAction.of("transfer.card", CounterKeys.PAY_CARD, "Ctrl+2", group, "ui.keys.pay.card",
                        () -> focus(fields.get(Field.CARD_AMOUNT))).when(editing),
                CounterAction.of("transfer.confirm", CounterKeys.PAY_CONFIRM, "F12", group, "ui.keys.transfer.confirm",
                        this::confirm).when(editing),
                CounterAction.of("transfer.printAgain", CounterKeys.PRINT, "F9", group, "ui.keys.opening.printAgain",
                        model::printAgain).when(() -> model.stateProperty().get() == State.DONE),
                CounterAction.hint("transfer.back", "Esc", group, "ui.keys.pay.back"));
    }

    @Override
    public void closed() {
        model.dispose();
    }

    /** Whether {@code screen} is the transfer screen (Ctrl+T does not open a second one). */
    public static boolean isTransferScreen(Screen screen) {
        return screen instanceof TransferView;
    }
}
