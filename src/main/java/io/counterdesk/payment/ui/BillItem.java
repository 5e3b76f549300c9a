package io.counterdesk.payment.ui;

import io.counterdesk.payment.DueBill;
import io.counterdesk.payment.LateFeeWaiver;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One unpaid bill on the payment screen: the bill as it stands today, whether it is being paid,
 * and a hall manager's late-fee waiver if one was given. Changed only by the view model, which
 * keeps the selection to the oldest bills (先欠先缴).
 */
public final class BillItem {

    private final DueBill bill;
    private final ReadOnlyBooleanWrapper selected = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<LateFeeWaiver> waiver = new ReadOnlyObjectWrapper<>();

    BillItem(DueBill bill) {
        this.bill = Objects.requireNonNull(bill);
    }

    public DueBill bill() {
        return bill;
    }

    public long billId() {
        return bill.billId();
    }

    /** "2025-09". */
    public String period() {
        return bill.period().toString();
    }

    public String volume() {
        return I18n.text("ui.bill.volume", bill.volumeM3());
    }

    /** Principal still owed. */
    public String principal() {
        return bill.outstanding().format();
    }

    /** The late fee charged: the rule's, or the waiver's reduced fee ("¥0.00（原 ¥3.00）"). */
    public String lateFee() {
        LateFeeWaiver w = waiver.get();
        if (w == null) {
            return bill.lateFee().format();
        }
        return I18n.text("ui.pay.bill.waived", w.chargedFee().format(), bill.lateFee().format());
    }

    /** The late fee this payment charges on the bill. */
    public Money chargedLateFee() {
        LateFeeWaiver w = waiver.get();
        return w == null ? bill.lateFee() : w.chargedFee();
    }

    /** Principal plus the late fee charged. */
    public Money total() {
        return bill.outstanding().plus(chargedLateFee());
    }

    public String totalText() {
        return total().format();
    }

    public boolean hasLateFee() {
        return bill.lateFee().isPositive();
    }

    public ReadOnlyBooleanProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public boolean isSelected() {
        return selected.get();
    }

    void select(boolean value) {
        selected.set(value);
    }

    public ReadOnlyObjectProperty<LateFeeWaiver> waiverProperty() {
        return waiver.getReadOnlyProperty();
    }

    public LateFeeWaiver waiver() {
        return waiver.get();
    }

    void waive(LateFeeWaiver value) {
        waiver.set(value);
    }
}
