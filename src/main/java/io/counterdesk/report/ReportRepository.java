package io.counterdesk.report;

import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.Money;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** What the day's reports read: sessions, payment lines, tenders, receipts, reprints, sign-off. */
public final class ReportRepository {

    /** A till session with its cashier. */
    record Till(long id, LocalDate businessDay, Instant openedAt, Instant closedAt, String status, long operatorId,
                String staffNo, String name, Money openingFloat) {
    }

    /** A payment line of the till, with its payment. */
    record Line(long paymentId, String kind, String label, Money amount, long volumeM3) {
    }

    /** A tender of one of the till's payments. */
    record Tender(long paymentId, String kind, Money amount, int voucherCount) {
    }

    /** A receipt of one of the till's payments. */
    record Receipt(long id, String kind, long number, String status, String voidReason, String approvedBy,
                   Money amount) {
    }

    /** The hall's sign-off of a day. */
    record SignOff(String signedBy, Instant signedAt) {
    }

    List<Till> tillsOf(Tx tx, LocalDate day) {
        return tx.handle().createQuery(TILLS_OF_DAY)
                .bind("d", Date.valueOf(day)).map((rs, ctx) -> till(rs)).list();
    }

    Optional<Till> till(Tx tx, long tillId) {
        return tx.handle().createQuery(TILL_SELECT + " WHERE t.id = :id").bind("id", tillId).map((rs, ctx) -> till(rs))
                .findOne();
    }

    private static final String TILL_SELECT = """
            SELECT t.id, t.business_day, t.opened_at, t.closed_at, t.status, t.operator_id, t.float_fen, o.staff_no, o.name
            FROM till_session t JOIN operator o ON o.id = t.operator_id""";

    /** A day's till sessions; reads the index {@code till_session_day} (V17). */
    static final String TILLS_OF_DAY = TILL_SELECT + " WHERE t.business_day = :d ORDER BY o.staff_no, t.id";

    private static Till till(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
        return new Till(rs.getLong("id"), rs.getObject("business_day", LocalDate.class),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant(), closed == null ? null : closed.toInstant(),
                rs.getString("status"), rs.getLong("operator_id"), rs.getString("staff_no"), rs.getString("name"),
                Money.ofFen(rs.getLong("float_fen")));
    }

    List<Line> lines(Tx tx, long tillId) {
        return tx.handle().createQuery("""
                SELECT l.payment_id, l.kind, l.label, l.amount_fen, l.volume_m3
                FROM payment_line l JOIN payment p ON p.id = l.payment_id
                WHERE p.till_id = :t ORDER BY l.payment_id, l.line_no""")
                .bind("t", tillId)
                .map((rs, ctx) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), Money.ofFen(rs.getLong(4)),
                        rs.getLong(5)))
                .list();
    }

    List<Tender> tenders(Tx tx, long tillId) {
        return tx.handle().createQuery("""
                SELECT pt.payment_id, pt.kind, pt.amount_fen, COALESCE(pt.voucher_count, 0)
                FROM payment_tender pt JOIN payment p ON p.id = pt.payment_id
                WHERE p.till_id = :t ORDER BY pt.payment_id, pt.tender_no""")
                .bind("t", tillId)
                .map((rs, ctx) -> new Tender(rs.getLong(1), rs.getString(2), Money.ofFen(rs.getLong(3)), rs.getInt(4)))
                .list();
    }

    /**
     * The till's payments that pay a card top-up back: a refund of a write that never reached the
     * card, or the refund of a purchase reversed on the card ({@code gas_purchase.refund_payment_id}).
     */
    List<Long> topUpRefundsIn(Tx tx, long tillId) {
        return tx.handle().createQuery("""
                SELECT g.refund_payment_id FROM gas_purchase g JOIN payment p ON p.id = g.refund_payment_id
                WHERE p.till_id = :t ORDER BY g.refund_payment_id""")
                .bind("t", tillId).mapTo(Long.class).list();
    }

    /** Gas volume settled by vouchers in the till's payments. */
    long voucherM3(Tx tx, long tillId) {
        return tx.handle().createQuery("SELECT COALESCE(SUM(voucher_m3), 0) FROM payment WHERE till_id = :t")
                .bind("t", tillId).mapTo(Long.class).one();
    }

    List<Receipt> receipts(Tx tx, long tillId) {
        return tx.handle().createQuery("""
                SELECT r.id, r.kind, r.number, r.status, r.void_reason, ao.staff_no AS approver,
                       p.money_received_fen - p.change_fen AS amount
                FROM receipt r JOIN payment p ON p.id = r.payment_id
                LEFT JOIN approval a ON a.id = r.void_approval LEFT JOIN operator ao ON ao.id = a.approved_by
                WHERE p.till_id = :t ORDER BY r.kind, r.number""")
                .bind("t", tillId)
                .map((rs, ctx) -> new Receipt(rs.getLong("id"), rs.getString("kind"), rs.getLong("number"),
                        rs.getString("status"), rs.getString("void_reason"), rs.getString("approver"),
                        Money.ofFen(rs.getLong("amount"))))
                .list();
    }

    /** RECEIPT_REPRINTED events of the till's receipts: subject, payload, time. */
    List<String[]> reprintEvents(Tx tx, long tillId) {
        return tx.handle().createQuery("""
                SELECT j.subject, j.payload, j.occurred_at FROM journal j
                WHERE j.type = 'RECEIPT_REPRINTED' AND j.subject IN (
                    SELECT 'receipt:' || r.kind || ':' || LPAD(CAST(r.number AS VARCHAR), 8, '0')
                    FROM receipt r JOIN payment p ON p.id = r.payment_id WHERE p.till_id = :t)
                ORDER BY j.seq""")
                .bind("t", tillId)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant().toString()})
                .list();
    }

    /** The journal's events of these types, in order. */
    List<io.counterdesk.persistence.JournalEvent> events(Tx tx, List<String> types) {
        return tx.handle().createQuery("""
                SELECT seq, occurred_at, terminal_code, staff_no, type, subject, payload, prev_hash, hash
                FROM journal WHERE type IN (<types>) ORDER BY seq""")
                .bindList("types", types)
                .map((rs, ctx) -> new io.counterdesk.persistence.JournalEvent(rs.getLong("seq"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("terminal_code"),
                        rs.getString("staff_no"), rs.getString("type"), rs.getString("subject"), rs.getString("payload"),
                        rs.getString("prev_hash"), rs.getString("hash")))
                .list();
    }

    /** Reads the index {@code till_session_day} (V17), in order: no sort. */
    static final String UNSIGNED_DAYS_WITH_TILLS = """
            SELECT DISTINCT t.business_day FROM till_session t
            WHERE t.business_day >= :from AND t.business_day < :until
              AND NOT EXISTS (SELECT 1 FROM day_signoff s WHERE s.business_day = t.business_day)
            ORDER BY t.business_day""";

    /** Days from {@code from} up to before {@code until} that had a till session and are not signed off, oldest first. */
    List<LocalDate> unsignedDaysWithTills(Tx tx, LocalDate from, LocalDate until) {
        return tx.handle().createQuery(UNSIGNED_DAYS_WITH_TILLS)
                .bind("from", Date.valueOf(from)).bind("until", Date.valueOf(until))
                .map((rs, ctx) -> rs.getObject(1, LocalDate.class)).list();
    }

    Optional<SignOff> signOff(Tx tx, LocalDate day) {
        return tx.handle().createQuery("""
                SELECT o.staff_no || ' ' || o.name AS who, s.signed_at FROM day_signoff s
                JOIN operator o ON o.id = s.signed_by WHERE s.business_day = :d""")
                .bind("d", Date.valueOf(day))
                .map((rs, ctx) -> new SignOff(rs.getString("who"), rs.getObject("signed_at", OffsetDateTime.class).toInstant()))
                .findOne();
    }
}
