package io.counterdesk.account.ui;

import io.counterdesk.account.AccountStatus;
import io.counterdesk.account.AccountSummary;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Masking;

/**
 * One line of the search results as shown: the holder's name in full (the cashier checks it
 * against the person at the counter), the phone masked, the address, kind, meter and status.
 */
public record AccountRow(long id, String accountNo, String holderName, String phone, String address, String kind,
                         String meter, AccountStatus status, String statusText) {

    static AccountRow of(AccountSummary summary) {
        return new AccountRow(summary.id(), summary.accountNo(), summary.holderName(), Masking.phone(summary.phone()),
                summary.address(), I18n.text("account.kind." + summary.kind().name()),
                I18n.text("account.meter." + summary.meterKind().name()), summary.status(),
                I18n.text("account.status." + summary.status().name()));
    }
}
