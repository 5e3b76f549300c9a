package io.counterdesk.account.ui;

import io.counterdesk.shared.I18n;
import io.counterdesk.ui.CounterAction;
import io.counterdesk.ui.CounterKeys;
import io.counterdesk.ui.Forms;
import io.counterdesk.ui.Screen;
import java.util.List;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * 停气名单 (Ctrl+U from the search): the non-residential accounts more than 15 days overdue, most
 * overdue first, with days and amounts. ↑ ↓ choose, Enter opens the account (F6 there suspends it),
 * Esc goes back. The list is read again each time it shows.
 */
public final class SuspensionListView implements Screen {

    private final SuspensionListViewModel model;
    private final VBox page = new VBox();
    private final TableView<SuspensionListViewModel.Row> table = new TableView<>();
    private boolean shownOnce;

    public SuspensionListView(SuspensionListViewModel model) {
        this.model = model;
        page.setId("suspension-list");
        page.getStyleClass().add("search-page");
        table.setId("suspension-table");
        table.getStyleClass().addAll("detail-table", "striped");
        table.setItems(model.rows());
        table.setPlaceholder(new Label(I18n.text("ui.suspension.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("ui.suspension.col.accountNo", SuspensionListViewModel.Row::accountNo, 110, false));
        table.getColumns().add(column("ui.suspension.col.holder", SuspensionListViewModel.Row::holderName, 180, false));
        table.getColumns().add(column("ui.suspension.col.oldestDue", SuspensionListViewModel.Row::oldestDue, 110, false));
        table.getColumns().add(column("ui.suspension.col.days", SuspensionListViewModel.Row::daysOverdue, 80, true));
        table.getColumns().add(column("ui.suspension.col.principal", SuspensionListViewModel.Row::principal, 100, true));
        table.getColumns().add(column("ui.suspension.col.lateFees", SuspensionListViewModel.Row::lateFees, 90, true));
        table.getColumns().add(column("ui.suspension.col.total", SuspensionListViewModel.Row::total, 100, true));
        table.getColumns().add(column("ui.suspension.col.address", SuspensionListViewModel.Row::address, 260, false));
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        model.rows().addListener((javafx.collections.ListChangeListener<SuspensionListViewModel.Row>) change -> {
            if (!table.getItems().isEmpty() && table.getSelectionModel().getSelectedIndex() < 0) {
                table.getSelectionModel().select(0);
                table.getFocusModel().focus(0);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label status = new Label();
        status.setId("suspension-status");
        status.getStyleClass().add("search-status");
        status.textProperty().bind(model.statusProperty());
        Label hint = new Label(I18n.text("ui.suspension.keyHint"));
        hint.getStyleClass().add("form-hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(status, spacer, hint);
        footer.getStyleClass().add("search-footer");
        page.getChildren().addAll(table, footer);
    }

    private static TableColumn<SuspensionListViewModel.Row, String> column(
            String key, Function<SuspensionListViewModel.Row, String> value, double width, boolean right) {
        return Forms.textColumn(key, value, width, right);
    }

    /** True for this screen (the shell does not open it twice). */
    public static boolean isSuspensionList(Screen screen) {
        return screen instanceof SuspensionListView;
    }

    @Override
    public Node node() {
        return page;
    }

    @Override
    public String title() {
        return I18n.text("ui.suspension.title");
    }

    @Override
    public void shown() {
        if (shownOnce) {
            model.load(); // back from an account: a suspended one has left the list
        }
        shownOnce = true;
        table.requestFocus();
    }

    @Override
    public List<CounterAction> actions() {
        return List.of(
                CounterAction.hint("suspension.move", "↑ ↓", CounterKeys.GROUP_SEARCH, "ui.keys.suspension.move"),
                CounterAction.hint("suspension.open", "Enter", CounterKeys.GROUP_SEARCH, "ui.keys.suspension.open"));
    }

    @Override
    public void closed() {
        model.dispose();
    }
}
