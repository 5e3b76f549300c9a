package io.counterdesk.headoffice;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The rows of a {@code COPY … FROM STDIN WITH (FORMAT csv)}, written straight as UTF-8 bytes (no
 * {@code StringBuilder}, no {@code String} of the whole, no encoding pass over it): text fields quoted
 * with their quotes doubled, plain values (numbers, days, instants) as they are. The same bytes as
 * building the CSV as a string and encoding it ({@code CopyCsvTest} compares both on random rows).
 */
final class CopyCsv {

    private byte[] buf;
    private int size;

    CopyCsv(int capacity) {
        buf = new byte[Math.max(capacity, 64)];
    }

    /** {@code v} as one quoted field, quotes doubled, then {@code end} (',' or '\n'). */
    CopyCsv text(String v, char end) {
        int n = v.length();
        room(2 * n + 3);
        byte[] b = buf;
        int at = size;
        b[at++] = '"';
        for (int i = 0; i < n; i++) {
            char ch = v.charAt(i);
            if (ch >= 0x80) {
                size = at;
                rest(v.substring(i));
                b = buf;
                at = size;
                break;
            }
            if (ch == '"') {
                b[at++] = '"';
            }
            b[at++] = (byte) ch;
        }
        b[at++] = '"';
        b[at++] = (byte) end;
        size = at;
        return this;
    }

    /** The rest of a field from its first non-ASCII character: encoded, then quotes doubled (a '"' byte is never inside a UTF-8 sequence). */
    private void rest(String v) {
        byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
        room(2 * utf8.length + 3);
        for (byte x : utf8) {
            if (x == '"') {
                buf[size++] = '"';
            }
            buf[size++] = x;
        }
    }

    /** A plain value written as it is (ASCII: a number's, a day's or an instant's {@code toString}), then {@code end}. */
    CopyCsv plain(String ascii, char end) {
        int n = ascii.length();
        room(n + 1);
        for (int i = 0; i < n; i++) {
            buf[size++] = (byte) ascii.charAt(i);
        }
        buf[size++] = (byte) end;
        return this;
    }

    CopyCsv number(long v, char end) {
        return plain(Long.toString(v), end);
    }

    byte[] array() {
        return buf;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void room(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
