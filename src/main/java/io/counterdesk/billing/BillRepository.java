package io.counterdesk.billing;

import io.counterdesk.persistence.Sql;
import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.Money;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Post-paid bills. */
public final class BillRepository {

    private static final Sql.Row<Bill> BILL_ROW = rs -> new Bill(
            rs.getLong("id"), rs.getLong("account_id"), YearMonth.parse(rs.getString("period")),
            rs.getLong("prev_reading"), rs.getLong("curr_reading"), rs.getLong("volume_m3"),
            Money.ofFen(rs.getLong("amount_fen")), rs.getObject("due_date", LocalDate.class),
            Money.ofFen(rs.getLong("paid_fen")));

    /** A bill to insert: readings, volume, amount and due date. */
    public record NewBill(long accountId, YearMonth period, long previousReading, long currentReading, long volumeM3,
                          Money amount, LocalDate dueDate, Money paid) {
    }

    public void insertAll(Tx tx, List<NewBill> bills) {
        PreparedBatch batch = tx.handle().prepareBatch("""
                INSERT INTO bill(account_id, period, prev_reading, curr_reading, volume_m3, amount_fen, due_date, paid_fen)
                VALUES (:account, :period, :prev, :curr, :volume, :amount, :due, :paid)""");
        for (NewBill b : bills) {
            batch.bind("account", b.accountId()).bind("period", b.period().toString())
                    .bind("prev", b.previousReading()).bind("curr", b.currentReading()).bind("volume", b.volumeM3())
                    .bind("amount", b.amount().fen()).bind("due", Date.valueOf(b.dueDate()))
                    .bind("paid", b.paid().fen()).add();
        }
        if (!bills.isEmpty()) {
            batch.execute();
        }
    }

    /** All bills of an account, newest period first. */
    public List<Bill> forAccount(Tx tx, long accountId) {
        return Sql.list(tx, "SELECT * FROM bill WHERE account_id = ? ORDER BY period DESC", BILL_ROW, accountId);
    }

    /** An unpaid bill with what late fees depend on: a dunning notice month and late fee already paid. */
    public record OpenBill(Bill bill, YearMonth noticeMonth, Money lateFeePaid) {
    }

    /** Unpaid bills of an account, oldest first, with their late-fee state. */
    public List<OpenBill> unpaidWithLateFeeState(Tx tx, long accountId) {
        return Sql.list(tx, "SELECT * FROM bill WHERE account_id = ? AND paid_fen < amount_fen ORDER BY period", rs -> {
            String notice = rs.getString("notice_month");
            return new OpenBill(BILL_ROW.read(rs), notice == null ? null : YearMonth.parse(notice),
                    Money.ofFen(rs.getLong("late_fee_paid_fen")));
        }, accountId);
    }

    /** The kind of an account, which decides its late-fee rule. */
    public io.counterdesk.account.AccountKind accountKind(Tx tx, long accountId) {
        return io.counterdesk.account.AccountKind.valueOf(tx.handle()
                .createQuery("SELECT kind FROM account WHERE id = :id").bind("id", accountId).mapTo(String.class).one());
    }

    /** Unpaid bills of an account, oldest first (the order payments are allocated in). */
    public List<Bill> unpaid(Tx tx, long accountId) {
        return unpaidWithLateFeeState(tx, accountId).stream().map(OpenBill::bill).toList();
    }
}
