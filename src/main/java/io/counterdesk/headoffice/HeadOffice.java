package io.counterdesk.headoffice;

import io.counterdesk.persistence.EventPayload;
import io.counterdesk.persistence.JournalEvent;
import io.counterdesk.report.DayFold;
import io.counterdesk.sync.Ack;
import io.counterdesk.sync.BatchFile;
import io.counterdesk.sync.BatchFormatException;
import io.counterdesk.sync.BatchLine;
import io.counterdesk.sync.Manifest;
import io.counterdesk.sync.SyncKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Head office's side of the sync (docs/sync-protocol.md): enrols terminals, accepts each batch once
 * in one transaction (signature, enrolled terminal, epoch, seq = last + 1, the chain continues, the
 * manifest matches the content), stores its events and refolds the figures of the days it touched,
 * and answers with a signed acknowledgement only after the commit. Refusals store nothing but an
 * alarm.
 */
public final class HeadOffice {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HeadOfficeStore store;
    private final KeyPair key;
    private final Clock clock;
    private final HeadOfficeRepository repo = new HeadOfficeRepository();
    /** Enrolled terminals' public keys, decoded once, by their stored text (a new key is a new text: never stale). */
    private final java.util.concurrent.ConcurrentHashMap<String, PublicKey> keys = new java.util.concurrent.ConcurrentHashMap<>();

    public HeadOffice(HeadOfficeStore store, KeyPair key, Clock clock) {
        this.store = store;
        this.key = key;
        this.clock = clock;
    }

    public PublicKey publicKey() {
        return key.getPublic();
    }

    /** Registers (or re-issues the token of) a terminal not yet enrolled; returns the one-time token for its enrolment file. */
    public String addTerminal(String hall, String terminal) throws SQLException {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        try (Connection c = store.connect()) {
            if (!repo.createOrRenew(c, hall, terminal, BatchFile.sha256(token.getBytes(StandardCharsets.UTF_8)), clock.instant())) {
                c.rollback();
                throw new IllegalStateException("terminal " + hall + "/" + terminal + " is already enrolled");
            }
            c.commit();
        }
        return token;
    }

    /** Takes a terminal's public key against its one-time token; false (and an alarm) when they do not fit. */
    public boolean enrol(String hall, String terminal, String token, String publicKey) throws SQLException {
        try (Connection c = store.connect()) {
            Optional<HeadOfficeRepository.TerminalRow> row = repo.lockTerminal(c, hall, terminal);
            boolean ok = row.isPresent() && token != null
                    && row.get().tokenSha256().equals(BatchFile.sha256(token.getBytes(StandardCharsets.UTF_8)));
            if (ok && row.get().publicKey() != null) {
                ok = row.get().publicKey().equals(publicKey); // the same enrolment again
            } else if (ok) {
                SyncKeys.publicKey(publicKey);
                repo.enrol(c, hall, terminal, publicKey, clock.instant());
            }
            if (!ok) {
                repo.alarm(c, clock.instant(), hall, terminal, "ENROL_REFUSED", AlarmDetail.of("enrolRefused").stored());
            }
            c.commit();
            return ok;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Accepts one batch or says why not (see the class comment). Safe to call concurrently. */
    public Outcome accept(byte[] bytes) throws SQLException {
        return accept(bytes, true);
    }

    /** {@code again}: whether a failure that another try can mend (a race on a key, a broken connection) is tried once more. */
    private Outcome accept(byte[] bytes, boolean again) throws SQLException {
        BatchFile.Decoded batch;
        try {
            batch = BatchFile.decode(bytes);
        } catch (BatchFormatException e) {
            return refuse(null, null, Outcome.refused(Outcome.Refusal.MALFORMED, AlarmDetail.of("malformed", e.getMessage())));
        }
        Manifest m = batch.manifest();
        String sha = batch.sha256();
        preparePartitions(batch);
        Outcome refusal;
        try (Connection c = store.connect()) {
            try {
                Optional<HeadOfficeRepository.TerminalRow> row = repo.lockTerminal(c, m.hall(), m.terminal());
                if (row.isEmpty() || row.get().publicKey() == null) {
                    refusal = Outcome.refused(Outcome.Refusal.UNKNOWN_TERMINAL,
                            AlarmDetail.of("unknownTerminal", m.hall() + "/" + m.terminal()));
                } else if (!batch.signedBy(terminalKey(row.get().publicKey()))) {
                    refusal = Outcome.refused(Outcome.Refusal.BAD_SIGNATURE, AlarmDetail.of("badSignature", key(m)));
                } else {
                    Optional<HeadOfficeRepository.StoredBatch> stored = mayBeStored(row.get(), m)
                            ? repo.batch(c, m.hall(), m.terminal(), m.epoch(), m.seq()) : Optional.empty();
                    if (stored.isPresent()) {
                        c.rollback();
                        if (stored.get().sha256().equals(sha)) {
                            return Outcome.accepted(stored.get().ack());
                        }
                        return refuse(m.hall(), m.terminal(), Outcome.refused(Outcome.Refusal.FORK,
                                AlarmDetail.of("fork", key(m), sha, stored.get().sha256())));
                    }
                    refusal = order(c, row.get(), m);
                    // each payload is parsed once: for the manifest's check, the receipts, the voids and the fold
                    Map<JournalEvent, EventPayload> payloads = new java.util.IdentityHashMap<>();
                    java.util.function.Function<JournalEvent, EventPayload> payloadOf = e -> payloads.computeIfAbsent(e,
                            HeadOffice::payload);
                    if (refusal == null) {
                        List<String> problems = BatchFile.problems(batch, payloadOf);
                        if (!problems.isEmpty()) {
                            refusal = Outcome.refused(Outcome.Refusal.MANIFEST_MISMATCH,
                                    AlarmDetail.of("manifestMismatch", key(m), String.join("; ", problems)));
                        }
                    }
                    if (refusal == null) {
                        byte[] ack = store(c, row.get(), batch, sha, payloadOf);
                        c.commit();
                        store.durable(c);
                        return Outcome.accepted(ack);
                    }
                }
                c.rollback();
            } catch (SQLException | RuntimeException e) {
                String state = e instanceof SQLException s ? s.getSQLState() : null;
                try {
                    c.rollback();
                } catch (SQLException broken) {
                    if (!lostConnection(state)) {
                        e.addSuppressed(broken);
                        throw e;
                    }
                }
                if ("23514".equals(state)) {
                    store.forgetEventPartitions(); // no partition for a day: made again on the next try
                }
                if (again && (state != null && state.equals("23505") || lostConnection(state))) {
                    // another connection stored the same key between our look and our insert: answer as it did;
                    // or the pooled connection was broken (the pool drops it): the same batch on another one
                    return accept(bytes, false);
                }
                throw e;
            }
        }
        if (refusal.refusal() == Outcome.Refusal.GAP) {
            return refusal;
        }
        return refuse(m.hall(), m.terminal(), refusal);
    }

    /**
     * On PostgreSQL, the ho_event partitions of the batch's days are made before its transaction when
     * this process does not know them yet (once a day), and only for a batch signed by an enrolled
     * terminal, so a stranger cannot make head office create tables. Checked again in the transaction.
     */
    private void preparePartitions(BatchFile.Decoded batch) throws SQLException {
        List<LocalDate> days;
        try {
            days = batch.manifest().businessDays().stream().map(BatchFile::date).toList();
        } catch (java.time.format.DateTimeParseException e) {
            return; // refused in the transaction (the manifest does not match the content)
        }
        if (store.eventPartitionsReady(days)) {
            return;
        }
        Optional<String> key;
        try (Connection c = store.connect()) {
            key = repo.publicKey(c, batch.manifest().hall(), batch.manifest().terminal());
            c.rollback();
        }
        if (key.isPresent() && batch.signedBy(terminalKey(key.get()))) {
            store.createEventPartitions(days);
        }
    }

    private PublicKey terminalKey(String text) {
        PublicKey k = keys.get(text);
        if (k == null) {
            k = SyncKeys.publicKey(text);
            if (keys.size() < 100_000) {
                keys.put(text, k);
            }
        }
        return k;
    }

    /**
     * A terminal restored from a backup: the first batch of a higher epoch that starts inside the journal
     * head office already holds (the backup was older than what was sent). Head office's copy of the
     * chain is the anchor: the batch must build on an event head office holds (see {@link #order}).
     */
    private static boolean restored(HeadOfficeRepository.TerminalRow t, Manifest m) {
        return m.epoch() > t.epoch() && m.seq() == 1 && m.firstJournalSeq() <= t.lastJournalSeq();
    }

    /** A connection the server ended or that broke (SQL state class 08, or the server shut the session down: 57P01/57P02). */
    private static boolean lostConnection(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02"));
    }

    /**
     * Whether a batch of this number can be stored already: every accepted batch moves its terminal's row
     * to its own (epoch, seq) in the same transaction, and that position only goes forward, so a batch
     * after the position (the next one, a gap, a new epoch) was never stored and needs no look-up.
     */
    static boolean mayBeStored(HeadOfficeRepository.TerminalRow t, Manifest m) {
        return m.epoch() < t.epoch() || (m.epoch() == t.epoch() && m.seq() <= t.lastSeq());
    }

    /** Epoch, seq and chain against where the terminal stands; null when the batch is next. */
    private Outcome order(Connection c, HeadOfficeRepository.TerminalRow t, Manifest m) throws SQLException {
        if (m.epoch() < t.epoch()) {
            return Outcome.refused(Outcome.Refusal.OLD_EPOCH, AlarmDetail.of("oldEpoch", key(m), m.epoch(), t.epoch()));
        }
        long expected = m.epoch() == t.epoch() ? t.lastSeq() + 1 : 1;
        if (m.seq() != expected) {
            return new Outcome(null, Outcome.Refusal.GAP, key(m).english() + " out of order: expected seq " + expected,
                    expected);
        }
        String previous = m.epoch() == t.epoch() ? t.lastBatchSha256() : "";
        if (restored(t, m)) {
            // the restored journal must continue head office's copy of it at the point the batch starts
            String anchor = m.firstJournalSeq() == 1 ? io.counterdesk.persistence.Journal.GENESIS_HASH
                    : repo.eventHash(c, t.hall(), t.terminal(), m.firstJournalSeq() - 1).orElse("");
            if (m.previousBatchSha256().isEmpty() && m.chainPrevHash().equals(anchor)) {
                return null;
            }
            return Outcome.refused(Outcome.Refusal.CHAIN_BROKEN,
                    AlarmDetail.of("chainRestored", key(m), m.firstJournalSeq() - 1));
        }
        if (!m.previousBatchSha256().equals(previous) || m.firstJournalSeq() != t.lastJournalSeq() + 1
                || !m.chainPrevHash().equals(t.lastJournalHash())) {
            return Outcome.refused(Outcome.Refusal.CHAIN_BROKEN,
                    AlarmDetail.of("chainBroken", key(m), t.lastJournalSeq(), m.firstJournalSeq()));
        }
        return null;
    }

    private byte[] store(Connection c, HeadOfficeRepository.TerminalRow t, BatchFile.Decoded batch, String sha,
                         java.util.function.Function<JournalEvent, EventPayload> payloads) throws SQLException {
        Manifest m = batch.manifest();
        var now = clock.instant();
        byte[] ack = new Ack(m.hall(), m.terminal(), m.epoch(), m.seq(), sha, m.lastJournalSeq(), now.toString())
                .sign(key.getPrivate());
        repo.insertBatch(c, m.hall(), m.terminal(), m.epoch(), m.seq(), sha, m.firstJournalSeq(), m.lastJournalSeq(),
                m.eventCount(), now, batch.bytes(), ack);
        List<BatchLine> lines = restored(t, m) ? afterRestore(c, t, m, batch.lines()) : batch.lines();
        List<HeadOfficeRepository.ReceiptRow> receipts = new ArrayList<>(receipts(m, lines, payloads));
        if (restored(t, m)) {
            alarmRestored(c, t, m, lines, receipts);
        }
        repo.insertEvents(c, store.isPostgres(), m.hall(), m.terminal(), m.epoch(), lines);
        repo.insertReceipts(c, store.isPostgres(), receipts);
        Map<LocalDate, List<JournalEvent>> days = new java.util.TreeMap<>();
        for (BatchLine l : lines) {
            List<JournalEvent> folded = days.computeIfAbsent(l.businessDay(), d -> new ArrayList<>());
            if (DayFold.TYPES.contains(l.event().type())) {
                folded.add(l.event());
            }
            if (l.event().type().equals("RECEIPT_VOIDED")) {
                repo.markVoided(c, m.hall(), m.terminal(), payloads.apply(l.event()).paymentId());
            }
        }
        for (var day : days.entrySet()) {
            // first: a day this batch is the first to bring has no figures stored yet (they are written only
            // beside its ho_terminal_day row, in the same transaction), so they need not be read
            boolean firstOfDay = repo.received(c, store.isPostgres(), m.hall(), m.terminal(), day.getKey(), now);
            if (restored(t, m)) {
                refold(c, m.hall(), m.terminal(), day.getKey());
            } else {
                foldOn(c, m.hall(), m.terminal(), day.getKey(), day.getValue(), payloads, firstOfDay);
            }
        }
        repo.advance(c, m.hall(), m.terminal(), m.epoch(), m.seq(), sha, m.lastJournalSeq(), m.lastHash());
        return ack;
    }

    /**
     * The first batch of a restored terminal: the events head office already holds with the same number
     * and hash are the same events (kept once, not stored again); from the first that differs the
     * terminal's history is new (stored under the new epoch). The events head office holds that the
     * terminal lost stay: they happened, and the money they moved is counted. Receipt numbers the
     * restored terminal issued again are kept under their first issue. All of it is raised as one
     * {@code RESTORED} alarm in the same transaction, for a person to look at the hall's paper.
     * Returns the events to store.
     */
    private List<BatchLine> afterRestore(Connection c, HeadOfficeRepository.TerminalRow t, Manifest m, List<BatchLine> lines)
            throws SQLException {
        java.util.Set<String> held = repo.heldEvents(c, m.hall(), m.terminal(), m.firstJournalSeq(), t.lastJournalSeq());
        List<BatchLine> fresh = new ArrayList<>();
        for (BatchLine l : lines) {
            if (!held.contains(l.event().seq() + ":" + l.event().hash())) {
                fresh.add(l);
            }
        }
        return fresh;
    }

    /** The restore's alarm; takes out of {@code receipts} the numbers head office already holds. */
    private void alarmRestored(Connection c, HeadOfficeRepository.TerminalRow t, Manifest m, List<BatchLine> fresh,
                               List<HeadOfficeRepository.ReceiptRow> receipts) throws SQLException {
        long firstNew = fresh.isEmpty() ? m.lastJournalSeq() + 1 : fresh.get(0).event().seq();
        List<String> reissued = new ArrayList<>();
        for (var it = receipts.iterator(); it.hasNext(); ) {
            HeadOfficeRepository.ReceiptRow r = it.next();
            if (repo.receiptHeld(c, r.hall(), r.kind(), r.number(), r.terminal())) {
                reissued.add(r.kind() + " " + r.number());
                it.remove();
            }
        }
        AlarmDetail detail = AlarmDetail.of("restored", m.epoch(), m.firstJournalSeq(), t.lastJournalSeq(), t.epoch(),
                firstNew <= t.lastJournalSeq() ? AlarmDetail.of("restoredLost", firstNew, t.lastJournalSeq(), t.epoch()) : "",
                reissued.isEmpty() ? "" : AlarmDetail.of("restoredReissued", String.join(", ", reissued)));
        repo.alarm(c, clock.instant(), m.hall(), m.terminal(), "RESTORED", detail.stored());
    }

    /**
     * The batch's events of one day folded onto the figures head office holds for the terminal's day
     * (ADR 0022): the stored figures are read back ({@link DayFold.TillDay#ofFigures}), the new events
     * folded on, and the tills that changed written again; the day's earlier events are read only when
     * the batch has a void (its payment may be of an earlier batch). Equal to {@link #refold} (the fold of all the day's
     * events), which it falls back to where the stored figures do not say the fold's state exactly.
     */
    void foldOn(Connection c, String hall, String terminal, LocalDate day, List<JournalEvent> events,
                java.util.function.Function<JournalEvent, EventPayload> payloads, boolean nothingStored) throws SQLException {
        if (events.isEmpty()) {
            return; // nothing the fold reads: the figures stay as they are
        }
        Map<Long, Map.Entry<String, Map<String, String>>> stored = nothingStored ? Map.of()
                : repo.terminalDayFigures(c, hall, terminal, day);
        Map<Long, DayFold.TillDay> start = new LinkedHashMap<>();
        for (var till : stored.entrySet()) {
            Optional<DayFold.TillDay> t = DayFold.TillDay.ofFigures(till.getKey(), till.getValue().getKey(),
                    till.getValue().getValue());
            if (t.isEmpty()) {
                refold(c, hall, terminal, day);
                return;
            }
            start.put(till.getKey(), t.get());
        }
        // a void counts for its payment's till; that payment may be of an earlier batch (voids are rare)
        Map<Long, Long> earlier = events.stream().anyMatch(e -> e.type().equals("RECEIPT_VOIDED"))
                ? tillOfPayments(repo.dayEvents(c, hall, terminal, day, List.of("PAYMENT", "PAYMENT_REVERSED"))) : Map.of();
        Map<Long, DayFold.TillDay> tills = DayFold.fold(start, earlier::get, events, payloads);
        Map<Long, Map.Entry<String, Map<String, String>>> changed = new LinkedHashMap<>();
        tills.forEach((id, t) -> {
            Map<String, String> figures = t.figures();
            var before = stored.get(id);
            if (before == null || !before.getValue().equals(figures)) {
                changed.put(id, new AbstractMap.SimpleEntry<>(t.staffNo(), figures));
            }
        });
        repo.replaceTills(c, hall, terminal, day, changed, stored.keySet());
    }

    /** paymentId → tillId of payment events (the last of a repeated id, as {@link DayFold} takes it). */
    private static Map<Long, Long> tillOfPayments(List<JournalEvent> payments) {
        Map<Long, Long> out = new java.util.HashMap<>();
        for (JournalEvent e : payments) {
            EventPayload p = payload(e);
            out.put(p.paymentId(), p.tillId());
        }
        return out;
    }

    /** The day's till figures of one terminal folded again from all its stored events of that day. */
    void refold(Connection c, String hall, String terminal, LocalDate day) throws SQLException {
        Map<Long, DayFold.TillDay> tills = DayFold.fold(repo.dayEvents(c, hall, terminal, day, DayFold.TYPES));
        Map<Long, Map.Entry<String, Map<String, String>>> rows = new LinkedHashMap<>();
        tills.forEach((id, t) -> rows.put(id, new AbstractMap.SimpleEntry<>(t.staffNo(), t.figures())));
        repo.replaceFigures(c, hall, terminal, day, rows);
    }

    private static List<HeadOfficeRepository.ReceiptRow> receipts(Manifest m, List<BatchLine> lines,
                                                                  java.util.function.Function<JournalEvent, EventPayload> payloads) {
        List<HeadOfficeRepository.ReceiptRow> out = new ArrayList<>();
        for (BatchLine l : lines) {
            JournalEvent e = l.event();
            if (!e.type().equals("PAYMENT") && !e.type().equals("PAYMENT_REVERSED")) {
                continue;
            }
            EventPayload p = payloads.apply(e);
            long paid = 0;
            for (EventPayload.Item line : p.lines()) {
                paid += line.amountFen();
            }
            for (EventPayload.Item r : p.receipts()) {
                out.add(new HeadOfficeRepository.ReceiptRow(m.hall(), r.kind(), r.number(), m.terminal(), r.part(),
                        l.businessDay(), p.paymentId(), p.accountNo(), paid, e.type().equals("PAYMENT_REVERSED"), false));
            }
        }
        return out;
    }

    /** The refusal, with its alarm stored (in its own transaction: the batch's was rolled back). */
    private Outcome refuse(String hall, String terminal, Outcome refusal) throws SQLException {
        try (Connection c = store.connect()) {
            repo.alarm(c, clock.instant(), hall, terminal, refusal.refusal().name(), refusal.alarm());
            c.commit();
        }
        return refusal;
    }

    /** What head office knows of a receipt: empty when it never saw it (not genuine, or not yet sent). */
    public List<Map<String, Object>> checkReceipt(String hall, String kind, long number) throws SQLException {
        try (Connection c = store.connect()) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (HeadOfficeRepository.ReceiptRow r : repo.receipts(c, hall, kind, number)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("hall", r.hall());
                m.put("terminal", r.terminal());
                m.put("kind", r.kind());
                m.put("number", r.number());
                m.put("part", r.part());
                m.put("businessDay", r.day().toString());
                m.put("accountNo", r.accountNo());
                m.put("paidFen", r.paidFen());
                m.put("reversal", r.reversal());
                m.put("voided", r.voided());
                out.add(m);
            }
            c.rollback();
            return out;
        }
    }

    /** One till's figures of a day at head office, by check-day's names (empty when none arrived). */
    public Map<String, String> tillFigures(String hall, String terminal, LocalDate day, long till) throws SQLException {
        try (Connection c = store.connect()) {
            Map<String, String> out = repo.tillFigures(c, hall, terminal, day, till);
            c.rollback();
            return out;
        }
    }

    /** Alarms, newest first: {hall, terminal, kind, detail}, the detail in the program's language. */
    public List<String[]> alarms() throws SQLException {
        try (Connection c = store.connect()) {
            List<String[]> out = repo.alarms(c);
            c.rollback();
            out.forEach(a -> a[3] = AlarmDetail.render(a[3], io.counterdesk.shared.I18n.locale()));
            return out;
        }
    }

    /** A closed day is due at head office by this time of the next morning (hall time); after it, it is late. */
    public static final java.time.LocalTime DUE_NEXT_MORNING = java.time.LocalTime.of(9, 0);

    /** The latest business day head office holds figures for, else today in {@code zone}. */
    public LocalDate latestDay(java.time.ZoneId zone) throws SQLException {
        try (Connection c = store.connect()) {
            Optional<LocalDate> d = repo.latestDay(c);
            c.rollback();
            return d.orElse(LocalDate.now(clock.withZone(zone)));
        }
    }

    /**
     * Every hall's {@code day} (see {@link ConsolidatedDay}); {@code zone} is the halls' time zone, for
     * "late" (arrived after {@link #DUE_NEXT_MORNING} of the next day) and for "overdue" (the day is over
     * and an enrolled terminal has sent nothing of it, or tills of it still open).
     */
    public ConsolidatedDay consolidate(LocalDate day, java.time.ZoneId zone, int recentDays) throws SQLException {
        try (Connection c = store.connect()) {
            Map<String, Map<Long, Map<String, String>>> tills = new java.util.TreeMap<>();
            for (HeadOfficeRepository.FigureRow r : repo.dayFigures(c, day)) {
                tills.computeIfAbsent(r.hall() + "/" + r.terminal(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.till(), k -> new java.util.HashMap<>()).put(r.figure(), r.val());
            }
            Map<String, java.time.Instant> received = repo.dayReceived(c, day);
            java.time.Instant due = day.plusDays(1).atTime(DUE_NEXT_MORNING).atZone(zone).toInstant();
            Map<String, List<ConsolidatedDay.TerminalDay>> halls = new java.util.TreeMap<>();
            for (var t : tills.entrySet()) {
                ConsolidatedDay.Figures sum = ConsolidatedDay.Figures.none();
                for (Map<String, String> till : t.getValue().values()) {
                    sum = sum.plus(ConsolidatedDay.Figures.ofTill(till));
                }
                String[] ht = t.getKey().split("/", 2);
                java.time.Instant at = received.get(t.getKey());
                halls.computeIfAbsent(ht[0], k -> new ArrayList<>()).add(new ConsolidatedDay.TerminalDay(ht[0], ht[1], sum,
                        at, at != null && at.isAfter(due)));
            }
            List<ConsolidatedDay.Overdue> overdue = new ArrayList<>();
            boolean dayOver = clock.instant().isAfter(day.plusDays(1).atStartOfDay(zone).toInstant());
            for (Object[] t : repo.enrolledTerminals(c)) {
                String key = t[0] + "/" + t[1];
                Map<Long, Map<String, String>> its = tills.get(key);
                if (its == null) {
                    if (dayOver) {
                        overdue.add(new ConsolidatedDay.Overdue((String) t[0], (String) t[1],
                                ConsolidatedDay.Missing.NOT_SENT, (java.time.Instant) t[2]));
                    }
                } else if (its.values().stream().anyMatch(f -> !Boolean.parseBoolean(f.get("closed")))) {
                    overdue.add(new ConsolidatedDay.Overdue((String) t[0], (String) t[1],
                            ConsolidatedDay.Missing.NOT_CLOSED, (java.time.Instant) t[2]));
                }
            }
            Map<String, Map<LocalDate, Object[]>> byHallDay = new java.util.TreeMap<>();
            for (Object[] r : repo.businessTotals(c, day.minusDays(recentDays - 1L), day)) {
                Object[] cell = byHallDay.computeIfAbsent((String) r[0], k -> new java.util.TreeMap<>())
                        .computeIfAbsent((LocalDate) r[2], k -> new Object[] {io.counterdesk.shared.Money.ZERO,
                                new java.util.TreeSet<String>()});
                cell[0] = ((io.counterdesk.shared.Money) cell[0]).plus(io.counterdesk.shared.Money.parse((String) r[3]));
                @SuppressWarnings("unchecked")
                java.util.Set<String> terminals = (java.util.Set<String>) cell[1];
                terminals.add((String) r[1]);
            }
            List<ConsolidatedDay.DayTotal> recent = new ArrayList<>();
            byHallDay.forEach((hall, days) -> days.forEach((d, cell) -> recent.add(new ConsolidatedDay.DayTotal(hall, d,
                    (io.counterdesk.shared.Money) cell[0], ((java.util.Set<?>) cell[1]).size()))));
            List<ConsolidatedDay.Alarm> alarms = new ArrayList<>();
            for (Object[] a : repo.recentAlarms(c, 20)) {
                alarms.add(new ConsolidatedDay.Alarm((java.time.Instant) a[0], (String) a[1], (String) a[2], (String) a[3],
                        (String) a[4]));
            }
            c.rollback();
            List<ConsolidatedDay.Hall> hallList = new ArrayList<>();
            halls.forEach((h, ts) -> hallList.add(ConsolidatedDay.Hall.of(h, ts)));
            return new ConsolidatedDay(day, List.copyOf(hallList), List.copyOf(overdue), List.copyOf(recent),
                    List.copyOf(alarms));
        }
    }

    /** Head office's database (the server keeps resumable uploads' partial bytes beside the batches). */
    HeadOfficeStore database() {
        return store;
    }

    /** Rows in one of head office's tables (tests and the status page). */
    public long count(String table) throws SQLException {
        if (!table.matches("ho_[a-z_]+")) {
            throw new IllegalArgumentException(table);
        }
        try (Connection c = store.connect()) {
            long n = repo.count(c, table);
            c.rollback();
            return n;
        }
    }

    private static EventPayload payload(JournalEvent e) {
        try {
            return EventPayload.of(e.payload());
        } catch (java.io.IOException x) {
            throw new IllegalArgumentException("unreadable payload of event " + e.seq(), x);
        }
    }

    /** A batch named in an alarm: hall/terminal, epoch and seq. */
    private static AlarmDetail key(Manifest m) {
        return AlarmDetail.of("batch", m.hall() + "/" + m.terminal(), m.epoch(), m.seq());
    }

}
