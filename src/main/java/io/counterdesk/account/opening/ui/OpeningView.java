package io.counterdesk.account.opening.ui;

import static io.counterdesk.account.opening.ui.OpeningForms.focus;
import static io.counterdesk.checkout.ui.TenderForms.bound;
import static io.counterdesk.checkout.ui.TenderForms.card;
import static io.counterdesk.checkout.ui.TenderForms.figure;
import static io.counterdesk.checkout.ui.TenderForms.name;
import static io.counterdesk.checkout.ui.TenderForms.small;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.IdType;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.opening.Bank;
import io.counterdesk.account.opening.GasPurpose;
import io.counterdesk.account.opening.UnitNature;
import io.counterdesk.account.opening.ui.OpeningViewModel.Field;
import io.counterdesk.account.opening.ui.OpeningViewModel.State;
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
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The opening screen (开户/报装, Ctrl+O): one form of panels the cashier fills from the keyboard —
 * customer type and meter (F3), holder and proxy (F4), address (F5), fee (F6), auto-debit, documents
 * (F7), tenders (Ctrl+1 / Ctrl+2) — with the fee, deposit and money to call out on the right. Enter
 * moves to the next input, ↑ ↓ change a choice, Space ticks. F12 shows the summary; Enter there opens
 * the account, Esc goes back to the form as typed. On the result, F8 writes a card that was not
 * written and F9 prints again.
 */
public final class OpeningView implements Screen {

    private final OpeningViewModel model;
    private final VBox page = new VBox();
    private final Map<Field, TextField> fields;
    private final List<Control> order = new ArrayList<>();
    private final DocumentChecklist documents;
    private final ComboBox<AccountKind> kind;
    private final ComboBox<MeterKind> meterKind;
    private final ComboBox<OpeningViewModel.FeeMode> feeMode;
    private final SummaryOverlay summaryOverlay;

    public OpeningView(OpeningViewModel model, OverlayHost host) {
        this.model = model;
        this.summaryOverlay = new SummaryOverlay(host);
        page.setId("opening");
        page.getStyleClass().add("payment-page");
        fields = OpeningForms.textFields("opening", model, Field.class, Set.of(Field.CASH, Field.CARD_AMOUNT),
                f -> editable());
        documents = new DocumentChecklist("opening", model, editable());
        kind = choice("opening-kind", model.kindProperty(), AccountKind.values(), k -> I18n.text("account.kind." + k));
        meterKind = choice("opening-meter-kind", model.meterKindProperty(), MeterKind.values(),
                k -> I18n.text("account.meter." + k));
        feeMode = choice("opening-fee-mode", model.feeModeProperty(), OpeningViewModel.FeeMode.values(),
                m -> I18n.text("ui.opening.feeMode." + m));

        HBox body = new HBox(form(), summary());
        body.getStyleClass().add("payment-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        page.getChildren().addAll(heading(), body);

        model.stateProperty().addListener((obs, was, now) -> stateChanged(now));
        documents.keepIn(order, fields.get(Field.CASH));
    }

    // ---- building ----

    private Node heading() {
        Label title = new Label(I18n.text("ui.opening.heading"));
        title.getStyleClass().add("detail-account-label");
        Label accountNo = bound("opening-account-no", model.accountNoProperty(), "pay-account-no");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label();
        hint.setId("opening-key-hint");
        hint.textProperty().bind(Bindings.createStringBinding(() -> I18n.text(
                model.stateProperty().get() == State.DONE ? "ui.opening.doneKeyHint" : "ui.opening.keyHint"),
                model.stateProperty()));
        hint.getStyleClass().add("form-hint");
        hint.setMinWidth(Region.USE_PREF_SIZE);
        HBox heading = new HBox(title, accountNo, spacer, hint);
        heading.getStyleClass().add("detail-heading");
        heading.setAlignment(Pos.CENTER_LEFT);
        return heading;
    }

    private Node form() {
        GridPane customer = grid();
        add(customer, 0, "ui.opening.kind", "F3", kind, "ui.opening.meterKind", null, meterKind);
        add(customer, 1, "ui.opening.meterNo", null, fields.get(Field.METER_NO));

        GridPane holder = grid();
        ComboBox<IdType> idType = choice("opening-id-type", model.idTypeProperty(), IdType.values(),
                t -> I18n.text("account.idType." + t));
        idType.disableProperty().bind(model.kindProperty().isEqualTo(AccountKind.NON_RESIDENTIAL));
        add(holder, 0, "ui.opening.holderName", "F4", fields.get(Field.HOLDER_NAME), "ui.opening.phone", null,
                fields.get(Field.PHONE));
        add(holder, 1, "ui.opening.idType", null, idType, "ui.opening.idNumber", null, fields.get(Field.HOLDER_ID));
        CheckBox proxy = check("opening-proxy", "ui.opening.proxy", model.proxyProperty());
        add(holder, 2, null, null, proxy);
        add(holder, 3, "ui.opening.proxyName", null, fields.get(Field.PROXY_NAME), "ui.opening.proxyId", null,
                fields.get(Field.PROXY_ID));
        showWhen(model.proxyProperty(), fields.get(Field.PROXY_NAME), fields.get(Field.PROXY_ID));

        GridPane address = grid();
        add(address, 0, "ui.opening.district", "F5", fields.get(Field.DISTRICT), "ui.opening.street", null,
                fields.get(Field.STREET));
        add(address, 1, "ui.opening.community", null, fields.get(Field.COMMUNITY), "ui.opening.building", null,
                fields.get(Field.BUILDING));
        add(address, 2, "ui.opening.unit", null, fields.get(Field.UNIT), "ui.opening.room", null,
                fields.get(Field.ROOM));

        GridPane fee = grid();
        ComboBox<GasPurpose> purpose = choice("opening-purpose", model.purposeProperty(), GasPurpose.values(),
                p -> I18n.text("opening.purpose." + p));
        ComboBox<UnitNature> nature = choice("opening-nature", model.natureProperty(), UnitNature.values(),
                n -> I18n.text("opening.nature." + n));
        add(fee, 0, "ui.opening.feeMode", "F6", feeMode, "ui.opening.invoice", null, fields.get(Field.INVOICE));
        add(fee, 1, "ui.opening.purpose", null, purpose, "ui.opening.nature", null, nature);
        add(fee, 2, "ui.opening.kw", null, fields.get(Field.KW));
        add(fee, 3, "ui.opening.legalName", null, fields.get(Field.LEGAL_NAME), "ui.opening.legalId", null,
                fields.get(Field.LEGAL_ID));
        ObservableValue<Boolean> residential = model.kindProperty().isEqualTo(AccountKind.RESIDENTIAL);
        ObservableValue<Boolean> business = model.kindProperty().isEqualTo(AccountKind.NON_RESIDENTIAL);
        showWhen(residential, feeMode);
        showWhen(Bindings.createBooleanBinding(() -> model.kindProperty().get() == AccountKind.RESIDENTIAL
                        && model.feeModeProperty().get() == OpeningViewModel.FeeMode.COLLECTIVE, model.kindProperty(),
                model.feeModeProperty()), fields.get(Field.INVOICE));
        showWhen(business, purpose, nature, fields.get(Field.KW), fields.get(Field.LEGAL_NAME),
                fields.get(Field.LEGAL_ID));

        GridPane debit = grid();
        ComboBox<Bank> bank = choice("opening-bank", model.bankProperty(), Bank.values(),
                b -> I18n.text("opening.bank." + b));
        CheckBox debitOn = check("opening-debit", "ui.opening.debit", model.debitProperty());
        CheckBox byCard = check("opening-debit-card", "ui.opening.debitByCard", model.debitByCardProperty());
        add(debit, 0, null, null, debitOn);
        add(debit, 1, "ui.opening.bank", null, bank, null, null, byCard);
        add(debit, 2, "ui.opening.debitNumber", null, fields.get(Field.DEBIT_NUMBER), "ui.opening.debitName", null,
                fields.get(Field.DEBIT_NAME));
        showWhen(model.debitProperty(), bank, byCard, fields.get(Field.DEBIT_NUMBER), fields.get(Field.DEBIT_NAME));

        GridPane tenders = grid();
        add(tenders, 0, "ui.pay.tender.cash", "Ctrl+1", fields.get(Field.CASH));
        tenders.addRow(1, name("ui.pay.tender.card", "Ctrl+2"), small("ui.pay.amount"), fields.get(Field.CARD_AMOUNT),
                small("ui.pay.reference"), fields.get(Field.CARD_REFERENCE));
        order.add(fields.get(Field.CARD_AMOUNT));
        order.add(fields.get(Field.CARD_REFERENCE));
        fields.get(Field.CARD_REFERENCE).setPromptText(I18n.text("ui.pay.cardReferencePrompt"));

        VBox column = new VBox(card("ui.opening.panel.customer", null, customer),
                card("ui.opening.panel.holder", null, holder), card("ui.opening.panel.address", null, address),
                card("ui.opening.panel.fee", null, fee), card("ui.opening.panel.debit", null, debit),
                card("ui.opening.panel.documents", "ui.opening.documentsHint", documents.node()),
                card("ui.pay.tenders", null, tenders));
        column.getStyleClass().add("payment-column");
        for (Control control : List.copyOf(order)) {
            OpeningForms.enterMovesOn(control, order, () -> fields.get(model.invalidFieldProperty().get()));
        }
        ScrollPane scroll = new ScrollPane(column);
        scroll.setId("opening-form");
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        OpeningForms.followFocus(scroll);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        return scroll;
    }

    private Node summary() {
        GridPane figures = TenderForms.figures();
        figure(figures, 0, "ui.opening.figure.fee", "opening-fee", model.feeProperty(), "pay-name-small",
                "pay-figure-small");
        figure(figures, 1, "ui.opening.figure.deposit", "opening-deposit", model.depositProperty(), "pay-name-small",
                "pay-figure-small");
        figure(figures, 2, "ui.pay.summary.due", "opening-due", model.dueProperty(), "pay-name", "pay-figure");
        figure(figures, 3, "ui.pay.summary.received", "opening-received", model.receivedProperty(), "pay-name",
                "pay-figure");
        figure(figures, 4, "ui.pay.summary.change", "opening-change", model.changeProperty(), "pay-name-change",
                "pay-figure-change");
        return TenderForms.summaryPanel("opening", figures, model.changeInWordsProperty(), model.messageProperty(),
                model.messageKindProperty(), Bindings.createStringBinding(() -> I18n.text(
                        model.stateProperty().get() == State.DONE ? "ui.opening.doneHint" : "ui.opening.confirmHint"),
                        model.stateProperty()), 400, 340);
    }

    // ---- behaviour ----

    private void stateChanged(State now) {
        switch (now) {
            case CONFIRMING -> showSummary();
            case EDITING -> {
                summaryOverlay.close();
                focusInvalid();
            }
            case COMMITTING -> summaryOverlay.close();
            case DONE -> {
                summaryOverlay.close();
                page.requestFocus(); // the form is read-only now: no field looks as if it took keys
            }
            default -> { }
        }
    }

    private void showSummary() {
        summaryOverlay.show("opening-summary", "ui.opening.summary.title", model.summaryLines(),
                "ui.opening.summary.hint", model::commit, model::cancelSummary);
    }

    private void focusInvalid() {
        Field field = model.invalidFieldProperty().get();
        if (field == Field.DOCUMENTS && documents.focusFirstUnticked()) {
            return;
        }
        focus(field != null && fields.containsKey(field) ? fields.get(field) : kind);
    }

    private void confirm() {
        model.confirm();
        if (model.stateProperty().get() == State.EDITING) {
            focusInvalid();
        }
    }

    private Control firstVisible(Control... controls) {
        for (Control c : controls) {
            if (c.isVisible()) {
                return c;
            }
        }
        return controls[0];
    }

    // ---- Screen ----

    @Override
    public Node node() {
        return page;
    }

    @Override
    public String title() {
        return I18n.text("ui.opening.title");
    }

    @Override
    public void shown() {
        if (model.stateProperty().get() != State.DONE) {
            focus(kind);
        } else {
            page.requestFocus();
        }
    }

    @Override
    public boolean escape() {
        return model.busy();
    }

    @Override
    public String typedInput() {
        return model.typedInput(model.stateProperty().get() == State.EDITING);
    }

    @Override
    public List<CounterAction> actions() {
        String group = CounterKeys.GROUP_OPENING;
        BooleanSupplier editing = () -> model.stateProperty().get() == State.EDITING
                || model.stateProperty().get() == State.LOADING;
        return List.of(
                CounterAction.of("opening.customer", CounterKeys.OPENING_CUSTOMER, "F3", group,
                        "ui.keys.opening.customer", () -> focus(kind)).when(editing),
                CounterAction.of("opening.holder", CounterKeys.OPENING_HOLDER, "F4", group, "ui.keys.opening.holder",
                        () -> focus(fields.get(Field.HOLDER_NAME))).when(editing),
                CounterAction.of("opening.address", CounterKeys.OPENING_ADDRESS, "F5", group,
                        "ui.keys.opening.address", () -> focus(fields.get(Field.DISTRICT))).when(editing),
                CounterAction.of("opening.fee", CounterKeys.OPENING_FEE, "F6", group, "ui.keys.opening.fee",
                        () -> focus(firstVisible(feeMode, fields.get(Field.KW)))).when(editing),
                CounterAction.of("opening.documents", CounterKeys.OPENING_DOCUMENTS, "F7", group,
                        "ui.keys.opening.documents", documents::focusFirst).when(editing),
                CounterAction.of("opening.cash", CounterKeys.PAY_CASH, "Ctrl+1", group, "ui.keys.pay.cash",
                        () -> focus(fields.get(Field.CASH))).when(editing),
                CounterAction.of("opening.card", CounterKeys.PAY_CARD, "Ctrl+2", group, "ui.keys.pay.card",
                        () -> focus(fields.get(Field.CARD_AMOUNT))).when(editing),
                CounterAction.of("opening.confirm", CounterKeys.PAY_CONFIRM, "F12", group, "ui.keys.opening.confirm",
                        this::confirm).when(editing),
                CounterAction.of("opening.writeCard", CounterKeys.OPENING_WRITE_CARD, "F8", group,
                        "ui.keys.opening.writeCard", model::writeCard).when(model::canWriteCard),
                CounterAction.of("opening.printAgain", CounterKeys.PRINT, "F9", group, "ui.keys.opening.printAgain",
                        model::printAgain).when(() -> model.stateProperty().get() == State.DONE),
                CounterAction.hint("opening.back", "Esc", group, "ui.keys.pay.back"));
    }

    @Override
    public void closed() {
        model.dispose();
    }

    /** Whether {@code screen} is the opening screen (Ctrl+O does not open a second one). */
    public static boolean isOpeningScreen(Screen screen) {
        return screen instanceof OpeningView;
    }

    // ---- small builders ----

    private static GridPane grid() {
        return OpeningForms.grid();
    }

    /** One row: a name (with its key cap) and its input, optionally a second pair. */
    private void add(GridPane grid, int row, String key, String keyLabel, Control input) {
        add(grid, row, key, keyLabel, input, null, null, null);
    }

    private void add(GridPane grid, int row, String key, String keyLabel, Control input, String key2,
                     String keyLabel2, Control input2) {
        Label label = key == null ? new Label() : keyLabel == null ? small(key) : name(key, keyLabel);
        grid.add(label, 0, row);
        grid.add(input, 1, row);
        label.visibleProperty().bind(input.visibleProperty());
        label.managedProperty().bind(input.managedProperty());
        order.add(input);
        if (input2 != null) {
            Label label2 = key2 == null ? new Label() : keyLabel2 == null ? small(key2) : name(key2, keyLabel2);
            grid.add(label2, 2, row);
            grid.add(input2, 3, row);
            label2.visibleProperty().bind(input2.visibleProperty());
            label2.managedProperty().bind(input2.managedProperty());
            order.add(input2);
        }
    }

    private static void showWhen(ObservableValue<Boolean> condition, Control... controls) {
        for (Control c : controls) {
            c.visibleProperty().bind(condition);
            c.managedProperty().bind(condition);
        }
    }

    private CheckBox check(String id, String key, javafx.beans.property.BooleanProperty value) {
        return OpeningForms.check(id, I18n.text(key), value, editable());
    }

    private <T> ComboBox<T> choice(String id, ObjectProperty<T> value, T[] items, Function<T, String> text) {
        return OpeningForms.choice(id, value, items, text, editable());
    }

    private ObservableValue<Boolean> editable() {
        return model.stateProperty().isEqualTo(State.EDITING).or(model.stateProperty().isEqualTo(State.LOADING));
    }
}
