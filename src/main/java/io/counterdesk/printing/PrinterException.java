package io.counterdesk.printing;

import io.counterdesk.shared.BusinessException;

/**
 * A print that did not happen, with the printer's status and a text the cashier can act on
 * ({@code 打印机缺纸，请装纸后重打……}). {@link #mayHavePrinted()} is false when the job was refused
 * before a byte left the program (status check, connection refused): the receipt can be printed
 * again as the original. It is true when the connection broke while sending: part of the receipt
 * may be on paper, the cashier tears it off and reprints.
 */
public final class PrinterException extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final PrinterStatus status;
    private final boolean mayHavePrinted;

    public PrinterException(PrinterStatus status, boolean mayHavePrinted, Throwable cause, String key, Object... args) {
        super(key, args);
        this.status = status;
        this.mayHavePrinted = mayHavePrinted;
        if (cause != null) {
            initCause(cause);
        }
    }

    /** Refused before sending because the printer reported {@code status}. */
    public static PrinterException refused(PrinterStatus status, String printer) {
        String key = switch (status) {
            case PAPER_OUT -> "printing.error.paperOut";
            case COVER_OPEN -> "printing.error.coverOpen";
            case NOT_CONFIGURED -> "printing.error.notConfigured";
            default -> "printing.error.offline";
        };
        return new PrinterException(status, false, null, key, printer);
    }

    public PrinterStatus status() {
        return status;
    }

    public boolean mayHavePrinted() {
        return mayHavePrinted;
    }

    @Override
    public String toString() {
        return "PrinterException[" + status + ", " + key() + (mayHavePrinted ? ", may have printed" : "") + "]";
    }
}
