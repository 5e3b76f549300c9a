package io.counterdesk.account;

import io.counterdesk.shared.Money;
import java.util.List;

/**
 * Everything the counter screen shows about one account: the account, its holder history, its
 * bills (newest first, as {@link BillLine}s so this package need not know billing's types) and
 * the arrears: principal still owed plus the late fees due today.
 */
public record AccountDetail(Account account, List<HolderPeriod> holders, List<BillLine> bills, Money arrears) {

    /** One bill as shown on the account screen; {@code lateFee} is what is due today on it. */
    public record BillLine(String period, long volumeM3, Money amount, Money outstanding, java.time.LocalDate dueDate,
                           Money lateFee) {
    }
}
