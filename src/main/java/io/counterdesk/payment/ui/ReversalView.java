package io.counterdesk.payment.ui;

import io.counterdesk.security.ui.ApprovalOverlay;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.CounterAction;
import io.counterdesk.ui.CounterKeys;
import io.counterdesk.ui.FormMessage;
import io.counterdesk.ui.Forms;
import io.counterdesk.ui.Screen;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The reversal screen (冲正, Ctrl+R): the receipt number (Enter finds it), the original payment, F12
 * the reason and the hall manager's approval (the top-up screen's approval dialog), then the
 * reversal and its receipt. Esc clears a shown payment, then goes back.
 */
public final class ReversalView implements Screen {

    private final ReversalViewModel model;
    private final ApprovalOverlay approvals;
    private final VBox page = new VBox();
    private final TextField number = new TextField();
    private final GridPane details = new GridPane();

    public ReversalView(ReversalViewModel model, ApprovalOverlay approvals) {
        this.model = model;
        this.approvals = approvals;
        page.setId("reversal");
        page.setSpacing(8);
        Label heading = new Label(I18n.text("reversal.ui.title"));
        heading.getStyleClass().add("screen-heading");
        Label hint = new Label(I18n.text("reversal.ui.keyHint"));
        hint.getStyleClass().add("form-hint");

        number.setId("reversal-number");
        number.setPromptText(I18n.text("reversal.ui.numberPrompt"));
        number.setPrefColumnCount(14);
        number.textProperty().bindBidirectional(model.numberProperty());
        number.editableProperty().bind(model.status().busyProperty().not());
        number.setOnAction(e -> model.find());
        Button find = new Button(I18n.text("reversal.ui.find"));
        find.setFocusTraversable(false);
        find.setOnAction(e -> model.find());
        Button confirm = new Button(I18n.text("reversal.ui.confirm"));
        confirm.setId("reversal-confirm");
        confirm.setFocusTraversable(false);
        confirm.setOnAction(e -> approve());
        confirm.disableProperty().bind(model.stateProperty().isNotEqualTo(ReversalViewModel.State.FOUND)
                .or(model.status().busyProperty()));
        HBox entry = new HBox(number, find, confirm);
        entry.setSpacing(8);
        VBox form = new VBox(Forms.fieldLabel("reversal.ui.receipt", number), entry);
        form.setSpacing(4);
        form.getStyleClass().add("panel");

        details.setId("reversal-details");
        details.getStyleClass().add("panel");
        details.setHgap(16);
        details.setVgap(4);
        details.setMinHeight(160);
        model.rows().addListener((ListChangeListener<ReversalViewModel.Row>) c -> fill());
        Label message = FormMessage.create("reversal-message", model.status());
        message.setWrapText(true);
        page.getChildren().addAll(heading, hint, form, message, details);
    }

    private void fill() {
        details.getChildren().clear();
        int row = 0;
        String previous = null;
        for (ReversalViewModel.Row r : model.rows()) {
            Label label = new Label(r.label().equals(previous) ? "" : r.label());
            label.getStyleClass().add("amount-label");
            Label value = new Label(r.value());
            value.setId("reversal-row-" + row);
            if (r.emphasis()) {
                value.getStyleClass().add("amount-medium");
            }
            GridPane.setValignment(label, VPos.BASELINE);
            GridPane.setValignment(value, VPos.BASELINE);
            details.addRow(row++, label, value);
            previous = r.label();
        }
    }

    /** F12: the reason and the manager's approval, then the reversal. */
    private void approve() {
        if (model.canReverse()) {
            approvals.ask("reversal.ui.approvalTitle", model.what(), granted -> {
                model.reverse(granted);
                number.requestFocus();
            });
        }
    }

    /** True for this screen (Ctrl+R does not open it again). */
    public static boolean isReversalScreen(Screen screen) {
        return screen instanceof ReversalView;
    }

    public ReversalViewModel model() {
        return model;
    }

    @Override
    public Node node() {
        return page;
    }

    @Override
    public String title() {
        return I18n.text("reversal.ui.title");
    }

    @Override
    public void shown() {
        number.requestFocus();
    }

    @Override
    public boolean escape() {
        if (model.stateProperty().get() != ReversalViewModel.State.ENTERING || !number.getText().isEmpty()) {
            model.clear();
            number.requestFocus();
            return true;
        }
        return false;
    }

    @Override
    public List<CounterAction> actions() {
        return List.of(
                CounterAction.of("reverse.confirm", CounterKeys.REVERSAL_CONFIRM, "F12", CounterKeys.GROUP_REVERSAL,
                        "reversal.ui.keys.confirm", this::approve).when(model::canReverse),
                CounterAction.hint("reverse.find", "Enter", CounterKeys.GROUP_REVERSAL, "reversal.ui.keys.find"));
    }
}
