package io.counterdesk.account.status;

import io.counterdesk.account.MeterKind;
import io.counterdesk.account.AccountStatus;
import io.counterdesk.account.AccountKind;
import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.Money;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * SQL of suspension, restoration and closure (migration V10): the account's status and money, the
 * overdue non-residential accounts, the deposits paid on an account, its card writes, the status
 * history.
 */
public final class AccountStatusRepository {

    /** What a status change needs of the account, read under its row lock. */
    public record StatusRow(long id, String accountNo, AccountKind kind, MeterKind meterKind, AccountStatus status,
                            Money credit, String holderName) {
    }

    /** An active non-residential account with a bill due before the limit, and its oldest due date. */
    public record OverdueRow(long accountId, String accountNo, String holderName, String phone, String address,
                             LocalDate oldestDue) {
    }

    /** A fee item of the catalogue, as closure names its refund lines. */
    public record FeeItemRow(String code, String name) {
    }

    /** The account's row, locked until the transaction ends. */
    public Optional<StatusRow> lock(Tx tx, long accountId) {
        return row(tx, accountId, " FOR UPDATE");
    }

    /** As {@link #lock} without the lock, for previews. */
    public Optional<StatusRow> read(Tx tx, long accountId) {
        return row(tx, accountId, "");
    }

    private static Optional<StatusRow> row(Tx tx, long accountId, String lock) {
        return tx.handle().createQuery("""
                SELECT id, account_no, kind, meter_kind, status, credit_fen, holder_name FROM account
                WHERE id = :id""" + lock)
                .bind("id", accountId)
                .map((rs, ctx) -> new StatusRow(rs.getLong("id"), rs.getString("account_no"),
                        AccountKind.valueOf(rs.getString("kind")), MeterKind.valueOf(rs.getString("meter_kind")),
                        AccountStatus.valueOf(rs.getString("status")), Money.ofFen(rs.getLong("credit_fen")),
                        rs.getString("holder_name")))
                .findOne();
    }

    /** Active non-residential accounts with an unpaid bill due before {@code dueBefore}, most overdue first. */
    public List<OverdueRow> overdueNonResidential(Tx tx, LocalDate dueBefore) {
        return tx.handle().createQuery("""
                SELECT a.id, a.account_no, a.holder_name, a.holder_phone, a.address_text, MIN(b.due_date) AS oldest
                FROM account a JOIN bill b ON b.account_id = a.id
                WHERE a.kind = 'NON_RESIDENTIAL' AND a.status = 'ACTIVE' AND b.paid_fen < b.amount_fen
                    AND b.due_date < :limit
                GROUP BY a.id, a.account_no, a.holder_name, a.holder_phone, a.address_text
                ORDER BY oldest, a.account_no""")
                .bind("limit", Date.valueOf(dueBefore))
                .map((rs, ctx) -> new OverdueRow(rs.getLong("id"), rs.getString("account_no"),
                        rs.getString("holder_name"), rs.getString("holder_phone"), rs.getString("address_text"),
                        rs.getObject("oldest", LocalDate.class)))
                .list();
    }

    /** Moves the account from one status to another; false if it was no longer in {@code from}. */
    public boolean changeStatus(Tx tx, long accountId, AccountStatus from, AccountStatus to) {
        return tx.handle().createUpdate("""
                UPDATE account SET status = :to, version = version + 1 WHERE id = :id AND status = :from""")
                .bind("to", to.name()).bind("from", from.name()).bind("id", accountId).execute() == 1;
    }

    public long insertChange(Tx tx, long accountId, AccountStatus from, AccountStatus to, String reason,
                             long operatorId, Long approvalId, Long paymentId) {
        return tx.handle().createUpdate("""
                INSERT INTO account_status_change(account_id, from_status, to_status, reason, changed_at, changed_by,
                    approval_id, payment_id)
                VALUES (:account, :from, :to, :reason, :at, :by, :approval, :payment)""")
                .bind("account", accountId).bind("from", from.name()).bind("to", to.name()).bind("reason", reason)
                .bind("at", tx.now().atOffset(ZoneOffset.UTC)).bind("by", operatorId).bind("approval", approvalId)
                .bind("payment", paymentId)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The item that refunds a deposit (same deposit_of, another code). */
    public Optional<FeeItemRow> refundItem(Tx tx, String depositCode) {
        return tx.handle().createQuery("""
                SELECT code, name FROM fee_item WHERE deposit_of = :d AND code <> :d ORDER BY sort_order LIMIT 1""")
                .bind("d", depositCode)
                .map((rs, ctx) -> new FeeItemRow(rs.getString("code"), rs.getString("name"))).findOne();
    }

    public Optional<FeeItemRow> feeItem(Tx tx, String code) {
        return tx.handle().createQuery("SELECT code, name FROM fee_item WHERE code = :c").bind("c", code)
                .map((rs, ctx) -> new FeeItemRow(rs.getString("code"), rs.getString("name"))).findOne();
    }

    /** Purchase number of the account's oldest card write not yet confirmed from a card, or null. */
    public Integer openCardWrite(Tx tx, long accountId) {
        return tx.handle().createQuery("""
                SELECT MIN(purchase_no) FROM gas_purchase WHERE account_id = :id AND status IN ('PENDING', 'REVERSING')""")
                .bind("id", accountId).mapTo(Integer.class).findOne().orElse(null);
    }

    /** Purchase number of the account's last write confirmed on a card, 0 if none. */
    public int lastCompletedWrite(Tx tx, long accountId) {
        return tx.handle().createQuery("""
                SELECT COALESCE(MAX(purchase_no), 0) FROM gas_purchase WHERE account_id = :id AND status = 'COMPLETED'""")
                .bind("id", accountId).mapTo(Integer.class).one();
    }

    /** The highest purchase count read back from the account's cards with the gas loaded into the meter. */
    public int lastLoadedCount(Tx tx, long accountId) {
        return tx.handle().createQuery("""
                SELECT COALESCE(MAX(purchase_count), 0) FROM meter_card_read WHERE account_id = :id AND loaded""")
                .bind("id", accountId).mapTo(Integer.class).one();
    }

    /** Paid back at closure: the credit balance goes to zero (it must still be what was paid back), no deposit held. */
    public boolean clearBalances(Tx tx, long accountId, Money creditPaidBack) {
        return tx.handle().createUpdate("""
                UPDATE account SET credit_fen = 0, deposit_fen = 0, version = version + 1
                WHERE id = :id AND credit_fen = :credit""")
                .bind("id", accountId).bind("credit", creditPaidBack.fen()).execute() == 1;
    }

    /** Ends the current holder's period on {@code day} (closure). */
    public int endHolderPeriod(Tx tx, long accountId, LocalDate day) {
        return tx.handle().createUpdate("""
                UPDATE holder_period SET valid_to = :day WHERE account_id = :id AND valid_to IS NULL""")
                .bind("day", Date.valueOf(day)).bind("id", accountId).execute();
    }
}
