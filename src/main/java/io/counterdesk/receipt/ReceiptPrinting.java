package io.counterdesk.receipt;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.printing.PrintDocument;
import io.counterdesk.printing.PrinterException;
import io.counterdesk.printing.ReceiptPrinter;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.BusinessException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prints committed receipts. Called only after the payment's transaction returned, so nothing is
 * ever printed for money that is not on disk. The database's {@code printed} flag is the truth: a
 * receipt that failed to print keeps its number and is printed later by {@link #resume} (as the
 * original, without opening the drawer again); once printed, any further print is a marked copy
 * ({@link #reprint}), counted and journaled.
 */
public final class ReceiptPrinting {

    private final Database database;
    private final ReceiptStockService stock;
    private final ReceiptContents contents;
    private final ReceiptPrinter printer;
    private final ReceiptRepository receipts = new ReceiptRepository();

    public ReceiptPrinting(Database database, TerminalIdentity terminal, ReceiptStockService stock,
                           ReceiptPrinter printer) {
        this.database = database;
        this.stock = stock;
        this.contents = new ReceiptContents(terminal);
        this.printer = printer;
    }

    public ReceiptPrinter printer() {
        return printer;
    }

    /** Prints a payment's receipts in order; stops at the first failure. */
    public PrintOutcome print(Operator cashier, List<IssuedReceipt> issued) {
        return send(cashier, issued, false);
    }

    /** Prints the cashier's receipts that have not come out yet (after paper-out, offline …). */
    public PrintOutcome resume(Operator cashier) {
        return send(cashier, database.read(tx -> receipts.unprinted(tx, cashier.id())), true);
    }

    public List<IssuedReceipt> unprinted(Operator cashier) {
        return database.read(tx -> receipts.unprinted(tx, cashier.id()));
    }

    /** Prints a copy (重打) of a receipt that was printed before. */
    public PrintOutcome reprint(Operator cashier, ReceiptKind kind, long number) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        IssuedReceipt receipt = database.read(tx -> receipts.findReceipt(tx, kind, number))
                .orElseThrow(() -> new BusinessException("receipt.notFound", IssuedReceipt.formatNumber(number)));
        if (!receipt.printed()) {
            return send(cashier, List.of(receipt), true);
        }
        PrintDocument copy = ReceiptLayout.copyOf(database.read(tx -> contents.load(tx, receipt.id())));
        try {
            printer.print(copy);
        } catch (PrinterException e) {
            printer.discardPending();
            return new PrintOutcome(List.of(), List.of(receipt), Optional.of(e), List.of());
        }
        stock.recordPrinted(cashier, receipt.id());
        return new PrintOutcome(List.of(receipt), List.of(), Optional.empty(), List.of(copy));
    }

    /** The receipt as it would print (for the on-screen preview). */
    public PrintDocument document(long receiptId) {
        return ReceiptLayout.layout(database.read(tx -> contents.load(tx, receiptId)));
    }

    public ReceiptContent content(long receiptId) {
        return database.read(tx -> contents.load(tx, receiptId));
    }

    /** The header, footer, hall and time zone receipts print (the preview uses the same). */
    public ReceiptLetterhead letterhead() {
        return database.read(contents::letterhead);
    }

    private PrintOutcome send(Operator cashier, List<IssuedReceipt> issued, boolean resuming) {
        List<IssuedReceipt> printed = new ArrayList<>();
        List<PrintDocument> documents = new ArrayList<>();
        for (int i = 0; i < issued.size(); i++) {
            IssuedReceipt receipt = issued.get(i);
            PrintDocument document = resuming ? document(receipt.id()).withoutDrawerKick() : document(receipt.id());
            try {
                printer.print(document);
            } catch (PrinterException e) {
                printer.discardPending();
                return new PrintOutcome(printed, issued.subList(i, issued.size()), Optional.of(e), documents);
            }
            stock.recordPrinted(cashier, receipt.id());
            printed.add(receipt);
            documents.add(document);
        }
        return new PrintOutcome(printed, List.of(), Optional.empty(), documents);
    }
}
