package io.counterdesk.report;

import io.counterdesk.shared.Money;

/** A receipt voided (作废) during the day, with its reason and the approving manager's staff number. */
public record VoidedReceipt(String kind, String number, Money amount, String reason, String approvedBy) {
}
