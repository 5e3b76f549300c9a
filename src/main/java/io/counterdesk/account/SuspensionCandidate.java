package io.counterdesk.account;

import io.counterdesk.shared.Money;
import java.time.LocalDate;

/**
 * A non-residential account due for suspension (停气) today, as the hall's list shows it.
 *
 * @param daysOverdue  days since the due date of its oldest unpaid bill
 * @param principal    unpaid principal of all its bills
 * @param lateFees     late fees due on them today
 */
public record SuspensionCandidate(long accountId, String accountNo, String holderName, String phone, String address,
                                  LocalDate oldestDue, long daysOverdue, int overdueBills, Money principal,
                                  Money lateFees) {

    public Money total() {
        return principal.plus(lateFees);
    }
}
