package io.counterdesk.report;

import io.counterdesk.shared.Money;

/** One denomination of the cash count: face value (100, 50 … 0.1 yuan), pieces, amount. */
public record DenominationLine(Money faceValue, int pieces, Money amount) {
}
