package io.counterdesk.receipt;

import io.counterdesk.printing.PrintDocument;
import io.counterdesk.printing.PrinterException;
import java.util.List;
import java.util.Optional;

/**
 * What happened when receipts were sent to the printer: those printed with the documents the printer
 * got (one per printed receipt, same order), and the failure that stopped the rest (they stay
 * unprinted, with their numbers, until resumed with F9).
 */
public record PrintOutcome(List<IssuedReceipt> printed, List<IssuedReceipt> notPrinted, Optional<PrinterException> failure,
                           List<PrintDocument> documents) {

    public PrintOutcome {
        printed = List.copyOf(printed);
        notPrinted = List.copyOf(notPrinted);
        documents = List.copyOf(documents);
        if (documents.size() != printed.size()) {
            throw new IllegalArgumentException("one document per printed receipt");
        }
    }

    public boolean allPrinted() {
        return failure.isEmpty() && notPrinted.isEmpty();
    }

    /** The document printed for {@code receipt}, if it was printed in this run. */
    public Optional<PrintDocument> documentOf(IssuedReceipt receipt) {
        for (int i = 0; i < printed.size(); i++) {
            if (printed.get(i).id() == receipt.id()) {
                return Optional.of(documents.get(i));
            }
        }
        return Optional.empty();
    }
}
