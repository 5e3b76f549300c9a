package io.counterdesk.report;

import io.counterdesk.shared.Money;

/**
 * Money taken by one tender. For cash, {@code amount} is net (received − change − refunds paid out).
 *
 * @param tender  CASH, BANK_CARD, BANK_SLIP, VOUCHER (face-value cash is money, the m³ are in {@link VoucherTotals}), CREDIT
 * @param count   payments that used the tender, net of reversals (冲正): a reversal counts −1, taking back its
 *                original's count, so a payment and its reversal count 0 (and may go below on a later day);
 *                so does a card top-up's refund (its cash paid back: cash −1)
 */
public record TenderTotal(String tender, int count, Money amount) {

    /** Worth a line on a report: used (net) or money moved. */
    public boolean shown() {
        return count != 0 || !amount.isZero();
    }
}
