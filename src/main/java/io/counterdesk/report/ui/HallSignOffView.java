package io.counterdesk.report.ui;

import io.counterdesk.security.ui.CredentialFields;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.CounterAction;
import io.counterdesk.ui.CounterKeys;
import io.counterdesk.ui.FormMessage;
import io.counterdesk.ui.Forms;
import io.counterdesk.ui.Screen;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/**
 * The hall manager's sign-off (签核, Ctrl+H): the cashiers' reports (a till still open or over/short
 * is highlighted) above the day's four charts (per hour, by business, by tender, service times
 * against promises with late businesses marked); beside them the hall totals, a note (F8), the
 * checker's 工号 and password (F3); Enter signs off; F7 sends the closed days to head office now. PgUp/PgDn show the day before/after (never
 * past today); the heading names the day and says whether it is today and signed off.
 */
public final class HallSignOffView implements Screen {

    private static final PseudoClass ATTENTION = PseudoClass.getPseudoClass("attention");

    private final HallSignOffViewModel model;
    private final VBox page = new VBox();
    private final TableView<HallSignOffViewModel.Row> table = new TableView<>();
    private final TextField noteField = new TextField();
    private final CredentialFields credentials;

    public HallSignOffView(HallSignOffViewModel model) {
        this.model = model;
        page.setId("hall-signoff");
        page.getStyleClass().add("hall-signoff-page");
        page.setSpacing(8);
        Label heading = new Label();
        heading.setId("signoff-heading");
        heading.getStyleClass().add("screen-heading");
        heading.textProperty().bind(model.headingProperty());
        Label hint = new Label(I18n.text("ui.signOff.keyHint"));
        hint.getStyleClass().add("form-hint");

        table.setId("signoff-cashiers");
        table.getStyleClass().addAll("detail-table", "pay-table");
        table.setItems(model.rows());
        table.setPlaceholder(new Label(I18n.text("ui.signOff.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Forms.textColumn("ui.signOff.col.cashier", HallSignOffViewModel.Row::cashier, 130, false));
        table.getColumns().add(Forms.textColumn("ui.signOff.col.status", HallSignOffViewModel.Row::status, 80, false));
        table.getColumns().add(Forms.textColumn("ui.signOff.col.expected", HallSignOffViewModel.Row::expected, 130, true));
        table.getColumns().add(Forms.textColumn("ui.signOff.col.counted", HallSignOffViewModel.Row::counted, 130, true));
        table.getColumns().add(Forms.textColumn("ui.signOff.col.overShort", HallSignOffViewModel.Row::overShort, 250, true));
        table.getColumns().add(Forms.textColumn("ui.signOff.col.deposits", HallSignOffViewModel.Row::deposits, 110, true));
        table.getColumns().add(Forms.textColumn("ui.signOff.col.explanation", HallSignOffViewModel.Row::explanation, 120, false));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(HallSignOffViewModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(ATTENTION, !empty && item != null && item.attention());
                setStyle(!empty && item != null && item.attention() ? "-fx-background-color: #fde2e1;" : "");
            }
        });
        table.setPrefHeight(150);
        table.setMinHeight(110);

        Label totals = new Label();
        totals.setId("signoff-totals");
        totals.setWrapText(true);
        model.totals().addListener((javafx.collections.ListChangeListener<String>) c ->
                totals.setText(String.join("\n", model.totals())));
        Label totalsTitle = new Label(I18n.text("ui.signOff.totals"));
        totalsTitle.getStyleClass().add("field-label");
        VBox totalsBox = new VBox(totalsTitle, totals);
        totalsBox.setSpacing(4);
        totalsBox.getStyleClass().add("panel");
        totalsBox.setMinHeight(Region.USE_PREF_SIZE);

        noteField.setId("signoff-note");
        noteField.setPromptText(I18n.text("ui.signOff.notePrompt"));
        noteField.textProperty().bindBidirectional(model.noteProperty());
        credentials = new CredentialFields("signoff", model.credentials(), "ui.signOff.staffNo", "ui.signOff.password",
                model::signOff);
        credentials.editableWhile(model.busyProperty().not().and(model.signedProperty().not()));
        noteField.setOnAction(e -> credentials.staffNoField().requestFocus());
        VBox form = new VBox(Forms.fieldLabel("ui.signOff.note", noteField), noteField);
        form.getChildren().addAll(credentials.nodes());
        form.getStyleClass().add("panel");
        form.setSpacing(4);
        VBox.setVgrow(form, Priority.ALWAYS);
        VBox side = new VBox(totalsBox, form);
        side.setSpacing(8);
        side.setMinWidth(300);
        side.setPrefWidth(320);

        // the day's charts two by two: per hour and by business above, by tender and service times below
        GridPane charts = new GridPane();
        charts.setId("signoff-charts");
        charts.setHgap(8);
        charts.setVgap(4);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            charts.getColumnConstraints().add(column);
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(50);
            charts.getRowConstraints().add(row);
        }
        charts.setMinHeight(300);
        model.charts().addListener((javafx.collections.ListChangeListener<io.counterdesk.report.chart.Chart>) c -> {
            charts.getChildren().clear();
            for (int i = 0; i < model.charts().size(); i++) {
                ChartNode node = new ChartNode(model.charts().get(i));
                node.setMinSize(0, 0);
                charts.add(node, i % 2, i / 2);
            }
        });
        VBox main = new VBox(table, charts);
        main.setSpacing(8);
        VBox.setVgrow(charts, Priority.ALWAYS);
        HBox columns = new HBox(main, side);
        columns.setSpacing(16);
        HBox.setHgrow(main, Priority.ALWAYS);

        Label message = FormMessage.create("signoff-message", model.messageProperty(), model.messageKindProperty());
        page.getChildren().addAll(heading, hint, message, columns);
        VBox.setVgrow(columns, Priority.ALWAYS);
    }

    /** True for this screen (Ctrl+H does not open it again). */
    public static boolean isSignOffScreen(Screen screen) {
        return screen instanceof HallSignOffView;
    }

    @Override
    public Node node() {
        return page;
    }

    @Override
    public String title() {
        return I18n.text("ui.signOff.title");
    }

    @Override
    public void shown() {
        credentials.staffNoField().requestFocus();
    }

    @Override
    public List<CounterAction> actions() {
        return List.of(
                CounterAction.of("signoff.credentials", CounterKeys.SIGN_OFF_CREDENTIALS, "F3", CounterKeys.GROUP_SIGN_OFF,
                        "ui.keys.signOff.credentials", () -> credentials.staffNoField().requestFocus()),
                CounterAction.of("signoff.note", CounterKeys.SIGN_OFF_NOTE, "F8", CounterKeys.GROUP_SIGN_OFF,
                        "ui.keys.signOff.note", noteField::requestFocus),
                CounterAction.of("signoff.list", CounterKeys.SIGN_OFF_LIST, "F6", CounterKeys.GROUP_SIGN_OFF,
                        "ui.keys.signOff.list", table::requestFocus),
                CounterAction.of("signoff.previousDay", CounterKeys.SIGN_OFF_PREVIOUS_DAY, "PgUp", CounterKeys.GROUP_SIGN_OFF,
                        "ui.keys.signOff.previousDay", model::previousDay),
                CounterAction.of("signoff.nextDay", CounterKeys.SIGN_OFF_NEXT_DAY, "PgDn", CounterKeys.GROUP_SIGN_OFF,
                        "ui.keys.signOff.nextDay", model::nextDay),
                CounterAction.of("signoff.sendNow", CounterKeys.SIGN_OFF_SEND_NOW, "F7", CounterKeys.GROUP_SIGN_OFF,
                        "ui.keys.signOff.sendNow", model::sendNow),
                CounterAction.hint("signoff.sign", "Enter", CounterKeys.GROUP_SIGN_OFF, "ui.keys.signOff.sign"));
    }
}
