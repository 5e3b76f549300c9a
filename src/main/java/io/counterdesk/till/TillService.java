package io.counterdesk.till;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Opening a till session with a float (备用金). One open session per cashier per terminal: a
 * cashier who logs in again finds the session already open and goes on with it.
 */
public final class TillService {

    /** A float above this is surely a typing mistake (e.g. 50000 for 500.00). */
    public static final Money MAX_FLOAT = Money.ofYuan(10_000);

    private final Database database;
    private final Journal journal;
    private final TerminalIdentity terminal;
    private final TillRepository tills = new TillRepository();

    public TillService(Database database, Journal journal, TerminalIdentity terminal) {
        this.database = database;
        this.journal = journal;
        this.terminal = terminal;
    }

    /** The cashier's open session on this terminal, if any. */
    public Optional<TillSession> current(Operator cashier) {
        return database.read(tx -> tills.findOpen(tx, cashier.id(), terminal.terminalId()));
    }

    public TillSession open(Operator cashier, Money openingFloat) {
        AuthService.require(cashier, Permission.OPEN_TILL);
        if (openingFloat == null || openingFloat.isNegative()) {
            throw new BusinessException("till.float.negative");
        }
        if (openingFloat.compareTo(MAX_FLOAT) > 0) {
            throw new BusinessException("till.float.tooLarge", MAX_FLOAT.format());
        }
        return database.inTransaction(tx -> {
            if (tills.findOpen(tx, cashier.id(), terminal.terminalId()).isPresent()) {
                throw new BusinessException("till.alreadyOpen");
            }
            LocalDate day = LocalDate.ofInstant(tx.now(), tx.clock().getZone());
            long id = tills.insertOpen(tx, terminal.terminalId(), cashier.id(), day, openingFloat);
            journal.append(tx, cashier.staffNo(), "TILL_OPENED", "till:" + id,
                    Map.of("tillId", id, "businessDay", day.toString(), "floatFen", openingFloat.fen()));
            return tills.findById(tx, id).orElseThrow();
        });
    }
}
