package io.counterdesk.report.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Drawing on one page in points from the bottom-left corner, with the report font: text (plain or
 * heavy), lines and filled rectangles in RGB (the colour space of the PDF/A output intent).
 * {@link java.io.IOException}s of the content stream become {@link UncheckedIOException}s.
 */
final class PdfCanvas {

    /** An RGB colour with components from 0 to 1. */
    record Rgb(float r, float g, float b) {
        static Rgb of(int rgb) {
            return new Rgb(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f);
        }
    }

    static final Rgb BLACK = Rgb.of(0x000000);
    static final Rgb GREY = Rgb.of(0x666666);
    static final Rgb RULE = Rgb.of(0xB0B0B0);
    static final Rgb SHADE = Rgb.of(0xEDEDED);
    static final Rgb HEADING_SHADE = Rgb.of(0xDCE3EA);

    private final PDPageContentStream content;
    private final PdfFontFace face;

    PdfCanvas(PDPageContentStream content, PdfFontFace face) {
        this.content = content;
        this.face = face;
    }

    PdfFontFace face() {
        return face;
    }

    float width(String text, float size) {
        return face.width(text, size);
    }

    /** Text with its baseline at {@code y}: left-aligned at {@code x}, or right-aligned / centred on it. */
    void text(String text, float x, float y, float size, PdfTable.Align align, boolean heavy, Rgb colour) {
        String clean = face.clean(text);
        float w = face.width(clean, size);
        float left = switch (align) {
            case LEFT -> x;
            case RIGHT -> x - w;
            case CENTER -> x - w / 2;
        };
        try {
            content.beginText();
            content.setFont(face.font(), size);
            colour(colour, false);
            if (heavy) {
                // the Chinese font has no bold face: stroke the outlines as well
                colour(colour, true);
                content.setLineWidth(size * 0.035f);
                content.setRenderingMode(RenderingMode.FILL_STROKE);
            } else {
                content.setRenderingMode(RenderingMode.FILL);
            }
            content.newLineAtOffset(left, y);
            content.showText(clean);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void text(String text, float x, float y, float size) {
        text(text, x, y, size, PdfTable.Align.LEFT, false, BLACK);
    }

    void line(float x1, float y1, float x2, float y2, float width, Rgb colour) {
        try {
            colour(colour, true);
            content.setLineWidth(width);
            content.moveTo(x1, y1);
            content.lineTo(x2, y2);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void fill(float x, float y, float width, float height, Rgb colour) {
        try {
            colour(colour, false);
            content.addRect(x, y, width, height);
            content.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void colour(Rgb c, boolean stroke) throws IOException {
        if (stroke) {
            content.setStrokingColor(c.r(), c.g(), c.b());
        } else {
            content.setNonStrokingColor(c.r(), c.g(), c.b());
        }
    }

    /**
     * {@code text} broken into lines no wider than {@code maxWidth} at {@code size}: at line breaks
     * in the text, else before the character that would overflow (Chinese has no spaces to break at;
     * a Latin word is kept whole when it fits on a line of its own).
     */
    List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            String clean = face.clean(paragraph);
            if (clean.isEmpty()) {
                lines.add("");
                continue;
            }
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            int lastSpace = -1;
            for (int i = 0; i < clean.length(); ) {
                int cp = clean.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float w = face.width(ch, size);
                if (lineWidth + w > maxWidth && line.length() > 0) {
                    if (cp != ' ' && lastSpace > 0) {
                        String carried = line.substring(lastSpace + 1);
                        lines.add(line.substring(0, lastSpace));
                        line.setLength(0);
                        line.append(carried);
                        lineWidth = face.width(carried, size);
                    } else {
                        lines.add(line.toString().stripTrailing());
                        line.setLength(0);
                        lineWidth = 0;
                    }
                    lastSpace = -1;
                    if (cp == ' ') {
                        i += Character.charCount(cp);
                        continue;
                    }
                }
                if (cp == ' ') {
                    lastSpace = line.length();
                }
                line.append(ch);
                lineWidth += w;
                i += Character.charCount(cp);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
