package io.counterdesk.billing;

import io.counterdesk.account.AccountDetail;
import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Billing's answers to other features' questions, inside their transactions. */
public final class BillingQueries {

    private final BillRepository bills = new BillRepository();
    private final OutstandingBills outstanding;

    public BillingQueries(LateFeeRule lateFees) {
        this.outstanding = new OutstandingBills(lateFees);
    }

    /** An account's bills as the account screen shows them, newest first, late fees as of today. */
    public List<AccountDetail.BillLine> billLines(Tx tx, long accountId) {
        LocalDate today = LocalDate.ofInstant(tx.now(), tx.clock().getZone());
        Map<Long, Money> lateFees = new HashMap<>();
        for (OutstandingBills.Due due : outstanding.on(tx, accountId, bills.accountKind(tx, accountId), today)) {
            lateFees.put(due.bill().id(), due.lateFee());
        }
        return bills.forAccount(tx, accountId).stream()
                .map(b -> new AccountDetail.BillLine(b.period().toString(), b.volumeM3(), b.amount(), b.outstanding(),
                        b.dueDate(), lateFees.getOrDefault(b.id(), Money.ZERO)))
                .toList();
    }
}
