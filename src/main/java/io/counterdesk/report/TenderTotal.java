package io.counterdesk.report;

import io.counterdesk.shared.Money;

/**
 * Money taken by one tender. For cash, {@code amount} is net (received − change − refunds paid out).
 *
 * @param tender  CASH, BANK_CARD, BANK_SLIP, VOUCHER (face-value cash is money, the m³ are in {@link VoucherTotals}), CREDIT
 * @param count   payments that used the tender
 */
public record TenderTotal(String tender, int count, Money amount) {
}
