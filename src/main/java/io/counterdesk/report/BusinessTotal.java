package io.counterdesk.report;

import io.counterdesk.shared.Money;

/**
 * Money by business: what the payments' lines settled with money.
 *
 * @param business GAS_BILL (bill principal), LATE_FEE, FEE_ITEM, IC_TOPUP, VOUCHER_FACE_CASH, CREDIT_ADDED (预存)
 * @param count    payment lines of that business
 */
public record BusinessTotal(String business, int count, Money amount) {
}
