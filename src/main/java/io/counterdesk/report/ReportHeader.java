package io.counterdesk.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Who and when a cashier's daily cash report is about.
 *
 * @param closedAt   null while the till is open
 * @param signedBy   staff number and name of the checker who signed the hall's day off, null before
 * @param signedAt   null before sign-off
 */
public record ReportHeader(String hallName, String terminalCode, LocalDate businessDay, long tillId,
                           String cashierStaffNo, String cashierName, Instant openedAt, Instant closedAt,
                           ReportStatus status, String signedBy, Instant signedAt) {
}
