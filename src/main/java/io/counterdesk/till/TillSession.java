package io.counterdesk.till;

import io.counterdesk.shared.Money;
import java.time.Instant;
import java.time.LocalDate;

/** One cashier's till on one terminal for one business day: the container money is posted into. */
public record TillSession(long id, long terminalId, long operatorId, LocalDate businessDay, Instant openedAt,
                          Money openingFloat, TillStatus status) {
}
