package io.counterdesk.billing;

import io.counterdesk.account.AccountDetail;
import io.counterdesk.persistence.Tx;
import java.util.List;

/** Billing's answers to other features' questions, inside their transactions. */
public final class BillingQueries {

    private final BillRepository bills = new BillRepository();

    /** An account's bills as the account screen shows them, newest first. */
    public List<AccountDetail.BillLine> billLines(Tx tx, long accountId) {
        return bills.forAccount(tx, accountId).stream()
                .map(b -> new AccountDetail.BillLine(b.period().toString(), b.volumeM3(), b.amount(), b.outstanding(),
                        b.dueDate()))
                .toList();
    }
}
