package io.counterdesk.receipt;

import io.counterdesk.printing.PrinterException;
import java.util.List;
import java.util.Optional;

/**
 * What happened when receipts were sent to the printer: those printed, and the failure that
 * stopped the rest (they stay unprinted, with their numbers, until resumed with F9).
 */
public record PrintOutcome(List<IssuedReceipt> printed, List<IssuedReceipt> notPrinted, Optional<PrinterException> failure) {

    public PrintOutcome {
        printed = List.copyOf(printed);
        notPrinted = List.copyOf(notPrinted);
    }

    public boolean allPrinted() {
        return failure.isEmpty() && notPrinted.isEmpty();
    }
}
