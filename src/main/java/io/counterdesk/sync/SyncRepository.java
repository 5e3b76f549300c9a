package io.counterdesk.sync;

import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.JournalEvent;
import io.counterdesk.persistence.Tx;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The terminal's batches (V30 {@code sync_batch}) and what batch making reads of the journal. */
final class SyncRepository {

    /** A stored batch. {@code ack} is null until delivered. */
    record StoredBatch(long epoch, long seq, long firstJournalSeq, long lastJournalSeq, String lastHash, int eventCount,
                       String sha256, byte[] bytes, int attempts, String lastError, byte[] ack) {
    }

    /** The batch made last (highest journal end), of any epoch. */
    Optional<StoredBatch> lastMade(Tx tx) {
        return tx.handle().createQuery("SELECT * FROM sync_batch ORDER BY last_journal_seq DESC, epoch DESC, seq DESC LIMIT 1")
                .map((rs, ctx) -> row(rs)).findOne();
    }

    /** The last batch of {@code epoch}. */
    Optional<StoredBatch> lastOfEpoch(Tx tx, long epoch) {
        return tx.handle().createQuery("SELECT * FROM sync_batch WHERE epoch = :e ORDER BY seq DESC LIMIT 1")
                .bind("e", epoch).map((rs, ctx) -> row(rs)).findOne();
    }

    /** Batches without a stored acknowledgement, oldest first. */
    List<StoredBatch> pending(Tx tx) {
        return tx.handle().createQuery("SELECT * FROM sync_batch WHERE ack IS NULL ORDER BY epoch, seq")
                .map((rs, ctx) -> row(rs)).list();
    }

    int pendingCount(Tx tx) {
        return tx.handle().createQuery("SELECT COUNT(*) FROM sync_batch WHERE ack IS NULL").mapTo(Integer.class).one();
    }

    long journalHead(Tx tx) {
        return tx.handle().createQuery("SELECT last_seq FROM journal_head WHERE id = 1").mapTo(Long.class).one();
    }

    List<JournalEvent> events(Tx tx, long from, long to) {
        return Journal.read(tx.handle(), from, to);
    }

    /** Each till's business day, by till id. */
    Map<Long, LocalDate> tillDays(Tx tx) {
        Map<Long, LocalDate> out = new HashMap<>();
        tx.handle().createQuery("SELECT id, business_day FROM till_session")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getObject(2, LocalDate.class)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    Optional<Long> tillOfPayment(Tx tx, long paymentId) {
        return tx.handle().createQuery("SELECT till_id FROM payment WHERE id = :p").bind("p", paymentId)
                .mapTo(Long.class).findOne();
    }

    void insert(Tx tx, long epoch, long seq, long first, long last, String lastHash, int events, String sha256,
                Instant madeAt, byte[] bytes) {
        tx.handle().createUpdate("""
                INSERT INTO sync_batch(epoch, seq, first_journal_seq, last_journal_seq, last_hash, event_count, sha256,
                                       made_at, bytes)
                VALUES (:e, :s, :f, :l, :h, :n, :sha, :at, :b)""")
                .bind("e", epoch).bind("s", seq).bind("f", first).bind("l", last).bind("h", lastHash).bind("n", events)
                .bind("sha", sha256).bind("at", madeAt.atOffset(ZoneOffset.UTC)).bind("b", bytes).execute();
    }

    void delivered(Tx tx, long epoch, long seq, byte[] ack, Instant at) {
        tx.handle().createUpdate("""
                UPDATE sync_batch SET ack = :a, acked_at = :at, last_error = NULL, attempts = attempts + 1
                WHERE epoch = :e AND seq = :s AND ack IS NULL""")
                .bind("a", ack).bind("at", at.atOffset(ZoneOffset.UTC)).bind("e", epoch).bind("s", seq).execute();
    }

    void failed(Tx tx, long epoch, long seq, String error) {
        tx.handle().createUpdate("""
                UPDATE sync_batch SET attempts = attempts + 1, last_error = :err WHERE epoch = :e AND seq = :s""")
                .bind("err", error.length() > 500 ? error.substring(0, 500) : error).bind("e", epoch).bind("s", seq)
                .execute();
    }

    /** Head office's TLS certificates pinned at enrolment (V36), as PEM; empty for a plain-HTTP head office. */
    List<String> pinnedCertificates(Tx tx) {
        return tx.handle().createQuery("SELECT pem FROM sync_pinned_certificate ORDER BY fingerprint").mapTo(String.class).list();
    }

    /** Replaces the pinned certificates (an enrolment pins what its file carries, nothing else). */
    void pin(Tx tx, List<java.security.cert.X509Certificate> certificates, Instant at) {
        tx.handle().createUpdate("DELETE FROM sync_pinned_certificate").execute();
        for (java.security.cert.X509Certificate c : certificates) {
            tx.handle().createUpdate("INSERT INTO sync_pinned_certificate(fingerprint, pem, pinned_at) VALUES (:f, :p, :at)")
                    .bind("f", Pem.fingerprint(c)).bind("p", Pem.write(List.of(c))).bind("at", at.atOffset(ZoneOffset.UTC))
                    .execute();
        }
    }

    private static StoredBatch row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredBatch(rs.getLong("epoch"), rs.getLong("seq"), rs.getLong("first_journal_seq"),
                rs.getLong("last_journal_seq"), rs.getString("last_hash"), rs.getInt("event_count"), rs.getString("sha256"),
                rs.getBytes("bytes"), rs.getInt("attempts"), rs.getString("last_error"), rs.getBytes("ack"));
    }

}
