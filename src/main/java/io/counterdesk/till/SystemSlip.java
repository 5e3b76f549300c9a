package io.counterdesk.till;

import io.counterdesk.shared.Money;

/**
 * A bank-card POS slip or bank deposit slip (缴款单) the system says the cashier took, to be ticked
 * against the paper at the count.
 *
 * @param postingId the till posting, the key the cashier ticks
 * @param kind      BANK_CARD or BANK_SLIP
 */
public record SystemSlip(long postingId, String kind, String reference, Money amount, String accountNo) {

    public static final String BANK_CARD = "BANK_CARD";
    public static final String BANK_SLIP = "BANK_SLIP";
}
