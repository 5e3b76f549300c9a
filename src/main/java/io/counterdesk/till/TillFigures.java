package io.counterdesk.till;

import io.counterdesk.shared.Money;
import java.util.List;

/**
 * The system's cash of a till (seed 第二十四条): expected cash = float + cash in − change − refunds −
 * deposits.
 */
public record TillFigures(Money openingFloat, Money cashIn, Money change, Money refunds, Money deposits) {

    public static TillFigures of(Money openingFloat, List<CashMovement> movements, List<Money> deposits) {
        Money in = Money.ZERO;
        Money change = Money.ZERO;
        Money refunds = Money.ZERO;
        for (CashMovement m : movements) {
            in = in.plus(m.cashIn());
            change = change.plus(m.change());
            refunds = refunds.plus(m.refund());
        }
        Money deposited = deposits.stream().reduce(Money.ZERO, Money::plus);
        return new TillFigures(openingFloat, in, change, refunds, deposited);
    }

    public Money expectedCash() {
        return openingFloat.plus(cashIn).minus(change).minus(refunds).minus(deposits);
    }

    /** The cash taken today still in the drawer (the float stays): what the deposit rules look at. */
    public Money undepositedTakings() {
        return cashIn.minus(change).minus(refunds).minus(deposits);
    }

    /** Cash that may still be deposited: everything in the drawer above the float, never negative. */
    public Money depositable() {
        return undepositedTakings().max(Money.ZERO).min(expectedCash().max(Money.ZERO));
    }
}
