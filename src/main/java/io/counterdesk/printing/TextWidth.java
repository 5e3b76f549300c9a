package io.counterdesk.printing;

import java.util.ArrayList;
import java.util.List;

/**
 * Widths of receipt text in printer columns. A receipt printer in Chinese mode prints each GB18030
 * character of two or four bytes as a full-width cell (two columns) and each ASCII byte as one, so
 * the rule is simply: ASCII is 1 column, everything else is 2 — including characters that Unicode
 * calls narrow but that GB18030 stores in two bytes, such as {@code ·}, {@code “} or {@code ×}.
 * The preview ({@link PreviewRenderer}) lays out with the same rule, so it lines up like the paper.
 */
public final class TextWidth {

    private TextWidth() {
    }

    /** The columns {@code text} takes on paper (after {@link #printable}). */
    public static int columns(String text) {
        return printable(text).codePoints().map(TextWidth::columns).sum();
    }

    /** The columns one code point takes: 1 for ASCII, 2 for anything else. */
    public static int columns(int codePoint) {
        return codePoint < 0x80 ? 1 : 2;
    }

    /**
     * The text with the characters GBK lacks replaced (the printers' code page; GB18030 would print
     * them only on the few printers that have its four-byte part): the half-width yen sign by the
     * full-width ￥, superscript three by 3 (m³ → m3). Every text on paper goes through here
     * ({@link PrintDocument}), whichever slip or receipt it belongs to.
     */
    public static String gbkSafe(String text) {
        return text.replace('¥', '￥').replace("³", "3");
    }

    /**
     * {@code text} with what must not reach a printer removed: control characters (an ESC in a
     * customer's name would otherwise be a printer command), line breaks and tabs become spaces,
     * unpaired surrogates become {@code ?}.
     */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t' || cp == '\n' || cp == '\r') {
                out.append(' ');
            } else if (Character.getType(cp) == Character.CONTROL) {
                continue;
            } else if (Character.getType(cp) == Character.SURROGATE) {
                out.append('?');
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /**
     * Breaks {@code text} into lines of at most {@code columns}. Chinese text breaks between any
     * two characters; a run of ASCII letters and digits (a word, a number, an amount) moves whole to
     * the next line when it starts in the second half of the line, so numbers are not cut in two
     * where avoidable. Never
     * returns an empty list: an empty text is one empty line.
     */
    public static List<String> wrap(String text, int columns) {
        if (columns < 2) {
            throw new IllegalArgumentException("a line needs at least 2 columns, not " + columns);
        }
        String rest = printable(text).strip();
        List<String> lines = new ArrayList<>();
        while (columns(rest) > columns) {
            int cut = cutIndex(rest, columns);
            if (isWordChar(rest.charAt(cut - 1)) && isWordChar(rest.charAt(cut))) {
                int wordStart = cut;
                while (wordStart > 0 && isWordChar(rest.charAt(wordStart - 1))) {
                    wordStart--;
                }
                if (wordStart > 0 && columns(rest.substring(0, wordStart)) > columns / 2) {
                    cut = wordStart;
                }
            }
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }

    /**
     * A label on the left and an amount on the right, padded with spaces to exactly
     * {@code columns}. A label too long for one line wraps; the amount goes on the label's last
     * line when it fits there after at least one space, else on a line of its own, right-aligned.
     */
    public static List<String> twoColumns(String left, String right, int columns) {
        String amount = printable(right).strip();
        int amountWidth = columns(amount);
        if (amountWidth > columns) {
            List<String> lines = new ArrayList<>(wrap(left, columns));
            lines.addAll(wrap(amount, columns));
            return lines;
        }
        List<String> lines = new ArrayList<>(wrap(left, columns));
        String last = lines.get(lines.size() - 1);
        int free = columns - columns(last) - amountWidth;
        if (free >= 1 || last.isEmpty() && free >= 0) {
            lines.set(lines.size() - 1, last + " ".repeat(free) + amount);
        } else {
            lines.add(" ".repeat(columns - amountWidth) + amount);
        }
        return lines;
    }

    /** {@code unit} repeated to fill {@code columns} (a two-column unit fills half as often). */
    public static String repeat(String unit, int columns) {
        int unitWidth = columns(unit);
        if (unitWidth == 0) {
            throw new IllegalArgumentException("separator must not be empty");
        }
        return printable(unit).repeat(columns / unitWidth);
    }

    /** The index in {@code text} before which the first {@code columns} columns end. */
    private static int cutIndex(String text, int columns) {
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int w = columns(cp);
            if (used + w > columns) {
                break;
            }
            used += w;
            i += Character.charCount(cp);
        }
        return Math.max(i, Character.charCount(text.codePointAt(0)));
    }

    private static boolean isWordChar(char c) {
        return c < 0x80 && c != ' ';
    }
}
