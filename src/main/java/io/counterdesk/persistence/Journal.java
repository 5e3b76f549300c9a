package io.counterdesk.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * The append-only business journal with a SHA-256 hash chain.
 *
 * <p>Every business action appends its event inside its own transaction ({@link #append}), so the
 * journal holds exactly what was committed. Each event's hash covers the previous hash and all of
 * its own fields; {@link #verify} walks the chain and names the first broken link. The chain head
 * row is updated (and so locked) by the append, which serialises concurrent business actions on the
 * journal.
 */
public final class Journal {

    public static final String GENESIS_HASH = "0".repeat(64);

    /** The payloads' writer, set up on first use: Jackson's start is not on the way to a usable log-in (ADR 0031). */
    private static final class Json {
        static final ObjectMapper WRITER = new ObjectMapper()
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** Sets the payloads' writer up now (in the background after the start), so that the first event does not wait for it. */
    public static void prepareWriter() {
        java.util.Objects.requireNonNull(Json.WRITER);
    }

    /** Appending gives up after this many heads moved under it in a row (others committing meanwhile). */
    private static final int MAX_HEAD_ATTEMPTS = 100;

    /** One digest per thread: looking the algorithm up for every event cost as much as hashing. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private record Head(long seq, String hash) {
    }

    /**
     * {@code day} had no sign-off when {@code writer} appended the event {@code event} (the check was
     * made while holding the head). See {@link #append} for when this is enough.
     */
    private record OpenDay(Head event, java.time.LocalDate day, Tx writer) {
    }

    private final String terminalCode;
    /** The last day this journal found open, with the event and transaction it was found in. */
    private volatile OpenDay openDay;
    /** The head this journal last wrote; only a guess (it may have been rolled back), checked by the update. */
    private volatile Head lastWritten;

    public Journal(String terminalCode) {
        this.terminalCode = Objects.requireNonNull(terminalCode);
    }

    public String terminalCode() {
        return terminalCode;
    }

    /**
     * Appends one event in {@code tx}. {@code payload} values must be JSON-friendly (strings,
     * numbers, booleans, lists, maps); amounts go in as fen ({@code long}) or plain strings.
     *
     * <p>The chain head is advanced by an update that names the head it builds on ({@code WHERE
     * last_seq = ? AND last_hash = ?}), taking the head row's lock; the event is inserted after it.
     * The head this journal last wrote is remembered, so usually nothing is read first. If the head
     * moved (another journal object or thread appended, or the remembered event was rolled back),
     * the update changes no row: the head is read again and the event built anew on it. A concurrent
     * appender holding the row waits for the other's commit or rollback and then sees the committed
     * head, so the chain stays gapless and linked (ADR 0009).
     */
    public JournalEvent append(Tx tx, String staffNo, String type, String subject, Map<String, ?> payload) {
        String body = toJson(payload);
        Instant at = tx.now();
        Head head = lastWritten;
        if (head == null) {
            head = readHead(tx);
        }
        for (int attempt = 1; ; attempt++) {
            long seq = head.seq() + 1;
            String hash = hash(head.hash(), seq, at, terminalCode, staffNo, type, subject, body);
            int moved = Sql.update(tx, """
                    UPDATE journal_head SET last_seq = ?, last_hash = ?
                    WHERE id = 1 AND last_seq = ? AND last_hash = ?""", seq, hash, head.seq(), head.hash());
            if (moved == 1) {
                // holding the head: a sign-off committed before is visible now (DayLocks)
                OpenDay known = openDay;
                java.time.LocalDate day = java.time.LocalDate.ofInstant(at, tx.clock().getZone());
                boolean business = !DayLocks.NOT_BUSINESS.contains(type);
                if (business && !stillOpen(known, head, day, tx)) {
                    DayLocks.requireOpen(tx, day);
                }
                Sql.update(tx, """
                        INSERT INTO journal(seq, occurred_at, terminal_code, staff_no, type, subject, payload, prev_hash, hash, mac)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        seq, at.atOffset(ZoneOffset.UTC), terminalCode, staffNo, type, subject, body, head.hash(), hash,
                        tx.keys().journalMac(hash));
                lastWritten = new Head(seq, hash);
                tx.markAppended(seq, hash);
                openDay = business ? new OpenDay(lastWritten, day, tx) : null;
                return new JournalEvent(seq, at, terminalCode, staffNo, type, subject, body, head.hash(), hash);
            }
            if (attempt >= MAX_HEAD_ATTEMPTS) {
                throw new StorageException("the journal head kept moving; gave up after " + attempt + " attempts");
            }
            head = readHead(tx);
        }
    }

    /**
     * Whether {@code day} is known to be open without asking {@code day_signoff} again: this journal
     * found it open when it appended the event {@code tx} now builds on, in another transaction that
     * has not locked a day. That transaction has committed (the head, updated only if it still names
     * that event, would otherwise have been rolled back to an older one or still be locked), so
     * nothing was signed off in it; and any sign-off committed since would have moved the head, since
     * {@link DayLocks#lock} runs only in a transaction that appends. The head names its event by
     * sequence number and hash, so a rolled-back event with the same number does not match either.
     * Saves a payment one read ({@code DayLockTest} tries the cases).
     */
    private static boolean stillOpen(OpenDay known, Head buildingOn, java.time.LocalDate day, Tx tx) {
        return known != null && known.day().equals(day) && known.event().equals(buildingOn) && known.writer() != tx
                && !known.writer().hasLockedADay();
    }

    /**
     * Takes the chain head's lock for the rest of {@code tx}, before anything is read: every other
     * business action appends its event under this lock, so one that appended first has committed
     * before this returns (its rows are visible to what {@code tx} reads next), and one that appends
     * later waits until {@code tx} ends and then sees what it committed. A till close and the day's
     * sign-off hold the head this way (docs/day-close.md).
     */
    public void holdHead(Tx tx) {
        tx.handle().createQuery("SELECT last_seq FROM journal_head WHERE id = 1 FOR UPDATE").mapTo(Long.class).one();
    }

    /** The chain head as committed (or as written earlier in this transaction). */
    private static Head readHead(Tx tx) {
        return Sql.first(tx, "SELECT last_seq, last_hash FROM journal_head WHERE id = 1",
                rs -> new Head(rs.getLong(1), rs.getString(2))).orElseThrow();
    }

    /** Events with {@code seq} in [from, to], in order. */
    public static List<JournalEvent> read(Handle handle, long fromSeq, long toSeq) {
        return query(handle, "WHERE seq BETWEEN " + fromSeq + " AND " + toSeq).list();
    }

    /** Walks the whole chain from the genesis hash and reports the first event that does not fit. */
    public static ChainReport verify(Tx tx) {
        ChainReport chain = verify(tx.handle());
        return chain.isIntact() ? verifyMacs(tx, chain) : chain;
    }

    /** The setting that names the first event carrying a MAC (sealed with the journal key). */
    static final String MAC_FROM = "journal.mac.from";

    static boolean hasMacStart(Tx tx) {
        return new Settings().get(tx, MAC_FROM).isPresent();
    }

    /**
     * Records where the MAC chain starts (ADR 0012): the next event. Events appended before the key
     * store existed carry no MAC and are covered by the hash chain only; every later one must carry
     * its MAC. The setting is sealed by the journal key, so moving the start forward to hide an
     * edited event is found; a missing setting counts as "from the first event".
     */
    static void startMacs(Tx tx) {
        if (!hasMacStart(tx)) {
            long from = readHead(tx).seq() + 1;
            new Settings().put(tx, MAC_FROM, from + ":" + tx.keys().journalMac(MAC_FROM + ":" + from));
        }
    }

    /** Every event from the MAC start on carries the MAC of its hash under this terminal's journal key. */
    private static ChainReport verifyMacs(Tx tx, ChainReport chain) {
        if (!tx.hasKeys()) {
            return ChainReport.broken(chain.eventsChecked(), 1,
                    "no terminal key file beside the database: the events' MACs cannot be checked");
        }
        TerminalKeys keys = tx.keys();
        long from = 1;
        String start = new Settings().get(tx, MAC_FROM).orElse(null);
        if (start != null) {
            int colon = start.indexOf(':');
            String seq = colon < 0 ? "" : start.substring(0, colon);
            if (colon < 0 || !seq.matches("[0-9]{1,18}")
                    || !keys.journalMacMatches(MAC_FROM + ":" + seq, start.substring(colon + 1))) {
                return ChainReport.broken(chain.eventsChecked(), 1,
                        "the start of the MAC chain (setting " + MAC_FROM + ") was edited");
            }
            from = Long.parseLong(seq);
        }
        try (ResultIterator<Map<String, Object>> it = tx.handle()
                .createQuery("SELECT seq, hash, mac FROM journal ORDER BY seq").mapToMap().iterator()) {
            while (it.hasNext()) {
                Map<String, Object> row = it.next();
                long seq = ((Number) row.get("seq")).longValue();
                String mac = (String) row.get("mac");
                if (mac == null && seq < from) {
                    continue;
                }
                if (mac == null) {
                    return ChainReport.broken(chain.eventsChecked(), seq, "the event carries no MAC");
                }
                if (!keys.journalMacMatches((String) row.get("hash"), mac)) {
                    return ChainReport.broken(chain.eventsChecked(), seq,
                            "the event's MAC does not match (rewritten without this terminal's key)");
                }
            }
        }
        return chain;
    }

    static ChainReport verify(Handle handle) {
        String expectedPrev = GENESIS_HASH;
        long expectedSeq = 1;
        long checked = 0;
        try (ResultIterator<JournalEvent> it = query(handle, "").iterator()) {
            while (it.hasNext()) {
                JournalEvent e = it.next();
                if (e.seq() != expectedSeq) {
                    return ChainReport.broken(checked, expectedSeq, "event " + expectedSeq + " is missing");
                }
                if (!e.prevHash().equals(expectedPrev)) {
                    return ChainReport.broken(checked, e.seq(), "previous-hash link does not match event " + (e.seq() - 1));
                }
                String recomputed = hash(e.prevHash(), e.seq(), e.occurredAt(), e.terminalCode(), e.staffNo(),
                        e.type(), e.subject(), e.payload());
                if (!recomputed.equals(e.hash())) {
                    return ChainReport.broken(checked, e.seq(), "content does not match its hash (edited)");
                }
                expectedPrev = e.hash();
                expectedSeq++;
                checked++;
            }
        }
        Map<String, Object> head = handle.createQuery("SELECT last_seq, last_hash FROM journal_head WHERE id = 1")
                .mapToMap().one();
        long headSeq = ((Number) head.get("last_seq")).longValue();
        if (headSeq != checked || !expectedPrev.equals(head.get("last_hash"))) {
            return ChainReport.broken(checked, checked + 1, "chain head says event " + headSeq + " but the chain ends at " + checked);
        }
        return ChainReport.intact(checked);
    }

    private static ResultIterable<JournalEvent> query(Handle handle, String where) {
        return handle.createQuery("SELECT seq, occurred_at, terminal_code, staff_no, type, subject, payload, prev_hash, hash "
                        + "FROM journal " + where + " ORDER BY seq")
                .map((rs, ctx) -> new JournalEvent(
                        rs.getLong("seq"),
                        rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("terminal_code"),
                        rs.getString("staff_no"),
                        rs.getString("type"),
                        rs.getString("subject"),
                        rs.getString("payload"),
                        rs.getString("prev_hash"),
                        rs.getString("hash")));
    }

    static String toJson(Map<String, ?> payload) {
        String plain = PayloadJson.write(payload);
        return plain != null ? plain : jacksonJson(payload);
    }

    /** The canonical form of a payload: Jackson, keys sorted ({@link PayloadJson} writes the plain kinds the same way). */
    static String jacksonJson(Map<String, ?> payload) {
        try {
            return Json.WRITER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("journal payload is not serialisable: " + payload, e);
        }
    }

    /** The hash {@code e} must have: over its previous hash and all its fields (head office checks a batch's chain with it). */
    public static String hashOf(JournalEvent e) {
        return hash(e.prevHash(), e.seq(), e.occurredAt(), e.terminalCode(), e.staffNo(), e.type(), e.subject(), e.payload());
    }

    static String hash(String prevHash, long seq, Instant at, String terminal, String staffNo, String type,
                       String subject, String payload) {
        MessageDigest digest = SHA256.get();
        String canonical = String.join("\n", prevHash, Long.toString(seq), instantText(at), terminal, staffNo, type,
                subject, payload);
        return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * {@link Instant#toString}, character for character, without its formatter for whole seconds in the years
     * 0000–9999 ({@code 2025-03-10T01:02:03Z}; the rest through {@code toString}). Head office writes it twice per
     * event (the hash, the row); {@code JournalInstantTextTest} compares both on random instants.
     */
    public static String instantText(Instant at) {
        long s = at.getEpochSecond();
        if (at.getNano() != 0 || s < -62_167_219_200L || s >= 253_402_300_800L) {
            return at.toString();
        }
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(Math.floorDiv(s, 86_400L));
        int second = (int) Math.floorMod(s, 86_400L);
        byte[] b = new byte[20];
        two(b, 0, d.getYear() / 100);
        two(b, 2, d.getYear() % 100);
        b[4] = '-';
        two(b, 5, d.getMonthValue());
        b[7] = '-';
        two(b, 8, d.getDayOfMonth());
        b[10] = 'T';
        two(b, 11, second / 3_600);
        b[13] = ':';
        two(b, 14, second / 60 % 60);
        b[16] = ':';
        two(b, 17, second % 60);
        b[19] = 'Z';
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static void two(byte[] b, int at, int v) {
        b[at] = (byte) ('0' + v / 10);
        b[at + 1] = (byte) ('0' + v % 10);
    }
}
