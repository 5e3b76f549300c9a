package io.counterdesk.account.transfer;

import io.counterdesk.account.Holder;
import io.counterdesk.persistence.Tx;
import java.sql.Date;
import java.time.LocalDate;

/** The holder columns of an account and its holder periods, as a transfer (过户) changes them. */
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
    public void insertPeriod(Tx tx, long accountId, Holder holder, LocalDate from) {
        tx.handle().createUpdate("""
                INSERT INTO holder_period(account_id, name, id_type, id_number, phone, valid_from, reason,
                    after_payment_id)
                VALUES (:a, :name, :type, :number, :phone, :from, 'TRANSFER',
                    (SELECT COALESCE(MAX(id), 0) FROM payment WHERE account_id = :a))""")
                .bind("a", accountId).bind("name", holder.name()).bind("type", holder.idType().name())
                .bind("number", holder.idNumber()).bind("phone", holder.phone()).bind("from", Date.valueOf(from))
                .execute();
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
