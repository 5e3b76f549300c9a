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
 */
public final class ApprovalRecorder {

    /** A grant is good for one action within this time of the approver entering the password. */
    static final Duration GRANT_VALIDITY = Duration.ofMinutes(5);

    private final Journal journal;
    private final ApprovalRepository approvals = new ApprovalRepository();

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
        if (grant.grantedAt().plus(GRANT_VALIDITY).isBefore(tx.now())) {
            throw new BusinessException("security.approval.expired");
        }
        if (grant.approver().id() == requester.id()) {
            throw new BusinessException("security.approval.selfApproval");
        }
        long id = approvals.insert(tx, action, subject, reason.strip(), requester.id(), grant.approver().id());
        journal.append(tx, grant.approver().staffNo(), "APPROVAL", subject, Map.of(
                "approvalId", id, "action", action, "reason", reason.strip(),
                "requestedBy", requester.staffNo(), "approvedBy", grant.approver().staffNo()));
        return id;
    }
}
