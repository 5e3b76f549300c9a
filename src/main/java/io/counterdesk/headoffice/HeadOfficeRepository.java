package io.counterdesk.headoffice;

import io.counterdesk.persistence.JournalEvent;
import io.counterdesk.sync.BatchLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.PGConnection;

/** Head office's SQL (plain JDBC on one connection; the same statements on H2 and PostgreSQL). */
final class HeadOfficeRepository {

    /** An enrolled (or pending) terminal, locked for the batch being accepted. */
    record TerminalRow(String hall, String terminal, String publicKey, String tokenSha256, long epoch, long lastSeq,
                       String lastBatchSha256, long lastJournalSeq, String lastJournalHash) {
    }

    /** An accepted batch: its hash and the acknowledgement sent. */
    record StoredBatch(String sha256, byte[] ack) {
    }

    /** A receipt as head office knows it. */
    record ReceiptRow(String hall, String kind, long number, String terminal, String part, LocalDate day,
                      long paymentId, String accountNo, long paidFen, boolean reversal, boolean voided) {
    }

    Optional<TerminalRow> lockTerminal(Connection c, String hall, String terminal) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT hall_code, terminal_code, public_key, enrol_token_sha256, epoch, last_seq, last_batch_sha256,
                       last_journal_seq, last_journal_hash
                FROM ho_terminal WHERE hall_code = ? AND terminal_code = ? FOR UPDATE""")) {
            s.setString(1, hall);
            s.setString(2, terminal);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TerminalRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getLong(8), rs.getString(9)));
            }
        }
    }

    /** The enrolled terminal's public key, read without a lock; empty when not enrolled. */
    Optional<String> publicKey(Connection c, String hall, String terminal) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT public_key FROM ho_terminal WHERE hall_code = ? AND terminal_code = ? AND public_key IS NOT NULL")) {
            s.setString(1, hall);
            s.setString(2, terminal);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Adds a terminal waiting for its key, or gives a pending one a new token; false if already enrolled. */
    boolean createOrRenew(Connection c, String hall, String terminal, String tokenSha256, Instant now) throws SQLException {
        Optional<TerminalRow> row = lockTerminal(c, hall, terminal);
        if (row.isPresent()) {
            if (row.get().publicKey() != null) {
                return false;
            }
            return update(c, "UPDATE ho_terminal SET enrol_token_sha256 = ? WHERE hall_code = ? AND terminal_code = ?",
                    tokenSha256, hall, terminal) == 1;
        }
        return update(c, "INSERT INTO ho_terminal(hall_code, terminal_code, enrol_token_sha256, created_at) VALUES (?, ?, ?, ?)",
                hall, terminal, tokenSha256, at(now)) == 1;
    }

    void enrol(Connection c, String hall, String terminal, String publicKey, Instant now) throws SQLException {
        update(c, "UPDATE ho_terminal SET public_key = ?, enrolled_at = ? WHERE hall_code = ? AND terminal_code = ?",
                publicKey, at(now), hall, terminal);
    }

    Optional<StoredBatch> batch(Connection c, String hall, String terminal, long epoch, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT sha256, ack FROM ho_batch WHERE hall_code = ? AND terminal_code = ? AND epoch = ? AND seq = ?")) {
            s.setString(1, hall);
            s.setString(2, terminal);
            s.setLong(3, epoch);
            s.setLong(4, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new StoredBatch(rs.getString(1), rs.getBytes(2))) : Optional.empty();
            }
        }
    }

    void insertBatch(Connection c, String hall, String terminal, long epoch, long seq, String sha256, long first,
                     long last, int events, Instant now, byte[] bytes, byte[] ack) throws SQLException {
        update(c, """
                INSERT INTO ho_batch(hall_code, terminal_code, epoch, seq, sha256, first_journal_seq, last_journal_seq,
                                     event_count, received_at, bytes, ack)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                hall, terminal, epoch, seq, sha256, first, last, events, at(now), bytes, ack);
    }

    void advance(Connection c, String hall, String terminal, long epoch, long seq, String batchSha256, long lastJournalSeq,
                 String lastJournalHash) throws SQLException {
        update(c, """
                UPDATE ho_terminal SET epoch = ?, last_seq = ?, last_batch_sha256 = ?, last_journal_seq = ?, last_journal_hash = ?
                WHERE hall_code = ? AND terminal_code = ?""",
                epoch, seq, batchSha256, lastJournalSeq, lastJournalHash, hall, terminal);
    }

    /** The events by COPY on PostgreSQL (CSV), by a batched insert on H2. */
    void insertEvents(Connection c, boolean postgres, String hall, String terminal, long epoch, List<BatchLine> lines)
            throws SQLException {
        if (lines.isEmpty()) {
            return;
        }
        if (postgres) {
            int size = 0;
            for (BatchLine l : lines) {
                size += l.event().payload().length() * 5 / 4 + 256; // quotes doubled, the other fields
            }
            CopyCsv csv = new CopyCsv(size);
            for (BatchLine l : lines) {
                eventRow(csv, hall, terminal, epoch, l);
            }
            copy(c, """
                    COPY ho_event(hall_code, terminal_code, business_day, epoch, journal_seq, occurred_at, staff_no,
                                  type, subject, payload, prev_hash, hash) FROM STDIN WITH (FORMAT csv)""", csv);
            return;
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO ho_event(hall_code, terminal_code, business_day, epoch, journal_seq, occurred_at, staff_no,
                                     type, subject, payload, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (BatchLine l : lines) {
                JournalEvent e = l.event();
                s.setString(1, hall);
                s.setString(2, terminal);
                s.setObject(3, l.businessDay());
                s.setLong(4, epoch);
                s.setLong(5, e.seq());
                s.setObject(6, at(e.occurredAt()));
                s.setString(7, e.staffNo());
                s.setString(8, e.type());
                s.setString(9, e.subject());
                s.setString(10, e.payload());
                s.setString(11, e.prevHash());
                s.setString(12, e.hash());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** One ho_event row of {@code COPY … (FORMAT csv)}, in the column order of {@link #insertEvents}. */
    static void eventRow(CopyCsv csv, String hall, String terminal, long epoch, BatchLine l) {
        JournalEvent e = l.event();
        csv.text(hall, ',').text(terminal, ',').plain(l.businessDay().toString(), ',').number(epoch, ',')
                .number(e.seq(), ',').plain(io.counterdesk.persistence.Journal.instantText(e.occurredAt()), ',').text(e.staffNo(), ',').text(e.type(), ',')
                .text(e.subject(), ',').text(e.payload(), ',').text(e.prevHash(), ',').text(e.hash(), '\n');
    }

    /** One ho_receipt row of {@code COPY … (FORMAT csv)}, in the column order of {@link #insertReceipts}. */
    static void receiptRow(CopyCsv csv, ReceiptRow r) {
        csv.text(r.hall(), ',').text(r.kind(), ',').number(r.number(), ',').text(r.terminal(), ',').text(r.part(), ',')
                .plain(r.day().toString(), ',').number(r.paymentId(), ',').text(r.accountNo(), ',').number(r.paidFen(), ',')
                .text("", ',').plain(Boolean.toString(r.reversal()), '\n');
    }

    private static void copy(Connection c, String sql, CopyCsv csv) throws SQLException {
        org.postgresql.copy.CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            in.writeToCopy(csv.array(), 0, csv.size());
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** The day's events of one terminal of the given types, in journal order. */
    List<JournalEvent> dayEvents(Connection c, String hall, String terminal, LocalDate day, List<String> types)
            throws SQLException {
        String in = String.join(",", types.stream().map(t -> "?").toList());
        try (PreparedStatement s = c.prepareStatement("""
                SELECT journal_seq, occurred_at, terminal_code, staff_no, type, subject, payload, prev_hash, hash
                FROM ho_event WHERE hall_code = ? AND terminal_code = ? AND business_day = ? AND type IN (%s)
                ORDER BY epoch, journal_seq""".formatted(in))) {
            s.setString(1, hall);
            s.setString(2, terminal);
            s.setObject(3, day);
            for (int i = 0; i < types.size(); i++) {
                s.setString(4 + i, types.get(i));
            }
            List<JournalEvent> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new JournalEvent(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9)));
                }
            }
            return out;
        }
    }

    void replaceFigures(Connection c, String hall, String terminal, LocalDate day,
                        Map<Long, Map.Entry<String, Map<String, String>>> tills) throws SQLException {
        update(c, "DELETE FROM ho_till_figure WHERE hall_code = ? AND terminal_code = ? AND business_day = ?",
                hall, terminal, day);
        insertFigures(c, hall, terminal, day, tills);
    }

    private static void insertFigures(Connection c, String hall, String terminal, LocalDate day,
                                      Map<Long, Map.Entry<String, Map<String, String>>> tills) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO ho_till_figure(hall_code, terminal_code, business_day, till_id, staff_no, figure, val)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (var till : tills.entrySet()) {
                for (var f : till.getValue().getValue().entrySet()) {
                    s.setString(1, hall);
                    s.setString(2, terminal);
                    s.setObject(3, day);
                    s.setLong(4, till.getKey());
                    s.setString(5, till.getValue().getKey());
                    s.setString(6, f.getKey());
                    s.setString(7, f.getValue());
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
    }

    /** The figures of one terminal's day, by till: till id → (staff number, figure name → value). */
    Map<Long, Map.Entry<String, Map<String, String>>> terminalDayFigures(Connection c, String hall, String terminal,
                                                                        LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT till_id, staff_no, figure, val FROM ho_till_figure
                WHERE hall_code = ? AND terminal_code = ? AND business_day = ?""")) {
            s.setString(1, hall);
            s.setString(2, terminal);
            s.setObject(3, day);
            Map<Long, Map.Entry<String, Map<String, String>>> out = new java.util.TreeMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String staff = rs.getString(2);
                    out.computeIfAbsent(rs.getLong(1), k -> new java.util.AbstractMap.SimpleEntry<>(staff,
                            new java.util.TreeMap<>())).getValue().put(rs.getString(3), rs.getString(4));
                }
            }
            return out;
        }
    }

    /**
     * Writes the figures of the given tills of one terminal's day again (the other tills stay); only the
     * tills in {@code stored} (those with rows, as just read) are deleted first.
     */
    void replaceTills(Connection c, String hall, String terminal, LocalDate day,
                      Map<Long, Map.Entry<String, Map<String, String>>> tills, java.util.Set<Long> stored)
            throws SQLException {
        if (tills.isEmpty()) {
            return;
        }
        List<Long> held = tills.keySet().stream().filter(stored::contains).toList();
        if (!held.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("""
                    DELETE FROM ho_till_figure WHERE hall_code = ? AND terminal_code = ? AND business_day = ? AND till_id = ?""")) {
                for (long till : held) {
                    s.setString(1, hall);
                    s.setString(2, terminal);
                    s.setObject(3, day);
                    s.setLong(4, till);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        insertFigures(c, hall, terminal, day, tills);
    }

    /** One till's figures at head office: figure name → value. */
    Map<String, String> tillFigures(Connection c, String hall, String terminal, LocalDate day, long till)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT figure, val FROM ho_till_figure
                WHERE hall_code = ? AND terminal_code = ? AND business_day = ? AND till_id = ? ORDER BY figure""")) {
            s.setString(1, hall);
            s.setString(2, terminal);
            s.setObject(3, day);
            s.setLong(4, till);
            Map<String, String> out = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        }
    }

    /** The receipts by COPY on PostgreSQL (CSV), by a batched insert on H2. */
    void insertReceipts(Connection c, boolean postgres, List<ReceiptRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (postgres) {
            CopyCsv csv = new CopyCsv(rows.size() * 100);
            for (ReceiptRow r : rows) {
                receiptRow(csv, r);
            }
            copy(c, """
                    COPY ho_receipt(hall_code, kind, number, terminal_code, part, business_day, payment_id, account_no,
                                    paid_fen, mac, reversal) FROM STDIN WITH (FORMAT csv)""", csv);
            return;
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO ho_receipt(hall_code, kind, number, terminal_code, part, business_day, payment_id, account_no,
                                       paid_fen, mac, reversal)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)""")) {
            for (ReceiptRow r : rows) {
                s.setString(1, r.hall());
                s.setString(2, r.kind());
                s.setLong(3, r.number());
                s.setString(4, r.terminal());
                s.setString(5, r.part());
                s.setObject(6, r.day());
                s.setLong(7, r.paymentId());
                s.setString(8, r.accountNo());
                s.setLong(9, r.paidFen());
                s.setBoolean(10, r.reversal());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    void markVoided(Connection c, String hall, String terminal, long paymentId) throws SQLException {
        update(c, "UPDATE ho_receipt SET voided = TRUE WHERE hall_code = ? AND terminal_code = ? AND payment_id = ?",
                hall, terminal, paymentId);
    }

    List<ReceiptRow> receipts(Connection c, String hall, String kind, long number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT hall_code, kind, number, terminal_code, part, business_day, payment_id, account_no, paid_fen,
                       reversal, voided
                FROM ho_receipt WHERE hall_code = ? AND kind = ? AND number = ? ORDER BY terminal_code""")) {
            s.setString(1, hall);
            s.setString(2, kind);
            s.setLong(3, number);
            List<ReceiptRow> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new ReceiptRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getDate(6).toLocalDate(), rs.getLong(7), rs.getString(8), rs.getLong(9),
                            rs.getBoolean(10), rs.getBoolean(11)));
                }
            }
            return out;
        }
    }

    void alarm(Connection c, Instant now, String hall, String terminal, String kind, String detail) throws SQLException {
        update(c, "INSERT INTO ho_alarm(raised_at, hall_code, terminal_code, kind, detail) VALUES (?, ?, ?, ?, ?)",
                at(now), hall, terminal, kind, detail.length() > 1000 ? detail.substring(0, 1000) : detail);
    }

    /** Alarms, newest first: kind and detail. */
    List<String[]> alarms(Connection c) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT hall_code, terminal_code, kind, detail, raised_at FROM ho_alarm ORDER BY id DESC");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        return out;
    }

    /**
     * Notes that a batch with events of {@code day} arrived now (first and last arrival, number of batches);
     * true when it is the first of that terminal's day (the row made now). On PostgreSQL one statement.
     */
    boolean received(Connection c, boolean postgres, String hall, String terminal, LocalDate day, Instant now)
            throws SQLException {
        if (postgres) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO ho_terminal_day(hall_code, terminal_code, business_day, first_received_at, last_received_at,
                                                batches) VALUES (?, ?, ?, ?, ?, 1)
                    ON CONFLICT (hall_code, terminal_code, business_day)
                    DO UPDATE SET last_received_at = EXCLUDED.last_received_at, batches = ho_terminal_day.batches + 1
                    RETURNING batches""")) {
                s.setString(1, hall);
                s.setString(2, terminal);
                s.setObject(3, day);
                s.setObject(4, at(now));
                s.setObject(5, at(now));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) == 1;
                }
            }
        }
        if (update(c, """
                UPDATE ho_terminal_day SET last_received_at = ?, batches = batches + 1
                WHERE hall_code = ? AND terminal_code = ? AND business_day = ?""",
                at(now), hall, terminal, day) == 0) {
            update(c, """
                    INSERT INTO ho_terminal_day(hall_code, terminal_code, business_day, first_received_at, last_received_at,
                                                batches) VALUES (?, ?, ?, ?, ?, 1)""",
                    hall, terminal, day, at(now), at(now));
            return true;
        }
        return false;
    }

    /** The hash head office holds for the terminal's journal event {@code seq} (of the latest epoch that has it). */
    Optional<String> eventHash(Connection c, String hall, String terminal, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT hash FROM ho_event WHERE hall_code = ? AND terminal_code = ? AND journal_seq = ?
                ORDER BY epoch DESC LIMIT 1""")) {
            s.setString(1, hall);
            s.setString(2, terminal);
            s.setLong(3, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** "seq:hash" of every event head office holds for the terminal with a number in [from, to]. */
    java.util.Set<String> heldEvents(Connection c, String hall, String terminal, long from, long to) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT journal_seq, hash FROM ho_event WHERE hall_code = ? AND terminal_code = ?
                AND journal_seq BETWEEN ? AND ?""")) {
            s.setString(1, hall);
            s.setString(2, terminal);
            s.setLong(3, from);
            s.setLong(4, to);
            java.util.Set<String> out = new java.util.HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1) + ":" + rs.getString(2));
                }
            }
            return out;
        }
    }

    boolean receiptHeld(Connection c, String hall, String kind, long number, String terminal) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT 1 FROM ho_receipt WHERE hall_code = ? AND kind = ? AND number = ? AND terminal_code = ?""")) {
            s.setString(1, hall);
            s.setString(2, kind);
            s.setLong(3, number);
            s.setString(4, terminal);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A figure row of the consolidated day. */
    record FigureRow(String hall, String terminal, long till, String figure, String val) {
    }

    /** Every till figure of {@code day}, all halls, in hall, terminal, till order. */
    List<FigureRow> dayFigures(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT hall_code, terminal_code, till_id, figure, val FROM ho_till_figure WHERE business_day = ?
                ORDER BY hall_code, terminal_code, till_id""")) {
            s.setObject(1, day);
            List<FigureRow> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new FigureRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        }
    }

    /** The business figures (business.*) of the days from {@code from} to {@code to}, all halls. */
    List<Object[]> businessTotals(Connection c, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT hall_code, terminal_code, business_day, val FROM ho_till_figure
                WHERE business_day BETWEEN ? AND ? AND figure LIKE 'business.%'""")) {
            s.setObject(1, from);
            s.setObject(2, to);
            List<Object[]> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Object[] {rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4)});
                }
            }
            return out;
        }
    }

    /** (hall, terminal) → when the day's events last arrived. */
    Map<String, Instant> dayReceived(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT hall_code, terminal_code, last_received_at FROM ho_terminal_day WHERE business_day = ?")) {
            s.setObject(1, day);
            Map<String, Instant> out = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1) + "/" + rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant());
                }
            }
            return out;
        }
    }

    /** Enrolled terminals with the time of their last batch (null before the first): hall, terminal, last. */
    List<Object[]> enrolledTerminals(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT t.hall_code, t.terminal_code, (SELECT MAX(b.received_at) FROM ho_batch b
                        WHERE b.hall_code = t.hall_code AND b.terminal_code = t.terminal_code)
                FROM ho_terminal t WHERE t.public_key IS NOT NULL ORDER BY t.hall_code, t.terminal_code""");
             ResultSet rs = s.executeQuery()) {
            List<Object[]> out = new ArrayList<>();
            while (rs.next()) {
                OffsetDateTime last = rs.getObject(3, OffsetDateTime.class);
                out.add(new Object[] {rs.getString(1), rs.getString(2), last == null ? null : last.toInstant()});
            }
            return out;
        }
    }

    /** The latest {@code limit} alarms, newest first: time, hall, terminal, kind, detail. */
    List<Object[]> recentAlarms(Connection c, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT raised_at, hall_code, terminal_code, kind, detail FROM ho_alarm ORDER BY id DESC LIMIT " + limit);
             ResultSet rs = s.executeQuery()) {
            List<Object[]> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Object[] {rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)});
            }
            return out;
        }
    }

    /** The latest business day any figure is held for; empty when none. */
    Optional<LocalDate> latestDay(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(business_day) FROM ho_till_figure");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            java.sql.Date d = rs.getDate(1);
            return d == null ? Optional.empty() : Optional.of(d.toLocalDate());
        }
    }

    long count(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static OffsetDateTime at(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }
}
