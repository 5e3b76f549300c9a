package io.counterdesk.till;

import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.Money;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Deposits, cash counts and the till close. The only code that changes a {@code till_session} row;
 * it does so under the journal head's lock (see {@link DayCloseService#close}).
 */
public final class DayCloseRepository {

    private static final RowMapper<Deposit> DEPOSIT = (rs, ctx) -> new Deposit(rs.getLong("id"), rs.getLong("till_id"),
            rs.getString("slip_no"), Money.ofFen(rs.getLong("amount_fen")),
            rs.getObject("deposited_at", OffsetDateTime.class).toInstant(), rs.getBoolean("late"));

    /** A stored count with the figures it was set against. */
    public record StoredCount(long id, int countNo, Instant countedAt, TillFigures figures, CashCount count,
                       Money cardExpected, Money cardTicked, Money slipExpected, Money slipTicked, int postings,
                       Set<Long> missing) {
    }

    /** The session, locked against a concurrent deposit or close. */
    Optional<TillSession> lockSession(Tx tx, long tillId) {
        return tx.handle().createQuery("SELECT id FROM till_session WHERE id = :id FOR UPDATE").bind("id", tillId)
                .mapTo(Long.class).findOne().flatMap(id -> new TillRepository().findById(tx, id));
    }

    /** The cash each payment of the till moved: received and handed back. */
    public List<CashMovement> cashMovements(Tx tx, long tillId) {
        return tx.handle().createQuery("""
                SELECT payment_id,
                       SUM(CASE WHEN kind = 'CASH_IN' THEN amount_fen ELSE 0 END) AS cash_in,
                       SUM(CASE WHEN kind = 'CASH_OUT' THEN amount_fen ELSE 0 END) AS cash_out
                FROM till_posting WHERE till_id = :t AND payment_id IS NOT NULL AND kind IN ('CASH_IN', 'CASH_OUT')
                GROUP BY payment_id ORDER BY payment_id""")
                .bind("t", tillId)
                .map((rs, ctx) -> new CashMovement(Money.ofFen(rs.getLong("cash_in")), Money.ofFen(rs.getLong("cash_out"))))
                .list();
    }

    public int postings(Tx tx, long tillId) {
        return tx.handle().createQuery("SELECT COUNT(*) FROM till_posting WHERE till_id = :t").bind("t", tillId)
                .mapTo(Integer.class).one();
    }

    public List<Deposit> deposits(Tx tx, long tillId) {
        return tx.handle().createQuery("SELECT * FROM till_deposit WHERE till_id = :t ORDER BY id").bind("t", tillId)
                .map(DEPOSIT).list();
    }

    /** The bank-card and bank-slip postings of the till with their payments' account numbers. */
    public List<SystemSlip> slips(Tx tx, long tillId) {
        return tx.handle().createQuery("""
                SELECT tp.id, tp.kind, tp.reference, tp.amount_fen, a.account_no
                FROM till_posting tp JOIN payment p ON p.id = tp.payment_id JOIN account a ON a.id = p.account_id
                WHERE tp.till_id = :t AND tp.kind IN ('BANK_CARD', 'BANK_SLIP') ORDER BY tp.id""")
                .bind("t", tillId)
                .map((rs, ctx) -> new SystemSlip(rs.getLong("id"), rs.getString("kind"), rs.getString("reference"),
                        Money.ofFen(rs.getLong("amount_fen")), rs.getString("account_no")))
                .list();
    }

    int nextSlipSeq(Tx tx, long operatorId, YearMonth month) {
        return tx.handle().createQuery("""
                SELECT COALESCE(MAX(slip_seq), 0) + 1 FROM till_deposit WHERE operator_id = :o AND slip_month = :m""")
                .bind("o", operatorId).bind("m", month.toString()).mapTo(Integer.class).one();
    }

    /** Inserts the deposit and its DEPOSIT posting. */
    long insertDeposit(Tx tx, long tillId, long operatorId, YearMonth month, int seq, String slipNo, Money amount,
                       boolean late) {
        OffsetDateTime at = tx.now().atOffset(ZoneOffset.UTC);
        long id = tx.handle().createUpdate("""
                INSERT INTO till_deposit(till_id, operator_id, slip_month, slip_seq, slip_no, amount_fen, deposited_at, late)
                VALUES (:t, :o, :m, :seq, :no, :amount, :at, :late)""")
                .bind("t", tillId).bind("o", operatorId).bind("m", month.toString()).bind("seq", seq)
                .bind("no", slipNo).bind("amount", amount.fen()).bind("at", at).bind("late", late)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        tx.handle().createUpdate("""
                INSERT INTO till_posting(till_id, payment_id, kind, amount_fen, reference, posted_at)
                VALUES (:t, NULL, 'DEPOSIT', :amount, :ref, :at)""")
                .bind("t", tillId).bind("amount", amount.fen()).bind("ref", slipNo).bind("at", at).execute();
        return id;
    }

    Deposit deposit(Tx tx, long id) {
        return tx.handle().createQuery("SELECT * FROM till_deposit WHERE id = :id").bind("id", id).map(DEPOSIT).one();
    }

    int nextCountNo(Tx tx, long tillId) {
        return tx.handle().createQuery("SELECT COALESCE(MAX(count_no), 0) + 1 FROM till_count WHERE till_id = :t")
                .bind("t", tillId).mapTo(Integer.class).one();
    }

    long insertCount(Tx tx, long tillId, int countNo, TillFigures f, CashCount count, OverShort overShort, int postings) {
        long id = tx.handle().createUpdate("""
                INSERT INTO till_count(till_id, count_no, counted_at, float_fen, cash_in_fen, change_fen, refunds_fen,
                    deposits_fen, expected_cash_fen, counted_cash_fen, card_expected_fen, card_ticked_fen,
                    slip_expected_fen, slip_ticked_fen, postings)
                VALUES (:t, :n, :at, :float, :in, :change, :refunds, :deposits, :expected, :counted, :cardExpected,
                    :cardTicked, :slipExpected, :slipTicked, :postings)""")
                .bind("t", tillId).bind("n", countNo).bind("at", tx.now().atOffset(ZoneOffset.UTC))
                .bind("float", f.openingFloat().fen()).bind("in", f.cashIn().fen()).bind("change", f.change().fen())
                .bind("refunds", f.refunds().fen()).bind("deposits", f.deposits().fen())
                .bind("expected", f.expectedCash().fen()).bind("counted", count.total().fen())
                .bind("cardExpected", overShort.bankCard().expected().fen())
                .bind("cardTicked", overShort.bankCard().actual().fen())
                .bind("slipExpected", overShort.bankSlip().expected().fen())
                .bind("slipTicked", overShort.bankSlip().actual().fen()).bind("postings", postings)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        PreparedBatch pieces = tx.handle().prepareBatch(
                "INSERT INTO till_count_piece(count_id, face_fen, pieces) VALUES (:c, :face, :pieces)");
        for (Map.Entry<Denomination, Integer> e : count.pieces().entrySet()) {
            pieces.bind("c", id).bind("face", e.getKey().faceValue().fen()).bind("pieces", e.getValue()).add();
        }
        pieces.execute();
        for (OverShort.Line line : List.of(overShort.bankCard(), overShort.bankSlip())) {
            for (SystemSlip missing : line.missing()) {
                tx.handle().createUpdate("INSERT INTO till_count_missing(count_id, posting_id) VALUES (:c, :p)")
                        .bind("c", id).bind("p", missing.postingId()).execute();
            }
        }
        return id;
    }

    public Optional<StoredCount> lastCount(Tx tx, long tillId) {
        return tx.handle().createQuery("SELECT * FROM till_count WHERE till_id = :t ORDER BY count_no DESC LIMIT 1")
                .bind("t", tillId)
                .map((rs, ctx) -> new StoredCount(rs.getLong("id"), rs.getInt("count_no"),
                        rs.getObject("counted_at", OffsetDateTime.class).toInstant(),
                        new TillFigures(fen(rs.getLong("float_fen")), fen(rs.getLong("cash_in_fen")),
                                fen(rs.getLong("change_fen")), fen(rs.getLong("refunds_fen")), fen(rs.getLong("deposits_fen"))),
                        null, fen(rs.getLong("card_expected_fen")), fen(rs.getLong("card_ticked_fen")),
                        fen(rs.getLong("slip_expected_fen")), fen(rs.getLong("slip_ticked_fen")), rs.getInt("postings"),
                        Set.of()))
                .findOne()
                .map(c -> new StoredCount(c.id(), c.countNo(), c.countedAt(), c.figures(), pieces(tx, c.id()),
                        c.cardExpected(), c.cardTicked(), c.slipExpected(), c.slipTicked(), c.postings(), missing(tx, c.id())));
    }

    private CashCount pieces(Tx tx, long countId) {
        Map<Denomination, Integer> byFace = new java.util.EnumMap<>(Denomination.class);
        tx.handle().createQuery("SELECT face_fen, pieces FROM till_count_piece WHERE count_id = :c").bind("c", countId)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getInt(2))).forEach(e -> {
                    for (Denomination d : Denomination.values()) {
                        if (d.faceValue().fen() == e.getKey()) {
                            byFace.put(d, e.getValue());
                        }
                    }
                });
        return new CashCount(byFace);
    }

    private Set<Long> missing(Tx tx, long countId) {
        return Set.copyOf(tx.handle().createQuery("SELECT posting_id FROM till_count_missing WHERE count_id = :c")
                .bind("c", countId).mapTo(Long.class).list());
    }

    /**
     * Receipt numbers taken from the holder's stock that have no receipt (neither issued nor voided):
     * for every range, each number from its first to the one before its next must be there.
     */
    List<String> missingReceiptNumbers(Tx tx, long holderId) {
        List<String> out = new ArrayList<>();
        record Range(String kind, long first, long nextNo) {
        }
        List<Range> ranges = tx.handle().createQuery(
                        "SELECT kind, first_no, next_no FROM receipt_stock WHERE holder_id = :h AND next_no > first_no")
                .bind("h", holderId)
                .map((rs, ctx) -> new Range(rs.getString("kind"), rs.getLong("first_no"), rs.getLong("next_no"))).list();
        for (Range r : ranges) {
            long present = tx.handle().createQuery(
                            "SELECT COUNT(*) FROM receipt WHERE kind = :k AND number BETWEEN :f AND :l")
                    .bind("k", r.kind()).bind("f", r.first()).bind("l", r.nextNo() - 1).mapTo(Long.class).one();
            if (present == r.nextNo() - r.first()) {
                continue;
            }
            Set<Long> numbers = Set.copyOf(tx.handle().createQuery(
                            "SELECT number FROM receipt WHERE kind = :k AND number BETWEEN :f AND :l")
                    .bind("k", r.kind()).bind("f", r.first()).bind("l", r.nextNo() - 1).mapTo(Long.class).list());
            for (long n = r.first(); n < r.nextNo(); n++) {
                if (!numbers.contains(n)) {
                    out.add(r.kind() + ":" + String.format("%08d", n));
                }
            }
        }
        return out;
    }

    /** Closes an open session; false when it was not open any more. */
    boolean closeSession(Tx tx, long tillId) {
        return tx.handle().createUpdate("""
                UPDATE till_session SET status = 'CLOSED', closed_at = :at, open_key = NULL
                WHERE id = :id AND status = 'OPEN'""")
                .bind("at", tx.now().atOffset(ZoneOffset.UTC)).bind("id", tillId).execute() == 1;
    }

    void insertClose(Tx tx, long tillId, long countId, long operatorId, Money overShort, String explanation) {
        tx.handle().createUpdate("""
                INSERT INTO till_close(till_id, count_id, closed_at, closed_by, over_short_fen, explanation)
                VALUES (:t, :c, :at, :o, :os, :e)""")
                .bind("t", tillId).bind("c", countId).bind("at", tx.now().atOffset(ZoneOffset.UTC)).bind("o", operatorId)
                .bind("os", overShort.fen()).bind("e", explanation).execute();
    }

    /** The close of a till: the count it rests on and the explanation, if closed. */
    public record CloseRow(long countId, Instant closedAt, Money overShort, String explanation) {
    }

    public Optional<CloseRow> closeOf(Tx tx, long tillId) {
        return tx.handle().createQuery("SELECT * FROM till_close WHERE till_id = :t").bind("t", tillId)
                .map((rs, ctx) -> new CloseRow(rs.getLong("count_id"),
                        rs.getObject("closed_at", OffsetDateTime.class).toInstant(), fen(rs.getLong("over_short_fen")),
                        rs.getString("explanation")))
                .findOne();
    }

    private static Money fen(long fen) {
        return Money.ofFen(fen);
    }
}
