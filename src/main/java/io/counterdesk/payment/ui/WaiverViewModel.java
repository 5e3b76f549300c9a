package io.counterdesk.payment.ui;

import io.counterdesk.payment.LateFeeWaiver;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import io.counterdesk.security.ui.CredentialEntry;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.FormStatus;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.text.Normalizer;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
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
    private final CredentialEntry manager = new CredentialEntry();
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty reducedFee = new SimpleStringProperty("0.00");
    private final FormStatus status = new FormStatus();
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
        if (status.isBusy() || approved.get()) {
            return;
        }
        Money fee;
        try {
            fee = Money.parse(Normalizer.normalize(reducedFee.get(), Normalizer.Form.NFKC).strip());
        } catch (BusinessException notAnAmount) {
            errorField = Field.FEE;
            status.error(I18n.text("ui.waiver.feeInvalid", reducedFee.get()));
            return;
        }
        if (fee.isNegative() || fee.compareTo(bill.bill().lateFee()) >= 0) {
            errorField = Field.FEE;
            status.error(I18n.text("ui.waiver.feeNotLower", bill.bill().lateFee().format()));
            return;
        }
        if (reason.get().isBlank()) {
            errorField = Field.REASON;
            status.error(I18n.text("ui.waiver.reasonRequired"));
            return;
        }
        if (manager.staffNoMissing() || manager.passwordMissing()) {
            errorField = manager.staffNoMissing() ? Field.MANAGER : Field.PASSWORD;
            status.error(I18n.text("ui.waiver.managerRequired"));
            return;
        }
        String staffNo = manager.staffNo();
        char[] password = manager.takePassword();
        String why = reason.get().strip();
        status.setBusy(true);
        status.info(I18n.text("ui.waiver.checking"));
        BackgroundTask.of(() -> auth.authoriseApprover(cashier, staffNo, password))
                .onSuccess(grant -> {
                    status.setBusy(false);
                    approved.set(true);
                    status.clear();
                    onApproved.accept(new LateFeeWaiver(bill.billId(), fee, why, grant));
                })
                .onFailure(error -> {
                    status.setBusy(false);
                    errorField = Field.PASSWORD;
                    status.error(UiErrors.text(error));
                })
                .executeWith(executor);
    }

    /** The field the last error is about. */
    public Field errorField() {
        return errorField;
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

    /** The manager's 工号 and password. */
    public CredentialEntry manager() {
        return manager;
    }

    public StringProperty managerStaffNoProperty() {
        return manager.staffNoProperty();
    }

    public StringProperty managerPasswordProperty() {
        return manager.passwordProperty();
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty reducedFeeProperty() {
        return reducedFee;
    }

    /** The message line and whether the manager's credentials are being checked. */
    public FormStatus status() {
        return status;
    }

    public ReadOnlyStringProperty messageProperty() {
        return status.messageProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return status.kindProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return status.busyProperty();
    }

    /** True once the manager's credentials were accepted (the dialog then closes). */
    public ReadOnlyBooleanProperty approvedProperty() {
        return approved.getReadOnlyProperty();
    }
}
