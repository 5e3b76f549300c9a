package io.counterdesk.receipt.ui;

import io.counterdesk.shared.I18n;
import io.counterdesk.ui.LeaveAsk;
import io.counterdesk.ui.CounterAction;
import io.counterdesk.ui.CounterKeys;
import io.counterdesk.ui.FormMessage;
import io.counterdesk.ui.Forms;
import io.counterdesk.ui.OverlayHost;
import io.counterdesk.ui.Screen;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The receipt stock screen (票据管理, F11 at the counter): the cashier's ranges, the focus in the
 * table (↑ ↓ choose the kind the forms start with). F3 handover, F4 void, F6 month-end listing,
 * Esc back to where the cashier was.
 */
public final class StockView implements Screen {

    private final StockViewModel model;
    private final OverlayHost host;
    private final Consumer<Screen> open;
    private final VBox page = new VBox();
    private final TableView<RangeRow> table = new TableView<>();

    /**
     * @param host where the handover and void forms open
     * @param open opens a screen above this one (the month-end listing)
     */
    public StockView(StockViewModel model, OverlayHost host, Consumer<Screen> open) {
        this.model = model;
        this.host = host;
        this.open = open;
        page.setId("stock");
        page.getStyleClass().add("stock-page");

        Label heading = new Label(I18n.text("ui.stock.heading", model.operatorLabel()));
        heading.getStyleClass().add("screen-heading");
        Label available = new Label();
        available.setId("stock-available");
        available.getStyleClass().add("chip");
        available.textProperty().bind(model.availableProperty());
        available.visibleProperty().bind(available.textProperty().isNotEmpty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label(I18n.text("ui.stock.keyHint"));
        hint.getStyleClass().add("form-hint");
        hint.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(heading, available, spacer, hint);
        top.getStyleClass().add("stock-heading");
        top.setAlignment(Pos.CENTER_LEFT);

        table.setId("stock-ranges");
        table.getStyleClass().addAll("detail-table", "pay-table");
        table.setItems(model.ranges());
        table.setPlaceholder(new Label(I18n.text("ui.stock.noRanges")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Forms.textColumn("ui.stock.col.kind", RangeRow::kindText, 120, false));
        table.getColumns().add(Forms.textColumn("ui.stock.col.range", RangeRow::rangeText, 230, false));
        table.getColumns().add(Forms.textColumn("ui.stock.col.count", r -> Long.toString(r.count()), 90, true));
        table.getColumns().add(Forms.textColumn("ui.stock.col.used", r -> Long.toString(r.used()), 90, true));
        table.getColumns().add(Forms.textColumn("ui.stock.col.next", RangeRow::nextText, 130, true));
        table.getColumns().add(Forms.textColumn("ui.stock.col.remaining", r -> Long.toString(r.remaining()), 90, true));
        table.getColumns().add(Forms.textColumn("ui.stock.col.status", RangeRow::statusText, 100, false));
        model.ranges().addListener((ListChangeListener<RangeRow>) c -> {
            if (!table.getItems().isEmpty() && table.getSelectionModel().isEmpty()) {
                table.getSelectionModel().select(0);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label message = FormMessage.create("stock-message", model.status());
        page.getChildren().addAll(top, message, table);
    }

    /** True for the stock screen and the screens it opens (F11 does not open it again there). */
    public static boolean isStockScreen(Screen screen) {
        return screen instanceof StockView || screen instanceof MonthEndView;
    }

    private RangeRow highlighted() {
        return table.getSelectionModel().getSelectedItem();
    }

    private void openHandover() {
        model.handover(highlighted()).ifPresent(handover -> {
            HandoverDialog dialog = new HandoverDialog(handover);
            show(dialog.node(), handover.form());
            dialog.focus();
        });
    }

    private void openVoid() {
        model.voidReceipt(highlighted()).ifPresent(voiding -> {
            VoidDialog dialog = new VoidDialog(voiding);
            show(dialog.node(), voiding.form());
            dialog.focus();
        });
    }

    /**
     * Shows a form above the screen. It closes once done (the focus back in the table); Esc closes
     * it without a change, except while what it started is being checked or recorded, and with
     * something typed it first asks (the shell's rule, {@link LeaveAsk}).
     */
    private void show(Node dialog, ConfirmedForm<?> form) {
        form.stepProperty().addListener((obs, was, now) -> {
            if (now == ConfirmedForm.Step.DONE) {
                host.closeOverlay();
                table.requestFocus();
            }
        });
        LeaveAsk esc = new LeaveAsk();
        host.showOverlay(dialog, () -> {
            if (form.status().isBusy()) {
                return;
            }
            if (esc.stay(dialog, StockDialogs.typed(dialog))) {
                // the question on the dialog's message line; the focus stays where the cashier types
                Node typing = dialog.getScene() == null ? null : dialog.getScene().getFocusOwner();
                int caret = typing instanceof TextInputControl text ? text.getCaretPosition() : 0;
                form.status().error(LeaveAsk.question());
                if (typing != null) {
                    typing.requestFocus();
                }
                if (typing instanceof TextInputControl text) {
                    // the focus coming back selected the whole text: the next key must add to it, not replace it
                    text.deselect();
                    text.positionCaret(caret);
                }
                return;
            }
            host.closeOverlay();
        });
    }

    private void openMonthEnd() {
        model.monthEnd().ifPresent(listing -> {
            open.accept(new MonthEndView(listing));
            listing.load();
        });
    }

    @Override
    public Node node() {
        return page;
    }

    @Override
    public String title() {
        return I18n.text("ui.stock.title");
    }

    @Override
    public void shown() {
        table.requestFocus();
    }

    @Override
    public List<CounterAction> actions() {
        return List.of(
                CounterAction.of("stock.handover", CounterKeys.STOCK_HANDOVER, "F3", CounterKeys.GROUP_STOCK,
                        "ui.keys.stock.handover", this::openHandover),
                CounterAction.of("stock.void", CounterKeys.STOCK_VOID, "F4", CounterKeys.GROUP_STOCK,
                        "ui.keys.stock.void", this::openVoid),
                CounterAction.of("stock.monthEnd", CounterKeys.STOCK_MONTH_END, "F6", CounterKeys.GROUP_STOCK,
                        "ui.keys.stock.monthEnd", this::openMonthEnd),
                CounterAction.hint("stock.move", "↑ ↓", CounterKeys.GROUP_STOCK, "ui.keys.stock.move"));
    }

    @Override
    public void closed() {
        model.close();
    }
}
