package io.counterdesk.security;

import java.time.Instant;

/**
 * Proof that an operator has just entered their own credentials at this terminal; made only by
 * {@link AuthService#confirmOperator}.
 */
public final class OperatorConfirmation {

    private final Operator operator;
    private final Instant confirmedAt;
    private final Sessions sessions;

    OperatorConfirmation(Operator operator, Instant confirmedAt, Sessions sessions) {
        this.operator = operator;
        this.confirmedAt = confirmedAt;
        this.sessions = sessions;
    }

    /**
     * The confirmed operator as the database has them now, if they hold {@code permission}: a
     * confirmation is checked like a session (ADR 0013), not by the role it was made with.
     */
    public Operator require(Permission permission) {
        return sessions.confirmed(operator.id(), permission);
    }

    public Operator operator() {
        return operator;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }
}
