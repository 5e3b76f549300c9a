package io.counterdesk.payment.ui;

import io.counterdesk.security.ui.Approval;
import io.counterdesk.payment.OriginalPayment;
import io.counterdesk.payment.OriginalTender;
import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.payment.PaymentReversalService;
import io.counterdesk.payment.ReversalRules;
import io.counterdesk.receipt.ReceiptPrinting;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Masking;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.FormStatus;
import io.counterdesk.ui.PrinterActivity;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The reversal screen (冲正, Ctrl+R): the receipt number typed, the original payment shown (account,
 * day, what it paid, how, what goes back), then — with a reason and the hall manager's approval —
 * the reversal committed and its receipt printed.
 */
public final class ReversalViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Where the screen is. */
    public enum State {
        /** Typing the receipt number. */
        ENTERING,
        /** A reversible payment is shown: F10 asks for the approval. */
        FOUND,
        /** The payment is shown with why it cannot be reversed. */
        REFUSED,
        /** Reversed (printed or not): Enter or a new number starts again. */
        DONE
    }

    /** One line of the original shown: a label and its value; {@code emphasis} for the money going back. */
    public record Row(String label, String value, boolean emphasis) {

        Row(String label, String value) {
            this(label, value, false);
        }
    }

    /** The services the screen uses. */
    public record Services(PaymentReversalService reversals, ReceiptPrinting printing, PrinterActivity printer,
                           ZoneId zone) {
        public Services {
            Objects.requireNonNull(reversals);
            Objects.requireNonNull(printing);
            Objects.requireNonNull(printer);
            Objects.requireNonNull(zone);
        }
    }

    private final TaskExecutor executor;
    private final Services services;
    private final Operator cashier;
    private final StringProperty number = new SimpleStringProperty("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.ENTERING);
    private final FormStatus status = new FormStatus();
    private PaymentReversalService.Preview preview;

    public ReversalViewModel(TaskExecutor executor, Services services, Operator cashier) {
        this.executor = Objects.requireNonNull(executor);
        this.services = Objects.requireNonNull(services);
        this.cashier = Objects.requireNonNull(cashier);
    }

    /** Enter in the number: looks the receipt up and shows its payment. */
    public void find() {
        if (status.isBusy()) {
            return;
        }
        String typed = number.get() == null ? "" : number.get().strip();
        if (!typed.matches("\\d{1,12}")) {
            rows.clear();
            preview = null;
            state.set(State.ENTERING);
            status.error(I18n.text("reversal.notFound", typed));
            return;
        }
        long no = Long.parseLong(typed);
        status.setBusy(true);
        BackgroundTask.of(() -> services.reversals().find(cashier, no))
                .onSuccess(found -> {
                    status.setBusy(false);
                    show(found);
                })
                .onFailure(error -> {
                    status.setBusy(false);
                    rows.clear();
                    preview = null;
                    state.set(State.ENTERING);
                    status.error(UiErrors.text(error));
                })
                .executeWith(executor);
    }

    private void show(PaymentReversalService.Preview found) {
        preview = found;
        OriginalPayment p = found.payment();
        List<Row> out = new ArrayList<>();
        out.add(new Row(I18n.text("reversal.ui.receipt"), found.receipt().formattedNumber()));
        out.add(new Row(I18n.text("reversal.ui.account"), p.accountNo()));
        out.add(new Row(I18n.text("reversal.ui.holder"), Masking.name(p.holderName())));
        out.add(new Row(I18n.text("reversal.ui.paidOn"), TIME.format(p.paidAt().atZone(services.zone()))
                + (found.dayLocked() ? " " + I18n.text("reversal.ui.locked") : "")));
        out.add(new Row(I18n.text("reversal.ui.cashier"), p.cashierStaffNo()));
        for (PaymentPlan.Line line : found.lines()) {
            out.add(new Row(I18n.text("reversal.ui.paid"), I18n.text("receipt.line." + line.kind().name(), line.label())
                    + "  " + line.amount().format()));
        }
        if (p.cashReceived().isPositive()) {
            out.add(new Row(I18n.text("reversal.ui.how"), I18n.text("receipt.tender.CASH") + " "
                    + p.cashReceived().format() + (p.change().isPositive() ? "，" + I18n.text("receipt.print.change")
                    + " " + p.change().format() : "")));
        }
        for (OriginalTender t : found.tenders()) {
            if (!t.kind().equals("CASH")) {
                out.add(new Row(I18n.text("reversal.ui.how"), I18n.text("receipt.tender." + t.kind(),
                        t.reference() == null ? "" : t.reference()) + " " + t.amount().format()));
            }
        }
        found.reversal().ifPresent(r -> {
            out.add(new Row(I18n.text("reversal.ui.cashBack"), r.cashPaidBack().format(), true));
            if (!r.creditDelta().isZero()) {
                out.add(new Row(I18n.text("reversal.ui.credit"), signed(r.creditDelta())));
            }
        });
        rows.setAll(out);
        if (found.reversible()) {
            state.set(State.FOUND);
            status.info(I18n.text("reversal.ui.hint"));
        } else {
            state.set(State.REFUSED);
            status.error(found.refusal());
        }
    }

    private static String signed(Money amount) {
        return amount.isPositive() ? "+" + amount.format() : amount.format();
    }

    /** What the manager approves: the receipt and the money going back. */
    public String what() {
        if (preview == null || preview.reversal().isEmpty()) {
            return "";
        }
        ReversalRules.Reversal r = preview.reversal().get();
        String money = I18n.text("reversal.ui.cashBack") + " " + r.cashPaidBack().format()
                + (r.creditDelta().isZero() ? "" : "，" + I18n.text("reversal.ui.credit") + " " + signed(r.creditDelta()));
        return I18n.text("reversal.ui.approval", preview.receipt().formattedNumber(), money);
    }

    /** True when F10 may ask for the approval. */
    public boolean canReverse() {
        return state.get() == State.FOUND && !status.isBusy();
    }

    /** After the approval: commits the reversal, then prints its receipt. */
    public void reverse(Approval approval) {
        if (!canReverse()) {
            return;
        }
        long no = preview.receipt().number();
        status.setBusy(true);
        status.info(I18n.text("ui.topup.approval.checking"));
        BackgroundTask.of(() -> services.reversals().reverse(cashier, no, approval.reason(), approval.grant()))
                .onSuccess(this::print)
                .onFailure(error -> {
                    status.setBusy(false);
                    status.error(UiErrors.text(error));
                })
                .executeWith(executor);
    }

    /** The reversal is committed: its receipt prints now (a failure leaves it for F9). */
    private void print(PaymentReversalService.ReversalResult result) {
        state.set(State.DONE);
        String receipt = result.receipts().get(0).formattedNumber();
        services.printer().printingStarted();
        BackgroundTask.of(() -> services.printing().print(cashier, result.receipts()))
                .onSuccess(outcome -> {
                    services.printer().printingFinished();
                    status.setBusy(false);
                    if (outcome.allPrinted()) {
                        status.info(I18n.text("reversal.ui.done", receipt, result.reversal().cashPaidBack().format()));
                    } else {
                        status.error(I18n.text("reversal.ui.printFailed", receipt,
                                outcome.failure().map(UiErrors::text).orElse("")));
                    }
                })
                .onFailure(error -> {
                    services.printer().printingFinished();
                    status.setBusy(false);
                    status.error(I18n.text("reversal.ui.printFailed", receipt, UiErrors.text(error)));
                })
                .executeWith(executor);
    }

    /** Starts again with an empty number (after a reversal, or Esc on a shown payment). */
    public void clear() {
        number.set("");
        rows.clear();
        preview = null;
        state.set(State.ENTERING);
        status.clear();
    }

    public StringProperty numberProperty() {
        return number;
    }

    public ObservableList<Row> rows() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public FormStatus status() {
        return status;
    }
}
