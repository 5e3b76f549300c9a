package io.counterdesk.receipt;

import java.time.Instant;

/** A range of receipt numbers held by a cashier. */
public record StockRange(long id, ReceiptKind kind, long holderId, long firstNo, long lastNo, long nextNo,
                         Instant registeredAt, long registeredBy, String status) {

    public long remaining() {
        return lastNo - nextNo + 1;
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
