package io.counterdesk.account.ui;

import io.counterdesk.account.AccountStatus;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.CounterAction;
import io.counterdesk.ui.CounterKeys;
import io.counterdesk.ui.Screen;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The search screen: one large field where the focus starts, results below as the cashier types.
 * ↓ moves into the results, ↑ on the first row back to the field, Enter opens.
 */
public final class AccountSearchView implements Screen {

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final AccountSearchViewModel model;
    private final VBox page = new VBox();
    private final TextField field = new TextField();
    private final TableView<AccountRow> table = new TableView<>();

    public AccountSearchView(AccountSearchViewModel model) {
        this.model = model;
        page.setId("account-search");
        page.getStyleClass().add("search-page");

        field.setId("search-field");
        field.getStyleClass().add("search-field");
        field.setPromptText(I18n.text("ui.search.prompt"));
        field.textProperty().bindBidirectional(model.queryProperty());
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setOnAction(e -> model.submit());
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                focusResults();
                e.consume();
            }
        });

        Label status = new Label();
        status.setId("search-status");
        status.setWrapText(true); // "too many, type more" is a sentence (ADR 0027): whole at 1366×768 in English too
        status.getStyleClass().add("search-status");
        status.textProperty().bind(model.statusProperty());
        model.stateProperty().addListener((obs, was, now) -> status.pseudoClassStateChanged(
                FAILED, now == AccountSearchViewModel.State.FAILED));

        HBox searchBar = new HBox(field);
        searchBar.getStyleClass().add("search-bar");
        searchBar.setAlignment(Pos.CENTER_LEFT);

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);

        Label hint = new Label(I18n.text("ui.search.keyHint"));
        hint.getStyleClass().add("form-hint");
        hint.setMinWidth(Region.USE_PREF_SIZE); // the status beside it wraps; the keys are never cut to "…"
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(status, spacer, hint);
        footer.getStyleClass().add("search-footer");
        footer.setAlignment(Pos.CENTER_LEFT);

        page.getChildren().addAll(searchBar, footer, table);
        model.setOnFocusResults(this::focusResults);
    }

    private void buildTable() {
        table.setId("search-results");
        table.getStyleClass().addAll("results-table", "striped");
        table.setItems(model.results());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(placeholder());
        table.getColumns().add(column("ui.search.col.accountNo", AccountRow::accountNo, 130, "cell-mono"));
        table.getColumns().add(column("ui.search.col.holder", AccountRow::holderName, 170, null));
        table.getColumns().add(column("ui.search.col.phone", AccountRow::phone, 130, "cell-mono"));
        table.getColumns().add(column("ui.search.col.kind", AccountRow::kind, 120, null));
        table.getColumns().add(column("ui.search.col.meter", AccountRow::meter, 130, null));
        TableColumn<AccountRow, AccountRow> statusColumn = new TableColumn<>(I18n.text("ui.search.col.status"));
        statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        statusColumn.setCellFactory(c -> new StatusCell());
        statusColumn.setPrefWidth(90);
        statusColumn.setMinWidth(80);
        table.getColumns().add(statusColumn);
        table.getColumns().add(column("ui.search.col.address", AccountRow::address, 360, null));
        table.getColumns().forEach(c -> c.setSortable(false));

        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, was, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.openSelected();
                e.consume();
            } else if (e.getCode() == KeyCode.UP && table.getSelectionModel().getSelectedIndex() <= 0) {
                focusField(false);
                e.consume();
            }
        });
        // typing while in the results goes on with the query, as if the focus were still in the field
        table.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            String typed = e.getCharacter();
            if (!typed.isEmpty() && !Character.isISOControl(typed.charAt(0)) && !e.isControlDown() && !e.isAltDown()) {
                field.appendText(typed);
                focusField(false);
                e.consume();
            }
        });
        table.setRowFactory(t -> {
            TableRow<AccountRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            return row;
        });
    }

    private Node placeholder() {
        Label text = new Label();
        text.getStyleClass().add("placeholder-text");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(
                () -> model.stateProperty().get() == AccountSearchViewModel.State.EMPTY
                        ? I18n.text("ui.search.placeholder") : model.statusProperty().get(),
                model.stateProperty(), model.statusProperty()));
        return text;
    }

    private static TableColumn<AccountRow, String> column(String key, Function<AccountRow, String> value,
                                                          double width, String styleClass) {
        TableColumn<AccountRow, String> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())).getReadOnlyProperty());
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 90));
        if (styleClass != null) {
            column.getStyleClass().add(styleClass);
        }
        return column;
    }

    private void focusResults() {
        if (table.getItems().isEmpty()) {
            return;
        }
        table.requestFocus();
        if (table.getSelectionModel().getSelectedIndex() < 0) {
            table.getSelectionModel().select(0);
        }
        table.getFocusModel().focus(table.getSelectionModel().getSelectedIndex());
        table.scrollTo(Math.max(0, table.getSelectionModel().getSelectedIndex() - 2));
    }

    /** F2: the search field, its text selected so typing starts a new search. */
    public void focusField(boolean selectAll) {
        field.requestFocus();
        if (selectAll) {
            field.selectAll();
        } else {
            field.positionCaret(field.getText().length());
        }
    }

    @Override
    public Node node() {
        return page;
    }

    @Override
    public String title() {
        return I18n.text("ui.search.title");
    }

    /** Back from an account: the field, with the query kept and the caret at its end. */
    @Override
    public void shown() {
        focusField(false);
    }

    /** Esc: clears the query (a new customer); with nothing typed there is nothing to go back to. */
    @Override
    public boolean escape() {
        model.clear();
        focusField(false);
        return true;
    }

    @Override
    public List<CounterAction> actions() {
        return List.of(
                CounterAction.hint("search.open", "Enter", CounterKeys.GROUP_SEARCH, "ui.keys.search.open"),
                CounterAction.hint("search.move", "↑ ↓", CounterKeys.GROUP_SEARCH, "ui.keys.search.move"),
                CounterAction.hint("search.clear", "Esc", CounterKeys.GROUP_SEARCH, "ui.keys.search.clear"));
    }

    @Override
    public void closed() {
        model.dispose();
    }

    /** A status badge in the results. */
    private static final class StatusCell extends TableCell<AccountRow, AccountRow> {
        private final Label badge = new Label();

        StatusCell() {
            badge.getStyleClass().add("badge");
            setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(AccountRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            badge.setText(row.statusText());
            badge.getStyleClass().removeIf(c -> c.startsWith("badge-"));
            badge.getStyleClass().add(AccountFacts.badgeClass(row.status() == null ? AccountStatus.ACTIVE : row.status()));
            setGraphic(badge);
        }
    }
}
