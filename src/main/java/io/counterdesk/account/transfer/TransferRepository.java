package io.counterdesk.account.transfer;

import io.counterdesk.account.Holder;
import io.counterdesk.account.IdType;
import io.counterdesk.account.opening.Document;
import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.Money;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** What a transfer (过户) writes: the account's holder columns, its holder periods and the transfer's own row. */
public final class TransferRepository {

    /** Ends the current holder period on {@code day} (the day before the new one starts is not used: same day). */
    public int endCurrentPeriod(Tx tx, long accountId, LocalDate day) {
        return tx.handle().createUpdate("UPDATE holder_period SET valid_to = :d WHERE account_id = :a AND valid_to IS NULL")
                .bind("a", accountId).bind("d", Date.valueOf(day)).execute();
    }

    /**
     * Starts the new holder's period after the account's payments so far (the arrears just collected
     * included): those stay the old holder's on every receipt printed from them.
     */
    public long insertPeriod(Tx tx, long accountId, Holder holder, LocalDate from) {
        return tx.handle().createUpdate("""
                INSERT INTO holder_period(account_id, name, id_type, id_number, phone, valid_from, reason,
                    after_payment_id)
                VALUES (:a, :name, :type, :number, :phone, :from, 'TRANSFER',
                    (SELECT COALESCE(MAX(id), 0) FROM payment WHERE account_id = :a))""")
                .bind("a", accountId).bind("name", holder.name()).bind("type", holder.idType().name())
                .bind("number", holder.idNumber()).bind("phone", holder.phone()).bind("from", Date.valueOf(from))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The account's current holder period (the one a transfer ends). */
    public long currentPeriodId(Tx tx, long accountId) {
        return tx.handle().createQuery("SELECT id FROM holder_period WHERE account_id = :a AND valid_to IS NULL")
                .bind("a", accountId).mapTo(Long.class).one();
    }

    /** The transfer's row, for its business confirmation. */
    public long insertTransfer(Tx tx, long accountId, long oldPeriodId, long newPeriodId, TransferApplication app,
                               Long paymentId, long operatorId) {
        return tx.handle().createUpdate("""
                INSERT INTO account_transfer(account_id, old_period_id, new_period_id, proxy_name, proxy_id, documents,
                    payment_id, transferred_by, transferred_at)
                VALUES (:a, :old, :new, :proxyName, :proxyId, :documents, :payment, :by, :at)""")
                .bind("a", accountId).bind("old", oldPeriodId).bind("new", newPeriodId)
                .bind("proxyName", app.proxy() == null ? null : app.proxy().name())
                .bind("proxyId", app.proxy() == null ? null : app.proxy().idNumber())
                .bind("documents", Document.stored(app.ticked())).bind("payment", paymentId).bind("by", operatorId)
                .bind("at", tx.now().atOffset(ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** A transfer's row with both holders, the arrears paid and who did it. */
    public Optional<Row> find(Tx tx, long transferId) {
        return tx.handle().createQuery("""
                SELECT t.*, a.account_no, a.address_text, o.staff_no, COALESCE(p.total_due_fen, 0) AS arrears_fen,
                    h0.name AS old_name, h0.id_type AS old_type, h0.id_number AS old_number, h0.phone AS old_phone,
                    h1.name AS new_name, h1.id_type AS new_type, h1.id_number AS new_number, h1.phone AS new_phone
                FROM account_transfer t JOIN account a ON a.id = t.account_id
                    JOIN operator o ON o.id = t.transferred_by
                    JOIN holder_period h0 ON h0.id = t.old_period_id JOIN holder_period h1 ON h1.id = t.new_period_id
                    LEFT JOIN payment p ON p.id = t.payment_id
                WHERE t.id = :id""")
                .bind("id", transferId)
                .map((rs, ctx) -> {
                    long payment = rs.getLong("payment_id");
                    Long paymentId = rs.wasNull() ? null : payment;
                    return new Row(rs.getLong("id"), rs.getString("account_no"), rs.getString("address_text"),
                            new Holder(rs.getString("old_name"), IdType.valueOf(rs.getString("old_type")),
                                    rs.getString("old_number"), rs.getString("old_phone")),
                            new Holder(rs.getString("new_name"), IdType.valueOf(rs.getString("new_type")),
                                    rs.getString("new_number"), rs.getString("new_phone")),
                            rs.getString("proxy_name"), rs.getString("proxy_id"),
                            Document.fromStored(rs.getString("documents")), paymentId,
                            Money.ofFen(rs.getLong("arrears_fen")), rs.getString("staff_no"),
                            rs.getObject("transferred_at", OffsetDateTime.class).toInstant(), rs.getInt("print_count"));
                })
                .findOne();
    }

    /** A transfer as stored. */
    public record Row(long id, String accountNo, String address, Holder oldHolder, Holder newHolder, String proxyName,
                      String proxyId, List<Document> documents, Long paymentId, Money arrears, String staffNo,
                      Instant transferredAt, int printCount) {
    }

    public void markPrinted(Tx tx, long transferId) {
        tx.handle().createUpdate(
                        "UPDATE account_transfer SET print_count = print_count + 1, printed_at = :at WHERE id = :id")
                .bind("id", transferId).bind("at", tx.now().atOffset(ZoneOffset.UTC)).execute();
    }

    /** Puts the new holder on the account row, checking nobody changed the account meanwhile. */
    public boolean setHolder(Tx tx, long accountId, Holder holder) {
        return tx.handle().createUpdate("""
                UPDATE account SET holder_name = :name, holder_id_type = :type, holder_id_number = :number,
                    holder_phone = :phone, version = version + 1
                WHERE id = :a""")
                .bind("a", accountId).bind("name", holder.name()).bind("type", holder.idType().name())
                .bind("number", holder.idNumber()).bind("phone", holder.phone()).execute() == 1;
    }

    /** Locks the account row for the transfer's transaction. */
    public void lock(Tx tx, long accountId) {
        tx.handle().createQuery("SELECT id FROM account WHERE id = :a FOR UPDATE").bind("a", accountId)
                .mapTo(Long.class).findOne();
    }
}
