package io.counterdesk.sync;

/** Bytes that are not a well-formed batch or acknowledgement; the message says what is wrong (English, for logs and alarms). */
public final class BatchFormatException extends Exception {

    public BatchFormatException(String message) {
        super(message);
    }

    public BatchFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
