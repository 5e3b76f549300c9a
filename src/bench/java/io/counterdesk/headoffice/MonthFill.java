package io.counterdesk.headoffice;

import io.counterdesk.persistence.JournalEvent;
import io.counterdesk.report.DayFold;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SyncBench's month: one business day of every enrolled terminal written straight into head office's
 * tables by SQL on the server ({@code INSERT … SELECT generate_series}), as the HTTP ingest would have
 * left them — the events (a till opening and cash payments, the payload {@link #payment} of the timed
 * days), their receipts, the till's figures (folded by {@link DayFold} from the same payloads), the
 * batch (its bytes a placeholder) and the day received. Hashes are synthetic ({@link #hash}), the same
 * in SQL and in Java, so the terminals' positions can be set to continue from them.
 */
final class MonthFill {

    private MonthFill() {
    }

    /** The payment payload of event {@code n} (the benchmark's terminals and the fill write the same). */
    static String payment(long n, long fen, long till) {
        return "{\"accountNo\":\"0001\",\"cashReceivedFen\":" + fen + ",\"changeFen\":0,\"creditUsedFen\":0,\"lines\":"
                + "[{\"amountFen\":" + fen + ",\"billId\":" + n + ",\"kind\":\"PRINCIPAL\",\"m3\":1}],\"paymentId\":" + n
                + ",\"receipts\":[{\"kind\":\"RECEIPT\",\"mac\":\"x\",\"number\":" + n + ",\"part\":\"WHOLE\"}],"
                + "\"tenders\":[],\"tillId\":" + till + ",\"voucherM3\":0}";
    }

    /** A synthetic 64-hex hash of the terminal's event (or, negative, batch) {@code n}; SQL: {@link #HASH_SQL}. */
    static String hash(String hall, String terminal, long n) {
        return md5(hall + "|" + terminal + "|" + n) + md5(n + "|" + terminal + "|" + hall);
    }

    private static final String HASH_SQL = "md5(t.hall_code || '|' || t.terminal_code || '|' || (%1$s)) "
            + "|| md5((%1$s) || '|' || t.terminal_code || '|' || t.hall_code)";

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Day number {@code k} (journal events (k−1)·events+1 … k·events, till k, batch k) of every enrolled terminal. */
    static void day(Connection c, LocalDate day, int k, int events) throws SQLException {
        long base = (long) (k - 1) * events;
        String at = day.atTime(1, 0).atOffset(ZoneOffset.UTC).toString();
        String received = day.atTime(10, 0).atOffset(ZoneOffset.UTC).toString();
        String series = "(SELECT i, " + base + " + i AS n FROM generate_series(1, " + events + ") i) s";
        try (Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO ho_event (hall_code, terminal_code, business_day, epoch, journal_seq, occurred_at, staff_no,
                                          type, subject, payload, prev_hash, hash)
                    SELECT t.hall_code, t.terminal_code, DATE '%1$s', 1, s.n, TIMESTAMPTZ '%2$s' + s.i * INTERVAL '1 minute',
                           '1001', CASE WHEN s.i = 1 THEN 'TILL_OPENED' ELSE 'PAYMENT' END,
                           CASE WHEN s.i = 1 THEN 'till:%3$d' ELSE 'account:0001' END,
                           CASE WHEN s.i = 1 THEN '{"businessDay":"%1$s","floatFen":50000,"tillId":%3$d}'
                                ELSE '{"accountNo":"0001","cashReceivedFen":' || (1000 + s.i)
                                     || ',"changeFen":0,"creditUsedFen":0,"lines":[{"amountFen":' || (1000 + s.i)
                                     || ',"billId":' || s.n || ',"kind":"PRINCIPAL","m3":1}],"paymentId":' || s.n
                                     || ',"receipts":[{"kind":"RECEIPT","mac":"x","number":' || s.n
                                     || ',"part":"WHOLE"}],"tenders":[],"tillId":%3$d,"voucherM3":0}' END,
                           %4$s, %5$s
                    FROM ho_terminal t CROSS JOIN %6$s WHERE t.public_key IS NOT NULL"""
                    .formatted(day, at, k, HASH_SQL.formatted("s.n - 1"), HASH_SQL.formatted("s.n"), series));
            s.execute("""
                    INSERT INTO ho_receipt (hall_code, kind, number, terminal_code, part, business_day, payment_id,
                                            account_no, paid_fen, mac, reversal)
                    SELECT t.hall_code, 'RECEIPT', s.n, t.terminal_code, 'WHOLE', DATE '%1$s', s.n, '0001', 1000 + s.i, '', FALSE
                    FROM ho_terminal t CROSS JOIN %2$s WHERE t.public_key IS NOT NULL AND s.i > 1"""
                    .formatted(day, series));
            StringBuilder figures = new StringBuilder();
            for (Map.Entry<String, String> f : figures(day, k, events).entrySet()) {
                figures.append(figures.isEmpty() ? "" : ", ").append("('").append(f.getKey()).append("', '")
                        .append(f.getValue()).append("')");
            }
            s.execute("""
                    INSERT INTO ho_till_figure (hall_code, terminal_code, business_day, till_id, staff_no, figure, val)
                    SELECT t.hall_code, t.terminal_code, DATE '%1$s', %2$d, '1001', f.figure, f.val
                    FROM ho_terminal t CROSS JOIN (VALUES %3$s) f(figure, val) WHERE t.public_key IS NOT NULL"""
                    .formatted(day, k, figures));
            s.execute("""
                    INSERT INTO ho_batch (hall_code, terminal_code, epoch, seq, sha256, first_journal_seq, last_journal_seq,
                                          event_count, received_at, bytes, ack)
                    SELECT t.hall_code, t.terminal_code, 1, %1$d, %2$s, %3$d, %4$d, %5$d, TIMESTAMPTZ '%6$s', '\\x00', '\\x00'
                    FROM ho_terminal t WHERE t.public_key IS NOT NULL"""
                    .formatted(k, HASH_SQL.formatted("'-" + k + "'"), base + 1, base + events, events, received));
            s.execute("""
                    INSERT INTO ho_terminal_day (hall_code, terminal_code, business_day, first_received_at, last_received_at,
                                                 batches)
                    SELECT t.hall_code, t.terminal_code, DATE '%1$s', TIMESTAMPTZ '%2$s', TIMESTAMPTZ '%2$s', 1
                    FROM ho_terminal t WHERE t.public_key IS NOT NULL""".formatted(day, received));
        }
    }

    /** Every terminal's position after day {@code k}: the next batch is k + 1, its chain goes on from event k·events. */
    static void positions(Connection c, int k, int events) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    UPDATE ho_terminal t SET epoch = 1, last_seq = %1$d, last_batch_sha256 = %2$s,
                           last_journal_seq = %3$d, last_journal_hash = %4$s
                    WHERE t.public_key IS NOT NULL"""
                    .formatted(k, HASH_SQL.formatted("'-" + k + "'"), (long) k * events,
                            HASH_SQL.formatted(Long.toString((long) k * events))));
        }
    }

    /** The till's figures of such a day, folded from the same payloads. */
    private static Map<String, String> figures(LocalDate day, int k, int events) {
        List<JournalEvent> list = new ArrayList<>();
        long base = (long) (k - 1) * events;
        java.time.Instant at = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        list.add(new JournalEvent(base + 1, at, "T", "1001", "TILL_OPENED", "till:" + k,
                "{\"businessDay\":\"" + day + "\",\"floatFen\":50000,\"tillId\":" + k + "}", "", ""));
        for (int i = 2; i <= events; i++) {
            list.add(new JournalEvent(base + i, at, "T", "1001", "PAYMENT", "account:0001", payment(base + i, 1_000 + i, k),
                    "", ""));
        }
        return DayFold.fold(list).get((long) k).figures();
    }
}
