package io.counterdesk.receipt.ui;

import io.counterdesk.shared.I18n;
import io.counterdesk.ui.CounterAction;
import io.counterdesk.ui.CounterKeys;
import io.counterdesk.ui.FormMessage;
import io.counterdesk.ui.Forms;
import io.counterdesk.ui.Screen;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The month-end listing (月末票据核对, F6 on the stock screen): the month field at the top (↑ ↓
 * step a month, Enter lists what was typed), the table per cashier and kind below it, and the
 * full numbers of the highlighted row under the table. Tab goes into the table; Esc back.
 */
final class MonthEndView implements Screen {

    private final MonthEndViewModel model;
    private final VBox page = new VBox();
    private final TextField month = new TextField();

    MonthEndView(MonthEndViewModel model) {
        this.model = model;
        page.setId("month-end");
        page.getStyleClass().add("stock-page");

        Label monthLabel = new Label(I18n.text("ui.monthEnd.month"));
        monthLabel.getStyleClass().add("field-label");
        monthLabel.setLabelFor(month);
        month.setId("month-end-month");
        month.getStyleClass().add("month-field");
        month.setPromptText(I18n.text("ui.monthEnd.monthPrompt"));
        month.textProperty().bindBidirectional(model.monthTextProperty());
        month.setOnAction(e -> model.load());
        month.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.UP) {
                model.step(-1);
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                model.step(1);
                e.consume();
            }
        });
        Label totals = new Label();
        totals.setId("month-end-totals");
        totals.getStyleClass().add("chip");
        totals.textProperty().bind(model.totalsProperty());
        totals.visibleProperty().bind(totals.textProperty().isNotEmpty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label(I18n.text("ui.monthEnd.keyHint"));
        hint.getStyleClass().add("form-hint");
        hint.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(monthLabel, month, totals, spacer, hint);
        top.getStyleClass().add("stock-heading");
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<ListingRow> table = new TableView<>();
        table.setId("month-end-table");
        table.getStyleClass().addAll("detail-table", "pay-table");
        table.setItems(model.rows());
        table.setPlaceholder(new Label(I18n.text("ui.monthEnd.noRows")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Forms.textColumn("ui.monthEnd.col.holder", ListingRow::holder, 110, false));
        table.getColumns().add(Forms.textColumn("ui.monthEnd.col.kind", ListingRow::kindText, 90, false));
        table.getColumns().add(Forms.textColumn("ui.monthEnd.col.ranges", r -> ListingRow.joined(r.ranges()), 190,
                false));
        table.getColumns().add(Forms.textColumn("ui.monthEnd.col.usedCount", r -> Long.toString(r.usedCount()), 70,
                true));
        table.getColumns().add(Forms.textColumn("ui.monthEnd.col.used", r -> ListingRow.joined(r.used()), 190, false));
        table.getColumns().add(Forms.textColumn("ui.monthEnd.col.voidedCount", r -> Long.toString(r.voidedCount()),
                70, true));
        table.getColumns().add(Forms.textColumn("ui.monthEnd.col.voided", r -> ListingRow.joined(r.voided()), 190,
                false));
        table.getColumns().add(Forms.textColumn("ui.monthEnd.col.remainingCount",
                r -> Long.toString(r.remainingCount()), 80, true));
        table.getColumns().add(Forms.textColumn("ui.monthEnd.col.remaining", r -> ListingRow.joined(r.remaining()),
                190, false));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label detail = new Label();
        detail.setId("month-end-detail");
        detail.getStyleClass().addAll("panel", "month-end-detail");
        detail.setWrapText(true);
        detail.setMaxWidth(Double.MAX_VALUE);
        table.getSelectionModel().selectedItemProperty()
                .addListener((obs, was, now) -> detail.setText(model.detail(now)));
        detail.visibleProperty().bind(detail.textProperty().isNotEmpty());
        detail.managedProperty().bind(detail.visibleProperty());
        model.rows().addListener((ListChangeListener<ListingRow>) c -> {
            if (!table.getItems().isEmpty()) {
                table.getSelectionModel().select(0);
            }
        });

        page.getChildren().addAll(top, FormMessage.create("month-end-message", model.status()), table, detail);
    }

    @Override
    public Node node() {
        return page;
    }

    @Override
    public String title() {
        return I18n.text("ui.monthEnd.title");
    }

    @Override
    public void shown() {
        month.requestFocus();
        month.end();
    }

    @Override
    public List<CounterAction> actions() {
        return List.of(
                CounterAction.hint("monthEnd.step", "↑ ↓", CounterKeys.GROUP_STOCK, "ui.keys.monthEnd.step"),
                CounterAction.hint("monthEnd.load", "Enter", CounterKeys.GROUP_STOCK, "ui.keys.monthEnd.load"),
                CounterAction.hint("monthEnd.table", "Tab", CounterKeys.GROUP_STOCK, "ui.keys.monthEnd.table"));
    }

    @Override
    public void closed() {
        model.close();
    }
}
