package io.counterdesk.persistence;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes a journal payload made of the plain JSON kinds — maps with string keys, lists, strings,
 * whole numbers ({@code Long}, {@code Integer}, {@code Short}, {@code Byte}), booleans and nulls —
 * exactly as {@link Journal}'s Jackson mapper does (keys sorted, Jackson's escapes), without
 * Jackson's per-call set-up, which cost a payment about as much as its chain hash and receipt
 * code together (docs/benchmarks.md, fourth look). Anything else gives {@code null}, and the
 * journal lets Jackson write it. {@code PayloadJsonTest} checks the output against Jackson's.
 */
final class PayloadJson {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PayloadJson() {
    }

    /** The payload as Jackson would write it, or null when it holds a kind this writer leaves to Jackson. */
    static String write(Map<String, ?> payload) {
        StringBuilder out = new StringBuilder(512);
        return value(out, payload) ? out.toString() : null;
    }

    private static boolean value(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            out.append(((Number) v).longValue());
        } else if (v instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (v instanceof Map<?, ?> map) {
            return map(out, map);
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (!value(out, list.get(i))) {
                    return false;
                }
            }
            out.append(']');
        } else {
            return false;
        }
        return true;
    }

    private static boolean map(StringBuilder out, Map<?, ?> map) {
        String[] keys = new String[map.size()];
        int n = 0;
        for (Object key : map.keySet()) {
            if (!(key instanceof String s)) {
                return false;
            }
            keys[n++] = s;
        }
        Arrays.sort(keys);
        out.append('{');
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, keys[i]);
            out.append(':');
            if (!value(out, map.get(keys[i]))) {
                return false;
            }
        }
        out.append('}');
        return true;
    }

    /** Jackson's default escapes: quote, backslash, and control characters (short forms where JSON has them). */
    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
