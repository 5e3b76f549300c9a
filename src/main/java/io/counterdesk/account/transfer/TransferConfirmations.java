package io.counterdesk.account.transfer;

import io.counterdesk.account.opening.BusinessConfirmations;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.printing.ReceiptPrinter;

/** Prints a transfer's business confirmation (过户业务回执) after its commit, by the transfer's id. */
public final class TransferConfirmations extends BusinessConfirmations<TransferRecord> {

    public TransferConfirmations(TransferService transfers, Database database, TerminalIdentity terminal,
                                 ReceiptPrinter printer) {
        super(database, terminal, printer, transfers::record, TransferConfirmationLayout::layout,
                TransferRecord::printed, transfers::printed);
    }
}
