package io.counterdesk.payment;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.DayLocks;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.Tx;
import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.receipt.ReceiptIssuer;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptPart;
import io.counterdesk.receipt.ReceiptRepository;
import io.counterdesk.security.ApprovalGrant;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.till.TillRepository;
import io.counterdesk.till.TillSession;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Payment reversal (冲正, DESIGN 2.7): a completed payment is taken back by a new payment of today,
 * every figure negated ({@link ReversalRules}), linked to the original in {@code payment_reversal}.
 * It is today's business, so it works when the original's day is signed off and locked: the
 * original's rows are never touched, its day's reports keep their figures and list the correction.
 *
 * <p>One transaction: the manager's approval, the reversal payment with its lines, tender and till
 * postings (cash paid back), the bills made unpaid again, the account's credit, the link, the
 * reversal receipt's number from the cashier's stock and the {@code PAYMENT_REVERSED} event. The
 * receipt prints after the commit, as every receipt does.
 */
public final class PaymentReversalService {

    /** Longest reason kept (the column's width). */
    static final int REASON_MAX = 200;

    private final Database database;
    private final Journal journal;
    private final TerminalIdentity terminal;
    private final ApprovalRecorder approvals;
    private final ReceiptIssuer issuer;
    private final PaymentReversalRepository reversals = new PaymentReversalRepository();
    private final ReceiptRepository receipts = new ReceiptRepository();
    private final TillRepository tills = new TillRepository();

    public PaymentReversalService(Database database, Journal journal, TerminalIdentity terminal,
                                  ApprovalRecorder approvals) {
        this.database = database;
        this.journal = journal;
        this.terminal = terminal;
        this.approvals = approvals;
        this.issuer = new ReceiptIssuer(terminal);
    }

    /**
     * A payment found by its receipt number, as the reversal screen shows it.
     *
     * @param dayLocked the original's day is signed off (the reversal still counts today)
     * @param refusal   why it cannot be reversed ("" when it can); {@code reversal} is then empty
     */
    public record Preview(OriginalPayment payment, IssuedReceipt receipt, boolean dayLocked, List<PaymentPlan.Line> lines,
                          List<OriginalTender> tenders, Optional<ReversalRules.Reversal> reversal, String refusal) {

        public Preview {
            lines = List.copyOf(lines);
            tenders = List.copyOf(tenders);
        }

        public boolean reversible() {
            return reversal.isPresent();
        }
    }

    /** A committed reversal: on disk; print {@code receipts} now. */
    public record ReversalResult(long reversalPaymentId, long originalPaymentId, String originalReceipt,
                                 LocalDate originalDay, String accountNo, ReversalRules.Reversal reversal,
                                 List<IssuedReceipt> receipts) {

        public ReversalResult {
            receipts = List.copyOf(receipts);
        }
    }

    /** The payment of receipt {@code number} with what its reversal would be, or why it cannot be reversed. */
    public Preview find(Operator cashier, long number) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.read(tx -> {
            IssuedReceipt receipt = receiptOf(tx, number);
            OriginalPayment payment = reversals.payment(tx, receipt.paymentId(), false).orElseThrow();
            ReversalRules.Original original = original(tx, payment, receipt);
            Optional<ReversalRules.Reversal> reversal;
            String refusal = "";
            try {
                reversal = Optional.of(ReversalRules.of(original));
            } catch (BusinessException e) {
                reversal = Optional.empty();
                refusal = e.getMessage();
            }
            return new Preview(payment, receipt, DayLocks.isLocked(tx, payment.businessDay()), original.lines(),
                    reversals.tenders(tx, payment.id()), reversal, refusal);
        });
    }

    /**
     * Reverses the payment of receipt {@code number} with a hall manager's approval and a reason.
     * Refuses (nothing changed) what {@link ReversalRules} refuses, without an open till, a reason or
     * a valid approval.
     */
    public ReversalResult reverse(Operator cashier, long number, String reason, ApprovalGrant grant) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new BusinessException("reversal.reason.required");
        }
        if (why.length() > REASON_MAX) {
            throw new BusinessException("reversal.reason.tooLong");
        }
        return database.inTransaction(tx -> reverseIn(tx, cashier, number, why, grant));
    }

    private ReversalResult reverseIn(Tx tx, Operator cashier, long number, String reason, ApprovalGrant grant) {
        TillSession till = tills.findOpen(tx, cashier.id(), terminal.terminalId())
                .orElseThrow(() -> new BusinessException("reversal.till.notOpen"));
        IssuedReceipt receipt = receiptOf(tx, number);
        OriginalPayment unlocked = reversals.payment(tx, receipt.paymentId(), true).orElseThrow();
        reversals.lockAccount(tx, unlocked.accountId());
        OriginalPayment payment = reversals.payment(tx, receipt.paymentId(), false).orElseThrow();
        ReversalRules.Reversal reversal = ReversalRules.of(original(tx, payment, receipt));

        long approval = approvals.record(tx, grant, cashier, "REVERSE_PAYMENT", "payment:" + payment.id(), reason);
        LocalDate today = LocalDate.ofInstant(tx.now(), tx.clock().getZone());
        long id = reversals.insertReversal(tx, payment.accountId(), till.id(), cashier.id(), today, reversal);
        reversal.bills().forEach(b -> reversals.restoreBill(tx, b));
        if (!reversal.creditDelta().isZero()) {
            reversals.changeCredit(tx, payment.accountId(), reversal.creditDelta());
        }
        reversals.link(tx, id, payment.id(), reason, approval);
        IssuedReceipt issued = issuer.issue(tx, cashier.id(), ReceiptKind.RECEIPT, id, ReceiptPart.WHOLE,
                payment.accountNo(), reversal.total().fen());
        journal.append(tx, cashier.staffNo(), "PAYMENT_REVERSED", "account:" + payment.accountNo(),
                payload(id, till, payment, receipt, reversal, issued, reason, approval));
        // a close that held the journal head has committed by now: closed meanwhile means not done
        if (!tills.isOpen(tx, till.id())) {
            throw new BusinessException("till.closed");
        }
        return new ReversalResult(id, payment.id(), receipt.formattedNumber(), payment.businessDay(),
                payment.accountNo(), reversal, List.of(issued));
    }

    /** The payment's receipt: a 收款收据 first, else a check slip of that number. */
    private IssuedReceipt receiptOf(Tx tx, long number) {
        return receipts.findReceipt(tx, ReceiptKind.RECEIPT, number)
                .or(() -> receipts.findReceipt(tx, ReceiptKind.CHECK_SLIP, number))
                .orElseThrow(() -> new BusinessException("reversal.notFound", IssuedReceipt.formatNumber(number)));
    }

    private ReversalRules.Original original(Tx tx, OriginalPayment p, IssuedReceipt receipt) {
        List<MoneyTender> bank = reversals.tenders(tx, p.id()).stream()
                .filter(t -> t.kind().equals("BANK_CARD") || t.kind().equals("BANK_SLIP"))
                .map(t -> new MoneyTender(TenderKind.valueOf(t.kind()), t.amount(), t.reference())).toList();
        return new ReversalRules.Original(p.id(), receipt.formattedNumber(), p.accountStatus(), p.accountCredit(),
                reversals.lines(tx, p.id()), p.cashReceived(), p.change(), bank, p.creditUsed(), p.creditAdded(),
                p.voucherM3(), reversals.isReversal(tx, p.id()), reversals.reversedBy(tx, p.id()).orElse(null),
                reversals.linked(tx, p.id()));
    }

    /**
     * Shaped as a {@code PAYMENT} event (so {@code DayCheck} adds it up the same way) plus the link:
     * the original's payment id, day and receipt number, the reason and the approval.
     */
    private static Map<String, Object> payload(long id, TillSession till, OriginalPayment original, IssuedReceipt receipt,
                                               ReversalRules.Reversal r, IssuedReceipt issued, String reason,
                                               long approval) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("paymentId", id);
        p.put("tillId", till.id());
        p.put("accountNo", original.accountNo());
        p.put("originalPaymentId", original.id());
        p.put("originalDay", original.businessDay().toString());
        p.put("originalReceipt", receipt.kind().name() + ":" + receipt.formattedNumber());
        p.put("reason", reason);
        p.put("approvalId", approval);
        p.put("totalFen", r.total().fen());
        p.put("cashReceivedFen", 0L);
        p.put("changeFen", r.cashPaidBack().fen());
        p.put("creditUsedFen", r.creditRestored().negate().fen());
        p.put("creditAddedFen", r.creditWithdrawn().negate().fen());
        p.put("voucherM3", 0L);
        p.put("lines", r.lines().stream().map(l -> Map.of("kind", l.kind().name(), "billId", l.billId(),
                "amountFen", l.amount().fen(), "m3", l.volumeM3(), "feeCode", l.feeCode() == null ? "" : l.feeCode()))
                .toList());
        // v2: lines carry their fee code (docs/sync-protocol.md)
        p.put("v", 2);
        p.put("tenders", List.of());
        p.put("bills", r.bills().stream().map(b -> Map.of("billId", b.billId(), "principalFen", b.principal().fen(),
                "lateFeeFen", b.lateFee().fen())).toList());
        p.put("receipts", List.of(Map.of("kind", issued.kind().name(), "number", issued.number(),
                "part", issued.part().name(), "mac", issued.mac())));
        return p;
    }
}
