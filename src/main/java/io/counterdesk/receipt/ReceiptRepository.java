package io.counterdesk.receipt;

import io.counterdesk.persistence.Sql;
import io.counterdesk.persistence.Tx;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** Receipt stock ranges, handovers and issued receipts; the issuing path on plain JDBC ({@link Sql}, ADR 0010). */
public final class ReceiptRepository {

    private static final Sql.Row<StockRange> RANGE_ROW = rs -> new StockRange(rs.getLong("id"),
            ReceiptKind.valueOf(rs.getString("kind")), rs.getLong("holder_id"), rs.getLong("first_no"),
            rs.getLong("last_no"), rs.getLong("next_no"), rs.getObject("registered_at", OffsetDateTime.class).toInstant(),
            rs.getLong("registered_by"), rs.getString("status"));

    private static final RowMapper<StockRange> RANGE = (rs, ctx) -> RANGE_ROW.read(rs);

    private static final RowMapper<IssuedReceipt> RECEIPT = (rs, ctx) -> new IssuedReceipt(rs.getLong("id"),
            ReceiptKind.valueOf(rs.getString("kind")), rs.getLong("number"), rs.getLong("payment_id"),
            ReceiptPart.valueOf(rs.getString("part")), rs.getLong("issued_by"),
            rs.getObject("issued_at", OffsetDateTime.class).toInstant(), "VOIDED".equals(rs.getString("status")),
            rs.getString("void_reason"), rs.getInt("reprints"), rs.getBoolean("printed"), rs.getString("mac"));

    /** Ranges of this kind whose numbers overlap [first, last], of any holder and status. */
    /** Serialises the registrations of one kind until the transaction ends (V23). */
    void lockKind(Tx tx, ReceiptKind kind) {
        tx.handle().createQuery("SELECT kind FROM receipt_stock_lock WHERE kind = :kind FOR UPDATE")
                .bind("kind", kind.name()).mapTo(String.class).one();
    }

    List<StockRange> overlapping(Tx tx, ReceiptKind kind, long first, long last) {
        return tx.handle().createQuery("""
                SELECT * FROM receipt_stock WHERE kind = :kind AND first_no <= :last AND last_no >= :first""")
                .bind("kind", kind.name()).bind("first", first).bind("last", last).map(RANGE).list();
    }

    long insertRange(Tx tx, ReceiptKind kind, long holderId, long first, long last, long next, long registeredBy) {
        return tx.handle().createUpdate("""
                INSERT INTO receipt_stock(kind, holder_id, first_no, last_no, next_no, registered_at, registered_by, status)
                VALUES (:kind, :holder, :first, :last, :next, :at, :by, 'ACTIVE')""")
                .bind("kind", kind.name()).bind("holder", holderId).bind("first", first).bind("last", last)
                .bind("next", next).bind("at", tx.now().atOffset(ZoneOffset.UTC)).bind("by", registeredBy)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The holder's active range of this kind with numbers left, oldest first, locked for update. */
    Optional<StockRange> lockCurrentRange(Tx tx, long holderId, ReceiptKind kind) {
        return Sql.first(tx, """
                SELECT * FROM receipt_stock WHERE holder_id = ? AND kind = ? AND status = 'ACTIVE'
                ORDER BY first_no LIMIT 1 FOR UPDATE""", RANGE_ROW, holderId, kind.name());
    }

    Optional<StockRange> lockRange(Tx tx, long rangeId) {
        return tx.handle().createQuery("SELECT * FROM receipt_stock WHERE id = :id FOR UPDATE")
                .bind("id", rangeId).map(RANGE).findOne();
    }

    void advance(Tx tx, long rangeId, long nextNo, boolean exhausted) {
        Sql.update(tx, """
                UPDATE receipt_stock SET next_no = ?, status = CASE WHEN ? THEN 'EXHAUSTED' ELSE status END,
                closed_at = CASE WHEN ? THEN ? ELSE closed_at END WHERE id = ?""",
                nextNo, exhausted, exhausted, tx.now().atOffset(ZoneOffset.UTC), rangeId);
    }

    /** Ends a range at {@code lastNo} (handover or return of the unused tail). */
    void close(Tx tx, long rangeId, long lastNo, String status) {
        tx.handle().createUpdate("""
                UPDATE receipt_stock SET last_no = :last, next_no = :next, status = :status, closed_at = :at WHERE id = :id""")
                .bind("last", lastNo).bind("next", lastNo + 1).bind("status", status)
                .bind("at", tx.now().atOffset(ZoneOffset.UTC)).bind("id", rangeId).execute();
    }

    void insertHandover(Tx tx, long fromStock, long toStock, long fromOperator, long toOperator, long first, long last) {
        tx.handle().createUpdate("""
                INSERT INTO receipt_stock_handover(from_stock_id, to_stock_id, from_operator, to_operator, first_no, last_no,
                    handed_at) VALUES (:fs, :ts, :fo, :to, :first, :last, :at)""")
                .bind("fs", fromStock).bind("ts", toStock).bind("fo", fromOperator).bind("to", toOperator)
                .bind("first", first).bind("last", last).bind("at", tx.now().atOffset(ZoneOffset.UTC)).execute();
    }

    public List<StockRange> rangesOf(Tx tx, long holderId) {
        return tx.handle().createQuery("SELECT * FROM receipt_stock WHERE holder_id = :h ORDER BY kind, first_no")
                .bind("h", holderId).map(RANGE).list();
    }

    public List<StockRange> allRanges(Tx tx) {
        return tx.handle().createQuery("SELECT * FROM receipt_stock ORDER BY kind, first_no").map(RANGE).list();
    }

    long insertReceipt(Tx tx, ReceiptKind kind, long number, long stockId, long paymentId, ReceiptPart part,
                       long issuedBy, String mac) {
        return Sql.insert(tx, """
                INSERT INTO receipt(kind, number, stock_id, payment_id, part, issued_by, issued_at, status, mac)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'ISSUED', ?)""",
                kind.name(), number, stockId, paymentId, part.name(), issuedBy, tx.now().atOffset(ZoneOffset.UTC), mac);
    }

    public Optional<IssuedReceipt> findReceipt(Tx tx, ReceiptKind kind, long number) {
        return tx.handle().createQuery("SELECT * FROM receipt WHERE kind = :k AND number = :n")
                .bind("k", kind.name()).bind("n", number).map(RECEIPT).findOne();
    }

    public Optional<IssuedReceipt> findReceipt(Tx tx, long id) {
        return tx.handle().createQuery("SELECT * FROM receipt WHERE id = :id").bind("id", id).map(RECEIPT).findOne();
    }

    public List<IssuedReceipt> receiptsOfPayment(Tx tx, long paymentId) {
        return tx.handle().createQuery("SELECT * FROM receipt WHERE payment_id = :p ORDER BY id")
                .bind("p", paymentId).map(RECEIPT).list();
    }

    /** Receipts numbered inside a range, in number order. */
    public List<IssuedReceipt> receiptsInRange(Tx tx, ReceiptKind kind, long first, long last) {
        return tx.handle().createQuery("SELECT * FROM receipt WHERE kind = :k AND number BETWEEN :f AND :l ORDER BY number")
                .bind("k", kind.name()).bind("f", first).bind("l", last).map(RECEIPT).list();
    }

    /** Receipts the cashier was given that have not come out of the printer yet, oldest first. */
    public List<IssuedReceipt> unprinted(Tx tx, long cashierId) {
        return tx.handle().createQuery("""
                SELECT * FROM receipt WHERE issued_by = :c AND printed = FALSE AND status = 'ISSUED' ORDER BY id""")
                .bind("c", cashierId).map(RECEIPT).list();
    }

    void markVoided(Tx tx, long receiptId, String reason, long approvalId, String voidMac, Long replacedBy) {
        tx.handle().createUpdate("""
                UPDATE receipt SET status = 'VOIDED', void_reason = :r, void_approval = :a, void_mac = :m,
                    replaced_by = :by WHERE id = :id""")
                .bind("r", reason).bind("a", approvalId).bind("m", voidMac).bind("by", replacedBy).bind("id", receiptId)
                .execute();
    }

    /** The seal a void put on the receipt (V26), or empty when it is not voided (or was voided before V26). */
    Optional<String> voidMac(Tx tx, long receiptId) {
        return tx.handle().createQuery("SELECT void_mac FROM receipt WHERE id = :id").bind("id", receiptId)
                .mapTo(String.class).findOne();
    }

    void markPrinted(Tx tx, long receiptId, boolean reprint) {
        tx.handle().createUpdate("UPDATE receipt SET printed = TRUE, reprints = reprints + :n WHERE id = :id")
                .bind("n", reprint ? 1 : 0).bind("id", receiptId).execute();
    }

    private static final RowMapper<ReversalFacts> REVERSAL = (rs, ctx) -> new ReversalFacts(rs.getLong(1),
            rs.getObject(2, java.time.LocalDate.class), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
            rs.getLong(7));

    /** What a reversal receipt prints of the payment it reverses. */
    record ReversalFacts(long originalNumber, java.time.LocalDate originalDay, String reason, String approver,
                         long cashBackFen, long creditUsedFen, long creditAddedFen) {
    }

    /**
     * The reversal facts of a payment that reverses another: a bill payment's 冲正, or an IC-card
     * purchase reversed or refunded (its money paid back); empty for any other payment.
     */
    Optional<ReversalFacts> reversalFacts(Tx tx, long paymentId) {
        return tx.handle().createQuery("""
                SELECT (SELECT MIN(r.number) FROM receipt r WHERE r.payment_id = v.original_payment_id),
                    op.business_day, v.reason, ao.staff_no, p.change_fen, p.credit_used_fen, p.credit_added_fen
                FROM payment_reversal v JOIN payment op ON op.id = v.original_payment_id
                JOIN payment p ON p.id = v.reversal_payment_id
                JOIN approval a ON a.id = v.approval_id JOIN operator ao ON ao.id = a.approved_by
                WHERE v.reversal_payment_id = :p
                UNION ALL
                SELECT (SELECT MIN(r.number) FROM receipt r WHERE r.payment_id = g.payment_id),
                    op.business_day, a.reason, ao.staff_no, p.change_fen, p.credit_used_fen, p.credit_added_fen
                FROM gas_purchase g JOIN payment op ON op.id = g.payment_id
                JOIN payment p ON p.id = g.refund_payment_id
                JOIN approval a ON a.id = g.refund_approval_id JOIN operator ao ON ao.id = a.approved_by
                WHERE g.refund_payment_id = :p""")
                .bind("p", paymentId)
                .map(REVERSAL)
                .findFirst();
    }

    /** The IC card and purchase count of a gas purchase's payment, or of the payment that paid it back. */
    Optional<ReceiptContent.Card> cardFacts(Tx tx, long paymentId) {
        return tx.handle().createQuery("""
                SELECT card_serial, purchase_no FROM gas_purchase WHERE payment_id = :p OR refund_payment_id = :p
                ORDER BY id FETCH FIRST 1 ROW ONLY""")
                .bind("p", paymentId)
                .map((rs, ctx) -> new ReceiptContent.Card(rs.getString(1), rs.getInt(2)))
                .findOne();
    }

    /** Whether the payment was taken back: reversed (冲正), or an IC-card purchase reversed or refunded. */
    boolean reversed(Tx tx, long paymentId) {
        return tx.handle().createQuery("""
                SELECT (SELECT COUNT(*) FROM payment_reversal WHERE original_payment_id = :p)
                    + (SELECT COUNT(*) FROM gas_purchase WHERE payment_id = :p AND refund_payment_id IS NOT NULL)""")
                .bind("p", paymentId).mapTo(Long.class).one() > 0;
    }

    /** The payment, account, operator and terminal facts a receipt prints. */
    record PaymentFacts(long paymentId, String accountNo, String holderName, String address, String staffNo,
                        long changeFen, long creditAddedFen, long stillOwedFen, long voucherM3) {
    }

    /** One allocation line of a payment. */
    record LineRow(String kind, String label, long amountFen, long volumeM3) {
    }

    /** One tender of a payment. */
    record TenderRow(String kind, long amountFen, String reference, Integer voucherCount) {
    }

    /**
     * The payment's facts; the holder is the one the account had when it was paid (V15's holder periods),
     * for a reversal (冲正) the original payment's: the money goes back to who paid it, a transfer between.
     */
    PaymentFacts paymentFacts(Tx tx, long paymentId) {
        return tx.handle().createQuery("""
                SELECT p.id, a.account_no, COALESCE((SELECT h.name FROM holder_period h WHERE h.account_id = a.id
                        AND h.after_payment_id < COALESCE((SELECT v.original_payment_id FROM payment_reversal v
                            WHERE v.reversal_payment_id = p.id), p.id)
                        ORDER BY h.id DESC FETCH FIRST 1 ROW ONLY), a.holder_name)
                    AS holder_name, a.address_text, o.staff_no, p.change_fen, p.credit_added_fen,
                    p.still_owed_fen, p.voucher_m3
                FROM payment p JOIN account a ON a.id = p.account_id JOIN operator o ON o.id = p.operator_id
                WHERE p.id = :p""")
                .bind("p", paymentId)
                .map((rs, ctx) -> new PaymentFacts(rs.getLong("id"), rs.getString("account_no"),
                        rs.getString("holder_name"), rs.getString("address_text"), rs.getString("staff_no"),
                        rs.getLong("change_fen"), rs.getLong("credit_added_fen"), rs.getLong("still_owed_fen"),
                        rs.getLong("voucher_m3")))
                .one();
    }

    List<LineRow> lines(Tx tx, long paymentId) {
        return tx.handle().createQuery(
                        "SELECT kind, label, amount_fen, volume_m3 FROM payment_line WHERE payment_id = :p ORDER BY line_no")
                .bind("p", paymentId)
                .map((rs, ctx) -> new LineRow(rs.getString("kind"), rs.getString("label"), rs.getLong("amount_fen"),
                        rs.getLong("volume_m3")))
                .list();
    }

    List<TenderRow> tenders(Tx tx, long paymentId) {
        return tx.handle().createQuery(
                        "SELECT kind, amount_fen, reference, voucher_count FROM payment_tender WHERE payment_id = :p ORDER BY tender_no")
                .bind("p", paymentId)
                .map((rs, ctx) -> {
                    int count = rs.getInt("voucher_count");
                    Integer voucherCount = rs.wasNull() ? null : count;
                    return new TenderRow(rs.getString("kind"), rs.getLong("amount_fen"), rs.getString("reference"),
                            voucherCount);
                })
                .list();
    }
}
