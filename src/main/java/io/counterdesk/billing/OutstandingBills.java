package io.counterdesk.billing;

import io.counterdesk.account.AccountKind;
import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * An account's unpaid bills as they stand on a day: each with the late fee the rule charges on
 * what is still owed, less late fee already paid on it. The one place late fees are worked out
 * for screens and payments alike.
 */
public final class OutstandingBills {

    private final LateFeeRule rule;
    private final BillRepository bills = new BillRepository();

    public OutstandingBills(LateFeeRule rule) {
        this.rule = rule;
    }

    /** An unpaid bill with its late fee due on the day asked. */
    public record Due(Bill bill, Money lateFee) {
        public Money total() {
            return bill.outstanding().plus(lateFee);
        }
    }

    /** Unpaid bills oldest first, with late fees due on {@code day}. */
    public List<Due> on(Tx tx, long accountId, AccountKind kind, LocalDate day) {
        return bills.unpaidWithLateFeeState(tx, accountId).stream()
                .map(open -> new Due(open.bill(), rule.fee(kind, open.bill().period(), open.bill().dueDate(),
                        open.noticeMonth(), open.bill().outstanding(), day).minus(open.lateFeePaid()).max(Money.ZERO)))
                .toList();
    }
}
