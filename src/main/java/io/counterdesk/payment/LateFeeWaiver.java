package io.counterdesk.payment;

import io.counterdesk.security.ApprovalGrant;
import io.counterdesk.shared.Money;
import java.util.Objects;

/**
 * A hall manager's decision to charge less late fee on one bill than the rule says (or none), with
 * a reason. A cashier can never do this alone.
 */
public record LateFeeWaiver(long billId, Money chargedFee, String reason, ApprovalGrant grant) {

    public LateFeeWaiver {
        Objects.requireNonNull(chargedFee);
        Objects.requireNonNull(grant);
    }
}
