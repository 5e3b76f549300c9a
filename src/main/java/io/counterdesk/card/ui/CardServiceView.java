package io.counterdesk.card.ui;

import io.counterdesk.security.ui.ApprovalViewModel;
import io.counterdesk.security.ui.ApprovalDialog;
import static io.counterdesk.card.ui.CardForms.fact;
import static io.counterdesk.card.ui.CardForms.grid;
import static io.counterdesk.checkout.ui.TenderForms.bound;
import static io.counterdesk.checkout.ui.TenderForms.card;
import static io.counterdesk.checkout.ui.TenderForms.field;
import static io.counterdesk.checkout.ui.TenderForms.name;
import static io.counterdesk.checkout.ui.TenderForms.small;

import io.counterdesk.card.CardServiceRecord.Business;
import io.counterdesk.security.ui.Approvals;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.CounterAction;
import io.counterdesk.ui.CounterKeys;
import io.counterdesk.ui.FormMessage;
import io.counterdesk.ui.OverlayHost;
import io.counterdesk.ui.Screen;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The card service screen (补卡/补气, Ctrl+B): the business on the left (↑ ↓), the account, the
 * field check where the business needs it, the new meter for a transfer card and the reason; on
 * the right which card belongs in the reader and what happened. F12 shows the summary; Enter there
 * does it (after the hall manager's 工号 and password where it needs approval). F6 writes a waiting
 * re-credit onto the current card, F9 prints the record again. 补写首张卡 needs the account only:
 * Enter in the account field shows its summary.
 */
public final class CardServiceView implements Screen {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final CardServiceViewModel model;
    private final OverlayHost host;
    private final Approvals approvals;
    private final HBox page = new HBox();
    private final ListView<Business> businesses = new ListView<>();
    private final TextField account = field("cardservice-account", "tender-reference");
    private final TextField checker = field("cardservice-checker", "tender-reference");
    private final TextField checkDate = field("cardservice-check-date", "tender-reference");
    private final TextField meterCount = field("cardservice-meter-count", "tender-amount");
    private final TextField meterLoaded = field("cardservice-meter-loaded", "tender-amount");
    private final TextField remaining = field("cardservice-remaining", "tender-amount");
    private final TextField newMeter = field("cardservice-new-meter", "tender-reference");
    private final TextField reason = field("cardservice-reason", "tender-reference");
    private final Map<CardServiceViewModel.Field, TextField> fields = new EnumMap<>(CardServiceViewModel.Field.class);
    private boolean overlayOpen;

    public CardServiceView(CardServiceViewModel model, OverlayHost host, Approvals approvals) {
        this.model = model;
        this.host = host;
        this.approvals = approvals;
        page.setId("cardservice");
        page.getStyleClass().addAll("payment-page", "payment-body");
        fields.put(CardServiceViewModel.Field.ACCOUNT, account);
        fields.put(CardServiceViewModel.Field.CHECKER, checker);
        fields.put(CardServiceViewModel.Field.CHECK_DATE, checkDate);
        fields.put(CardServiceViewModel.Field.METER_COUNT, meterCount);
        fields.put(CardServiceViewModel.Field.METER_LOADED, meterLoaded);
        fields.put(CardServiceViewModel.Field.REMAINING, remaining);
        fields.put(CardServiceViewModel.Field.NEW_METER, newMeter);
        fields.put(CardServiceViewModel.Field.REASON, reason);
        account.textProperty().bindBidirectional(model.accountNoProperty());
        checker.textProperty().bindBidirectional(model.checkerProperty());
        checkDate.textProperty().bindBidirectional(model.checkDateProperty());
        meterCount.textProperty().bindBidirectional(model.meterCountProperty());
        meterLoaded.textProperty().bindBidirectional(model.meterLoadedProperty());
        remaining.textProperty().bindBidirectional(model.remainingProperty());
        newMeter.textProperty().bindBidirectional(model.newMeterNoProperty());
        reason.textProperty().bindBidirectional(model.reasonProperty());
        account.setPromptText(I18n.text("ui.cardService.accountPrompt"));
        // the whole hint shows ("…或按 F5 读卡")
        account.setPrefWidth(320);
        account.setMinWidth(320);
        checkDate.setPromptText(I18n.text("ui.cardService.checkDatePrompt"));
        for (TextField f : fields.values()) {
            f.editableProperty().bind(model.stateProperty().isEqualTo(CardServiceViewModel.State.EDITING));
        }
        account.setOnAction(e -> {
            if (model.businessProperty().get() == Business.FIRST_CARD) {
                model.confirm();
                return;
            }
            model.findAccount();
            Business b = model.businessProperty().get();
            next(CardServiceViewModel.showsFieldCheck(b) ? checker
                    : CardServiceViewModel.needsNewMeter(b) ? newMeter : reason);
        });
        List<TextField> order = List.of(checker, checkDate, meterCount, meterLoaded, remaining, newMeter, reason);
        for (int i = 0; i < order.size() - 1; i++) {
            TextField after = order.get(i + 1);
            order.get(i).setOnAction(e -> next(after));
        }
        reason.setOnAction(e -> model.confirm());

        businesses.setId("cardservice-business");
        businesses.getItems().setAll(Business.values());
        businesses.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Business item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : I18n.text("cardRecord.business." + item.name()));
            }
        });
        businesses.getSelectionModel().select(model.businessProperty().get());
        businesses.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.businessProperty().set(now);
            }
        });
        model.businessProperty().addListener((obs, was, now) -> {
            // the model turns the form (an unfinished reissue, an account without its first card): the list follows
            businesses.getSelectionModel().select(now);
            if (now == Business.FIRST_CARD && !businesses.isFocused()) {
                next(account);
            }
        });
        businesses.disableProperty().bind(model.stateProperty().isNotEqualTo(CardServiceViewModel.State.EDITING)
                .and(model.stateProperty().isNotEqualTo(CardServiceViewModel.State.DONE)));
        businesses.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                model.startOver();
                next(CardServiceViewModel.accountFromCard(model.businessProperty().get()) ? reason : account);
            } else if (model.stateProperty().get() == CardServiceViewModel.State.DONE
                    && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                model.startOver();
            }
        });
        // all the businesses in view without scrolling
        businesses.setFixedCellSize(32);
        businesses.setPrefHeight(32 * Business.values().length + 4);
        businesses.setPrefWidth(300);

        VBox left = new VBox(card("ui.cardService.business", null, businesses), accountPanel(), checkPanel(),
                reasonPanel());
        left.getStyleClass().add("payment-column");
        HBox.setHgrow(left, Priority.ALWAYS);
        page.getChildren().addAll(left, side());

        model.invalidFieldProperty().addListener((obs, was, now) ->
                fields.forEach((f, node) -> node.pseudoClassStateChanged(INVALID, f == now)));
        model.stateProperty().addListener((obs, was, now) -> stateChanged(now));
    }

    // ---- building ----

    private Node accountPanel() {
        GridPane grid = grid();
        grid.addRow(0, name("ui.cardService.account", "F4"), account);
        fact(grid, 1, "ui.cardService.holder", "cardservice-holder", model.holderProperty());
        fact(grid, 2, "ui.cardService.currentCard", "cardservice-current-card", model.currentCardProperty());
        fact(grid, 3, "ui.cardService.meterNo", "cardservice-meter-no", model.meterNoProperty());
        return card("ui.cardService.account", null, grid);
    }

    private Node checkPanel() {
        GridPane grid = grid();
        grid.addRow(0, name("ui.cardService.checker", "F7"), checker, small("ui.cardService.checkDate"), checkDate);
        grid.addRow(1, small("ui.cardService.meterCount"), meterCount, small("ui.cardService.meterLoaded"),
                meterLoaded);
        grid.addRow(2, small("ui.cardService.remaining"), remaining);
        Label title = new Label();
        title.getStyleClass().add("tender-small");
        title.textProperty().bind(Bindings.createStringBinding(() -> I18n.text(
                model.businessProperty().get() == Business.DAMAGED ? "ui.cardService.fieldCheckOptional"
                        : "ui.cardService.fieldCheck"), model.businessProperty()));
        VBox panel = card("ui.cardService.fieldCheck", null, title, grid);
        panel.setId("cardservice-field-check");
        panel.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> CardServiceViewModel.showsFieldCheck(model.businessProperty().get()), model.businessProperty()));
        panel.managedProperty().bind(panel.visibleProperty());
        return panel;
    }

    private Node reasonPanel() {
        GridPane grid = grid();
        Label meterName = small("ui.cardService.newMeter");
        grid.addRow(0, meterName, newMeter);
        for (Node n : List.of(meterName, newMeter)) {
            n.visibleProperty().bind(Bindings.createBooleanBinding(
                    () -> CardServiceViewModel.needsNewMeter(model.businessProperty().get()), model.businessProperty()));
            n.managedProperty().bind(n.visibleProperty());
        }
        grid.addRow(1, name("ui.cardService.reason", "F8"), reason);
        GridPane.setHgrow(reason, Priority.ALWAYS);
        VBox panel = card("ui.cardService.reason", null, grid);
        panel.setId("cardservice-reason-panel");
        panel.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.businessProperty().get() != Business.FIRST_CARD, model.businessProperty()));
        panel.managedProperty().bind(panel.visibleProperty());
        return panel;
    }

    private Node side() {
        Label prompt = bound("cardservice-prompt", model.promptProperty(), "pay-figure-small");
        prompt.setWrapText(true);
        Label message = FormMessage.create("cardservice-message", model.messageProperty(), model.messageKindProperty());
        message.setWrapText(true);
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label hint = new Label(I18n.text("ui.cardService.keyHint"));
        hint.getStyleClass().add("pay-confirm-hint");
        hint.setWrapText(true);
        VBox side = card("ui.cardService.title", null, prompt, message, spacer, hint);
        side.getStyleClass().add("pay-summary");
        side.setPrefWidth(430);
        side.setMinWidth(380);
        return side;
    }

    // ---- behaviour ----

    private void stateChanged(CardServiceViewModel.State now) {
        switch (now) {
            case CONFIRMING -> showSummary();
            case EDITING -> {
                closeOverlay();
                CardServiceViewModel.Field invalid = model.invalidFieldProperty().get();
                if (invalid != null) {
                    next(fields.get(invalid));
                }
            }
            case WORKING, DONE, OPEN_WRITE -> closeOverlay();
            default -> { }
        }
    }

    private void showSummary() {
        CardServiceViewModel.Summary summary = model.summaryProperty().get();
        VBox panel = new VBox();
        panel.setId("cardservice-summary");
        panel.getStyleClass().addAll("overlay-panel", "password-dialog");
        panel.setMaxWidth(Region.USE_PREF_SIZE);
        panel.setMaxHeight(Region.USE_PREF_SIZE);
        Label title = new Label(I18n.text("ui.cardService.confirm.title"));
        title.getStyleClass().add("overlay-title");
        panel.getChildren().add(title);
        for (String line : summary.lines()) {
            Label l = new Label(line);
            l.setWrapText(true);
            l.setMaxWidth(520);
            panel.getChildren().add(l);
        }
        Label prompt = new Label(summary.prompt());
        prompt.setId("cardservice-summary-prompt");
        prompt.getStyleClass().add("pay-figure-small");
        Label message = FormMessage.create("cardservice-summary-message", model.messageProperty(),
                model.messageKindProperty());
        message.setWrapText(true);
        Label hint = new Label(I18n.text(summary.needsApproval() ? "ui.cardService.confirm.hintApproval"
                : "ui.cardService.confirm.hint"));
        hint.getStyleClass().add("overlay-footer");
        panel.getChildren().addAll(prompt, message, hint);
        panel.setFocusTraversable(true);
        panel.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                if (summary.needsApproval()) {
                    approve(summary);
                } else {
                    model.commit(null);
                }
            }
        });
        overlayOpen = true;
        host.showOverlay(panel, this::cancelSummary);
        panel.requestFocus();
    }

    private void approve(CardServiceViewModel.Summary summary) {
        String what = String.join("\n", summary.lines());
        ApprovalViewModel approval = approvals.form(what, model::commit);
        approval.reasonProperty().set(model.reasonText());
        ApprovalDialog dialog = new ApprovalDialog(approval, "ui.cardService.approval");
        host.closeOverlay();
        overlayOpen = true;
        host.showOverlay(dialog.node(), this::cancelSummary);
        dialog.focus();
    }

    private void cancelSummary() {
        closeOverlay();
        model.cancelConfirmation();
    }

    private void closeOverlay() {
        if (overlayOpen) {
            overlayOpen = false;
            host.closeOverlay();
        }
    }

    private static void next(TextField field) {
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
        return I18n.text("ui.cardService.title");
    }

    @Override
    public void shown() {
        businesses.requestFocus();
    }

    @Override
    public boolean escape() {
        return model.busy();
    }

    /** A form half filled (an account, a field check, a reason …): the shell asks before Esc drops it. */
    @Override
    public String typedInput() {
        return model.stateProperty().get() == CardServiceViewModel.State.EDITING ? Screen.typed(account, checker,
                checkDate, meterCount, meterLoaded, remaining, newMeter, reason) : "";
    }

    @Override
    public List<CounterAction> actions() {
        String group = CounterKeys.GROUP_CARD_SERVICE;
        BooleanSupplier editing = () -> model.stateProperty().get() == CardServiceViewModel.State.EDITING;
        BooleanSupplier after = () -> model.stateProperty().get() == CardServiceViewModel.State.DONE
                || model.stateProperty().get() == CardServiceViewModel.State.OPEN_WRITE;
        return List.of(
                CounterAction.of("cardservice.business", CounterKeys.CARD_SERVICE_BUSINESS, "F3", group,
                        "ui.keys.cardService.business", () -> {
                            model.startOver();
                            businesses.requestFocus();
                        }).when(() -> editing.getAsBoolean()
                        || model.stateProperty().get() == CardServiceViewModel.State.DONE),
                CounterAction.of("cardservice.account", CounterKeys.CARD_SERVICE_ACCOUNT, "F4", group,
                        "ui.keys.cardService.account", () -> next(account)).when(editing),
                CounterAction.of("cardservice.read", CounterKeys.CARD_SERVICE_READ, "F5", group,
                        "ui.keys.cardService.read", model::readCard).when(editing),
                CounterAction.of("cardservice.finish", CounterKeys.CARD_SERVICE_FINISH, "F6", group,
                        "ui.keys.cardService.finish", model::finishWrite)
                        .when(() -> model.stateProperty().get() == CardServiceViewModel.State.OPEN_WRITE),
                CounterAction.of("cardservice.check", CounterKeys.CARD_SERVICE_CHECK, "F7", group,
                        "ui.keys.cardService.fieldCheck", () -> next(checker))
                        .when(() -> editing.getAsBoolean()
                                && CardServiceViewModel.showsFieldCheck(model.businessProperty().get())),
                CounterAction.of("cardservice.reason", CounterKeys.CARD_SERVICE_REASON, "F8", group,
                        "ui.keys.cardService.reason", () -> next(reason)).when(() -> editing.getAsBoolean()
                        && model.businessProperty().get() != Business.FIRST_CARD),
                CounterAction.of("cardservice.printAgain", CounterKeys.PRINT, "F9", group,
                        "ui.keys.cardService.printAgain", model::printAgain).when(after),
                CounterAction.of("cardservice.confirm", CounterKeys.PAY_CONFIRM, "F12", group,
                        "ui.keys.cardService.confirm", model::confirm).when(editing),
                CounterAction.hint("cardservice.back", "Esc", group, "ui.keys.pay.back"));
    }

    @Override
    public void closed() {
        closeOverlay();
    }

    /** Whether {@code screen} is the card service screen (Ctrl+B does not open a second one). */
    public static boolean isCardServiceScreen(Screen screen) {
        return screen instanceof CardServiceView;
    }

    public CardServiceViewModel model() {
        return model;
    }
}
