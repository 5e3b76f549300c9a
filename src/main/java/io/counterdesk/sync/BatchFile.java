package io.counterdesk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterdesk.persistence.EventPayload;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.JournalEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A batch's bytes (docs/sync-protocol.md, "Batch file"): the magic {@code CDB1}, the manifest
 * (length-prefixed UTF-8 JSON), the content (length-prefixed gzip of one JSON line per event) and
 * the terminal's Ed25519 signature over everything before it (length-prefixed). Made once and
 * frozen: every retry, over HTTP or on a USB stick, sends the same bytes, named by their SHA-256.
 */
public final class BatchFile {

    public static final String FORMAT = "counterdesk-batch";
    public static final int SCHEMA_VERSION = 1;
    static final byte[] MAGIC = {'C', 'D', 'B', '1'};
    /** Bigger than any day of one terminal; a length beyond it is a corrupt or hostile file. */
    static final int MAX_PART = 256 * 1024 * 1024;

    static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** A batch read back: what it says, what it holds, and where its signature starts. */
    public record Decoded(Manifest manifest, List<BatchLine> lines, byte[] bytes, int signedLength, byte[] signature) {

        public boolean signedBy(PublicKey key) {
            return SyncKeys.verify(key, bytes, signedLength, signature);
        }

        public String sha256() {
            return BatchFile.sha256(bytes);
        }
    }

    private BatchFile() {
    }

    /** The manifest's figures worked out from {@code lines} (the rest from the arguments). */
    public static Manifest describe(String hall, String terminal, long epoch, long seq, String chainPrevHash,
                                    long nextJournalSeq, String previousBatchSha256, Instant madeAt, String zone,
                                    long downstreamCursor, List<BatchLine> lines) {
        return describe(hall, terminal, epoch, seq, chainPrevHash, nextJournalSeq, previousBatchSha256, madeAt, zone,
                downstreamCursor, lines, e -> payload(e.payload()));
    }

    private static Manifest describe(String hall, String terminal, long epoch, long seq, String chainPrevHash,
                                     long nextJournalSeq, String previousBatchSha256, Instant madeAt, String zone,
                                     long downstreamCursor, List<BatchLine> lines,
                                     java.util.function.Function<JournalEvent, EventPayload> payloads) {
        Map<String, long[]> totals = new TreeMap<>();
        TreeSet<String> days = new TreeSet<>();
        for (BatchLine l : lines) {
            long[] t = totals.computeIfAbsent(l.event().type(), k -> new long[2]);
            t[0]++;
            t[1] += EventMoney.of(payloads.apply(l.event()));
            days.add(l.businessDay().toString());
        }
        Map<String, Manifest.TypeTotal> types = new TreeMap<>();
        totals.forEach((k, v) -> types.put(k, new Manifest.TypeTotal((int) v[0], v[1])));
        long first = lines.isEmpty() ? nextJournalSeq : lines.get(0).event().seq();
        long last = lines.isEmpty() ? nextJournalSeq - 1 : lines.get(lines.size() - 1).event().seq();
        String lastHash = lines.isEmpty() ? chainPrevHash : lines.get(lines.size() - 1).event().hash();
        return new Manifest(FORMAT, SCHEMA_VERSION, hall, terminal, epoch, seq, first, last, chainPrevHash, lastHash,
                previousBatchSha256, madeAt.toString(), zone, List.copyOf(days), lines.size(), types, downstreamCursor);
    }

    /** The signed bytes of a batch. */
    public static byte[] encode(Manifest manifest, List<BatchLine> lines, PrivateKey key) {
        try {
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                for (BatchLine l : lines) {
                    out.write(JSON.writeValueAsBytes(line(l)));
                    out.write('\n');
                }
            }
            return signed(MAGIC, key, JSON.writeValueAsBytes(manifest), gz.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The container both batches and acknowledgements use: {@code magic}, each part as a uint32
     * length and its bytes, then the signature by {@code key} over all of that, length-prefixed.
     */
    static byte[] signed(byte[] magic, PrivateKey key, byte[]... parts) {
        try {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(all);
            out.write(magic);
            for (byte[] part : parts) {
                out.writeInt(part.length);
                out.write(part);
            }
            byte[] signed = all.toByteArray();
            byte[] signature = SyncKeys.sign(key, signed, signed.length);
            out.writeInt(signature.length);
            out.write(signature);
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode line(BatchLine l) {
        JournalEvent e = l.event();
        ObjectNode n = JSON.createObjectNode();
        n.put("seq", e.seq());
        n.put("at", e.occurredAt().toString());
        n.put("terminal", e.terminalCode());
        n.put("staff", e.staffNo());
        n.put("type", e.type());
        n.put("subject", e.subject());
        // the payload as stored, character for character: its hash covers this text
        n.put("payload", e.payload());
        n.put("prevHash", e.prevHash());
        n.put("hash", e.hash());
        n.put("day", l.businessDay().toString());
        return n;
    }

    /** Reads a batch's parts; refuses anything malformed (the signature is checked by {@link Decoded#signedBy}). */
    public static Decoded decode(byte[] bytes) throws BatchFormatException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[4];
        if (bytes.length < 4 || !java.util.Arrays.equals(in.get(magic).array(), 0, 4, MAGIC, 0, 4)) {
            throw new BatchFormatException("not a CounterDesk batch (magic)");
        }
        byte[] m = part(in, "manifest");
        byte[] c = part(in, "content");
        int signedLength = in.position();
        byte[] signature = part(in, "signature");
        if (in.hasRemaining()) {
            throw new BatchFormatException("bytes after the signature");
        }
        Manifest manifest;
        try {
            manifest = JSON.readValue(m, Manifest.class);
        } catch (IOException | RuntimeException e) {
            throw new BatchFormatException("unreadable manifest", e);
        }
        if (!FORMAT.equals(manifest.format()) || manifest.schemaVersion() != SCHEMA_VERSION) {
            throw new BatchFormatException("unknown format " + manifest.format() + " v" + manifest.schemaVersion());
        }
        byte[] text;
        int length;
        try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(c), Math.max(512, Math.min(c.length, 64 * 1024)))) {
            // sized from the gzip trailer's length of the content (a hint only: capped, and grown if it lies)
            long said = c.length < 4 ? 0 : (c[c.length - 4] & 0xffL) | (c[c.length - 3] & 0xffL) << 8
                    | (c[c.length - 2] & 0xffL) << 16 | (c[c.length - 1] & 0xffL) << 24;
            text = new byte[(int) Math.min(said, Math.min(64L * c.length, MAX_PART)) + 1];
            length = 0;
            for (int n; (n = gz.read(text, length, text.length - length)) > 0; ) {
                length += n;
                if (length == text.length) {
                    if (length >= MAX_PART) {
                        throw new BatchFormatException("unreadable content: longer than " + MAX_PART + " bytes");
                    }
                    text = java.util.Arrays.copyOf(text, (int) Math.min(2L * length, MAX_PART + 1L));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new BatchFormatException("unreadable content", e);
        }
        return new Decoded(manifest, List.copyOf(lines(text, length)), bytes, signedLength, signature);
    }

    /** The content's lines by Jackson's streaming parser: one pass (no tree, no line strings), each a flat object. */
    private static List<BatchLine> lines(byte[] text, int length) throws BatchFormatException {
        List<BatchLine> lines = new ArrayList<>();
        try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(text, 0, length)) {
            com.fasterxml.jackson.core.JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    throw new BatchFormatException("unreadable content: a line is not an object");
                }
                lines.add(line(p));
            }
        } catch (IOException | RuntimeException e) {
            throw new BatchFormatException("unreadable content", e);
        }
        return lines;
    }

    /** One event's line, the parser on its START_OBJECT: every field of {@link #line(BatchLine)} there, others ignored. */
    private static BatchLine line(com.fasterxml.jackson.core.JsonParser p) throws IOException, BatchFormatException {
        long seq = 0;
        boolean hasSeq = false;
        String at = null, terminal = null, staff = null, type = null, subject = null, payload = null, prevHash = null,
                hash = null, day = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            com.fasterxml.jackson.core.JsonToken v = p.nextToken();
            if (v.isStructStart()) {
                throw new BatchFormatException("unreadable content: field " + field + " is not a value");
            }
            switch (field) {
                case "seq" -> {
                    seq = p.getValueAsLong();
                    hasSeq = true;
                }
                case "at" -> at = p.getValueAsString();
                case "terminal" -> terminal = p.getValueAsString();
                case "staff" -> staff = p.getValueAsString();
                case "type" -> type = p.getValueAsString();
                case "subject" -> subject = p.getValueAsString();
                case "payload" -> payload = p.getValueAsString();
                case "prevHash" -> prevHash = p.getValueAsString();
                case "hash" -> hash = p.getValueAsString();
                case "day" -> day = p.getValueAsString();
                default -> {
                    // a field this version does not read
                }
            }
        }
        if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.END_OBJECT || !hasSeq || at == null || terminal == null
                || staff == null || type == null || subject == null || payload == null || prevHash == null || hash == null
                || day == null) {
            throw new BatchFormatException("unreadable content: a line lacks a field");
        }
        return new BatchLine(new JournalEvent(seq, instant(at), terminal, staff, type, subject, payload, prevHash, hash),
                date(day));
    }

    /**
     * {@link Instant#parse}, without its formatter for the form {@link Instant#toString} writes: whole seconds,
     * or a fraction of 1-9 digits, then {@code Z}.
     */
    public static Instant instant(String text) {
        String s = text;
        int nanos = 0;
        int n = s.length();
        if (n > 21 && n <= 30 && s.charAt(19) == '.' && s.charAt(n - 1) == 'Z') {
            int fraction = digits(s, 20, n - 1);
            if (fraction >= 0) {
                nanos = fraction;
                for (int i = n - 1 - 20; i < 9; i++) {
                    nanos *= 10;
                }
                s = s.substring(0, 19) + "Z";
            }
        }
        if (s.length() == 20 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T' && s.charAt(13) == ':'
                && s.charAt(16) == ':' && s.charAt(19) == 'Z') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int dayOfMonth = digits(s, 8, 10);
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            if (hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60) {
                LocalDate date = plainDate(year, month, dayOfMonth);
                if (date != null) {
                    return Instant.ofEpochSecond(date.toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
                }
            }
        }
        return Instant.parse(text);
    }

    /** {@link LocalDate#parse}, without its formatter for a plain {@code yyyy-MM-dd}. */
    public static LocalDate date(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int dayOfMonth = digits(s, 8, 10);
            LocalDate date = plainDate(year, month, dayOfMonth);
            if (date != null) {
                return date;
            }
        }
        return LocalDate.parse(s);
    }

    /** The date, or null when the numbers are not one (the JDK's parser then says why). */
    private static LocalDate plainDate(int year, int month, int dayOfMonth) {
        if (year < 0 || month < 0 || dayOfMonth < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, dayOfMonth);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The decimal number of {@code s[from, to)}, or -1 when a character there is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            n = n * 10 + (ch - '0');
        }
        return n;
    }

    private static byte[] part(ByteBuffer in, String what) throws BatchFormatException {
        if (in.remaining() < 4) {
            throw new BatchFormatException("cut short before the " + what);
        }
        int n = in.getInt();
        if (n < 0 || n > MAX_PART || n > in.remaining()) {
            throw new BatchFormatException("cut short in the " + what);
        }
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    /**
     * What does not fit in a decoded batch, or an empty list: every event's hash recomputed, each
     * event linked to the one before (the first to {@code chainPrevHash}), numbers consecutive, every
     * event of the manifest's terminal, and every figure of the manifest equal to the content's.
     */
    public static List<String> problems(Decoded batch) {
        return problems(batch, e -> payload(e.payload()));
    }

    /** As {@link #problems(Decoded)}, reading each event's payload through {@code payloads} (head office parses each once). */
    public static List<String> problems(Decoded batch, java.util.function.Function<JournalEvent, EventPayload> payloads) {
        Manifest m = batch.manifest();
        List<String> out = new ArrayList<>();
        String prev = m.chainPrevHash();
        long expectedSeq = m.firstJournalSeq();
        for (BatchLine l : batch.lines()) {
            JournalEvent e = l.event();
            if (e.seq() != expectedSeq) {
                out.add("event " + expectedSeq + " missing (found " + e.seq() + ")");
                return out;
            }
            if (!e.prevHash().equals(prev)) {
                out.add("event " + e.seq() + " does not link to the one before");
                return out;
            }
            if (!Journal.hashOf(e).equals(e.hash())) {
                out.add("event " + e.seq() + " does not match its hash");
                return out;
            }
            if (!e.terminalCode().equals(m.terminal())) {
                out.add("event " + e.seq() + " is terminal " + e.terminalCode() + "'s");
                return out;
            }
            prev = e.hash();
            expectedSeq++;
        }
        Manifest recomputed;
        try {
            recomputed = describe(m.hall(), m.terminal(), m.epoch(), m.seq(), m.chainPrevHash(), m.firstJournalSeq(),
                    m.previousBatchSha256(), instant(m.madeAt()), m.zone(), m.downstreamCursor(), batch.lines(),
                    payloads);
        } catch (RuntimeException e) {
            out.add("content unreadable: " + e.getMessage());
            return out;
        }
        if (!recomputed.equals(m)) {
            out.add("manifest does not match the content");
        }
        return out;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fields of a payload the manifest and head office read; IllegalArgumentException when it is not JSON. */
    public static EventPayload payload(String json) {
        try {
            return EventPayload.of(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable payload", e);
        }
    }

    static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable payload", e);
        }
    }
}
