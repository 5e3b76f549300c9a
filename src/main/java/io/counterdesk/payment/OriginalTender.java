package io.counterdesk.payment;

import io.counterdesk.shared.Money;

/** A tender of a recorded payment: kind, amount, reference (null for cash and credit). */
public record OriginalTender(String kind, Money amount, String reference) {
}
