package io.counterdesk.receipt;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.DayLocks;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.TerminalRepository;
import io.counterdesk.persistence.Tx;
import io.counterdesk.security.ApprovalGrant;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.OperatorConfirmation;
import io.counterdesk.security.OperatorRepository;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import io.counterdesk.shared.SaneDates;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Receipt stock (票据管理, DESIGN 2.6): ranges registered per cashier by a manager, handed over
 * between cashiers with both present, voided with a manager's approval, reprints logged, and the
 * month-end listing of used, voided and remaining numbers.
 */
public final class ReceiptStockService {

    private final Database database;
    private final Journal journal;
    private final ApprovalRecorder approvals;
    private final ReceiptRepository receipts = new ReceiptRepository();
    private final OperatorRepository operators = new OperatorRepository();

    public ReceiptStockService(Database database, Journal journal, ApprovalRecorder approvals) {
        this.database = database;
        this.journal = journal;
        this.approvals = approvals;
    }

    /** The {@code receipt.void_reason} column. */
    static final int VOID_REASON_MAX_LENGTH = 200;

    /** Receipt numbers print with eight digits. */
    static final long MAX_NUMBER = 99_999_999L;

    /** A manager registers numbers {@code first}…{@code last} of {@code kind} to a cashier. */
    public StockRange register(Operator manager, String cashierStaffNo, ReceiptKind kind, long first, long last) {
        AuthService.require(manager, Permission.APPROVE);
        return database.inTransaction(tx -> registerIn(tx, manager, cashierStaffNo, kind, first, last));
    }

    /** As {@link #register}, inside an existing transaction (demo data). */
    public StockRange registerIn(Tx tx, Operator manager, String cashierStaffNo, ReceiptKind kind, long first, long last) {
        if (kind == null || first <= 0 || last < first || last > MAX_NUMBER) {
            throw new BusinessException("receipt.stock.badRange");
        }
        if (last - first >= 100_000) {
            throw new BusinessException("receipt.stock.tooLarge");
        }
        Operator cashier = operators.findByStaffNo(tx, cashierStaffNo)
                .orElseThrow(() -> new BusinessException("security.operator.unknown", cashierStaffNo));
        // two managers at the same moment: the second waits here, then sees the first's range
        receipts.lockKind(tx, kind);
        List<StockRange> clash = receipts.overlapping(tx, kind, first, last);
        if (!clash.isEmpty()) {
            StockRange c = clash.get(0);
            throw new BusinessException("receipt.stock.overlap", IssuedReceipt.formatNumber(c.firstNo()),
                    IssuedReceipt.formatNumber(c.lastNo()));
        }
        long id = receipts.insertRange(tx, kind, cashier.id(), first, last, first, manager.id());
        journal.append(tx, manager.staffNo(), "STOCK_REGISTERED", "stock:" + id, Map.of("kind", kind.name(),
                "holder", cashier.staffNo(), "first", first, "last", last));
        return receipts.lockRange(tx, id).orElseThrow();
    }

    /**
     * Hands the unused numbers of the giver's current range of {@code kind} to the receiver, who
     * confirms with their own credentials. The giver's range ends at the last number used.
     */
    public StockRange handOver(Operator giver, OperatorConfirmation receiver, ReceiptKind kind) {
        AuthService.require(giver, Permission.COUNTER_BUSINESS);
        Operator taker = receiver.require(Permission.COUNTER_BUSINESS);
        if (taker.id() == giver.id()) {
            throw new BusinessException("receipt.handover.self");
        }
        return database.inTransaction(tx -> {
            StockRange from = receipts.lockCurrentRange(tx, giver.id(), kind)
                    .orElseThrow(() -> new BusinessException("receipt.stock.none", ReceiptIssuer.kindText(kind)));
            long first = from.nextNo();
            long last = from.lastNo();
            receipts.close(tx, from.id(), first - 1, first == from.firstNo() ? "HANDED_OVER" : "EXHAUSTED");
            long to = receipts.insertRange(tx, kind, taker.id(), first, last, first, giver.id());
            receipts.insertHandover(tx, from.id(), to, giver.id(), taker.id(), first, last);
            journal.append(tx, giver.staffNo(), "STOCK_HANDED_OVER", "stock:" + from.id(), Map.of("kind", kind.name(),
                    "from", giver.staffNo(), "to", taker.staffNo(), "first", first, "last", last,
                    "confirmedAt", receiver.confirmedAt().toString()));
            return receipts.lockRange(tx, to).orElseThrow();
        });
    }

    /**
     * A receipt the cashier may void, with what the void form shows of it: the amount it covers, the
     * payment's account, and whether that payment still stands (not reversed). A receipt of a
     * standing payment is voided only with its replacement (作废重开): money is never left without a
     * receipt (票款不符).
     */
    public record Voidable(IssuedReceipt receipt, Money amount, String accountNo, boolean paymentStands) {
    }

    /** A void: the voided receipt, and its replacement when the payment still stands (作废重开). */
    public record Voided(IssuedReceipt voided, Optional<IssuedReceipt> replacement) {
    }

    /** Voids a receipt with a manager's approval and a reason; the number stays used. See {@link #voidOrReissue}. */
    public IssuedReceipt voidReceipt(Operator cashier, ReceiptKind kind, long number, String reason, ApprovalGrant grant) {
        return voidOrReissue(cashier, kind, number, reason, grant).voided();
    }

    /**
     * Voids a receipt with a manager's approval and a reason, in one transaction with its journal
     * event. When its payment still stands, the same transaction issues the replacement receipt for
     * the same payment from the cashier's stock (作废重开; it prints with F9, like any unprinted
     * receipt); a payment reversed (冲正) or paid back leaves nothing to replace. The void is sealed
     * ({@link ReceiptMac#voidCanonical}), so the voided receipt's code no longer verifies as valid.
     */
    public Voided voidOrReissue(Operator cashier, ReceiptKind kind, long number, String reason, ApprovalGrant grant) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.inTransaction(tx -> voidIn(tx, cashier, kind, number, reason, grant));
    }

    /** As {@link #voidOrReissue}, inside the caller's transaction. */
    public Voided voidIn(Tx tx, Operator cashier, ReceiptKind kind, long number, String reason, ApprovalGrant grant) {
        if (reason != null && reason.strip().length() > VOID_REASON_MAX_LENGTH) {
            throw new BusinessException("receipt.void.reasonTooLong", VOID_REASON_MAX_LENGTH);
        }
        Voidable voidable = voidableIn(tx, cashier, kind, number);
        IssuedReceipt receipt = voidable.receipt();
        // a receipt of a signed-off day stays as it is: corrected by a reversal on a later day
        DayLocks.requireOpen(tx, java.time.LocalDate.ofInstant(receipt.issuedAt(), tx.clock().getZone()));
        String subject = "receipt:" + kind.name() + ":" + receipt.formattedNumber();
        long approval = approvals.record(tx, grant, cashier, "VOID_RECEIPT", subject, reason);
        ReceiptIssuer issuer = issuer(tx);
        IssuedReceipt replacement = voidable.paymentStands()
                ? issuer.issue(tx, cashier.id(), kind, receipt.paymentId(), receipt.part(), voidable.accountNo(),
                        voidable.amount().fen())
                : null;
        String seal = issuer.voidSeal(tx, issuer.canonical(receipt, voidable.accountNo(), voidable.amount().fen()));
        receipts.markVoided(tx, receipt.id(), reason.strip(), approval, seal, replacement == null ? null : replacement.id());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("receiptId", receipt.id());
        payload.put("paymentId", receipt.paymentId());
        payload.put("amountFen", voidable.amount().fen());
        payload.put("reason", reason.strip());
        payload.put("approvalId", approval);
        payload.put("voidMac", seal);
        if (replacement != null) {
            payload.put("replacementNumber", replacement.number());
            payload.put("replacementMac", replacement.mac());
        }
        journal.append(tx, cashier.staffNo(), "RECEIPT_VOIDED", subject, payload);
        return new Voided(receipts.findReceipt(tx, receipt.id()).orElseThrow(), Optional.ofNullable(replacement));
    }

    /**
     * The receipt {@code cashier} may void: one they issued that is not void yet, with its amount and
     * payment. The void form asks before a manager types a password; {@link #voidOrReissue} checks the
     * same again.
     */
    public Voidable voidable(Operator cashier, ReceiptKind kind, long number) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.read(tx -> voidableIn(tx, cashier, kind, number));
    }

    private Voidable voidableIn(Tx tx, Operator cashier, ReceiptKind kind, long number) {
        IssuedReceipt receipt = receipts.findReceipt(tx, kind, number)
                .orElseThrow(() -> new BusinessException("receipt.notFound", IssuedReceipt.formatNumber(number)));
        if (receipt.issuedBy() != cashier.id()) {
            throw new BusinessException("receipt.notYours", ReceiptIssuer.kindText(kind), receipt.formattedNumber());
        }
        if (receipt.voided()) {
            throw new BusinessException("receipt.alreadyVoided", receipt.formattedNumber());
        }
        ReceiptSet.Part part = ReceiptSet.part(contents(tx).paid(tx, receipt.paymentId()), receipt.part());
        return new Voidable(receipt, part.total(), receipts.paymentFacts(tx, receipt.paymentId()).accountNo(),
                !receipts.reversed(tx, receipt.paymentId()));
    }

    /**
     * What a printed receipt's QR code proves here: the code checked with this terminal's key, and
     * the receipt's void (if any) as part of what is checked — a voided receipt is
     * {@link ReceiptMac.Verdict#VOIDED}, never valid.
     */
    public ReceiptMac.Verdict verify(String qrPayload) {
        String[] parts = qrPayload.strip().split("\\|");
        if (parts.length != 9 || !parts[0].equals("CD1")) {
            return ReceiptMac.Verdict.FORGED;
        }
        String canonical = String.join("|", java.util.Arrays.copyOfRange(parts, 1, 8));
        return database.read(tx -> {
            Optional<IssuedReceipt> receipt;
            try {
                receipt = receipts.findReceipt(tx, ReceiptKind.valueOf(parts[3]), Long.parseLong(parts[4]));
            } catch (IllegalArgumentException notAReceipt) {
                return ReceiptMac.Verdict.FORGED;
            }
            if (receipt.isEmpty()) {
                return ReceiptMac.Verdict.FORGED;
            }
            String seal = receipt.get().voided() ? receipts.voidMac(tx, receipt.get().id()).orElse("") : null;
            return ReceiptMac.verdict(issuer(tx).key(tx), canonical, parts[8], seal);
        });
    }

    private static ReceiptIssuer issuer(Tx tx) {
        return new ReceiptIssuer(new TerminalRepository().current(tx).orElseThrow());
    }

    private static ReceiptContents contents(Tx tx) {
        return new ReceiptContents(new TerminalRepository().current(tx).orElseThrow());
    }

    /**
     * Records that a receipt came out of the printer. The first successful print is the original;
     * every later one is a copy (重打), counted and journaled.
     *
     * @return true when this print is a reprint
     */
    public boolean recordPrinted(Operator cashier, long receiptId) {
        return database.inTransaction(tx -> {
            IssuedReceipt receipt = receipts.findReceipt(tx, receiptId).orElseThrow();
            boolean reprint = receipt.printed();
            receipts.markPrinted(tx, receiptId, reprint);
            if (reprint) {
                journal.append(tx, cashier.staffNo(), "RECEIPT_REPRINTED", "receipt:" + receipt.kind().name() + ":"
                        + receipt.formattedNumber(), Map.of("receiptId", receiptId, "copy", receipt.reprints() + 1));
            }
            return reprint;
        });
    }

    public List<StockRange> ranges(Operator cashier) {
        AuthService.require(cashier, Permission.LOOKUP);
        return database.read(tx -> receipts.rangesOf(tx, cashier.id()));
    }

    /** The month-end listing of every range that was active or used in {@code month}. */
    public List<StockListing> monthEnd(Operator manager, YearMonth month, ZoneId zone) {
        AuthService.require(manager, Permission.APPROVE);
        SaneDates.require(month);
        if (zone == null) {
            throw new BusinessException("shared.date.range", month, SaneDates.FIRST, SaneDates.LAST);
        }
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return database.read(tx -> {
            List<StockListing> listings = new ArrayList<>();
            for (StockRange range : receipts.allRanges(tx)) {
                if (range.registeredAt().isAfter(to)) {
                    continue;
                }
                List<IssuedReceipt> inRange = receipts.receiptsInRange(tx, range.kind(), range.firstNo(), range.lastNo());
                List<Long> used = new ArrayList<>();
                List<String> voided = new ArrayList<>();
                for (IssuedReceipt r : inRange) {
                    if (r.issuedAt().isBefore(from) || !r.issuedAt().isBefore(to)) {
                        continue;
                    }
                    if (r.voided()) {
                        voided.add(r.formattedNumber() + " " + r.voidReason());
                    } else {
                        used.add(r.number());
                    }
                }
                String holder = operators.findById(tx, range.holderId()).map(Operator::label).orElse("?");
                String remaining = range.nextNo() > range.lastNo() ? ""
                        : run(range.nextNo(), range.lastNo());
                listings.add(new StockListing(range, holder, used.size(), runs(used), voided, remaining));
            }
            return listings;
        });
    }

    static List<String> runs(List<Long> numbers) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < numbers.size()) {
            int j = i;
            while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                j++;
            }
            out.add(run(numbers.get(i), numbers.get(j)));
            i = j + 1;
        }
        return out;
    }

    private static String run(long first, long last) {
        return first == last ? IssuedReceipt.formatNumber(first)
                : IssuedReceipt.formatNumber(first) + "–" + IssuedReceipt.formatNumber(last);
    }
}
