package io.counterdesk.printing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import io.counterdesk.shared.I18n;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Draws a {@link PrintDocument} as the paper would come out, one image pixel per printer dot
 * (203 dpi): 384 or 576 dots of printable width plus a margin, 12 dots per column, 30 dots per
 * line. Characters sit in the same columns as on paper (ASCII one, Chinese two, see
 * {@link TextWidth}) whatever the font's own widths. Bold, double width and height, alignment, the
 * cut and the feed before it are drawn; the drawer kick appears as a grey note that is not printed.
 *
 * <p>The QR code is drawn as a real symbol (ZXing, error correction M, UTF-8, as the printer is
 * told to print it), with its content written under it in grey.
 *
 * <p>Font: the first installed of WenQuanYi Micro Hei (Mono), Noto Sans CJK SC, NSimSun/SimSun,
 * Microsoft YaHei, else Java's logical {@code Monospaced} (on a machine without a CJK font,
 * Chinese then shows as boxes: install {@code fonts-wqy-microhei}). Pure Java2D: works headless.
 */
public final class PreviewRenderer {

    /** White margin around the printable width, in dots. */
    public static final int MARGIN = 16;
    /** Dots per line at the printer's default line spacing. */
    public static final int LINE_HEIGHT = 30;
    private static final int FONT_SIZE = 24;
    private static final int NOTE_FONT_SIZE = 14;
    private static final int QR_MODULES = 29;
    private static final Color INK = new Color(0x20, 0x20, 0x20);
    private static final Color NOTE = new Color(0x80, 0x80, 0x80);

    private static final List<String> CJK_FONTS = List.of(
            "WenQuanYi Micro Hei Mono", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei Mono", "WenQuanYi Zen Hei",
            "Noto Sans Mono CJK SC", "Noto Sans CJK SC", "Source Han Sans SC", "NSimSun", "SimSun",
            "Microsoft YaHei", "Microsoft YaHei UI", "PingFang SC");

    private final PaperWidth paper;
    private final Font font;

    /** With the best CJK font installed ({@link #findFont()}). */
    public PreviewRenderer(PaperWidth paper) {
        this(paper, findFont());
    }

    public PreviewRenderer(PaperWidth paper, Font font) {
        this.paper = Objects.requireNonNull(paper);
        this.font = font.deriveFont(Font.PLAIN, (float) FONT_SIZE);
    }

    /** The first CJK font installed from the list above, or the logical {@code Monospaced}. */
    public static Font findFont() {
        Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT));
        for (String name : CJK_FONTS) {
            if (installed.contains(name)) {
                Font candidate = new Font(name, Font.PLAIN, FONT_SIZE);
                if (candidate.canDisplay('中') && candidate.canDisplay('A')) {
                    return candidate;
                }
            }
        }
        return new Font(Font.MONOSPACED, Font.PLAIN, FONT_SIZE);
    }

    /** The family of the font the preview draws with. */
    public String fontFamily() {
        return font.getFamily(Locale.ROOT);
    }

    public PaperWidth paper() {
        return paper;
    }

    /** The whole document as one image, {@code paper.dots() + 2 × MARGIN} pixels wide. */
    public BufferedImage render(PrintDocument document) {
        List<PaperLayout.Step> steps = PaperLayout.lay(document, paper);
        int height = MARGIN * 2;
        for (PaperLayout.Step step : steps) {
            height += heightOf(step);
        }
        int width = paper.dots() + 2 * MARGIN;
        BufferedImage image = new BufferedImage(width, Math.max(height, LINE_HEIGHT + 2 * MARGIN), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(new Color(0xD0, 0xD0, 0xD0));
            g.drawRect(0, 0, image.getWidth() - 1, image.getHeight() - 1);
            int y = MARGIN;
            for (PaperLayout.Step step : steps) {
                draw(g, step, y);
                y += heightOf(step);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private int heightOf(PaperLayout.Step step) {
        if (step instanceof PaperLayout.Line line) {
            return LINE_HEIGHT * line.style().heightFactor();
        } else if (step instanceof PaperLayout.Qr qr) {
            return qrSize() + LINE_HEIGHT / 2 + noteLines(qr.content()).size() * (NOTE_FONT_SIZE + 4) + LINE_HEIGHT / 2;
        } else if (step instanceof PaperLayout.CutPaper) {
            return EscPosEncoder.DEFAULT_FEED_BEFORE_CUT * LINE_HEIGHT + LINE_HEIGHT;
        } else {
            return NOTE_FONT_SIZE + 10;
        }
    }

    private void draw(Graphics2D g, PaperLayout.Step step, int top) {
        if (step instanceof PaperLayout.Line line) {
            drawLine(g, line, top);
        } else if (step instanceof PaperLayout.Qr qr) {
            drawQr(g, qr.content(), top);
        } else if (step instanceof PaperLayout.CutPaper) {
            int y = top + EscPosEncoder.DEFAULT_FEED_BEFORE_CUT * LINE_HEIGHT + LINE_HEIGHT / 2;
            g.setColor(NOTE);
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            g.drawLine(0, y, paper.dots() + 2 * MARGIN, y);
            drawNote(g, I18n.text("printing.preview.cut"), y - 3, true);
        } else if (step instanceof PaperLayout.KickDrawer) {
            drawNote(g, I18n.text("printing.preview.drawer"), top + NOTE_FONT_SIZE + 2, false);
        }
    }

    private void drawLine(Graphics2D g, PaperLayout.Line line, int top) {
        TextStyle style = line.style();
        Font face = style.bold() ? font.deriveFont(Font.BOLD) : font;
        FontMetrics metrics = g.getFontMetrics(face);
        int cell = PaperWidth.DOTS_PER_COLUMN * style.widthFactor();
        int lineWidth = TextWidth.columns(line.text()) * cell;
        int x = MARGIN + switch (line.alignment()) {
            case LEFT -> 0;
            case CENTER -> (paper.dots() - lineWidth) / 2;
            case RIGHT -> paper.dots() - lineWidth;
        };
        int glyphHeight = metrics.getAscent() + metrics.getDescent();
        double baseline = top + (LINE_HEIGHT - glyphHeight) / 2.0 * style.heightFactor()
                + metrics.getAscent() * style.heightFactor();
        g.setColor(INK);
        String text = line.text();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int cellWidth = TextWidth.columns(cp) * cell;
            if (cp != ' ') {
                String glyph = new String(Character.toChars(cp));
                int advance = Math.max(1, metrics.stringWidth(glyph));
                double scaleX = style.widthFactor() * Math.min(1.0, (double) TextWidth.columns(cp) * PaperWidth.DOTS_PER_COLUMN / advance);
                double glyphX = x + (cellWidth - advance * scaleX) / 2.0;
                AffineTransform saved = g.getTransform();
                g.translate(glyphX, baseline);
                g.scale(scaleX, style.heightFactor());
                g.setFont(face);
                g.drawString(glyph, 0, 0);
                g.setTransform(saved);
            }
            x += cellWidth;
        }
    }

    private void drawQr(Graphics2D g, String content, int top) {
        int size = qrSize();
        int left = MARGIN + (paper.dots() - size) / 2;
        int y = top + LINE_HEIGHT / 4;
        g.setColor(INK);
        BitMatrix matrix = qrMatrix(content, size);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    g.fillRect(left + col, y + row, 1, 1);
                }
            }
        }
        g.setColor(NOTE);
        g.setFont(font.deriveFont(Font.PLAIN, (float) NOTE_FONT_SIZE));
        int noteY = y + size + LINE_HEIGHT / 4 + NOTE_FONT_SIZE;
        for (String noteLine : noteLines(content)) {
            int w = g.getFontMetrics().stringWidth(noteLine);
            g.drawString(noteLine, MARGIN + Math.max(0, (paper.dots() - w) / 2), noteY);
            noteY += NOTE_FONT_SIZE + 4;
        }
    }

    /** The QR symbol the printer makes from the same content: model 2, error correction M, UTF-8. */
    static BitMatrix qrMatrix(String content, int size) {
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, size, size, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR content cannot be encoded: " + content, e);
        }
    }

    private void drawNote(Graphics2D g, String text, int baseline, boolean right) {
        g.setColor(NOTE);
        g.setFont(font.deriveFont(Font.ITALIC, (float) NOTE_FONT_SIZE));
        int w = g.getFontMetrics().stringWidth(text);
        g.drawString(text, right ? MARGIN + paper.dots() - w : MARGIN, baseline);
    }

    /** The QR content as note lines, about 1.7 times as many characters per line as the paper has columns. */
    private List<String> noteLines(String content) {
        return TextWidth.wrap(content, paper.columns() * 12 / 7);
    }

    private int qrSize() {
        return QR_MODULES * (paper == PaperWidth.MM58 ? 5 : 6);
    }
}
