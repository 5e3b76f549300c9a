package io.counterdesk.card;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.Tx;
import io.counterdesk.printing.PrintDocument;
import io.counterdesk.printing.PrinterException;
import io.counterdesk.printing.ReceiptPrinter;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import java.util.Map;

/**
 * The printed records of card services (补卡 / 补气 记录, DESIGN 2.5: "a printed record that is
 * archived"). A record is stored by {@link CardIssueService} in the transaction of its business,
 * printed on the receipt printer after that commit, and may be printed again at any time; the
 * first print is the original, every later one is marked as a copy (重打). Whether and how often
 * it printed is stored with it.
 */
public final class CardServiceRecords {

    private final Database database;
    private final Journal journal;
    private final TerminalIdentity terminal;
    private final ReceiptPrinter printer;
    private final CardServiceRecordRepository repository = new CardServiceRecordRepository();

    public CardServiceRecords(Database database, Journal journal, TerminalIdentity terminal, ReceiptPrinter printer) {
        this.database = database;
        this.journal = journal;
        this.terminal = terminal;
        this.printer = printer;
    }

    public CardServiceRecord find(Operator operator, long id) {
        AuthService.require(operator, Permission.LOOKUP);
        return database.read(tx -> find(tx, id));
    }

    /**
     * Prints the record: the original the first time, a copy (重打) after that; the print is stored
     * only once the printer took it. Blocks on the printer: call it in the background.
     *
     * @return the record with its new print count
     * @throws PrinterException when the printer fails (nothing stored; print again later)
     */
    public CardServiceRecord print(Operator cashier, long id) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        CardServiceRecord record = database.read(tx -> find(tx, id));
        PrintDocument document = CardServiceRecordLayout.layout(record, terminal.hallName(), database.clock().getZone());
        try {
            printer.print(record.printed() ? document.asCopy(I18n.text("receipt.print.copy")) : document);
        } catch (PrinterException e) {
            printer.discardPending();
            throw e;
        }
        return database.inTransaction(tx -> {
            repository.markPrinted(tx, id);
            journal.append(tx, cashier.staffNo(), "CARD_SERVICE_PRINTED", "account:" + record.accountNo(),
                    Map.of("recordId", id, "copy", record.printed()));
            return find(tx, id);
        });
    }

    private CardServiceRecord find(Tx tx, long id) {
        return repository.find(tx, id).orElseThrow(() -> new BusinessException("cardRecord.notFound", id));
    }
}
