package io.counterdesk.account.ui;

import io.counterdesk.shared.I18n;
import io.counterdesk.ui.CounterAction;
import io.counterdesk.ui.CounterKeys;
import io.counterdesk.ui.Forms;
import io.counterdesk.ui.Screen;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One account: number and status on top; holder, meter and money side by side (arrears and
 * credit in large type); bills and the holder history below. Esc goes back to the search. The
 * heading's hint line lists the keys that apply to the account as shown (复气 only when suspended).
 */
public final class AccountDetailView implements Screen {

    private static final PseudoClass OWING = PseudoClass.getPseudoClass("owing");

    private final AccountDetailViewModel model;
    private final Runnable onPay;
    private final StackPane page = new StackPane();
    private final VBox content = new VBox();
    private final Label loading = new Label();

    private final Label accountNo = value("detail-account-no", "detail-account-no");
    private final Label status = value("detail-status", "badge");
    private final Label kind = value("detail-kind", "chip");
    private final Label meterChip = value("detail-meter-chip", "chip");
    private final Label holderName = value("detail-holder-name", "holder-name");
    private final Label idType = value("detail-id-type", null);
    private final Label idNumber = value("detail-id-number", "mono");
    private final Label phone = value("detail-phone", "mono");
    private final Label address = value("detail-address", null);
    private final Label meterKind = value("detail-meter-kind", null);
    private final Label meterNo = value("detail-meter-no", "mono");
    private final Label cardSerial = value("detail-card-serial", "mono");
    private final Label openedOn = value("detail-opened-on", "mono");
    private final Label arrears = value("detail-arrears", "amount-large");
    private final Label arrearsNote = value("detail-arrears-note", "amount-note");
    private final Label credit = value("detail-credit", "amount-medium");
    private final Label deposit = value("detail-deposit", "mono");
    private final TableView<AccountFacts.BillRow> bills = new TableView<>();
    private final TableView<AccountFacts.HolderRow> holders = new TableView<>();
    private final java.util.List<CounterAction> moreActions = new java.util.ArrayList<>();
    private final Label keyHint = new Label();

    /** A detail for looking up only (no payment key). */
    public AccountDetailView(AccountDetailViewModel model) {
        this(model, null);
    }

    /**
     * @param onPay what F5 does (open the payment screen for this account); null for none
     */
    public AccountDetailView(AccountDetailViewModel model, Runnable onPay) {
        this.model = model;
        this.onPay = onPay;
        page.setId("account-detail");
        page.getStyleClass().add("detail-page");

        loading.setId("detail-message");
        loading.getStyleClass().add("placeholder-text");
        loading.textProperty().bind(model.messageProperty());
        loading.visibleProperty().bind(model.stateProperty().isNotEqualTo(AccountDetailViewModel.State.LOADED));
        content.visibleProperty().bind(model.stateProperty().isEqualTo(AccountDetailViewModel.State.LOADED));
        content.getStyleClass().add("detail-content");

        Label accountLabel = new Label(I18n.text("ui.detail.accountNo"));
        accountLabel.getStyleClass().add("detail-account-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        keyHint.setId("detail-key-hint");
        keyHint.getStyleClass().add("form-hint");
        // the account number and its chips never shrink; a long hint line (English) wraps instead
        keyHint.setMinWidth(200);
        keyHint.setWrapText(true);
        keyHint.setTextAlignment(javafx.scene.text.TextAlignment.RIGHT);
        for (Region fixed : List.of(accountLabel, accountNo, status, kind, meterChip)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox heading = new HBox(accountLabel, accountNo, status, kind, meterChip, spacer, keyHint);
        heading.getStyleClass().add("detail-heading");
        heading.setAlignment(Pos.CENTER_LEFT);

        GridPane holderGrid = facts(
                row("ui.detail.holder", holderName),
                row("ui.detail.idType", idType),
                row("ui.detail.idNumber", idNumber),
                row("ui.detail.phone", phone),
                row("ui.detail.address", address));
        GridPane meterGrid = facts(
                row("ui.detail.meterKind", meterKind),
                row("ui.detail.meterNo", meterNo),
                row("ui.detail.cardSerial", cardSerial),
                row("ui.detail.openedOn", openedOn));
        VBox holderCard = card("ui.detail.holderCard", holderGrid);
        VBox meterCard = card("ui.detail.meterCard", meterGrid);

        Label arrearsLabel = new Label(I18n.text("ui.detail.arrears"));
        arrearsLabel.getStyleClass().add("amount-label");
        Label creditLabel = new Label(I18n.text("ui.detail.credit"));
        creditLabel.getStyleClass().add("amount-label");
        Label depositLabel = new Label(I18n.text("ui.detail.deposit"));
        depositLabel.getStyleClass().add("amount-label");
        HBox depositLine = new HBox(8, depositLabel, deposit);
        depositLine.setAlignment(Pos.BASELINE_LEFT);
        VBox moneyCard = card("ui.detail.moneyCard",
                new VBox(2, arrearsLabel, arrears, arrearsNote), new VBox(2, creditLabel, credit), depositLine);
        moneyCard.getStyleClass().add("money-card");

        HBox cards = new HBox(holderCard, meterCard, moneyCard);
        cards.getStyleClass().add("detail-cards");
        HBox.setHgrow(holderCard, Priority.ALWAYS);
        HBox.setHgrow(meterCard, Priority.SOMETIMES);
        holderCard.setPrefWidth(460);
        meterCard.setPrefWidth(300);
        moneyCard.setPrefWidth(300);
        moneyCard.setMinWidth(260);

        buildBills();
        buildHolders();
        Forms.showAllColumns(bills);
        Forms.showAllColumns(holders);
        VBox billBox = card("ui.detail.bills", bills);
        VBox holderBox = card("ui.detail.holders", holders);
        VBox.setVgrow(bills, Priority.ALWAYS);
        VBox.setVgrow(holders, Priority.ALWAYS);
        // side by side while both show every column whole, else the history under the bills
        io.counterdesk.ui.SideBySide tables = new io.counterdesk.ui.SideBySide(12, billBox, holderBox);
        tables.setId("detail-tables");
        tables.getStyleClass().add("detail-tables");
        billBox.setPrefWidth(680);
        holderBox.setPrefWidth(540);
        VBox.setVgrow(tables, Priority.ALWAYS);

        content.getChildren().addAll(heading, cards, tables);
        page.getChildren().addAll(content, loading);

        model.factsProperty().addListener((obs, was, now) -> {
            if (now != null) {
                fill(now);
            }
            showKeys();
        });
        model.stateProperty().addListener((obs, was, now) -> showKeys());
        if (model.factsProperty().get() != null) {
            fill(model.factsProperty().get());
        }
        showKeys();
    }

    /** The keys that apply to this account now, on the heading's hint line. */
    private void showKeys() {
        keyHint.setText(keyLine(actions()));
    }

    /**
     * The hint line: each available action's key and short text, the keys first, then the hints
     * (Esc) — from the same actions the key map (F1) lists.
     */
    static String keyLine(List<CounterAction> actions) {
        return java.util.stream.Stream.concat(actions.stream().filter(a -> !a.isHint()),
                        actions.stream().filter(CounterAction::isHint))
                .filter(a -> a.available().getAsBoolean())
                .map(a -> a.keyLabel() + " " + a.shortText())
                .collect(java.util.stream.Collectors.joining("　　"));
    }

    private void fill(AccountFacts f) {
        accountNo.setText(f.accountNo());
        status.setText(f.statusText());
        status.getStyleClass().removeIf(c -> c.startsWith("badge-"));
        status.getStyleClass().add(AccountFacts.badgeClass(f.status()));
        kind.setText(f.kind());
        meterChip.setText(f.meterKind());
        holderName.setText(f.holderName());
        idType.setText(f.idType());
        idNumber.setText(f.idNumber());
        phone.setText(f.phone());
        address.setText(f.address());
        meterKind.setText(f.meterKind());
        meterNo.setText(f.meterNo());
        cardSerial.setText(f.cardSerial());
        openedOn.setText(f.openedOn());
        arrears.setText(f.arrears());
        arrears.pseudoClassStateChanged(OWING, f.owing());
        arrearsNote.setText(f.owing() ? I18n.text("ui.detail.unpaidBills", f.unpaidBills())
                : I18n.text("ui.detail.noArrears"));
        arrearsNote.pseudoClassStateChanged(OWING, f.owing());
        credit.setText(f.credit());
        deposit.setText(f.deposit());
        bills.getItems().setAll(f.bills());
        holders.getItems().setAll(f.holders());
    }

    private void buildBills() {
        bills.setId("detail-bills");
        bills.getStyleClass().addAll("detail-table", "striped");
        bills.setFocusTraversable(false);
        bills.setPlaceholder(new Label(I18n.text("ui.detail.noBills")));
        bills.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        bills.getColumns().add(column("ui.bill.col.period", AccountFacts.BillRow::period, 78, "cell-mono"));
        bills.getColumns().add(column("ui.bill.col.volume", AccountFacts.BillRow::volume, 66, "cell-right"));
        bills.getColumns().add(column("ui.bill.col.amount", AccountFacts.BillRow::amount, 82, "cell-right"));
        bills.getColumns().add(column("ui.bill.col.outstanding", AccountFacts.BillRow::outstanding, 82, "cell-right"));
        bills.getColumns().add(column("ui.bill.col.lateFee", AccountFacts.BillRow::lateFee, 76, "cell-right"));
        bills.getColumns().add(column("ui.bill.col.totalDue", AccountFacts.BillRow::totalDue, 86, "cell-right"));
        bills.getColumns().add(column("ui.bill.col.due", AccountFacts.BillRow::dueDate, 106, "cell-mono"));
        // as wide as its longest word in the language shown ("Partly paid")
        double state = java.util.stream.Stream.of("ui.bill.paid", "ui.bill.unpaid", "ui.bill.partlyPaid")
                .mapToDouble(k -> Forms.headingWidth(I18n.text(k))).max().orElse(62);
        bills.getColumns().add(column("ui.bill.col.state", AccountFacts.BillRow::state, Math.max(62, state), null));
        bills.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AccountFacts.BillRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(OWING, !empty && row != null && row.owing());
            }
        });
    }

    private void buildHolders() {
        holders.setId("detail-holders");
        holders.getStyleClass().addAll("detail-table", "striped");
        holders.setFocusTraversable(false);
        holders.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        holders.getColumns().add(column("ui.holder.col.name", AccountFacts.HolderRow::name, 80, null));
        holders.getColumns().add(column("ui.holder.col.idNumber", AccountFacts.HolderRow::idNumber, 170, "cell-mono"));
        holders.getColumns().add(column("ui.holder.col.from", AccountFacts.HolderRow::from, 100, "cell-mono"));
        holders.getColumns().add(column("ui.holder.col.to", AccountFacts.HolderRow::to, 100, "cell-mono"));
        holders.getColumns().add(column("ui.holder.col.reason", AccountFacts.HolderRow::reason, 54, null));
    }

    private static <R> TableColumn<R, String> column(String key, Function<R, String> value, double width,
                                                     String styleClass) {
        // never narrower than its figures nor than its heading in the language shown ("Volume", not
        // "Volu…": Forms.column)
        TableColumn<R, String> column = Forms.textColumn(key, value, width, "cell-right".equals(styleClass));
        column.setMinWidth(Math.max(width, column.getMinWidth()));
        if (styleClass != null) {
            column.getStyleClass().add(styleClass);
        }
        return column;
    }

    private static Label value(String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("fact-value");
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
        label.setWrapText(true);
        return label;
    }

    private static Node[] row(String key, Label value) {
        Label name = new Label(I18n.text(key));
        name.getStyleClass().add("fact-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        return new Node[] {name, value};
    }

    private static GridPane facts(Node[]... rows) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("facts");
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(names, values);
        for (Node[] row : rows) {
            grid.addRow(grid.getRowCount(), row);
        }
        return grid;
    }

    private static VBox card(String titleKey, Node... body) {
        Label title = new Label(I18n.text(titleKey));
        title.getStyleClass().add("card-title");
        VBox card = new VBox(title);
        card.getChildren().addAll(body);
        card.getStyleClass().add("panel");
        return card;
    }

    @Override
    public Node node() {
        return page;
    }

    @Override
    public String title() {
        return I18n.text("ui.detail.title");
    }

    @Override
    public void shown() {
        page.requestFocus();
    }

    /** Adds keys of other businesses on this account (停气/复气/销户); call before the screen shows. */
    public AccountDetailView withActions(List<CounterAction> actions) {
        moreActions.addAll(actions);
        showKeys();
        return this;
    }

    @Override
    public List<CounterAction> actions() {
        List<CounterAction> all = new java.util.ArrayList<>(baseActions());
        all.addAll(moreActions);
        return all;
    }

    private List<CounterAction> baseActions() {
        CounterAction back = CounterAction.hint("detail.back", "Esc", CounterKeys.GROUP_SEARCH, "ui.keys.detail.back");
        if (onPay == null) {
            return List.of(back);
        }
        return List.of(back,
                CounterAction.of("detail.pay", CounterKeys.PAY, "F5", CounterKeys.GROUP_SEARCH, "ui.keys.detail.pay",
                        onPay).when(model::payable));
    }

    @Override
    public void closed() {
        model.dispose();
    }
}
