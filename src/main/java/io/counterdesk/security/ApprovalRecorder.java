package io.counterdesk.security;

import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.BusinessException;
import java.time.Duration;
import java.util.Map;

/**
 * Records a manager's approval of one action, with its reason, in the caller's transaction: a row
 * in {@code approval} and an {@code APPROVAL} journal event. The action itself is journaled by the
 * caller in the same transaction, so an approval never stands without its action or the reverse.
 *
 * <p>The grant must be for {@code requester}, unused, and its approver must still hold the right to
 * approve as the database has it now (ADR 0013).
 */
public final class ApprovalRecorder {

    /** A grant is good for one action within this time of the approver entering the password. */
    static final Duration GRANT_VALIDITY = Duration.ofMinutes(5);

    /** The {@code approval.reason} column. */
    static final int REASON_MAX_LENGTH = 500;

    private final Journal journal;
    private final ApprovalRepository approvals = new ApprovalRepository();
    private final OperatorRepository operators = new OperatorRepository();

    public ApprovalRecorder(Journal journal) {
        this.journal = journal;
    }

    public long record(Tx tx, ApprovalGrant grant, Operator requester, String action, String subject, String reason) {
        if (grant == null) {
            throw new BusinessException("security.approval.required");
        }
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("security.approval.reasonRequired");
        }
        if (reason.strip().length() > REASON_MAX_LENGTH) {
            throw new BusinessException("security.approval.reasonTooLong", REASON_MAX_LENGTH);
        }
        if (grant.grantedAt().plus(GRANT_VALIDITY).isBefore(tx.now())) {
            throw new BusinessException("security.approval.expired");
        }
        if (grant.approver().id() == requester.id()) {
            throw new BusinessException("security.approval.selfApproval");
        }
        if (grant.requesterId() != requester.id()) {
            throw new BusinessException("security.approval.otherRequester");
        }
        grant.bind(action, subject);
        Operator approver = operators.findById(tx, grant.approver().id())
                .filter(o -> o.active() && o.role().grants(Permission.APPROVE) && !o.isLockedAt(tx.now()))
                .orElseThrow(() -> new BusinessException("security.approval.notManager", grant.approver().label()));
        if (approvals.grantUsed(tx, grant.id())) {
            throw new BusinessException("security.approval.used");
        }
        long id = approvals.insert(tx, action, subject, reason.strip(), requester.id(), approver.id(), grant.id());
        journal.append(tx, approver.staffNo(), "APPROVAL", subject, Map.of(
                "approvalId", id, "action", action, "reason", reason.strip(),
                "requestedBy", requester.staffNo(), "approvedBy", approver.staffNo()));
        return id;
    }
}
