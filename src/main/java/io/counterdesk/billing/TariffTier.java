package io.counterdesk.billing;

import io.counterdesk.shared.Money;

/**
 * One price step. For residential tariffs {@code upToM3} is the annual volume up to which this
 * price applies (inclusive); the last tier has none.
 */
public record TariffTier(int tierNo, Long upToM3, Money pricePerM3) {
}
