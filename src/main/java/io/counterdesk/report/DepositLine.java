package io.counterdesk.report;

import io.counterdesk.shared.Money;
import java.time.Instant;

/**
 * Cash paid into the company's bank account (or handed to finance) from the till.
 *
 * @param slipNo   the cashier's slip number for the month, e.g. 王伟7-1
 * @param late     made after the hall's deposit time (default 16:00)
 */
public record DepositLine(String slipNo, Money amount, Instant at, boolean late) {
}
