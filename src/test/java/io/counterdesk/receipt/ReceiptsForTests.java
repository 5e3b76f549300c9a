package io.counterdesk.receipt;

import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.persistence.Tx;
import io.counterdesk.security.Operator;

/**
 * Issues receipts on a {@link TestDatabase} the way a payment does (the real {@link ReceiptIssuer}
 * on the cashier's stock), each for a small payment row of its own: a receipt needs a payment to
 * belong to, and a stock test need not go through the payment service.
 */
public final class ReceiptsForTests {

    private final TestDatabase db;
    private final ReceiptIssuer issuer;

    public ReceiptsForTests(TestDatabase db) {
        this.db = db;
        this.issuer = new ReceiptIssuer(db.terminal());
    }

    /** The next number of the cashier's stock of {@code kind}, for a ¥20.00 payment. */
    public IssuedReceipt issue(Operator cashier, ReceiptKind kind) {
        return db.database().inTransaction(tx -> issueIn(tx, cashier, kind));
    }

    /** As {@link #issue}, inside the caller's transaction. */
    public IssuedReceipt issueIn(Tx tx, Operator cashier, ReceiptKind kind) {
        return issuer.issue(tx, cashier.id(), kind, dummyPayment(tx, cashier), ReceiptPart.WHOLE, "3300000001", 2_000);
    }

    private long dummyPayment(Tx tx, Operator cashier) {
        long account = tx.handle().createQuery("SELECT COUNT(*) FROM account").mapTo(Long.class).one() == 0
                ? tx.handle().createUpdate("""
                        INSERT INTO account(account_no, kind, meter_kind, meter_no, district, street, community, building,
                            unit, room, address_text, holder_name, holder_id_type, holder_id_number, holder_phone, status,
                            opened_on) VALUES ('3300000001', 'RESIDENTIAL', 'ORDINARY', 'M1', '西湖区', '文三路', '幸福小区',
                            '1', '1', '101', '西湖区文三路幸福小区1幢1单元101室', '王建国', 'RESIDENT_ID',
                            '11010519491231002X', '13812345678', 'ACTIVE', DATE '2020-01-01')""")
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()
                : tx.handle().createQuery("SELECT MIN(id) FROM account").mapTo(Long.class).one();
        long till = tx.handle().createQuery("SELECT COUNT(*) FROM till_session WHERE operator_id = :o")
                .bind("o", cashier.id()).mapTo(Long.class).one() == 0
                ? tx.handle().createUpdate("""
                        INSERT INTO till_session(terminal_id, operator_id, business_day, opened_at, float_fen, status, open_key)
                        VALUES (:t, :o, DATE '2025-03-10', CURRENT_TIMESTAMP, 0, 'OPEN', :k)""")
                        .bind("t", db.terminal().terminalId()).bind("o", cashier.id())
                        .bind("k", cashier.id() + "@" + db.terminal().terminalId())
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()
                : tx.handle().createQuery("SELECT MIN(id) FROM till_session WHERE operator_id = :o")
                        .bind("o", cashier.id()).mapTo(Long.class).one();
        return tx.handle().createUpdate("""
                INSERT INTO payment(account_id, till_id, operator_id, paid_at, business_day, total_due_fen,
                    cash_received_fen, money_received_fen, change_fen, credit_used_fen, credit_added_fen, voucher_m3,
                    voucher_value_fen, still_owed_fen, status)
                VALUES (:a, :t, :o, CURRENT_TIMESTAMP, DATE '2025-03-10', 2000, 2000, 2000, 0, 0, 0, 0, 0, 0, 'COMPLETED')""")
                .bind("a", account).bind("t", till).bind("o", cashier.id())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }
}
