package io.counterdesk.till.ui;

import io.counterdesk.shared.I18n;
import io.counterdesk.till.Denomination;
import io.counterdesk.ui.CounterAction;
import io.counterdesk.ui.CounterKeys;
import io.counterdesk.ui.FormMessage;
import io.counterdesk.ui.Screen;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The cashier's day close (结账, Ctrl+E): F3 deposit, F4 the blind count by denomination (Enter moves
 * down), F6 the slips (Space ticks), F12 submits the count and shows the figures, F8 the explanation,
 * F12 again closes the till.
 */
public final class DayCloseView implements Screen {

    private final DayCloseViewModel model;
    private final VBox page = new VBox();
    private final TextField depositField = new TextField();
    private final List<TextField> pieceFields = new ArrayList<>();
    private final ListView<DayCloseViewModel.SlipItem> slipList = new ListView<>();
    private final TextField explanationField = new TextField();

    public DayCloseView(DayCloseViewModel model) {
        this.model = model;
        page.setId("day-close");
        page.getStyleClass().add("day-close-page");

        Label heading = new Label(I18n.text("ui.dayClose.heading", model.operatorLabel()));
        heading.getStyleClass().add("screen-heading");
        Label hint = new Label(I18n.text("ui.dayClose.keyHint"));
        hint.getStyleClass().add("form-hint");

        depositField.setId("day-close-deposit");
        depositField.getStyleClass().add("amount-field");
        depositField.setPromptText(I18n.text("ui.dayClose.depositPrompt"));
        depositField.textProperty().bindBidirectional(model.depositTextProperty());
        depositField.setOnAction(e -> model.deposit());
        ListView<String> depositList = new ListView<>(model.deposits());
        depositList.setId("day-close-deposits");
        depositList.setFocusTraversable(false);
        depositList.setPrefHeight(64);
        depositList.setMinHeight(60);
        depositList.setPlaceholder(new Label(I18n.text("ui.dayClose.noDeposits")));
        VBox deposits = section("ui.dayClose.deposits", depositField, depositList);

        GridPane count = new GridPane();
        count.getStyleClass().add("day-close-count");
        count.setHgap(10);
        count.setVgap(2);
        count.getStyleClass().add("compact");
        Denomination[] all = Denomination.values();
        // two groups of columns (notes from 100 to 1 yuan | jiao and fen coins): the count fits a 768-pixel screen
        int rows = (all.length + 1) / 2;
        for (int i = 0; i < all.length; i++) {
            Denomination d = all[i];
            TextField field = new TextField();
            field.setId("day-close-pieces-" + d.name());
            field.setPrefColumnCount(5);
            field.textProperty().bindBidirectional(model.piecesProperty(d));
            int next = i + 1;
            field.setOnAction(e -> {
                if (next < all.length) {
                    pieceFields.get(next).requestFocus();
                } else {
                    slipList.requestFocus();
                }
            });
            pieceFields.add(field);
            Label label = new Label(I18n.text("ui.dayClose.denomination." + d.name()));
            label.setLabelFor(field);
            int column = i / rows * 3;
            count.add(label, column, i % rows);
            count.add(field, column + 1, i % rows);
            Label pieces = new Label(I18n.text("ui.dayClose.pieces"));
            pieces.setMinWidth(Region.USE_PREF_SIZE);
            count.add(pieces, column + 2, i % rows);
        }
        Label counted = new Label();
        counted.setId("day-close-counted");
        counted.getStyleClass().add("amount-large");
        counted.textProperty().bind(model.countedTotalProperty());
        VBox countBox = section("ui.dayClose.count", count, counted);

        slipList.setId("day-close-slips");
        slipList.setItems(model.slips());
        slipList.setPrefHeight(160);
        slipList.setPlaceholder(new Label(I18n.text("ui.dayClose.noSlips")));
        slipList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(DayCloseViewModel.SlipItem item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                } else {
                    textProperty().bind(item.tickedProperty().map(t -> (t ? "☑ " : "☐ ") + item.label()));
                }
            }
        });
        slipList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SPACE) {
                model.toggle(slipList.getSelectionModel().getSelectedIndex());
                e.consume();
            }
        });
        VBox slipsBox = section("ui.dayClose.slips", slipList);

        ListView<String> figures = new ListView<>(model.figures());
        figures.setId("day-close-figures");
        figures.setFocusTraversable(false);
        figures.setPrefHeight(230);
        figures.setMinHeight(120);
        figures.setPlaceholder(new Label(I18n.text("ui.dayClose.blind")));
        explanationField.setId("day-close-explanation");
        explanationField.setPromptText(I18n.text("ui.dayClose.explanationPrompt"));
        explanationField.textProperty().bindBidirectional(model.explanationProperty());
        explanationField.setOnAction(e -> model.close());
        VBox resultBox = section("ui.dayClose.result", figures, explanationField);

        VBox left = new VBox(deposits, countBox);
        left.setSpacing(12);
        VBox right = new VBox(slipsBox, resultBox);
        right.setSpacing(12);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox columns = new HBox(left, right);
        columns.setSpacing(18);
        // on a small screen the sheet scrolls rather than pushing the status bar off the window
        ScrollPane sheet = new ScrollPane(columns);
        sheet.setId("day-close-sheet");
        sheet.setFitToWidth(true);
        sheet.setFitToHeight(true);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        Label message = FormMessage.create("day-close-message", model.messageProperty(), model.messageKindProperty());
        page.getChildren().addAll(heading, hint, message, sheet);
        page.setSpacing(8);
        page.setAlignment(Pos.TOP_LEFT);

        model.stateProperty().addListener((obs, was, now) -> {
            if (now == DayCloseViewModel.State.COUNTED) {
                explanationField.requestFocus();
            } else if (now == DayCloseViewModel.State.CLOSED) {
                showReport(left, slipsBox, figures);
            }
        });
    }

    /**
     * The till is closed: the inputs go, the cash report takes the sheet, readable by keyboard (the
     * focus on it, ↑/↓ and PgUp/PgDn scroll it).
     */
    private void showReport(VBox inputs, VBox slips, ListView<String> figures) {
        for (Node gone : List.of(inputs, slips, explanationField)) {
            gone.setVisible(false);
            gone.setManaged(false);
        }
        figures.setFocusTraversable(true);
        figures.setPrefHeight(Region.USE_COMPUTED_SIZE);
        VBox.setVgrow(figures, Priority.ALWAYS);
        VBox.setVgrow(figures.getParent(), Priority.ALWAYS);
        figures.requestFocus();
        if (!figures.getItems().isEmpty()) {
            figures.getFocusModel().focus(0);
        }
    }

    private static VBox section(String titleKey, Node... content) {
        Label title = new Label(I18n.text(titleKey));
        title.getStyleClass().add("field-label");
        VBox box = new VBox(title);
        box.getChildren().addAll(content);
        box.getStyleClass().add("panel");
        box.setSpacing(6);
        return box;
    }

    /** True for this screen (Ctrl+E does not open it again). */
    public static boolean isDayCloseScreen(Screen screen) {
        return screen instanceof DayCloseView;
    }

    public DayCloseViewModel model() {
        return model;
    }

    @Override
    public Node node() {
        return page;
    }

    @Override
    public String title() {
        return I18n.text("ui.dayClose.title");
    }

    @Override
    public void shown() {
        // the count is inside the sheet (a scroll pane): in the scene only once the pane has its skin,
        // and the page is disabled while an overlay shows; focus the count when it can take it
        if (model.stateProperty().get() != DayCloseViewModel.State.CLOSED) {
            io.counterdesk.ui.Forms.focusWhenReady(pieceFields.get(0));
        }
    }

    /**
     * A deposit, a count or an explanation typed, or slips ticked, and the till not closed: the shell asks
     * before Esc drops them (a count half typed is minutes of work) — also while a deposit, the count or
     * the close is on its way ({@code BUSY}): the fields still hold what was typed.
     */
    @Override
    public String typedInput() {
        DayCloseViewModel.State state = model.stateProperty().get();
        if (state == DayCloseViewModel.State.LOADING || state == DayCloseViewModel.State.CLOSED) {
            return "";
        }
        List<javafx.scene.control.TextInputControl> inputs = new ArrayList<>(pieceFields);
        inputs.add(depositField);
        inputs.add(explanationField);
        StringBuilder typed = new StringBuilder(Screen.typed(inputs.toArray(javafx.scene.control.TextInputControl[]::new)));
        model.slips().stream().filter(s -> s.tickedProperty().get()).forEach(s -> typed.append(s.label()).append('\n'));
        return typed.toString();
    }

    @Override
    public List<CounterAction> actions() {
        return List.of(
                CounterAction.of("dayClose.deposit", CounterKeys.DAY_CLOSE_DEPOSIT, "F3", CounterKeys.GROUP_DAY_CLOSE,
                        "ui.keys.dayClose.deposit", depositField::requestFocus),
                CounterAction.of("dayClose.count", CounterKeys.DAY_CLOSE_COUNT, "F4", CounterKeys.GROUP_DAY_CLOSE,
                        "ui.keys.dayClose.count", () -> pieceFields.get(0).requestFocus()),
                CounterAction.of("dayClose.slips", CounterKeys.DAY_CLOSE_SLIPS, "F6", CounterKeys.GROUP_DAY_CLOSE,
                        "ui.keys.dayClose.slips", this::focusSlips),
                CounterAction.of("dayClose.explanation", CounterKeys.DAY_CLOSE_EXPLANATION, "F8",
                        CounterKeys.GROUP_DAY_CLOSE, "ui.keys.dayClose.explanation", explanationField::requestFocus),
                CounterAction.of("dayClose.next", CounterKeys.DAY_CLOSE_NEXT, "F12", CounterKeys.GROUP_DAY_CLOSE,
                        "ui.keys.dayClose.next", model::next),
                CounterAction.hint("dayClose.tick", "Space", CounterKeys.GROUP_DAY_CLOSE, "ui.keys.dayClose.tick"));
    }

    private void focusSlips() {
        slipList.requestFocus();
        if (slipList.getSelectionModel().isEmpty() && !slipList.getItems().isEmpty()) {
            slipList.getSelectionModel().select(0);
        }
    }
}
