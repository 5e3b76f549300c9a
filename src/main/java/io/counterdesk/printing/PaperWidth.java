package io.counterdesk.printing;

import java.util.Locale;

/**
 * The receipt roll's width and how much fits on a line at font A (12 × 24 dots, 203 dpi): an ASCII
 * character takes one column, a Chinese character two.
 */
public enum PaperWidth {
    /** 58 mm roll: 384 printable dots, 32 columns (16 Chinese characters). */
    MM58(32, 384),
    /** 80 mm roll: 576 printable dots, 48 columns (24 Chinese characters). */
    MM80(48, 576);

    /** Dots per column at font A. */
    public static final int DOTS_PER_COLUMN = 12;

    private final int columns;
    private final int dots;

    PaperWidth(int columns, int dots) {
        this.columns = columns;
        this.dots = dots;
    }

    /** Columns per line at font A, normal width. */
    public int columns() {
        return columns;
    }

    /** Printable width in printer dots. */
    public int dots() {
        return dots;
    }

    /** {@code 58}, {@code 58mm}, {@code MM58}, {@code 80} … as written in a configuration file. */
    public static PaperWidth parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace("MM", "");
        return switch (t) {
            case "58" -> MM58;
            case "80" -> MM80;
            default -> throw new IllegalArgumentException("paper width must be 58 or 80 (mm), not " + text);
        };
    }
}
