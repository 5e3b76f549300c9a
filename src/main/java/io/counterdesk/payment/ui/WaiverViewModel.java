package io.counterdesk.payment.ui;

import io.counterdesk.payment.LateFeeWaiver;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.text.Normalizer;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A late-fee waiver (滞纳金减免) for one bill: a cashier may not waive, so a hall manager enters
 * their own 工号 and password at the counter, with the reason and the fee to charge instead. The
 * approval only becomes part of the payment being typed; nothing is recorded until the payment is
 * taken (and the approval is good for five minutes, as the service checks).
 */
public final class WaiverViewModel {

    /** The field an error is about, so the form puts the focus there. */
    public enum Field {
        FEE,
        REASON,
        MANAGER,
        PASSWORD
    }

    private final TaskExecutor executor;
    private final AuthService auth;
    private final Operator cashier;
    private final BillItem bill;
    private final Consumer<LateFeeWaiver> onApproved;
    private final StringProperty managerStaffNo = new SimpleStringProperty("");
    private final StringProperty managerPassword = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty reducedFee = new SimpleStringProperty("0.00");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(MessageKind.NONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper approved = new ReadOnlyBooleanWrapper(false);
    private Field errorField = Field.FEE;

    WaiverViewModel(TaskExecutor executor, AuthService auth, Operator cashier, BillItem bill, LateFeeWaiver existing,
                    Consumer<LateFeeWaiver> onApproved) {
        this.executor = Objects.requireNonNull(executor);
        this.auth = Objects.requireNonNull(auth);
        this.cashier = Objects.requireNonNull(cashier);
        this.bill = Objects.requireNonNull(bill);
        this.onApproved = Objects.requireNonNull(onApproved);
        if (existing != null) {
            reason.set(existing.reason());
            reducedFee.set(existing.chargedFee().toPlainString());
        }
    }

    /** Enter in the last field: checks the form, then the manager's credentials in the background. */
    public void approve() {
        if (busy.get() || approved.get()) {
            return;
        }
        Money fee;
        try {
            fee = Money.parse(Normalizer.normalize(reducedFee.get(), Normalizer.Form.NFKC).strip());
        } catch (BusinessException notAnAmount) {
            errorField = Field.FEE;
            show(MessageKind.ERROR, I18n.text("ui.waiver.feeInvalid", reducedFee.get()));
            return;
        }
        if (fee.isNegative() || fee.compareTo(bill.bill().lateFee()) >= 0) {
            errorField = Field.FEE;
            show(MessageKind.ERROR, I18n.text("ui.waiver.feeNotLower", bill.bill().lateFee().format()));
            return;
        }
        if (reason.get().isBlank()) {
            errorField = Field.REASON;
            show(MessageKind.ERROR, I18n.text("ui.waiver.reasonRequired"));
            return;
        }
        if (managerStaffNo.get().isBlank() || managerPassword.get().isEmpty()) {
            errorField = managerStaffNo.get().isBlank() ? Field.MANAGER : Field.PASSWORD;
            show(MessageKind.ERROR, I18n.text("ui.waiver.managerRequired"));
            return;
        }
        String staffNo = managerStaffNo.get().strip();
        char[] password = managerPassword.get().toCharArray();
        managerPassword.set("");
        String why = reason.get().strip();
        busy.set(true);
        show(MessageKind.INFO, I18n.text("ui.waiver.checking"));
        BackgroundTask.of(() -> auth.authoriseApprover(cashier, staffNo, password))
                .onSuccess(grant -> {
                    busy.set(false);
                    approved.set(true);
                    show(MessageKind.NONE, "");
                    onApproved.accept(new LateFeeWaiver(bill.billId(), fee, why, grant));
                })
                .onFailure(error -> {
                    busy.set(false);
                    errorField = Field.PASSWORD;
                    show(MessageKind.ERROR, UiErrors.text(error));
                })
                .executeWith(executor);
    }

    /** The field the last error is about. */
    public Field errorField() {
        return errorField;
    }

    private void show(MessageKind kind, String text) {
        message.set(text);
        if (kind == MessageKind.ERROR) {
            messageKind.set(MessageKind.NONE); // a second error in a row is news too (the form moves the focus)
        }
        messageKind.set(kind);
    }

    public BillItem bill() {
        return bill;
    }

    /** "2025-09 账单滞纳金 ¥3.00". */
    public String billText() {
        return I18n.text("ui.waiver.bill", bill.period(), bill.bill().lateFee().format());
    }

    public boolean hasWaiver() {
        return bill.waiver() != null;
    }

    public StringProperty managerStaffNoProperty() {
        return managerStaffNo;
    }

    public StringProperty managerPasswordProperty() {
        return managerPassword;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty reducedFeeProperty() {
        return reducedFee;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return messageKind.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once the manager's credentials were accepted (the dialog then closes). */
    public ReadOnlyBooleanProperty approvedProperty() {
        return approved.getReadOnlyProperty();
    }
}
