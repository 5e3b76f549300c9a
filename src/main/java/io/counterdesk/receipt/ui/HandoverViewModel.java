package io.counterdesk.receipt.ui;

import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.StockRange;
import io.counterdesk.security.Operator;
import io.counterdesk.security.OperatorConfirmation;
import io.counterdesk.security.Permission;
import io.counterdesk.security.ui.CredentialEntry;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Stock handover (票据交接): the unused numbers of the cashier's current range of one kind pass to
 * another cashier, who types their own 工号 and password at this counter. First the receiver is
 * checked; then the form shows who gets which numbers, and Enter records it (both operators, in
 * one transaction). A refusal at any step changes nothing.
 */
public final class HandoverViewModel {

    /** The field an error is about, so the form puts the focus there. */
    public enum Field {
        KIND,
        STAFF_NO,
        PASSWORD
    }

    private final TaskExecutor executor;
    private final StockViewModel.Services services;
    private final Operator giver;
    private final List<StockRange> active;
    private final KindChoice kind;
    private final BiConsumer<StockRange, Operator> onDone;
    private final CredentialEntry receiver = new CredentialEntry();
    private final ConfirmedForm<Field> form = new ConfirmedForm<>(Field.STAFF_NO);
    private final ReadOnlyStringWrapper passing = new ReadOnlyStringWrapper("");
    private OperatorConfirmation confirmed;

    /**
     * @param active the giver's active ranges as last read (what the summary shows; the service
     *               decides again on what it finds when the handover is recorded)
     * @param onDone called with the receiver's new range and the receiver once recorded
     */
    HandoverViewModel(TaskExecutor executor, StockViewModel.Services services, Operator giver,
                      List<StockRange> active, KindChoice kind, BiConsumer<StockRange, Operator> onDone) {
        this.executor = executor;
        this.services = services;
        this.giver = giver;
        this.active = List.copyOf(active);
        this.kind = kind;
        this.onDone = onDone;
        kind.kindProperty().addListener((obs, was, now) -> passing.set(passingText(now)));
        passing.set(passingText(kind.get()));
    }

    /** The range the service hands over: the oldest active range of the kind. */
    private Optional<StockRange> current(ReceiptKind of) {
        return active.stream().filter(r -> r.kind() == of).findFirst();
    }

    private String passingText(ReceiptKind of) {
        return current(of).map(r -> I18n.text("ui.handover.passing", KindChoice.text(of), unusedText(r),
                String.valueOf(r.remaining())))
                .orElseGet(() -> I18n.text("ui.handover.nothing", KindChoice.text(of)));
    }

    private static String unusedText(StockRange range) {
        return RangeRow.run(range.nextNo(), range.lastNo());
    }

    /** ↑ ↓ in the kind field. */
    public void stepKind(int by) {
        if (form.is(ConfirmedForm.Step.ENTERING)) {
            kind.step(by);
        }
    }

    /** Enter in the receiver's password: checks the form, then the receiver's credentials in the background. */
    public void check() {
        if (!form.is(ConfirmedForm.Step.ENTERING)) {
            return;
        }
        if (current(kind.get()).isEmpty()) {
            form.fail(Field.KIND, I18n.text("ui.handover.nothing", KindChoice.text(kind.get())));
            return;
        }
        if (receiver.staffNoMissing() || receiver.passwordMissing()) {
            form.fail(receiver.staffNoMissing() ? Field.STAFF_NO : Field.PASSWORD,
                    I18n.text("ui.handover.receiverRequired"));
            return;
        }
        if (receiver.staffNo().equals(giver.staffNo())) {
            receiver.takePassword();
            form.fail(Field.STAFF_NO, I18n.text("receipt.handover.self"));
            return;
        }
        String staffNo = receiver.staffNo();
        char[] password = receiver.takePassword();
        form.working(ConfirmedForm.Step.CHECKING, I18n.text("ui.handover.checking"));
        BackgroundTask.of(() -> services.auth().confirmOperator(staffNo, password))
                .onSuccess(this::receiverConfirmed)
                .onFailure(error -> form.refused(Field.PASSWORD, UiErrors.text(error)))
                .executeWith(executor);
    }

    private void receiverConfirmed(OperatorConfirmation confirmation) {
        Operator taker = confirmation.operator();
        if (taker.id() == giver.id()) {
            form.refused(Field.STAFF_NO, I18n.text("receipt.handover.self"));
            return;
        }
        if (!taker.may(Permission.COUNTER_BUSINESS)) {
            form.refused(Field.STAFF_NO, I18n.text("ui.handover.notCashier", taker.label()));
            return;
        }
        StockRange range = current(kind.get()).orElseThrow();
        confirmed = confirmation;
        form.confirming(I18n.text("ui.handover.confirm", KindChoice.text(range.kind()), unusedText(range),
                String.valueOf(range.remaining()), giver.label(), taker.label()));
    }

    /** Enter on the summary: records the handover. */
    public void confirm() {
        if (!form.is(ConfirmedForm.Step.CONFIRMING)) {
            return;
        }
        OperatorConfirmation taker = confirmed;
        ReceiptKind handed = kind.get();
        form.working(ConfirmedForm.Step.SAVING, I18n.text("ui.handover.saving"));
        BackgroundTask.of(() -> services.stock().handOver(giver, taker, handed))
                .onSuccess(range -> {
                    form.done();
                    onDone.accept(range, taker.operator());
                })
                .onFailure(error -> {
                    confirmed = null;
                    form.refused(Field.KIND, UiErrors.text(error));
                })
                .executeWith(executor);
    }

    /** Steps, message line, the field in error and the summary. */
    public ConfirmedForm<Field> form() {
        return form;
    }

    /** "1001 王伟". */
    public String giverLabel() {
        return giver.label();
    }

    public KindChoice kind() {
        return kind;
    }

    /** The receiving cashier's 工号 and password. */
    public CredentialEntry receiver() {
        return receiver;
    }

    /** What would pass over for the kind chosen: "交出：收款收据 00010003–00015000，共 4998 张". */
    public ReadOnlyStringProperty passingProperty() {
        return passing.getReadOnlyProperty();
    }

}
