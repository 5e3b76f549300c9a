package io.counterdesk.security.ui;

import io.counterdesk.security.ApprovalGrant;

/** A reason and a hall manager's approval, for the action that asked for them (a refund, a reversal, a closure …). */
public record Approval(String reason, ApprovalGrant grant) {
}
