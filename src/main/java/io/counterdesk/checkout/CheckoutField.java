package io.counterdesk.checkout;

/**
 * The parts of a form that takes money a message can point at (the view focuses and marks it): the
 * payment screen's, and the same tender fields on the top-up, opening and transfer screens.
 */
public enum CheckoutField {
    BILLS,
    FEES,
    CASH,
    CARD_AMOUNT,
    CARD_REFERENCE,
    SLIP_AMOUNT,
    SLIP_NUMBER,
    VOUCHER_COUNT,
    VOUCHER_FACE,
    VOUCHER_VALID_THROUGH,
    CREDIT
}
