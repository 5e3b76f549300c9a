package io.counterdesk.till;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.Settings;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.Tx;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cashier's end of the day (seed 第二十四条, DESIGN 2.7): bank deposits during the day, the blind
 * cash count with the bank-card and bank slips ticked, and the close with its over/short explained.
 *
 * <p>The close and the payments: payments read the session without locking it. The close holds the
 * journal head ({@link Journal#holdHead}) before it reads anything; a payment appends its event
 * under that same lock and then asks whether its session is still open. So a payment racing the
 * close is either committed before the close reads its figures (and the close, seeing postings its
 * count did not include, asks for a recount) or waits, sees the session closed and rolls back.
 */
public final class DayCloseService {

    /** The longest explanation of a difference. */
    public static final int MAX_EXPLANATION = 500;

    private final Database database;
    private final Journal journal;
    private final TerminalIdentity terminal;
    private final TillRepository tills = new TillRepository();
    private final DayCloseRepository closes = new DayCloseRepository();
    private final Settings settings = new Settings();

    /**
     * Run in order after each committed till close (the composition root: the backup, then the batch for
     * head office); none may undo or block the close.
     */
    private final List<Runnable> afterClose = new java.util.concurrent.CopyOnWriteArrayList<>();

    public DayCloseService(Database database, Journal journal, TerminalIdentity terminal) {
        this(database, journal, terminal, () -> { });
    }

    public DayCloseService(Database database, Journal journal, TerminalIdentity terminal, Runnable afterClose) {
        this.database = database;
        this.journal = journal;
        this.terminal = terminal;
        this.afterClose.add(afterClose);
    }

    /** A deposit made, with what the cashier should be told about it. */
    public record DepositMade(Deposit deposit, List<DepositRules.Warning> warnings) {
    }

    /**
     * What the cashier sees before counting — blind: no expected cash. The slips are the system's
     * bank-card and bank-slip postings to tick against the paper.
     */
    public record CloseSheet(TillSession session, List<Deposit> deposits, List<SystemSlip> slips,
                             List<DepositRules.Warning> warnings, int counts) {
    }

    /** A count set against the system's figures: shown to the cashier once submitted. */
    public record CountResult(long countId, int countNo, TillFigures figures, CashCount count, OverShort overShort,
                              List<DepositRules.Warning> warnings) {
    }

    /** A closed till. */
    public record ClosedTill(TillSession session, CountResult count, String explanation) {
    }

    /** The deposit rules in force: settings {@code till.depositBy} (HH:mm) and {@code till.keepUpToFen}. */
    public DepositRules rules() {
        return database.read(this::rules);
    }

    private DepositRules rules(Tx tx) {
        LocalTime by = settings.get(tx, DepositRules.DEPOSIT_BY_SETTING).map(LocalTime::parse)
                .orElse(DepositRules.DEFAULT.depositBy());
        Money keep = settings.get(tx, DepositRules.KEEP_UP_TO_SETTING).map(v -> Money.ofFen(Long.parseLong(v.strip())))
                .orElse(DepositRules.DEFAULT.keepUpTo());
        return new DepositRules(by, keep);
    }

    /** Records cash paid from the cashier's till into the bank, numbering its slip for the month. */
    public DepositMade deposit(Operator cashier, Money amount) {
        AuthService.require(cashier, Permission.OPEN_TILL);
        if (amount == null || !amount.isPositive()) {
            throw new BusinessException("till.deposit.notPositive");
        }
        return database.inTransaction(tx -> {
            // the head before the session row, in the order the close takes them (no deadlock)
            journal.holdHead(tx);
            TillSession till = lockOpen(tx, cashier);
            TillFigures before = figures(tx, till);
            if (amount.compareTo(before.expectedCash()) > 0) {
                throw new BusinessException("till.deposit.moreThanDrawer");
            }
            ZonedDateTime now = tx.now().atZone(tx.clock().getZone());
            YearMonth month = YearMonth.from(now);
            DepositRules rules = rules(tx);
            int seq = closes.nextSlipSeq(tx, cashier.id(), month);
            String slipNo = DepositRules.slipNumber(cashier.name(), month, seq);
            boolean late = rules.isLate(now.toLocalTime());
            long id = closes.insertDeposit(tx, till.id(), cashier.id(), month, seq, slipNo, amount, late);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("tillId", till.id());
            payload.put("depositId", id);
            payload.put("slipNo", slipNo);
            payload.put("amountFen", amount.fen());
            payload.put("late", late);
            journal.append(tx, cashier.staffNo(), "TILL_DEPOSIT", "till:" + till.id(), payload);
            Money left = before.undepositedTakings().minus(amount);
            return new DepositMade(closes.deposit(tx, id), rules.forDeposit(now.toLocalTime(), left));
        });
    }

    /** The close sheet of the cashier's open till (blind: no expected cash). */
    public CloseSheet sheet(Operator cashier) {
        AuthService.require(cashier, Permission.OPEN_TILL);
        return database.read(tx -> {
            TillSession till = open(tx, cashier);
            TillFigures f = figures(tx, till);
            LocalTime now = tx.now().atZone(tx.clock().getZone()).toLocalTime();
            return new CloseSheet(till, closes.deposits(tx, till.id()), closes.slips(tx, till.id()),
                    rules(tx).whileOpen(now, f.undepositedTakings()), closes.nextCountNo(tx, till.id()) - 1);
        });
    }

    /**
     * Records the blind count and the slips ticked (by posting id), and sets them against the
     * system's figures. A recount adds a new count; the close uses the last.
     */
    public CountResult count(Operator cashier, CashCount count, Set<Long> tickedSlips) {
        AuthService.require(cashier, Permission.OPEN_TILL);
        return database.inTransaction(tx -> {
            journal.holdHead(tx);
            TillSession till = lockOpen(tx, cashier);
            int postings = closes.postings(tx, till.id());
            TillFigures f = figures(tx, till);
            List<SystemSlip> slips = closes.slips(tx, till.id());
            OverShort overShort = OverShort.of(f, count, slips, tickedSlips);
            int countNo = closes.nextCountNo(tx, till.id());
            long id = closes.insertCount(tx, till.id(), countNo, f, count, overShort, postings);
            Map<String, Object> payload = figuresPayload(till, f);
            payload.put("countNo", countNo);
            payload.put("countedCashFen", count.total().fen());
            payload.put("pieces", count.pieces().entrySet().stream()
                    .map(e -> Map.of("faceFen", e.getKey().faceValue().fen(), "pieces", e.getValue())).toList());
            payload.put("missingPostings", overShort.lines().stream().flatMap(l -> l.missing().stream())
                    .map(SystemSlip::postingId).toList());
            payload.put("overShortFen", overShort.total().fen());
            journal.append(tx, cashier.staffNo(), "TILL_COUNTED", "till:" + till.id(), payload);
            return new CountResult(id, countNo, f, count, overShort, rules(tx).atClose(f.undepositedTakings()));
        });
    }

    /**
     * Closes the cashier's till on its last count. Refused when there is no count, when business
     * was done after it (recount), when receipt numbers are missing from the cashier's stock, or
     * when there is a difference and no explanation.
     */
    public ClosedTill close(Operator cashier, String explanation) {
        AuthService.require(cashier, Permission.OPEN_TILL);
        String why = explanation == null ? "" : explanation.strip();
        if (why.length() > MAX_EXPLANATION) {
            throw new BusinessException("till.close.explanationTooLong", MAX_EXPLANATION);
        }
        ClosedTill closed = database.inTransaction(tx -> {
            journal.holdHead(tx);
            TillSession till = lockOpen(tx, cashier);
            DayCloseRepository.StoredCount last = closes.lastCount(tx, till.id())
                    .orElseThrow(() -> new BusinessException("till.close.notCounted"));
            TillFigures now = figures(tx, till);
            if (closes.postings(tx, till.id()) != last.postings() || !now.equals(last.figures())) {
                throw new BusinessException("till.close.businessAfterCount");
            }
            List<SystemSlip> slips = closes.slips(tx, till.id());
            Set<Long> ticked = new java.util.HashSet<>();
            slips.stream().map(SystemSlip::postingId).filter(id -> !last.missing().contains(id)).forEach(ticked::add);
            OverShort overShort = OverShort.of(now, last.count(), slips, ticked);
            if (overShort.hasDifference() && why.isEmpty()) {
                throw new BusinessException("till.close.explanationRequired", overShort.total().format());
            }
            List<String> missing = closes.missingReceiptNumbers(tx, cashier.id());
            if (!missing.isEmpty()) {
                throw new BusinessException("till.close.receiptsMissing", String.join("、", missing));
            }
            if (!closes.closeSession(tx, till.id())) {
                throw new BusinessException("till.closed");
            }
            closes.insertClose(tx, till.id(), last.id(), cashier.id(), overShort.total(), why);
            Map<String, Object> payload = figuresPayload(till, now);
            payload.put("countNo", last.countNo());
            payload.put("countedCashFen", last.count().total().fen());
            payload.put("cashOverShortFen", overShort.cash().difference().fen());
            payload.put("cardOverShortFen", overShort.bankCard().difference().fen());
            payload.put("slipOverShortFen", overShort.bankSlip().difference().fen());
            payload.put("overShortFen", overShort.total().fen());
            payload.put("explanation", why);
            journal.append(tx, cashier.staffNo(), "TILL_CLOSED", "till:" + till.id(), payload);
            CountResult result = new CountResult(last.id(), last.countNo(), now, last.count(), overShort,
                    rules(tx).atClose(now.undepositedTakings()));
            return new ClosedTill(tills.findById(tx, till.id()).orElseThrow(), result, why);
        });
        afterClose.forEach(DayCloseService::runAfter);
        return closed;
    }

    /** Adds what runs after each till close has committed (CounterDesk: the day's batch for head office). */
    public void afterClose(Runnable hook) {
        afterClose.add(java.util.Objects.requireNonNull(hook));
    }

    /** Runs a hook after a commit: whatever it does, the committed close stands and the cashier goes on. */
    public static void runAfter(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            System.getLogger(DayCloseService.class.getName()).log(System.Logger.Level.WARNING, "after-close hook failed", e);
        }
    }

    private TillSession open(Tx tx, Operator cashier) {
        return tills.findOpen(tx, cashier.id(), terminal.terminalId())
                .orElseThrow(() -> new BusinessException("till.notOpen"));
    }

    private TillSession lockOpen(Tx tx, Operator cashier) {
        TillSession till = open(tx, cashier);
        return closes.lockSession(tx, till.id()).filter(s -> s.status() == TillStatus.OPEN)
                .orElseThrow(() -> new BusinessException("till.notOpen"));
    }

    private TillFigures figures(Tx tx, TillSession till) {
        return TillFigures.of(till.openingFloat(), closes.cashMovements(tx, till.id()),
                closes.deposits(tx, till.id()).stream().map(Deposit::amount).toList());
    }

    private static Map<String, Object> figuresPayload(TillSession till, TillFigures f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tillId", till.id());
        p.put("businessDay", till.businessDay().toString());
        p.put("floatFen", f.openingFloat().fen());
        p.put("cashInFen", f.cashIn().fen());
        p.put("changeFen", f.change().fen());
        p.put("refundsFen", f.refunds().fen());
        p.put("depositsFen", f.deposits().fen());
        p.put("expectedCashFen", f.expectedCash().fen());
        return p;
    }
}
