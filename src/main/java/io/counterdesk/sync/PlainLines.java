package io.counterdesk.sync;

import io.counterdesk.persistence.JournalEvent;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch's content read by hand when every line is in the exact form {@link BatchFile#encode} writes
 * (docs/sync-protocol.md, "Content"): {@code {"seq":N,"at":"…","terminal":"…","staff":"…","type":"…",
 * "subject":"…","payload":"…","prevHash":"…","hash":"…","day":"…"}} and a newline, the fields in that
 * order, no spaces, {@code N} plain digits, strings in valid UTF-8 with JSON's escapes (a lone surrogate
 * excepted). Anything else (another order, a space, a byte that is not UTF-8, a lone surrogate, a
 * missing newline …) returns null, and the caller reads the whole content with Jackson's
 * streaming parser as before, so that every batch is read exactly as before or refused as before
 * ({@code PlainLinesTest} compares the two on random and broken content). Un-escaping the payload
 * strings was most of the Jackson parser's time at head office (docs/benchmarks.md).
 */
final class PlainLines {

    private static final byte[][] NAMES = names("seq", "at", "terminal", "staff", "type", "subject", "payload", "prevHash",
            "hash", "day");

    /** Longer strings go to Jackson's pass, whose limit on a string's length (millions of characters) then applies. */
    private static final int MAX_STRING = 1_000_000;

    private final byte[] b;
    private final int end;
    private int pos;
    /** Un-escaped bytes of the string being read, when it had escapes. */
    private byte[] scratch = new byte[1024];
    private CharsetDecoder utf8;

    private PlainLines(byte[] b, int end) {
        this.b = b;
        this.end = end;
    }

    /** The lines of {@code text[0, length)}, or null when one is not in the plain form. */
    static List<BatchLine> read(byte[] text, int length) {
        PlainLines r = new PlainLines(text, length);
        List<BatchLine> lines = new ArrayList<>(Math.max(16, length / 400));
        try {
            while (r.pos < length) {
                BatchLine l = r.line();
                if (l == null) {
                    return null;
                }
                lines.add(l);
            }
        } catch (RuntimeException notPlain) {
            return null; // a date or time BatchFile's readers refuse: Jackson's pass says so as before
        }
        return lines;
    }

    private BatchLine line() {
        if (!is('{')) {
            return null;
        }
        long seq = -1;
        String[] v = new String[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            if ((i > 0 && !is(',')) || !name(NAMES[i]) || !is(':')) {
                return null;
            }
            if (i == 0) {
                seq = number();
                if (seq < 0) {
                    return null;
                }
            } else if ((v[i] = string()) == null) {
                return null;
            }
        }
        if (!is('}') || !is('\n')) {
            return null;
        }
        return new BatchLine(new JournalEvent(seq, BatchFile.instant(v[1]), v[2], v[3], v[4], v[5], v[6], v[7], v[8]),
                BatchFile.date(v[9]));
    }

    private boolean is(char c) {
        if (pos < end && b[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** {@code "name"} exactly. */
    private boolean name(byte[] quoted) {
        if (end - pos < quoted.length || !java.util.Arrays.equals(b, pos, pos + quoted.length, quoted, 0, quoted.length)) {
            return false;
        }
        pos += quoted.length;
        return true;
    }

    /** {@code 0|[1-9][0-9]*} of at most 18 digits, followed by the comma; -1 otherwise. */
    private long number() {
        int from = pos;
        long n = 0;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            n = n * 10 + (b[pos++] - '0');
        }
        int digits = pos - from;
        if (digits == 0 || digits > 18 || (digits > 1 && b[from] == '0') || pos >= end || b[pos] != ',') {
            return -1;
        }
        return n;
    }

    /** A string (the parser on its opening quote) with the plain escapes only and valid UTF-8; null otherwise. */
    private String string() {
        if (!is('"')) {
            return null;
        }
        int from = pos;
        boolean ascii = true;
        int escapes = 0;
        while (true) {
            if (pos >= end) {
                return null;
            }
            int c = b[pos];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                escapes++;
                pos += 2;
                continue;
            }
            if (c < 0) {
                ascii = false;
            } else if (c < 0x20) {
                return null; // a control character unescaped: not JSON
            }
            pos++;
        }
        int to = pos;
        pos++; // the closing quote
        if (to - from > MAX_STRING) {
            return null; // Jackson's pass applies its own limit on a string's length
        }
        byte[] bytes = b;
        int start = from;
        int length = to - from;
        if (escapes > 0) {
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            int n = 0;
            for (int i = from; i < to; i++) {
                byte c = b[i];
                if (c == '\\' && b[i + 1] == 'u') {
                    // a character by its code: written as UTF-8 (a surrogate pair as one code point)
                    int unit = hex(i + 2, to);
                    i += 5;
                    int cp = unit;
                    if (unit >= 0xD800 && unit <= 0xDBFF) {
                        int low = i + 2 < to && b[i + 1] == '\\' && b[i + 2] == 'u' ? hex(i + 3, to) : -1;
                        if (low < 0xDC00 || low > 0xDFFF) {
                            return null; // a lone surrogate: Jackson's pass
                        }
                        cp = Character.toCodePoint((char) unit, (char) low);
                        i += 6;
                    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
                        return null;
                    }
                    if (unit < 0) {
                        return null;
                    }
                    n = utf8(cp, n);
                    ascii &= cp < 0x80;
                    continue;
                }
                if (c == '\\') {
                    byte e = b[++i];
                    c = switch (e) {
                        case '"', '\\', '/' -> e;
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        default -> -1;
                    };
                    if (c == -1) {
                        return null; // not an escape JSON has: Jackson's pass refuses it
                    }
                }
                scratch[n++] = c;
            }
            bytes = scratch;
            start = 0;
            length = n;
        }
        if (ascii) {
            return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }
        if (utf8 == null) {
            utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(bytes, start, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The four hex digits at {@code b[at, at + 4)} (before {@code to}) as a number; -1 when they are not. */
    private int hex(int at, int to) {
        if (at + 4 > to) {
            return -1;
        }
        int v = 0;
        for (int i = at; i < at + 4; i++) {
            int d = Character.digit(b[i], 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** Writes {@code cp} as UTF-8 into {@code scratch} at {@code n}; returns the new length. */
    private int utf8(int cp, int n) {
        if (cp < 0x80) {
            scratch[n++] = (byte) cp;
        } else if (cp < 0x800) {
            scratch[n++] = (byte) (0xC0 | cp >> 6);
            scratch[n++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            scratch[n++] = (byte) (0xE0 | cp >> 12);
            scratch[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
            scratch[n++] = (byte) (0x80 | cp & 0x3F);
        } else {
            scratch[n++] = (byte) (0xF0 | cp >> 18);
            scratch[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
            scratch[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
            scratch[n++] = (byte) (0x80 | cp & 0x3F);
        }
        return n;
    }

    private static byte[][] names(String... names) {
        byte[][] out = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = ('"' + names[i] + '"').getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }
}
