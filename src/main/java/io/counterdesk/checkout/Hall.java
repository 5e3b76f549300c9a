package io.counterdesk.checkout;

import java.util.Objects;

/** The hall and terminal as printed on the receipt's head. */
public record Hall(String hallName, String hallCode, String terminalCode, String hotline, String receiptHeader) {
    public Hall {
        Objects.requireNonNull(hallName);
        Objects.requireNonNull(hallCode);
        Objects.requireNonNull(terminalCode);
        Objects.requireNonNull(hotline);
        receiptHeader = receiptHeader == null || receiptHeader.isBlank() ? hallName : receiptHeader;
    }
}
