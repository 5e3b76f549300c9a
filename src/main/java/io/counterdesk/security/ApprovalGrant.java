package io.counterdesk.security;

import io.counterdesk.shared.BusinessException;
import java.time.Instant;

/**
 * Proof that a second operator with the right to approve has just entered their own credentials,
 * for one requesting operator. Only {@link AuthService#authoriseApprover} makes one; a business
 * service that needs approval takes it and records it with {@link ApprovalRecorder#record} inside
 * its own transaction.
 *
 * <p>A grant is for one action on one subject, for the operator who asked, used once (ADR 0013): the
 * first {@code record} binds it to its action and subject (another action or subject is refused
 * from then on, even if that first business was refused and rolled back), and the approval row
 * carries the grant's id under a unique index, so a committed use cannot be repeated.
 */
public final class ApprovalGrant {

    private final Operator approver;
    private final Instant grantedAt;
    private final long requesterId;
    private final String id;
    private String boundAction;
    private String boundSubject;

    ApprovalGrant(Operator approver, Instant grantedAt, long requesterId, String id) {
        this.approver = approver;
        this.grantedAt = grantedAt;
        this.requesterId = requesterId;
        this.id = id;
    }

    public Operator approver() {
        return approver;
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    /** The operator the approver approved for. */
    public long requesterId() {
        return requesterId;
    }

    String id() {
        return id;
    }

    /** Binds the grant to its first action and subject; refuses any other. */
    synchronized void bind(String action, String subject) {
        if (boundAction == null) {
            boundAction = action;
            boundSubject = subject;
        } else if (!boundAction.equals(action) || !boundSubject.equals(subject)) {
            throw new BusinessException("security.approval.otherAction");
        }
    }
}
