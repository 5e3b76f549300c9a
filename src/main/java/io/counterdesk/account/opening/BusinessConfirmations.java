package io.counterdesk.account.opening;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.printing.PrintDocument;
import io.counterdesk.printing.PrinterException;
import io.counterdesk.printing.ReceiptPrinter;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import java.time.ZoneId;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Prints a business's confirmation (业务回执) after its commit, read back as its record {@code R}: the
 * original the first time, a copy (重打) after that; the print is counted only once the printer took
 * it. Blocks on the printer: call it in the background. Each business (a subclass) says how its
 * record is read, laid out and counted.
 */
public class BusinessConfirmations<R> {

    /** How a business lays its record out. */
    @FunctionalInterface
    public interface Layout<R> {
        PrintDocument layout(R record, String hall, ZoneId zone);
    }

    private final Database database;
    private final TerminalIdentity terminal;
    private final ReceiptPrinter printer;
    private final BiFunction<Operator, Long, R> read;
    private final Layout<R> layout;
    private final Predicate<R> printedBefore;
    private final BiFunction<Operator, Long, R> count;

    /**
     * @param read          the committed business {@code id} as its confirmation prints it
     * @param printedBefore whether the record's confirmation came out before (this print is a copy)
     * @param count         counts a print of {@code id}'s confirmation; the record with its new count
     */
    protected BusinessConfirmations(Database database, TerminalIdentity terminal, ReceiptPrinter printer,
                                    BiFunction<Operator, Long, R> read, Layout<R> layout, Predicate<R> printedBefore,
                                    BiFunction<Operator, Long, R> count) {
        this.database = database;
        this.terminal = terminal;
        this.printer = printer;
        this.read = read;
        this.layout = layout;
        this.printedBefore = printedBefore;
        this.count = count;
    }

    /** The confirmation as it will print (the screen's preview). */
    public PrintDocument document(Operator operator, long id) {
        return layout.layout(read.apply(operator, id), terminal.hallName(), database.clock().getZone());
    }

    /**
     * @return the record with its new print count
     * @throws PrinterException when the printer fails (nothing counted; print again later)
     */
    public R print(Operator cashier, long id) {
        R record = read.apply(cashier, id);
        PrintDocument document = layout.layout(record, terminal.hallName(), database.clock().getZone());
        try {
            printer.print(printedBefore.test(record) ? document.asCopy(I18n.text("receipt.print.copy")) : document);
        } catch (PrinterException e) {
            printer.discardPending();
            throw e;
        }
        return count.apply(cashier, id);
    }
}
