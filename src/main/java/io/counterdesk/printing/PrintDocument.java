package io.counterdesk.printing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to print, independent of the printer: lines of text, label/amount lines, separators, a QR
 * code, a cut and the cash-drawer kick, in order. The receipt layout builds one with
 * {@link #builder()}; {@link EscPosEncoder} turns it into ESC/POS bytes, {@link JavaPosPrinter}
 * into JavaPOS calls and {@link PreviewRenderer} into an image, so all three show the same lines.
 *
 * <p>Immutable. Widths are not fixed here: a {@link Columns} line is padded to the paper it is
 * printed on, so the same document prints on 58 mm and 80 mm rolls.
 */
public final class PrintDocument {

    /** Largest QR content accepted, in UTF-8 bytes: a receipt's link or code, not a file. */
    public static final int MAX_QR_BYTES = 700;

    /** One thing on the paper. */
    public sealed interface Element permits Text, Columns, Separator, Blank, QrCode, Cut, DrawerKick {
    }

    /**
     * A line of text (wrapped to the paper width when longer). Like every text on paper it holds only
     * what a GBK printer has ({@link TextWidth#gbkSafe}): ¥ becomes ￥, m³ becomes m3.
     */
    public record Text(String text, Alignment alignment, TextStyle style) implements Element {
        public Text {
            text = TextWidth.gbkSafe(Objects.requireNonNull(text));
            Objects.requireNonNull(alignment);
            Objects.requireNonNull(style);
        }
    }

    /** A label on the left and an amount (or any value) on the right, padded to the paper width. */
    public record Columns(String left, String right, TextStyle style) implements Element {
        public Columns {
            left = TextWidth.gbkSafe(Objects.requireNonNull(left));
            right = TextWidth.gbkSafe(Objects.requireNonNull(right));
            Objects.requireNonNull(style);
        }
    }

    /** A full-width line of {@code unit} repeated, e.g. {@code -} or {@code =}. */
    public record Separator(String unit) implements Element {
        public Separator {
            if (TextWidth.columns(unit) == 0) {
                throw new IllegalArgumentException("separator must not be empty");
            }
        }
    }

    /** An empty line. */
    public record Blank() implements Element {
    }

    /** A QR code, centred (model 2, error correction M). */
    public record QrCode(String content) implements Element {
        public QrCode {
            if (content.isEmpty() || content.getBytes(StandardCharsets.UTF_8).length > MAX_QR_BYTES) {
                throw new IllegalArgumentException("QR content must be 1.." + MAX_QR_BYTES + " bytes");
            }
        }
    }

    /** Feed the paper past the cutter and cut (partial cut, leaving a hinge where the printer does). */
    public record Cut() implements Element {
    }

    /** Pulse the cash drawer open (cash payments only; never on reprints). */
    public record DrawerKick() implements Element {
    }

    private final List<Element> elements;

    private PrintDocument(List<Element> elements) {
        this.elements = List.copyOf(elements);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Element> elements() {
        return elements;
    }

    /** True when printing this opens the cash drawer. */
    public boolean kicksDrawer() {
        return elements.stream().anyMatch(DrawerKick.class::isInstance);
    }

    /** The same document without cash-drawer kicks (a terminal without a drawer, or a resumed job). */
    public PrintDocument withoutDrawerKick() {
        return new PrintDocument(elements.stream().filter(e -> !(e instanceof DrawerKick)).toList());
    }

    /**
     * A reprint: the same lines under a copy mark such as {@code 重打} or {@code COPY}, and no drawer
     * kick. The mark is just a line of text; the receipt number is the original's.
     */
    public PrintDocument asCopy(String mark) {
        List<Element> copy = new ArrayList<>();
        copy.add(new Text(mark, Alignment.CENTER, TextStyle.LARGE));
        copy.addAll(withoutDrawerKick().elements);
        return new PrintDocument(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PrintDocument that && elements.equals(that.elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    @Override
    public String toString() {
        return "PrintDocument" + elements;
    }

    /** Builds a {@link PrintDocument} top to bottom. */
    public static final class Builder {

        private final List<Element> elements = new ArrayList<>();

        private Builder() {
        }

        /** A left-aligned line of normal text; a {@code \n} starts a new line. */
        public Builder text(String text) {
            return text(text, Alignment.LEFT, TextStyle.NORMAL);
        }

        public Builder text(String text, Alignment alignment) {
            return text(text, alignment, TextStyle.NORMAL);
        }

        public Builder text(String text, Alignment alignment, TextStyle style) {
            for (String line : text.split("\r?\n", -1)) {
                elements.add(new Text(line, alignment, style));
            }
            return this;
        }

        /** A centred line in {@code style}. */
        public Builder centered(String text, TextStyle style) {
            return text(text, Alignment.CENTER, style);
        }

        /** Label left, amount right, padded to the paper width. */
        public Builder columns(String left, String right) {
            return columns(left, right, TextStyle.NORMAL);
        }

        public Builder columns(String left, String right, TextStyle style) {
            elements.add(new Columns(left, right, style));
            return this;
        }

        /** A full-width line of {@code -}. */
        public Builder separator() {
            return separator("-");
        }

        public Builder separator(String unit) {
            elements.add(new Separator(unit));
            return this;
        }

        public Builder blank() {
            elements.add(new Blank());
            return this;
        }

        public Builder qr(String content) {
            elements.add(new QrCode(content));
            return this;
        }

        public Builder cut() {
            elements.add(new Cut());
            return this;
        }

        /** Opens the cash drawer at this point of the job (usually first, so it opens while printing). */
        public Builder openDrawer() {
            elements.add(new DrawerKick());
            return this;
        }

        public Builder add(Element element) {
            elements.add(Objects.requireNonNull(element));
            return this;
        }

        public PrintDocument build() {
            return new PrintDocument(elements);
        }
    }
}
