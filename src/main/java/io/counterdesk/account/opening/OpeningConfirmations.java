package io.counterdesk.account.opening;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.printing.ReceiptPrinter;

/** Prints an opening's business confirmation (开户业务回执) after its commit, by the opened account's id. */
public final class OpeningConfirmations extends BusinessConfirmations<OpeningRecord> {

    public OpeningConfirmations(AccountOpeningService openings, Database database, TerminalIdentity terminal,
                                ReceiptPrinter printer) {
        super(database, terminal, printer, openings::record, OpeningConfirmationLayout::layout, OpeningRecord::printed,
                openings::printed);
    }
}
