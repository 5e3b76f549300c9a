package io.counterdesk.payment;

import io.counterdesk.persistence.Sql;
import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Payments, their lines and tenders, bank slips, till postings, and the bill/account updates they make.
 * The payment path's statements: plain JDBC on cached statements ({@link Sql}, ADR 0010).
 */
public final class PaymentRepository {

    /** The account facts a payment needs, read with a row lock. */
    record AccountRow(long id, String accountNo, String kind, String meterKind, String status, Money credit,
                      Long voucherPaidToReading, String holderName) {
    }

    private static final String ACCOUNT = """
            SELECT id, account_no, kind, meter_kind, status, credit_fen, voucher_paid_to_reading, holder_name
            FROM account WHERE id = ?""";

    private static final Sql.Row<AccountRow> ACCOUNT_ROW = rs -> new AccountRow(rs.getLong("id"),
            rs.getString("account_no"), rs.getString("kind"), rs.getString("meter_kind"), rs.getString("status"),
            Money.ofFen(rs.getLong("credit_fen")), Sql.nullableLong(rs, "voucher_paid_to_reading"),
            rs.getString("holder_name"));

    Optional<AccountRow> lockAccount(Tx tx, long accountId) {
        return Sql.first(tx, ACCOUNT + " FOR UPDATE", ACCOUNT_ROW, accountId);
    }

    /** As {@link #lockAccount} without the lock, for previews; refuses an unknown account. */
    AccountRow readAccount(Tx tx, long accountId) {
        return Sql.first(tx, ACCOUNT, ACCOUNT_ROW, accountId).orElseThrow(() -> new BusinessException("account.notFound"));
    }

    /** Average billed volume per month over the last 12 bills (0 without bills). */
    long monthlyAverageM3(Tx tx, long accountId) {
        List<Long> volumes = Sql.list(tx, "SELECT volume_m3 FROM bill WHERE account_id = ? ORDER BY period DESC LIMIT 12",
                rs -> rs.getLong(1), accountId);
        return volumes.isEmpty() ? 0 : volumes.stream().mapToLong(Long::longValue).sum() / volumes.size();
    }

    long latestReading(Tx tx, long accountId) {
        return Sql.first(tx, "SELECT COALESCE(MAX(curr_reading), 0) FROM bill WHERE account_id = ?", rs -> rs.getLong(1),
                accountId).orElseThrow();
    }

    Optional<OffsetDateTime> bankSlipUsedAt(Tx tx, String slipNo) {
        return Sql.first(tx, "SELECT used_at FROM bank_slip WHERE UPPER(slip_no) = UPPER(?)",
                rs -> rs.getObject(1, OffsetDateTime.class), slipNo);
    }

    long insertPayment(Tx tx, long accountId, long tillId, long operatorId, LocalDate businessDay, PaymentPlan plan,
                       Money cashReceived, Money creditUsed) {
        return Sql.insert(tx, """
                INSERT INTO payment(account_id, till_id, operator_id, paid_at, business_day, total_due_fen,
                    cash_received_fen, money_received_fen, change_fen, credit_used_fen, credit_added_fen, voucher_m3,
                    voucher_value_fen, still_owed_fen, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'COMPLETED')""",
                accountId, tillId, operatorId, tx.now().atOffset(ZoneOffset.UTC), Date.valueOf(businessDay),
                plan.totalDue().fen(), cashReceived.fen(), plan.moneyReceived().fen(), plan.change().fen(),
                creditUsed.fen(), plan.creditAdded().fen(), plan.voucherM3(), plan.voucherValue().fen(),
                plan.stillOwed().fen());
    }

    /** One statement per line: a payment has a few, and H2's batch costs more than it saves for so few. */
    void insertLines(Tx tx, long paymentId, List<PaymentPlan.Line> lines) {
        int n = 1;
        for (PaymentPlan.Line line : lines) {
            Sql.update(tx, """
                    INSERT INTO payment_line(payment_id, line_no, kind, bill_id, label, amount_fen, volume_m3, fee_code)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", paymentId, n++, line.kind().name(),
                    line.billId() == 0 ? null : line.billId(), line.label(), line.amount().fen(), line.volumeM3(),
                    line.feeCode());
        }
    }

    void insertTender(Tx tx, long paymentId, int tenderNo, TenderKind kind, Money amount, String reference,
                      VoucherBatch voucher) {
        Sql.update(tx, """
                INSERT INTO payment_tender(payment_id, tender_no, kind, amount_fen, reference, voucher_count,
                    voucher_face_fen, voucher_valid_through)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                paymentId, tenderNo, kind.name(), amount.fen(), reference,
                voucher == null ? null : voucher.count(),
                voucher == null ? null : voucher.faceValueEach().fen(),
                voucher == null ? null : Date.valueOf(voucher.validThrough()));
    }

    void useBankSlip(Tx tx, String slipNo, long paymentId) {
        Sql.update(tx, "INSERT INTO bank_slip(slip_no, payment_id, used_at) VALUES (?, ?, ?)",
                slipNo, paymentId, tx.now().atOffset(ZoneOffset.UTC));
    }

    void post(Tx tx, long tillId, long paymentId, String kind, Money amount, String reference) {
        if (amount.isZero()) {
            return;
        }
        Sql.update(tx, """
                INSERT INTO till_posting(till_id, payment_id, kind, amount_fen, reference, posted_at)
                VALUES (?, ?, ?, ?, ?, ?)""",
                tillId, paymentId, kind, amount.fen(), reference, tx.now().atOffset(ZoneOffset.UTC));
    }

    void payBill(Tx tx, long billId, Money principal, Money lateFee) {
        int updated = Sql.update(tx, """
                UPDATE bill SET paid_fen = paid_fen + ?, late_fee_paid_fen = late_fee_paid_fen + ?
                WHERE id = ? AND paid_fen + ? <= amount_fen""",
                principal.fen(), lateFee.fen(), billId, principal.fen());
        if (updated != 1) {
            throw new IllegalStateException("bill " + billId + " would be overpaid");
        }
    }

    void updateAccount(Tx tx, long accountId, Money creditDelta, Long voucherPaidToReading) {
        Sql.update(tx, """
                UPDATE account SET credit_fen = credit_fen + ?,
                    voucher_paid_to_reading = COALESCE(?, voucher_paid_to_reading), version = version + 1
                WHERE id = ?""",
                creditDelta.fen(), voucherPaidToReading, accountId);
    }

    void insertWaiver(Tx tx, long billId, long paymentId, Money due, Money charged, long approvalId) {
        Sql.update(tx, """
                INSERT INTO late_fee_waiver(bill_id, payment_id, due_fen, charged_fen, approval_id)
                VALUES (?, ?, ?, ?, ?)""",
                billId, paymentId, due.fen(), charged.fen(), approvalId);
    }

    /** The deposit a refund item pays back (its {@code deposit_of}, not itself); empty for any other item. */
    Optional<String> depositOf(Tx tx, String refundCode) {
        return Sql.first(tx, "SELECT deposit_of FROM fee_item WHERE code = ? AND deposit_of IS NOT NULL AND deposit_of <> code",
                rs -> rs.getString("deposit_of"), refundCode);
    }

    public List<FeeItem> feeCatalogue(Tx tx) {
        return Sql.list(tx, "SELECT code, name, price_fen FROM fee_item WHERE active ORDER BY sort_order",
                rs -> new FeeItem(rs.getString("code"), rs.getString("name"), Money.ofFen(rs.getLong("price_fen"))));
    }

    /**
     * The fee lines of deposit items on the account's completed payments, oldest first: deposits
     * positive, their refunds negative. Lines are matched to the catalogue by the item's code, which
     * a fee line keeps (V11; older lines had their code filled in from their name). A deposit moved
     * to another account of the same holder (V13 {@code balance_move}) counts as a refund here on
     * the account it left and as a deposit on the account it joined.
     */
    public List<HeldDeposits.Line> depositLines(Tx tx, long accountId) {
        return tx.handle().createQuery("""
                SELECT deposit_of, amount_fen FROM (
                    SELECT f.deposit_of, l.amount_fen, p.paid_at AS at, 0 AS src, p.id AS seq, l.line_no AS n
                    FROM payment_line l
                    JOIN payment p ON p.id = l.payment_id
                    JOIN fee_item f ON f.code = l.fee_code AND f.deposit_of IS NOT NULL
                    WHERE p.account_id = :id AND p.status = 'COMPLETED' AND l.kind = 'FEE_ITEM'
                    UNION ALL
                    SELECT m.deposit_code, CASE WHEN m.from_account_id = :id THEN -m.amount_fen ELSE m.amount_fen END,
                        m.moved_at, 1, m.id, 0
                    FROM balance_move m
                    WHERE m.kind = 'DEPOSIT' AND (m.from_account_id = :id OR m.to_account_id = :id)
                ) lines ORDER BY at, src, seq, n""")
                .bind("id", accountId)
                .map((rs, ctx) -> new HeldDeposits.Line(rs.getString("deposit_of"),
                        Money.ofFen(rs.getLong("amount_fen"))))
                .list();
    }
}
