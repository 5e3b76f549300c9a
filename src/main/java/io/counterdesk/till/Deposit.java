package io.counterdesk.till;

import io.counterdesk.shared.Money;
import java.time.Instant;

/** Cash deposited from a till, with its slip number (王伟7-1) and whether it was after the deposit time. */
public record Deposit(long id, long tillId, String slipNo, Money amount, Instant at, boolean late) {
}
