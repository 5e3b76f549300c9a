package io.counterdesk.till;

import io.counterdesk.shared.Money;

/**
 * The cash one payment moved through the drawer: received from the customer, and handed back. What
 * is handed back is change up to the cash received; beyond that it is a refund paid out (a returned
 * meter-test deposit, a gas purchase paid back).
 */
public record CashMovement(Money cashIn, Money cashOut) {

    public Money change() {
        return cashOut.min(cashIn);
    }

    public Money refund() {
        return cashOut.minus(change());
    }
}
