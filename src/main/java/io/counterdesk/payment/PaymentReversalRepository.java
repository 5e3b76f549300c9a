package io.counterdesk.payment;

import io.counterdesk.payment.PaymentPlan.Line;
import io.counterdesk.payment.PaymentPlan.LineKind;
import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.Money;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The rows of a payment reversal (冲正): the original payment read back, the reversal payment with its
 * lines, tender, postings, the bills and the account it restores, and the {@code payment_reversal} link.
 * Kept apart from {@link PaymentRepository}, whose collect path is tuned on its own.
 */
public final class PaymentReversalRepository {

    /**
     * A reversal and what it reversed, for the reports.
     *
     * @param amount the reversal's money (negative: what went back, cash and credit)
     */
    public record Link(long reversalPaymentId, long originalPaymentId, LocalDate originalDay, String originalReceipt,
                       LocalDate reversalDay, String reversalReceipt, String reason, String approver, Money amount) {
    }

    Optional<OriginalPayment> payment(Tx tx, long paymentId, boolean lock) {
        return tx.handle().createQuery("""
                SELECT p.id, p.account_id, a.account_no, a.holder_name, a.address_text, a.status, a.credit_fen,
                    p.business_day, p.paid_at, o.staff_no, p.cash_received_fen, p.change_fen, p.credit_used_fen,
                    p.credit_added_fen, p.voucher_m3
                FROM payment p JOIN account a ON a.id = p.account_id JOIN operator o ON o.id = p.operator_id
                WHERE p.id = :id""" + (lock ? " FOR UPDATE" : ""))
                .bind("id", paymentId)
                .map((rs, ctx) -> new OriginalPayment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), Money.ofFen(rs.getLong(7)), rs.getObject(8, LocalDate.class),
                        rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getString(10), Money.ofFen(rs.getLong(11)),
                        Money.ofFen(rs.getLong(12)), Money.ofFen(rs.getLong(13)), Money.ofFen(rs.getLong(14)),
                        rs.getLong(15)))
                .findOne();
    }

    /** Locks the account row the reversal changes (and reads it again under the lock). */
    void lockAccount(Tx tx, long accountId) {
        tx.handle().createQuery("SELECT id FROM account WHERE id = :id FOR UPDATE").bind("id", accountId)
                .mapTo(Long.class).one();
    }

    List<Line> lines(Tx tx, long paymentId) {
        return tx.handle().createQuery("""
                SELECT kind, COALESCE(bill_id, 0), label, amount_fen, volume_m3, fee_code
                FROM payment_line WHERE payment_id = :p ORDER BY line_no""")
                .bind("p", paymentId)
                .map((rs, ctx) -> new Line(LineKind.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3),
                        Money.ofFen(rs.getLong(4)), rs.getLong(5), rs.getString(6)))
                .list();
    }

    List<OriginalTender> tenders(Tx tx, long paymentId) {
        return tx.handle().createQuery("""
                SELECT kind, amount_fen, reference FROM payment_tender WHERE payment_id = :p ORDER BY tender_no""")
                .bind("p", paymentId)
                .map((rs, ctx) -> new OriginalTender(rs.getString(1), Money.ofFen(rs.getLong(2)), rs.getString(3)))
                .list();
    }

    /** The business another record ties the payment to. */
    ReversalRules.LinkedBusiness linked(Tx tx, long paymentId) {
        if (exists(tx, "SELECT COUNT(*) FROM gas_purchase WHERE payment_id = :p OR refund_payment_id = :p", paymentId)) {
            return ReversalRules.LinkedBusiness.IC_GAS;
        }
        if (exists(tx, "SELECT COUNT(*) FROM account_opening WHERE payment_id = :p", paymentId)) {
            return ReversalRules.LinkedBusiness.OPENING;
        }
        if (exists(tx, "SELECT COUNT(*) FROM account_status_change WHERE payment_id = :p", paymentId)) {
            return ReversalRules.LinkedBusiness.STATUS_CHANGE;
        }
        // a holder period that began at or after the payment (V15 after_payment_id): the account was transferred since
        if (exists(tx, """
                SELECT COUNT(*) FROM holder_period h JOIN payment p ON p.account_id = h.account_id
                WHERE p.id = :p AND h.after_payment_id >= :p""", paymentId)) {
            return ReversalRules.LinkedBusiness.BEFORE_TRANSFER;
        }
        return ReversalRules.LinkedBusiness.NONE;
    }

    boolean isReversal(Tx tx, long paymentId) {
        return exists(tx, "SELECT COUNT(*) FROM payment_reversal WHERE reversal_payment_id = :p", paymentId);
    }

    /** The reversal that took a payment back, by its receipt number; empty when none. */
    Optional<String> reversedBy(Tx tx, long paymentId) {
        return tx.handle().createQuery("""
                SELECT LPAD(CAST(MIN(r.number) AS VARCHAR), 8, '0') FROM payment_reversal v
                JOIN receipt r ON r.payment_id = v.reversal_payment_id WHERE v.original_payment_id = :p""")
                .bind("p", paymentId).mapTo(String.class).findOne().filter(s -> !s.isEmpty());
    }

    private static boolean exists(Tx tx, String sql, long paymentId) {
        return tx.handle().createQuery(sql).bind("p", paymentId).mapTo(Long.class).one() > 0;
    }

    long insertReversal(Tx tx, long accountId, long tillId, long operatorId, LocalDate day,
                        ReversalRules.Reversal r) {
        long id = tx.handle().createUpdate("""
                INSERT INTO payment(account_id, till_id, operator_id, paid_at, business_day, total_due_fen,
                    cash_received_fen, money_received_fen, change_fen, credit_used_fen, credit_added_fen, voucher_m3,
                    voucher_value_fen, still_owed_fen, status)
                VALUES (:account, :till, :operator, :at, :day, :total, 0, :money, :cashBack, :creditUsed, :creditAdded,
                    0, 0, 0, 'COMPLETED')""")
                .bind("account", accountId).bind("till", tillId).bind("operator", operatorId)
                .bind("at", tx.now().atOffset(ZoneOffset.UTC)).bind("day", Date.valueOf(day))
                .bind("total", r.total().fen()).bind("money", r.creditRestored().negate().fen())
                .bind("cashBack", r.cashPaidBack().fen()).bind("creditUsed", r.creditRestored().negate().fen())
                .bind("creditAdded", r.creditWithdrawn().negate().fen())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        int n = 1;
        for (Line line : r.lines()) {
            tx.handle().createUpdate("""
                    INSERT INTO payment_line(payment_id, line_no, kind, bill_id, label, amount_fen, volume_m3, fee_code)
                    VALUES (:p, :n, :kind, :bill, :label, :amount, :volume, :code)""")
                    .bind("p", id).bind("n", n++).bind("kind", line.kind().name())
                    .bind("bill", line.billId() == 0 ? null : line.billId()).bind("label", line.label())
                    .bind("amount", line.amount().fen()).bind("volume", line.volumeM3()).bind("code", line.feeCode())
                    .execute();
        }
        int tender = 1;
        if (r.cashPaidBack().isPositive()) {
            tender(tx, id, tender++, "CASH", Money.ZERO);
            post(tx, tillId, id, "CASH_OUT", r.cashPaidBack());
        }
        if (r.creditRestored().isPositive()) {
            tender(tx, id, tender, "CREDIT", r.creditRestored().negate());
            post(tx, tillId, id, "CREDIT_USED", r.creditRestored().negate());
        }
        return id;
    }

    private static void tender(Tx tx, long paymentId, int no, String kind, Money amount) {
        tx.handle().createUpdate("""
                INSERT INTO payment_tender(payment_id, tender_no, kind, amount_fen) VALUES (:p, :n, :kind, :amount)""")
                .bind("p", paymentId).bind("n", no).bind("kind", kind).bind("amount", amount.fen()).execute();
    }

    private static void post(Tx tx, long tillId, long paymentId, String kind, Money amount) {
        tx.handle().createUpdate("""
                INSERT INTO till_posting(till_id, payment_id, kind, amount_fen, posted_at)
                VALUES (:till, :p, :kind, :amount, :at)""")
                .bind("till", tillId).bind("p", paymentId).bind("kind", kind).bind("amount", amount.fen())
                .bind("at", tx.now().atOffset(ZoneOffset.UTC)).execute();
    }

    /** Records the link; the UNIQUE original refuses a second reversal of the same payment. */
    void link(Tx tx, long reversalId, long originalId, String reason, long approvalId) {
        tx.handle().createUpdate("""
                INSERT INTO payment_reversal(reversal_payment_id, original_payment_id, reason, approval_id, reversed_at)
                VALUES (:id, :original, :reason, :approval, :at)""")
                .bind("id", reversalId).bind("original", originalId).bind("reason", reason).bind("approval", approvalId)
                .bind("at", tx.now().atOffset(ZoneOffset.UTC)).execute();
    }

    /** Gives a bill back exactly what a payment had paid on it. */
    void restoreBill(Tx tx, ReversalRules.BillRestore b) {
        int updated = tx.handle().createUpdate("""
                UPDATE bill SET paid_fen = paid_fen - :p, late_fee_paid_fen = late_fee_paid_fen - :f
                WHERE id = :id AND paid_fen >= :p AND late_fee_paid_fen >= :f""")
                .bind("p", b.principal().fen()).bind("f", b.lateFee().fen()).bind("id", b.billId()).execute();
        if (updated != 1) {
            throw new IllegalStateException("bill " + b.billId() + " has less paid than the payment paid on it");
        }
    }

    void changeCredit(Tx tx, long accountId, Money delta) {
        int updated = tx.handle().createUpdate("""
                UPDATE account SET credit_fen = credit_fen + :d, version = version + 1
                WHERE id = :id AND credit_fen + :d >= 0""")
                .bind("d", delta.fen()).bind("id", accountId).execute();
        if (updated != 1) {
            throw new IllegalStateException("account " + accountId + " credit would go below zero");
        }
    }

    /** Reversals done in a till session (shown on that day's report). */
    public List<Link> reversalsIn(Tx tx, long tillId) {
        return links(tx, "rp.till_id = :t", tillId);
    }

    /** Reversals of the payments of a till session (shown on the original day's report as corrections). */
    public List<Link> correctionsOf(Tx tx, long tillId) {
        return links(tx, "op.till_id = :t", tillId);
    }

    private static List<Link> links(Tx tx, String where, long tillId) {
        return tx.handle().createQuery("""
                SELECT v.reversal_payment_id, v.original_payment_id, op.business_day AS od,
                    (SELECT MIN(r.number) FROM receipt r WHERE r.payment_id = op.id) AS orn,
                    rp.business_day AS rd,
                    (SELECT MIN(r.number) FROM receipt r WHERE r.payment_id = rp.id) AS rrn,
                    v.reason, ao.staff_no || ' ' || ao.name AS approver, rp.money_received_fen - rp.change_fen
                FROM payment_reversal v JOIN payment op ON op.id = v.original_payment_id
                JOIN payment rp ON rp.id = v.reversal_payment_id
                JOIN approval a ON a.id = v.approval_id JOIN operator ao ON ao.id = a.approved_by
                WHERE\s""" + where + " ORDER BY v.reversal_payment_id")
                .bind("t", tillId)
                .map((rs, ctx) -> new Link(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        io.counterdesk.receipt.IssuedReceipt.formatNumber(rs.getLong(4)), rs.getObject(5, LocalDate.class),
                        io.counterdesk.receipt.IssuedReceipt.formatNumber(rs.getLong(6)), rs.getString(7),
                        rs.getString(8), Money.ofFen(rs.getLong(9))))
                .list();
    }
}
