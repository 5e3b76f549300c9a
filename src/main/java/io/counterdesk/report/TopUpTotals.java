package io.counterdesk.report;

import io.counterdesk.shared.Money;

/**
 * IC-card gas sold during the day, net of reversals and refunds paid during the day.
 *
 * @param count      purchases written (or waiting to be written) onto cards
 * @param volumeM3   gas volume sold
 * @param money      money taken for it
 */
public record TopUpTotals(int count, long volumeM3, Money money) {
}
