package io.counterdesk.till;

/** A till session is open from the float until the cashier's daily close. */
public enum TillStatus {
    OPEN,
    CLOSED
}
