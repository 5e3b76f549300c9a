package io.counterdesk.card.ui;

import io.counterdesk.card.virtual.DemoCards;
import io.counterdesk.card.virtual.SimulatedMeter;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.FormStatus;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The demo card reader (演示, Ctrl+D, demo mode only): the demo customers' cards, which is in the
 * reader, and what the cashier can do with one — put it into the reader, take it out, or play the
 * customer putting it into the gas meter at home. The cards are the simulated hardware; the
 * counter sees them only through the reader, like real cards.
 */
public final class DemoCardsViewModel {

    /** One demo card as listed; {@code replaced} ≥ 0 for an old card a reissue replaced (its index), else -1. */
    public record Row(String accountNo, String holder, boolean inReader, int replaced) {
        @Override
        public String toString() {
            return accountNo + "  " + holder + (replaced >= 0 ? "  · " + I18n.text("ui.demo.replaced") : "")
                    + (inReader ? "  · " + I18n.text("ui.demo.inReader") : "");
        }
    }

    private final TaskExecutor executor;
    private final DemoCards demo;
    private final Consumer<String> onDone;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    /** Held here: a list listener on a read-only view taken anew each call is lost when that view is collected. */
    private final ObservableList<Row> rowsReadOnly = FXCollections.unmodifiableObservableList(rows);
    private final FormStatus status = new FormStatus();
    private Runnable afterInsert = () -> { };

    /** @param onDone runs on the UI thread with what was done ("演示：已把王建国的卡插入读卡器") */
    public DemoCardsViewModel(TaskExecutor executor, DemoCards demo, Consumer<String> onDone) {
        this.executor = Objects.requireNonNull(executor);
        this.demo = Objects.requireNonNull(demo);
        this.onDone = Objects.requireNonNull(onDone);
    }

    /**
     * {@code action} runs (on the UI thread) once a card is in the counter's reader (Enter): the dialog
     * closes, so the next key (Ctrl+G) goes to the counter at once.
     */
    public void whenInserted(Runnable action) {
        afterInsert = Objects.requireNonNull(action);
    }

    /** Reads the list (in the background: the cards are devices). */
    public void load() {
        run(() -> null, null);
    }

    /** Enter: the card into the counter's reader (the card that was there comes out). */
    public void insert(Row row) {
        run(() -> {
            if (row.replaced() >= 0) {
                demo.insertReplaced(row.replaced());
                return I18n.text("ui.demo.replacedInserted", row.holder());
            }
            demo.insert(row.accountNo());
            return I18n.text("ui.demo.inserted", row.holder());
        }, row, true);
    }

    /** M: the customer puts the card into the gas meter (out of the reader first). */
    public void putIntoMeter(Row row) {
        if (row.replaced() >= 0) {
            status.error(I18n.text("ui.demo.replacedNoMeter"));
            return;
        }
        run(() -> {
            SimulatedMeter.Insertion done = demo.putIntoMeter(row.accountNo());
            return I18n.text("ui.demo.meter." + done.outcome().name(), row.holder(), done.loadedM3());
        }, row);
    }

    /** B: a blank new card into the reader (for a reissue, 补卡). */
    public void insertBlank() {
        run(() -> {
            demo.insertBlank();
            return I18n.text("ui.demo.blankInserted");
        }, null);
    }

    /** Delete: the card comes out of the reader. */
    public void takeOut() {
        run(() -> {
            demo.takeOut();
            return I18n.text("ui.demo.takenOut");
        }, null);
    }

    private void run(Callable<String> action, Row row) {
        run(action, row, false);
    }

    private void run(Callable<String> action, Row row, boolean inserting) {
        if (status.isBusy()) {
            return;
        }
        status.setBusy(true);
        record Done(String text, List<Row> rows) {
        }
        BackgroundTask.of(() -> {
            String text = action.call();
            String inReader = demo.inReader().orElse("");
            int oldInReader = demo.replacedInReader().orElse(-1);
            List<Row> listed = new java.util.ArrayList<>(demo.cards().stream()
                    .map(c -> new Row(c.accountNo(), c.holder(), c.accountNo().equals(inReader), -1)).toList());
            List<DemoCards.DemoCard> old = demo.replacedCards();
            for (int i = 0; i < old.size(); i++) {
                listed.add(new Row(old.get(i).accountNo(), old.get(i).holder(), i == oldInReader, i));
            }
            return new Done(text, listed);
        }).onSuccess(done -> {
            status.setBusy(false);
            rows.setAll(done.rows());
            if (done.text() != null) {
                status.info(done.text());
                onDone.accept(done.text());
            }
            if (inserting) {
                afterInsert.run();
            }
        }).onFailure(error -> {
            status.setBusy(false);
            status.error(UiErrors.text(error));
        }).executeWith(executor);
    }

    public ObservableList<Row> rows() {
        return rowsReadOnly;
    }

    public FormStatus status() {
        return status;
    }
}
