package io.counterdesk.security;

import java.time.Instant;

/**
 * Proof that an operator has just entered their own credentials at this terminal; made only by
 * {@link AuthService#confirmOperator}.
 */
public final class OperatorConfirmation {

    private final Operator operator;
    private final Instant confirmedAt;

    OperatorConfirmation(Operator operator, Instant confirmedAt) {
        this.operator = operator;
        this.confirmedAt = confirmedAt;
    }

    public Operator operator() {
        return operator;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }
}
