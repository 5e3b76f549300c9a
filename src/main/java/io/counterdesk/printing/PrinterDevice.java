package io.counterdesk.printing;

/**
 * A receipt printer that prints {@link PrintDocument}s: ESC/POS bytes over a
 * {@link PrinterTransport} ({@link EscPosPrinter}), a vendor's JavaPOS service
 * ({@link JavaPosPrinter}), or none configured. {@link ReceiptPrinter} adds status tracking and
 * resuming on top.
 */
public interface PrinterDevice extends AutoCloseable {

    /**
     * Prints the whole document or throws.
     *
     * @return the printer's status seen while printing
     * @throws PrinterException when the printer refused or failed the job
     */
    PrinterStatus print(PrintDocument document);

    /** Asks the printer now; never throws. */
    PrinterStatus status();

    /** What this printer is, for messages and logs. */
    String describe();

    @Override
    default void close() {
    }
}
