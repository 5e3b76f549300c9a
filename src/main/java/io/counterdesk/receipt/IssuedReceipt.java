package io.counterdesk.receipt;

import java.time.Instant;

/** A receipt number given to a payment. */
public record IssuedReceipt(long id, ReceiptKind kind, long number, long paymentId, ReceiptPart part, long issuedBy,
                            Instant issuedAt, boolean voided, String voidReason, int reprints, boolean printed,
                            String mac) {

    /** The number as printed: eight digits ("00001234"). */
    public String formattedNumber() {
        return formatNumber(number);
    }

    public static String formatNumber(long number) {
        return String.format("%08d", number);
    }
}
