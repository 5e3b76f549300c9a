package io.counterdesk.report;

import io.counterdesk.shared.Money;

/** Gas vouchers (燃气票) taken during the day: pieces, the m³ they settle, and the face-value cash taken with them. */
public record VoucherTotals(int count, long volumeM3, Money faceValueCash) {
}
