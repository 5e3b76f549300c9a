package io.counterdesk.security;

import java.time.Instant;

/**
 * Proof that a second operator with the right to approve has just entered their own credentials.
 * Only {@link AuthService#authoriseApprover} makes one; a business service that needs approval takes
 * it and records it with {@link ApprovalRecorder#record} inside its own transaction.
 */
public final class ApprovalGrant {

    private final Operator approver;
    private final Instant grantedAt;

    ApprovalGrant(Operator approver, Instant grantedAt) {
        this.approver = approver;
        this.grantedAt = grantedAt;
    }

    public Operator approver() {
        return approver;
    }

    public Instant grantedAt() {
        return grantedAt;
    }
}
