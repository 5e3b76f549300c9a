package io.counterdesk.persistence;

import java.time.Instant;

/** One event of the business journal, as stored. */
public record JournalEvent(
        long seq,
        Instant occurredAt,
        String terminalCode,
        String staffNo,
        String type,
        String subject,
        String payload,
        String prevHash,
        String hash) {
}
