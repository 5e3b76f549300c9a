package io.counterdesk.shared;

/**
 * What a name or an address typed at the counter may contain (issue 13): no control characters,
 * no bidirectional overrides or isolates (they make "王伟" print as something else), not only
 * invisible characters, and no longer than its column.
 */
public final class TextRules {

    private TextRules() {
    }

    /**
     * The value stripped, or a refusal: blank ({@code blankKey}), invisible or control characters,
     * or longer than {@code maxLength} characters. {@code label} names the field in the messages.
     */
    public static String clean(String value, String blankKey, String label, int maxLength) {
        if (value == null) {
            throw new BusinessException(blankKey);
        }
        boolean visible = false;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (isForbidden(c)) {
                throw new BusinessException("shared.text.control", label);
            }
            visible |= !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !isInvisible(c);
        }
        if (!visible) {
            throw new BusinessException(blankKey);
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > maxLength || stripped.length() > maxLength) {
            throw new BusinessException("shared.text.tooLong", label, maxLength);
        }
        return stripped;
    }

    /** Control characters (C0, DEL, C1, line and paragraph separators) and bidi controls. */
    static boolean isForbidden(int c) {
        return Character.getType(c) == Character.CONTROL
                || c == 0x2028 || c == 0x2029
                || c >= 0x202A && c <= 0x202E   // LRE RLE PDF LRO RLO
                || c >= 0x2066 && c <= 0x2069   // LRI RLI FSI PDI
                || c == 0x200E || c == 0x200F || c == 0x061C; // LRM RLM ALM
    }

    /** Characters that print as nothing: zero-width space/joiners, word joiner, BOM, soft hyphen. */
    static boolean isInvisible(int c) {
        return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD
                || c == 0x180E || Character.getType(c) == Character.FORMAT;
    }
}
