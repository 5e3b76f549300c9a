package io.counterdesk.report;

import io.counterdesk.shared.Money;

/**
 * Money by business: what the payments' lines settled with money.
 *
 * @param business GAS_BILL (bill principal), LATE_FEE, FEE_ITEM, IC_TOPUP, VOUCHER_FACE_CASH, CREDIT_ADDED (预存)
 * @param count    payment lines of that business, net of reversals (冲正): a reversal's line counts −1, as
 *                does a card top-up refund's line
 */
public record BusinessTotal(String business, int count, Money amount) {

    /** Worth a line on a report: done (net) or money moved. */
    public boolean shown() {
        return count != 0 || !amount.isZero();
    }
}
