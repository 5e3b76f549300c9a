package io.counterdesk.report.pdf;

import io.counterdesk.shared.BusinessException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report font loaded into one document: embedded as a subset (only the glyphs used, cut on
 * save, so the font file stays open until then), with text measured and cleaned so that a
 * character the font lacks prints as {@code ?} instead of failing the report (PDF/A forbids the
 * {@code .notdef} glyph).
 */
final class PdfFontFace implements Closeable {

    private static final char MISSING = '?';

    private final Closeable source;
    private final PDType0Font font;
    private final Map<Integer, Float> widths = new HashMap<>();

    private PdfFontFace(Closeable source, PDType0Font font) {
        this.source = source;
        this.font = font;
    }

    /**
     * The font parsed once and kept in memory, to be embedded into one document after another (a
     * parsed collection is not thread-safe: one document at a time).
     */
    static final class Shared {
        private final TrueTypeFont font;

        private Shared(TrueTypeFont font) {
            this.font = font;
        }

        /** Reads the whole font file into memory (no file stays open) and picks the font. */
        static Shared read(ReportFont setting) {
            String fileName = setting.file().getFileName().toString().toLowerCase(Locale.ROOT);
            try {
                byte[] bytes = java.nio.file.Files.readAllBytes(setting.file());
                TrueTypeFont ttf;
                if (fileName.endsWith(".ttc")) {
                    ttf = pick(new TrueTypeCollection(new java.io.ByteArrayInputStream(bytes)), setting);
                } else {
                    ttf = new TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(bytes));
                }
                // a font that cannot be embedded fails here, once, not in the middle of a report
                try (PDDocument probe = new PDDocument()) {
                    PDType0Font.load(probe, ttf, true).getStringWidth("国");
                }
                return new Shared(ttf);
            } catch (IOException | RuntimeException e) {
                if (e instanceof BusinessException business) {
                    throw business;
                }
                throw new BusinessException("pdf.font.unusable", ReportFont.SETTING, setting.file(), e.getMessage());
            }
        }
    }

    /** The shared font embedded into {@code document}; closing the face leaves the shared font open. */
    static PdfFontFace load(PDDocument document, Shared shared) {
        try {
            return new PdfFontFace(() -> { }, PDType0Font.load(document, shared.font, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PdfFontFace load(PDDocument document, ReportFont setting) {
        String fileName = setting.file().getFileName().toString().toLowerCase(Locale.ROOT);
        Closeable source = null;
        try {
            TrueTypeFont ttf;
            if (fileName.endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(setting.file().toFile());
                source = collection;
                ttf = pick(collection, setting);
            } else {
                ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(setting.file().toFile()));
                source = ttf;
            }
            PdfFontFace face = new PdfFontFace(source, PDType0Font.load(document, ttf, true));
            face.width('国');
            return face;
        } catch (IOException | RuntimeException e) {
            closeQuietly(source, e);
            if (e instanceof BusinessException business) {
                throw business;
            }
            throw new BusinessException("pdf.font.unusable", ReportFont.SETTING, setting.file(), e.getMessage());
        }
    }

    private static TrueTypeFont pick(TrueTypeCollection collection, ReportFont setting) throws IOException {
        if (setting.name().isPresent()) {
            TrueTypeFont named = collection.getFontByName(setting.name().get());
            if (named == null) {
                List<String> names = new ArrayList<>();
                collection.processAllFonts(f -> names.add(f.getName()));
                throw new BusinessException("pdf.font.noSuchName", ReportFont.NAME_SETTING, setting.name().get(),
                        setting.file(), String.join(", ", names));
            }
            return named;
        }
        TrueTypeFont[] first = new TrueTypeFont[1];
        collection.processAllFonts(f -> {
            if (first[0] == null) {
                first[0] = f;
            }
        });
        if (first[0] == null) {
            throw new IOException("the collection holds no font");
        }
        return first[0];
    }

    private static void closeQuietly(Closeable source, Exception cause) {
        if (source != null) {
            try {
                source.close();
            } catch (IOException suppressed) {
                cause.addSuppressed(suppressed);
            }
        }
    }

    PDType0Font font() {
        return font;
    }

    /** {@code text} with line breaks and tabs as spaces and every character the font lacks as {@code ?}. */
    String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (width(cp) < 0) {
                out.append(MISSING);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** The width of {@code text} (as {@link #clean} leaves it) at {@code size} points. */
    float width(String text, float size) {
        float units = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            float w = Character.isWhitespace(cp) || Character.isISOControl(cp) ? width(' ') : width(cp);
            units += w < 0 ? width(MISSING) : w;
            i += Character.charCount(cp);
        }
        return units / 1000f * size;
    }

    /** The glyph width of one character in font units, -1 when the font has no glyph for it. */
    float width(int codePoint) {
        Float known = widths.get(codePoint);
        if (known != null) {
            return known;
        }
        float w;
        try {
            w = font.getStringWidth(new String(Character.toChars(codePoint)));
        } catch (IllegalArgumentException | IOException noGlyph) {
            w = -1;
        }
        widths.put(codePoint, w);
        return w;
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
