package io.counterdesk.printing;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PrintDocument} laid out for one paper width: every text element wrapped or padded into
 * lines that fit. The ESC/POS encoder, the JavaPOS adapter and the preview all print from this, so
 * they break lines in the same places.
 */
final class PaperLayout {

    /** One laid-out step: a line of text that fits, a QR code, a cut or a drawer kick. */
    sealed interface Step permits Line, Qr, CutPaper, KickDrawer {
    }

    record Line(String text, Alignment alignment, TextStyle style) implements Step {
    }

    record Qr(String content) implements Step {
    }

    record CutPaper() implements Step {
    }

    record KickDrawer() implements Step {
    }

    private PaperLayout() {
    }

    static List<Step> lay(PrintDocument document, PaperWidth paper) {
        return lay(document, paper.columns());
    }

    /** Laid out for {@code paperColumns} columns of normal-width text (a JavaPOS printer's RecLineChars). */
    static List<Step> lay(PrintDocument document, int paperColumns) {
        List<Step> steps = new ArrayList<>();
        for (PrintDocument.Element element : document.elements()) {
            if (element instanceof PrintDocument.Text text) {
                int columns = paperColumns / text.style().widthFactor();
                for (String line : TextWidth.wrap(text.text(), columns)) {
                    steps.add(new Line(line, text.alignment(), text.style()));
                }
            } else if (element instanceof PrintDocument.Columns pair) {
                int columns = paperColumns / pair.style().widthFactor();
                for (String line : TextWidth.twoColumns(pair.left(), pair.right(), columns)) {
                    steps.add(new Line(line, Alignment.LEFT, pair.style()));
                }
            } else if (element instanceof PrintDocument.Separator separator) {
                steps.add(new Line(TextWidth.repeat(separator.unit(), paperColumns), Alignment.LEFT, TextStyle.NORMAL));
            } else if (element instanceof PrintDocument.Blank) {
                steps.add(new Line("", Alignment.LEFT, TextStyle.NORMAL));
            } else if (element instanceof PrintDocument.QrCode qr) {
                steps.add(new Qr(qr.content()));
            } else if (element instanceof PrintDocument.Cut) {
                steps.add(new CutPaper());
            } else if (element instanceof PrintDocument.DrawerKick) {
                steps.add(new KickDrawer());
            } else {
                throw new IllegalStateException("unknown element " + element);
            }
        }
        return steps;
    }
}
