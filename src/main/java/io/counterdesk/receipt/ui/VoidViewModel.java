package io.counterdesk.receipt.ui;

import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.security.ApprovalGrant;
import io.counterdesk.security.Operator;
import io.counterdesk.security.ui.CredentialEntry;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.Cancellable;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import io.counterdesk.ui.UiFormat;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Voiding a receipt (票据作废): kind, number, reason, then a hall manager's own 工号 and password.
 * The number is looked up as soon as it is typed (issued by this cashier? void already?), so the
 * cashier learns before the manager is asked; after the manager's credentials the form shows what
 * will be voided and Enter records it. The number stays used, with the reason and the approval.
 */
public final class VoidViewModel {

    /** The field an error is about, so the form puts the focus there. */
    public enum Field {
        KIND,
        NUMBER,
        REASON,
        STAFF_NO,
        PASSWORD
    }

    /** What the checks found: the receipt and the manager's approval. */
    private record Checked(ReceiptStockService.Voidable voidable, ApprovalGrant grant) {

        IssuedReceipt receipt() {
            return voidable.receipt();
        }
    }

    private static final int MAX_DIGITS = 12;

    private final TaskExecutor executor;
    private final StockViewModel.Services services;
    private final Operator cashier;
    private final KindChoice kind;
    private final BiConsumer<ReceiptStockService.Voided, Operator> onDone;
    private final StringProperty number = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final CredentialEntry manager = new CredentialEntry();
    private final ConfirmedForm<Field> form = new ConfirmedForm<>(Field.NUMBER);
    private final ReadOnlyStringWrapper receiptText = new ReadOnlyStringWrapper("");
    private Cancellable lookUp = Cancellable.NONE;
    private Checked checked;

    /** @param onDone called with the voided receipt and the approving manager once recorded */
    VoidViewModel(TaskExecutor executor, StockViewModel.Services services, Operator cashier, KindChoice kind,
                  BiConsumer<ReceiptStockService.Voided, Operator> onDone) {
        this.executor = executor;
        this.services = services;
        this.cashier = cashier;
        this.kind = kind;
        this.onDone = onDone;
        number.addListener((obs, was, now) -> forgetLookUp());
        kind.kindProperty().addListener((obs, was, now) -> forgetLookUp());
    }

    private void forgetLookUp() {
        lookUp.cancel();
        receiptText.set("");
    }

    /** ↑ ↓ in the kind field. */
    public void stepKind(int by) {
        if (form.is(ConfirmedForm.Step.ENTERING)) {
            kind.step(by);
        }
    }

    /**
     * Enter in the number field: looks the receipt up in the background and says what it is, or
     * why it cannot be voided (the form then brings the focus back to the number).
     */
    public void lookUp() {
        if (!form.is(ConfirmedForm.Step.ENTERING)) {
            return;
        }
        Long wanted = parseNumber();
        if (wanted == null) {
            return;
        }
        ReceiptKind of = kind.get();
        lookUp.cancel();
        form.status().info(I18n.text("ui.void.lookingUp"));
        lookUp = BackgroundTask.of(() -> services.stock().voidable(cashier, of, wanted))
                .onSuccess(receipt -> {
                    receiptText.set(describe(receipt));
                    form.status().clear();
                })
                .onFailure(error -> form.fail(Field.NUMBER, UiErrors.text(error)))
                .executeWith(executor);
    }

    /**
     * "收款收据 00010002 · ￥46.40 · 户号 3300000001 的收费 · 2025-03-10 09:31 开出", and whether the
     * void issues the replacement (the payment stands) or not (it was reversed).
     */
    private String describe(ReceiptStockService.Voidable found) {
        IssuedReceipt receipt = found.receipt();
        return I18n.text("ui.void.receipt", KindChoice.text(receipt.kind()), receipt.formattedNumber(),
                UiFormat.dateTime(receipt.issuedAt(), services.clock().getZone()), found.amount().format(),
                found.accountNo()) + " · " + I18n.text(found.paymentStands() ? "ui.void.reissues" : "ui.void.reversed");
    }

    /** The number typed (full-width digits and leading zeros allowed), or null with the error shown. */
    private Long parseNumber() {
        String typed = Normalizer.normalize(number.get() == null ? "" : number.get(), Normalizer.Form.NFKC).strip();
        if (typed.isEmpty()) {
            form.fail(Field.NUMBER, I18n.text("ui.void.numberRequired"));
            return null;
        }
        if (!typed.matches("[0-9]{1," + MAX_DIGITS + "}") || Long.parseLong(typed) == 0) {
            form.fail(Field.NUMBER, I18n.text("ui.void.numberInvalid", typed));
            return null;
        }
        return Long.parseLong(typed);
    }

    /** Enter in the manager's password: checks the form, the receipt and the manager, in that order. */
    public void check() {
        if (!form.is(ConfirmedForm.Step.ENTERING)) {
            return;
        }
        Long wanted = parseNumber();
        if (wanted == null) {
            return;
        }
        if (reason.get() == null || reason.get().isBlank()) {
            form.fail(Field.REASON, I18n.text("ui.void.reasonRequired"));
            return;
        }
        if (manager.staffNoMissing() || manager.passwordMissing()) {
            form.fail(manager.staffNoMissing() ? Field.STAFF_NO : Field.PASSWORD, I18n.text("ui.void.managerRequired"));
            return;
        }
        ReceiptKind of = kind.get();
        String staffNo = manager.staffNo();
        char[] password = manager.takePassword();
        lookUp.cancel();
        form.working(ConfirmedForm.Step.CHECKING, I18n.text("ui.void.checking"));
        BackgroundTask.of(() -> {
            // the receipt first: a manager's password is not asked for (nor counted) for a number that cannot be voided
            ReceiptStockService.Voidable receipt = services.stock().voidable(cashier, of, wanted);
            return new Checked(receipt, services.auth().authoriseApprover(cashier, staffNo, password));
        }).onSuccess(found -> {
            checked = found;
            receiptText.set(describe(found.voidable()));
            form.confirming(I18n.text(found.voidable().paymentStands() ? "ui.void.confirmReissue" : "ui.void.confirm",
                    KindChoice.text(of), found.receipt().formattedNumber(), reason.get().strip(),
                    found.grant().approver().label(), found.voidable().amount().format()));
        }).onFailure(error -> {
            Arrays.fill(password, '\0');
            form.refused(aboutWhich(error), UiErrors.text(error));
        }).executeWith(executor);
    }

    /** A refusal of the receipt is about the number; anything else about the manager's credentials. */
    private static Field aboutWhich(Throwable error) {
        return error instanceof BusinessException refusal && refusal.key().startsWith("receipt.")
                ? Field.NUMBER : Field.PASSWORD;
    }

    /** Enter on the summary: voids the receipt. */
    public void confirm() {
        if (!form.is(ConfirmedForm.Step.CONFIRMING)) {
            return;
        }
        Checked approved = checked;
        String why = reason.get().strip();
        form.working(ConfirmedForm.Step.SAVING, I18n.text("ui.void.saving"));
        BackgroundTask.of(() -> services.stock().voidOrReissue(cashier, approved.receipt().kind(),
                        approved.receipt().number(), why, approved.grant()))
                .onSuccess(voided -> {
                    form.done();
                    onDone.accept(voided, approved.grant().approver());
                })
                .onFailure(error -> {
                    checked = null;
                    form.refused(aboutWhich(error), UiErrors.text(error));
                })
                .executeWith(executor);
    }

    /** Steps, message line, the field in error and the summary. */
    public ConfirmedForm<Field> form() {
        return form;
    }

    public KindChoice kind() {
        return kind;
    }

    public StringProperty numberProperty() {
        return number;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** The approving manager's 工号 and password. */
    public CredentialEntry manager() {
        return manager;
    }

    /** The receipt found for the number typed: "收款收据 00010002 · 2025-03-10 09:31 开出". */
    public ReadOnlyStringProperty receiptTextProperty() {
        return receiptText.getReadOnlyProperty();
    }

}
