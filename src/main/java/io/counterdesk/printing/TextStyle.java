package io.counterdesk.printing;

/**
 * How a line's characters look: emphasis (bold) and double width / double height. Every printer
 * this program drives has these at font A; nothing finer (fonts, underline, colour) is offered,
 * so a receipt looks the same on each.
 */
public record TextStyle(boolean bold, boolean doubleWidth, boolean doubleHeight) {

    public static final TextStyle NORMAL = new TextStyle(false, false, false);
    public static final TextStyle BOLD = new TextStyle(true, false, false);
    /** Double width and height, bold: the receipt's title or the amount paid. */
    public static final TextStyle LARGE = new TextStyle(true, true, true);
    public static final TextStyle DOUBLE_HEIGHT = new TextStyle(false, false, true);

    /** 2 when characters are twice as wide, else 1: a line then holds half as many columns. */
    public int widthFactor() {
        return doubleWidth ? 2 : 1;
    }

    public int heightFactor() {
        return doubleHeight ? 2 : 1;
    }
}
