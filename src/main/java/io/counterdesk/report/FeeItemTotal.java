package io.counterdesk.report;

import io.counterdesk.shared.Money;

/** One fee item of the catalogue as taken during the day (refund items are negative). */
public record FeeItemTotal(String name, int count, Money amount) {
}
