package io.counterdesk.account;

/** One line of a search result: enough to recognise the customer, nothing more. */
public record AccountSummary(long id, String accountNo, String holderName, String phone, String address,
                             AccountKind kind, MeterKind meterKind, AccountStatus status) {
}
