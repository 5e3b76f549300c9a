package io.counterdesk.payment;

import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Payments, their lines and tenders, bank slips, till postings, and the bill/account updates they make. */
public final class PaymentRepository {

    /** The account facts a payment needs, read with a row lock. */
    record AccountRow(long id, String accountNo, String kind, String meterKind, String status, Money credit,
                      Long voucherPaidToReading, String holderName) {
    }

    Optional<AccountRow> lockAccount(Tx tx, long accountId) {
        return account(tx, accountId, " FOR UPDATE");
    }

    /** As {@link #lockAccount} without the lock, for previews; refuses an unknown account. */
    AccountRow readAccount(Tx tx, long accountId) {
        return account(tx, accountId, "").orElseThrow(() -> new BusinessException("account.notFound"));
    }

    private static Optional<AccountRow> account(Tx tx, long accountId, String lock) {
        return tx.handle().createQuery("""
                SELECT id, account_no, kind, meter_kind, status, credit_fen, voucher_paid_to_reading, holder_name
                FROM account WHERE id = :id""" + lock)
                .bind("id", accountId)
                .map((rs, ctx) -> {
                    long paidTo = rs.getLong("voucher_paid_to_reading");
                    Long paidToReading = rs.wasNull() ? null : paidTo;
                    return new AccountRow(rs.getLong("id"), rs.getString("account_no"), rs.getString("kind"),
                            rs.getString("meter_kind"), rs.getString("status"), Money.ofFen(rs.getLong("credit_fen")),
                            paidToReading, rs.getString("holder_name"));
                }).findOne();
    }

    /** Average billed volume per month over the last 12 bills (0 without bills). */
    long monthlyAverageM3(Tx tx, long accountId) {
        List<Long> volumes = tx.handle().createQuery(
                        "SELECT volume_m3 FROM bill WHERE account_id = :a ORDER BY period DESC LIMIT 12")
                .bind("a", accountId).mapTo(Long.class).list();
        return volumes.isEmpty() ? 0 : volumes.stream().mapToLong(Long::longValue).sum() / volumes.size();
    }

    long latestReading(Tx tx, long accountId) {
        return tx.handle().createQuery("SELECT COALESCE(MAX(curr_reading), 0) FROM bill WHERE account_id = :a")
                .bind("a", accountId).mapTo(Long.class).one();
    }

    Optional<OffsetDateTime> bankSlipUsedAt(Tx tx, String slipNo) {
        return tx.handle().createQuery("SELECT used_at FROM bank_slip WHERE slip_no = :s").bind("s", slipNo)
                .mapTo(OffsetDateTime.class).findOne();
    }

    long insertPayment(Tx tx, long accountId, long tillId, long operatorId, LocalDate businessDay, PaymentPlan plan,
                       Money cashReceived, Money creditUsed) {
        return tx.handle().createUpdate("""
                INSERT INTO payment(account_id, till_id, operator_id, paid_at, business_day, total_due_fen,
                    cash_received_fen, money_received_fen, change_fen, credit_used_fen, credit_added_fen, voucher_m3,
                    voucher_value_fen, still_owed_fen, status)
                VALUES (:account, :till, :operator, :at, :day, :due, :cash, :money, :change, :creditUsed, :creditAdded,
                    :voucherM3, :voucherValue, :owed, 'COMPLETED')""")
                .bind("account", accountId).bind("till", tillId).bind("operator", operatorId)
                .bind("at", tx.now().atOffset(ZoneOffset.UTC)).bind("day", Date.valueOf(businessDay))
                .bind("due", plan.totalDue().fen()).bind("cash", cashReceived.fen())
                .bind("money", plan.moneyReceived().fen()).bind("change", plan.change().fen())
                .bind("creditUsed", creditUsed.fen()).bind("creditAdded", plan.creditAdded().fen())
                .bind("voucherM3", plan.voucherM3()).bind("voucherValue", plan.voucherValue().fen())
                .bind("owed", plan.stillOwed().fen())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void insertLines(Tx tx, long paymentId, List<PaymentPlan.Line> lines) {
        PreparedBatch batch = tx.handle().prepareBatch("""
                INSERT INTO payment_line(payment_id, line_no, kind, bill_id, label, amount_fen, volume_m3, fee_code)
                VALUES (:p, :n, :kind, :bill, :label, :amount, :volume, :code)""");
        int n = 1;
        for (PaymentPlan.Line line : lines) {
            batch.bind("p", paymentId).bind("n", n++).bind("kind", line.kind().name())
                    .bind("bill", line.billId() == 0 ? null : line.billId()).bind("label", line.label())
                    .bind("amount", line.amount().fen()).bind("volume", line.volumeM3())
                    .bind("code", line.feeCode()).add();
        }
        if (!lines.isEmpty()) {
            batch.execute();
        }
    }

    void insertTender(Tx tx, long paymentId, int tenderNo, TenderKind kind, Money amount, String reference,
                      VoucherBatch voucher) {
        tx.handle().createUpdate("""
                INSERT INTO payment_tender(payment_id, tender_no, kind, amount_fen, reference, voucher_count,
                    voucher_face_fen, voucher_valid_through)
                VALUES (:p, :n, :kind, :amount, :ref, :count, :face, :valid)""")
                .bind("p", paymentId).bind("n", tenderNo).bind("kind", kind.name()).bind("amount", amount.fen())
                .bind("ref", reference)
                .bind("count", voucher == null ? null : voucher.count())
                .bind("face", voucher == null ? null : voucher.faceValueEach().fen())
                .bind("valid", voucher == null ? null : Date.valueOf(voucher.validThrough()))
                .execute();
    }

    void useBankSlip(Tx tx, String slipNo, long paymentId) {
        tx.handle().createUpdate("INSERT INTO bank_slip(slip_no, payment_id, used_at) VALUES (:s, :p, :at)")
                .bind("s", slipNo).bind("p", paymentId).bind("at", tx.now().atOffset(ZoneOffset.UTC)).execute();
    }

    void post(Tx tx, long tillId, long paymentId, String kind, Money amount, String reference) {
        if (amount.isZero()) {
            return;
        }
        tx.handle().createUpdate("""
                INSERT INTO till_posting(till_id, payment_id, kind, amount_fen, reference, posted_at)
                VALUES (:till, :p, :kind, :amount, :ref, :at)""")
                .bind("till", tillId).bind("p", paymentId).bind("kind", kind).bind("amount", amount.fen())
                .bind("ref", reference).bind("at", tx.now().atOffset(ZoneOffset.UTC)).execute();
    }

    void payBill(Tx tx, long billId, Money principal, Money lateFee) {
        int updated = tx.handle().createUpdate("""
                UPDATE bill SET paid_fen = paid_fen + :p, late_fee_paid_fen = late_fee_paid_fen + :f
                WHERE id = :id AND paid_fen + :p <= amount_fen""")
                .bind("p", principal.fen()).bind("f", lateFee.fen()).bind("id", billId).execute();
        if (updated != 1) {
            throw new IllegalStateException("bill " + billId + " would be overpaid");
        }
    }

    void updateAccount(Tx tx, long accountId, Money creditDelta, Long voucherPaidToReading) {
        tx.handle().createUpdate("""
                UPDATE account SET credit_fen = credit_fen + :delta,
                    voucher_paid_to_reading = COALESCE(:paidTo, voucher_paid_to_reading), version = version + 1
                WHERE id = :id""")
                .bind("delta", creditDelta.fen()).bind("paidTo", voucherPaidToReading).bind("id", accountId).execute();
    }

    void insertWaiver(Tx tx, long billId, long paymentId, Money due, Money charged, long approvalId) {
        tx.handle().createUpdate("""
                INSERT INTO late_fee_waiver(bill_id, payment_id, due_fen, charged_fen, approval_id)
                VALUES (:b, :p, :due, :charged, :a)""")
                .bind("b", billId).bind("p", paymentId).bind("due", due.fen()).bind("charged", charged.fen())
                .bind("a", approvalId).execute();
    }

    public List<FeeItem> feeCatalogue(Tx tx) {
        return tx.handle().createQuery("SELECT code, name, price_fen FROM fee_item WHERE active ORDER BY sort_order")
                .map((rs, ctx) -> new FeeItem(rs.getString("code"), rs.getString("name"),
                        Money.ofFen(rs.getLong("price_fen"))))
                .list();
    }
}
