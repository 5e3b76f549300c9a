package io.counterdesk.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a journal event's payload that the sync's readers take (the manifest's money, head
 * office's receipts and voids, {@code report.DayFold}), with exactly the meaning a Jackson tree gives
 * them ({@code path(f).asLong()}, {@code path(f).asText()}, {@code has(f)}, {@code path(f).size()}, an
 * array's elements), read in one pass over the text without building the tree (ADR 0029).
 *
 * <p>The pass takes only the plain form the journal writes: one object, every field read of its expected
 * kind (a whole number of at most 18 digits, a string without escapes, an array of objects), no field
 * read twice, nothing after the object, and every skipped value well-formed JSON. Anything else (a
 * duplicate, a number in quotes, a fraction, an escape, deep nesting, trailing text, broken JSON) is
 * handed to Jackson's tree as before, so a payload the tree refuses is refused here too, and one it
 * reads gives the same figures ({@code EventPayloadTest} compares both on random and broken payloads).
 */
public record EventPayload(long paymentId, long tillId, long floatFen, long cashReceivedFen, long changeFen,
                           long creditUsedFen, long voucherM3, long amountFen, long expectedCashFen, long countedCashFen,
                           long overShortFen, int present, String accountNo, String businessDay, List<Item> lines,
                           boolean linesArray, List<Item> tenders, List<Item> receipts, int receiptCount,
                           boolean hasReplacementNumber) {

    /** An element of {@code lines}, {@code tenders} or {@code receipts}: its kind, amountFen, number and part. */
    public record Item(String kind, long amountFen, long number, String part) {
    }

    /** The whole-number fields, in the order of the record's first components; bit i of {@link #present} is NUMBERS[i]'s. */
    static final String[] NUMBERS = {"paymentId", "tillId", "floatFen", "cashReceivedFen", "changeFen", "creditUsedFen",
        "voucherM3", "amountFen", "expectedCashFen", "countedCashFen", "overShortFen"};
    static final int AMOUNT_FEN = 7;
    static final int FLOAT_FEN = 2;
    static final int COUNTED_CASH_FEN = 9;

    /** The names the pass reads: {@link #NUMBERS}, then these (their indexes below). */
    private static final String[] TOP = java.util.stream.Stream.concat(java.util.Arrays.stream(NUMBERS),
            java.util.stream.Stream.of("accountNo", "businessDay", "lines", "tenders", "receipts", "replacementNumber"))
            .toArray(String[]::new);
    private static final int ACCOUNT_NO = 11;
    private static final int BUSINESS_DAY = 12;
    private static final int LINES = 13;
    private static final int TENDERS = 14;
    private static final int RECEIPTS = 15;
    private static final int REPLACEMENT_NUMBER = 16;
    private static final String[] ITEM = {"kind", "amountFen", "number", "part"};
    private static final int[][] TOP_BY_FIRST = byFirst(TOP);
    private static final int[][] ITEM_BY_FIRST = byFirst(ITEM);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** For each ASCII first character, the indexes of the names that start with it. */
    private static int[][] byFirst(String[] names) {
        int[][] out = new int[128][];
        for (int i = 0; i < names.length; i++) {
            int[] before = out[names[i].charAt(0)];
            int[] now = before == null ? new int[1] : java.util.Arrays.copyOf(before, before.length + 1);
            now[now.length - 1] = i;
            out[names[i].charAt(0)] = now;
        }
        return out;
    }

    /** The payload's fields: the one-pass reading, else Jackson's tree; Jackson's exception when the tree cannot be read. */
    public static EventPayload of(String json) throws IOException {
        EventPayload p = plain(json);
        return p != null ? p : ofTree(JSON.readTree(json));
    }

    /** Whether the payload has the field (any value, null included), for amountFen, floatFen and countedCashFen. */
    public boolean hasAmountFen() {
        return (present & 1 << AMOUNT_FEN) != 0;
    }

    public boolean hasFloatFen() {
        return (present & 1 << FLOAT_FEN) != 0;
    }

    public boolean hasCountedCashFen() {
        return (present & 1 << COUNTED_CASH_FEN) != 0;
    }

    /** The same fields from Jackson's tree, as the readers took them before. */
    static EventPayload ofTree(JsonNode p) {
        long[] n = new long[NUMBERS.length];
        int present = 0;
        for (int i = 0; i < NUMBERS.length; i++) {
            n[i] = p.path(NUMBERS[i]).asLong();
            if (p.has(NUMBERS[i])) {
                present |= 1 << i;
            }
        }
        return new EventPayload(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10], present,
                p.path("accountNo").asText(), p.path("businessDay").asText(), items(p.path("lines")),
                p.has("lines") && p.get("lines").isArray(), items(p.path("tenders")), items(p.path("receipts")),
                p.path("receipts").size(), p.has("replacementNumber"));
    }

    private static List<Item> items(JsonNode array) {
        List<Item> out = new ArrayList<>();
        for (JsonNode x : array) {
            out.add(new Item(x.path("kind").asText(), x.path("amountFen").asLong(), x.path("number").asLong(),
                    x.path("part").asText()));
        }
        return out;
    }

    /** The one-pass reading, or null when the payload is not of the plain form (then the tree decides). */
    static EventPayload plain(String json) {
        if (json.length() > 1_000_000) {
            return null;
        }
        try {
            return new Reader(json).root();
        } catch (NotPlain e) {
            return null;
        }
    }

    /** Thrown (without a stack trace) where the plain form ends. */
    private static final class NotPlain extends RuntimeException {
        private static final NotPlain IT = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final class Reader {
        private static final int MAX_DEPTH = 100;
        private static final int MAX_NUMBER = 100;
        private static final int MAX_NAME = 1_000;

        private final String s;
        private final int end;
        private int pos;

        Reader(String s) {
            this.s = s;
            this.end = s.length();
        }

        EventPayload root() {
            space();
            expect('{');
            long[] n = new long[NUMBERS.length];
            int present = 0;
            String accountNo = null;
            String businessDay = null;
            List<Item> lines = null;
            List<Item> tenders = null;
            List<Item> receipts = null;
            boolean replacement = false;
            if (opened('}')) {
                do {
                    int field = member(TOP_BY_FIRST, TOP);
                    if (field >= 0 && field < NUMBERS.length) {
                        if ((present & 1 << field) != 0) {
                            throw NotPlain.IT;
                        }
                        present |= 1 << field;
                        n[field] = whole();
                    } else {
                        switch (field) {
                            case ACCOUNT_NO -> accountNo = once(accountNo, plainString());
                            case BUSINESS_DAY -> businessDay = once(businessDay, plainString());
                            case LINES -> lines = once(lines, items());
                            case TENDERS -> tenders = once(tenders, items());
                            case RECEIPTS -> receipts = once(receipts, items());
                            default -> {
                                replacement |= field == REPLACEMENT_NUMBER;
                                skipValue(1);
                            }
                        }
                    }
                } while (!end('}'));
            }
            space();
            if (pos != end) {
                throw NotPlain.IT; // text after the object: the tree would pass over it unread
            }
            return new EventPayload(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10], present,
                    accountNo == null ? "" : accountNo, businessDay == null ? "" : businessDay,
                    lines == null ? List.of() : lines, lines != null, tenders == null ? List.of() : tenders,
                    receipts == null ? List.of() : receipts, receipts == null ? 0 : receipts.size(), replacement);
        }

        private static <T> T once(T before, T value) {
            if (before != null) {
                throw NotPlain.IT;
            }
            return value;
        }

        /** An array of objects with kind, amountFen, number and part (others skipped). */
        private List<Item> items() {
            space();
            expect('[');
            if (!opened(']')) {
                return List.of();
            }
            List<Item> out = new ArrayList<>(2);
            do {
                out.add(item());
            } while (!end(']'));
            return out;
        }

        private Item item() {
            expect('{');
            String kind = null;
            String part = null;
            long amountFen = 0;
            long number = 0;
            int seen = 0;
            if (opened('}')) {
                do {
                    switch (member(ITEM_BY_FIRST, ITEM)) {
                        case 0 -> kind = once(kind, plainString());
                        case 1 -> {
                            seen = mark(seen, 1);
                            amountFen = whole();
                        }
                        case 2 -> {
                            seen = mark(seen, 2);
                            number = whole();
                        }
                        case 3 -> part = once(part, plainString());
                        default -> skipValue(3);
                    }
                } while (!end('}'));
            }
            return new Item(kind == null ? "" : kind, amountFen, number, part == null ? "" : part);
        }

        private static int mark(int seen, int bit) {
            if ((seen & bit) != 0) {
                throw NotPlain.IT;
            }
            return seen | bit;
        }

        /** After an object's '{' (array's '['): false, and past {@code close}, when it is empty. */
        private boolean opened(char close) {
            space();
            if (peek() == close) {
                pos++;
                return false;
            }
            return true;
        }

        /** A member's name and colon: the name's index in {@code names}, or -1. */
        private int member(int[][] byFirst, String[] names) {
            int from = name();
            int length = pos - 1 - from;
            colon();
            return field(byFirst, names, from, length);
        }

        /** After a member or element: true at the object's (array's) end {@code close}, false after a comma. */
        private boolean end(char close) {
            space();
            char c = take();
            if (c == close) {
                return true;
            }
            if (c != ',') {
                throw NotPlain.IT;
            }
            space();
            return false;
        }

        /** The index in {@code names} of the member name at {@code s[from, from + length)}, or -1. */
        private int field(int[][] byFirst, String[] names, int from, int length) {
            char first = s.charAt(from);
            int[] candidates = length == 0 || first >= byFirst.length ? null : byFirst[first];
            if (candidates != null) {
                for (int i : candidates) {
                    if (is(from, length, names[i])) {
                        return i;
                    }
                }
            }
            return -1;
        }

        private boolean is(int from, int length, String name) {
            return length == name.length() && s.regionMatches(from, name, 0, length);
        }

        /** A member's name without escapes; returns where it starts (pos is after its closing quote). */
        private int name() {
            return string(MAX_NAME, false);
        }

        private void colon() {
            space();
            expect(':');
            space();
        }

        /** A string without escapes (the plain form of a field read). */
        private String plainString() {
            int from = string(Integer.MAX_VALUE, false);
            return s.substring(from, pos - 1);
        }

        /** {@code -?(0|[1-9][0-9]*)} of at most 18 digits, not followed by a fraction or exponent. */
        private long whole() {
            boolean negative = peek() == '-';
            if (negative) {
                pos++;
            }
            int from = pos;
            long v = 0;
            while (pos < end) {
                char c = s.charAt(pos);
                if (c < '0' || c > '9') {
                    break;
                }
                v = v * 10 + (c - '0');
                pos++;
            }
            int digits = pos - from;
            if (digits == 0 || digits > 18 || (digits > 1 && s.charAt(from) == '0')) {
                throw NotPlain.IT;
            }
            if (pos < end && (s.charAt(pos) == '.' || s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                throw NotPlain.IT;
            }
            return negative ? -v : v;
        }

        /** Any JSON value, checked and passed over. */
        private void skipValue(int depth) {
            if (depth > MAX_DEPTH) {
                throw NotPlain.IT;
            }
            char c = peek();
            switch (c) {
                case '{' -> {
                    pos++;
                    if (opened('}')) {
                        do {
                            string(MAX_NAME, true);
                            colon();
                            skipValue(depth + 1);
                        } while (!end('}'));
                    }
                }
                case '[' -> {
                    pos++;
                    if (opened(']')) {
                        do {
                            skipValue(depth + 1);
                        } while (!end(']'));
                    }
                }
                case '"' -> string(Integer.MAX_VALUE, true);
                case 't' -> literal("true");
                case 'f' -> literal("false");
                case 'n' -> literal("null");
                default -> skipNumber();
            }
        }

        private void literal(String word) {
            if (!s.startsWith(word, pos)) {
                throw NotPlain.IT;
            }
            pos += word.length();
            if (pos < end && Character.isLetterOrDigit(s.charAt(pos))) {
                throw NotPlain.IT;
            }
        }

        /**
         * A string of at most {@code max} characters (a member's name: Jackson's limit is 50,000), no control
         * character, escapes checked where {@code escapes} (else none); returns where it starts, pos after its end.
         */
        private int string(int max, boolean escapes) {
            expect('"');
            int from = pos;
            while (true) {
                char c = take();
                if (c == '"') {
                    if (pos - 1 - from > max) {
                        throw NotPlain.IT;
                    }
                    return from;
                }
                if (c < 0x20 || c == '\\' && !escapes) {
                    throw NotPlain.IT;
                }
                if (c == '\\') {
                    char e = take();
                    if (e == 'u') {
                        for (int i = 0; i < 4; i++) {
                            char h = take();
                            if (!(h >= '0' && h <= '9' || h >= 'a' && h <= 'f' || h >= 'A' && h <= 'F')) {
                                throw NotPlain.IT;
                            }
                        }
                    } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                        throw NotPlain.IT;
                    }
                }
            }
        }

        /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, at most {@link #MAX_NUMBER} characters. */
        private void skipNumber() {
            int from = pos;
            if (peek() == '-') {
                pos++;
            }
            int digits = digits();
            if (digits == 0 || (digits > 1 && s.charAt(pos - digits) == '0')) {
                throw NotPlain.IT;
            }
            if (pos < end && s.charAt(pos) == '.') {
                pos++;
                if (digits() == 0) {
                    throw NotPlain.IT;
                }
            }
            if (pos < end && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                pos++;
                if (pos < end && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                if (digits() == 0) {
                    throw NotPlain.IT;
                }
            }
            if (pos - from > MAX_NUMBER) {
                throw NotPlain.IT;
            }
        }

        private int digits() {
            int from = pos;
            while (pos < end && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                pos++;
            }
            return pos - from;
        }

        private void space() {
            while (pos < end) {
                char c = s.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        private char peek() {
            if (pos >= end) {
                throw NotPlain.IT;
            }
            return s.charAt(pos);
        }

        private char take() {
            if (pos >= end) {
                throw NotPlain.IT;
            }
            return s.charAt(pos++);
        }

        private void expect(char c) {
            if (take() != c) {
                throw NotPlain.IT;
            }
        }
    }
}
