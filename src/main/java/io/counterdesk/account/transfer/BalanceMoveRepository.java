package io.counterdesk.account.transfer;

import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.Money;
import java.time.ZoneOffset;

/** Credit balances and deposits moved between accounts of one holder (V13 {@code balance_move}). */
public final class BalanceMoveRepository {

    /** Takes {@code amount} off the account's credit; false when it holds less (nothing changed). */
    public boolean takeCredit(Tx tx, long accountId, Money amount) {
        return tx.handle().createUpdate("""
                UPDATE account SET credit_fen = credit_fen - :a, version = version + 1
                WHERE id = :id AND credit_fen >= :a""")
                .bind("a", amount.fen()).bind("id", accountId).execute() == 1;
    }

    public void addCredit(Tx tx, long accountId, Money amount) {
        tx.handle().createUpdate("UPDATE account SET credit_fen = credit_fen + :a, version = version + 1 WHERE id = :id")
                .bind("a", amount.fen()).bind("id", accountId).execute();
    }

    /** The account's deposit column follows the deposit moved (never below zero). */
    public void moveDepositColumn(Tx tx, long fromId, long toId, Money amount) {
        tx.handle().createUpdate("""
                UPDATE account SET deposit_fen = GREATEST(deposit_fen - :a, 0), version = version + 1 WHERE id = :id""")
                .bind("a", amount.fen()).bind("id", fromId).execute();
        tx.handle().createUpdate("UPDATE account SET deposit_fen = deposit_fen + :a, version = version + 1 WHERE id = :id")
                .bind("a", amount.fen()).bind("id", toId).execute();
    }

    /** @param depositCode null for a credit balance */
    public long insert(Tx tx, long fromId, long toId, String depositCode, Money amount, String reason,
                       long approvalId, long operatorId) {
        return tx.handle().createUpdate("""
                INSERT INTO balance_move(from_account_id, to_account_id, kind, deposit_code, amount_fen, reason,
                    approval_id, moved_at, moved_by)
                VALUES (:f, :t, :k, :d, :a, :r, :ap, :at, :op)""")
                .bind("f", fromId).bind("t", toId).bind("k", depositCode == null ? "CREDIT" : "DEPOSIT")
                .bind("d", depositCode).bind("a", amount.fen()).bind("r", reason).bind("ap", approvalId)
                .bind("at", tx.now().atOffset(ZoneOffset.UTC)).bind("op", operatorId)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Locks both accounts' rows, lower id first (two moves the other way round cannot deadlock). */
    public void lockBoth(Tx tx, long a, long b) {
        for (long id : new long[] {Math.min(a, b), Math.max(a, b)}) {
            tx.handle().createQuery("SELECT id FROM account WHERE id = :a FOR UPDATE").bind("a", id)
                    .mapTo(Long.class).findOne();
        }
    }
}
