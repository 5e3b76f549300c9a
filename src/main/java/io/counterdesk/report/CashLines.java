package io.counterdesk.report;

import io.counterdesk.shared.Money;
import java.util.List;

/**
 * The till's cash: expected = float + cash in − change − refunds − deposits, set against the count.
 *
 * @param counted       null until the cashier has counted the drawer
 * @param overShort     counted − expected (长款 positive, 短款 negative); null until counted
 * @param denominations the count by denomination, empty until counted
 */
public record CashLines(Money openingFloat, Money cashIn, Money change, Money refunds, Money deposits,
                        Money expected, Money counted, Money overShort, List<DenominationLine> denominations) {

    public CashLines {
        denominations = List.copyOf(denominations);
    }
}
