package io.counterdesk.report;

import io.counterdesk.shared.Money;
import java.util.List;

/**
 * Over/short (长短款) of one tender: what the system expects against what the cashier has.
 *
 * @param tender    CASH, BANK_CARD, BANK_SLIP
 * @param missing   references the cashier could not tick (card and bank slips); empty for cash
 */
public record OverShortLine(String tender, Money expected, Money actual, Money difference, List<String> missing) {

    public OverShortLine {
        missing = List.copyOf(missing);
    }
}
