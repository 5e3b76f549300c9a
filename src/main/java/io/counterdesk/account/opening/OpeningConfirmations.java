package io.counterdesk.account.opening;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.printing.PrintDocument;
import io.counterdesk.printing.PrinterException;
import io.counterdesk.printing.ReceiptPrinter;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;

/**
 * Prints an opening's business confirmation (业务回执) after its commit: the original the first time,
 * a copy (重打) after that; the print is counted only once the printer took it. Blocks on the printer:
 * call it in the background.
 */
public final class OpeningConfirmations {

    private final AccountOpeningService openings;
    private final Database database;
    private final TerminalIdentity terminal;
    private final ReceiptPrinter printer;

    public OpeningConfirmations(AccountOpeningService openings, Database database, TerminalIdentity terminal,
                                ReceiptPrinter printer) {
        this.openings = openings;
        this.database = database;
        this.terminal = terminal;
        this.printer = printer;
    }

    /** The confirmation as it will print (the screen's preview). */
    public PrintDocument document(Operator operator, long accountId) {
        return OpeningConfirmationLayout.layout(openings.record(operator, accountId), terminal.hallName(),
                database.clock().getZone());
    }

    /**
     * @return the record with its new print count
     * @throws PrinterException when the printer fails (nothing counted; print again later)
     */
    public OpeningRecord print(Operator cashier, long accountId) {
        OpeningRecord record = openings.record(cashier, accountId);
        PrintDocument document = OpeningConfirmationLayout.layout(record, terminal.hallName(), database.clock().getZone());
        try {
            printer.print(record.printed() ? document.asCopy(I18n.text("receipt.print.copy")) : document);
        } catch (PrinterException e) {
            printer.discardPending();
            throw e;
        }
        return openings.printed(cashier, accountId);
    }
}
