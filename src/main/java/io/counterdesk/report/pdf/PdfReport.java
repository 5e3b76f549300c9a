package io.counterdesk.report.pdf;

import io.counterdesk.report.chart.Chart;
import io.counterdesk.shared.I18n;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * One report being written: A4 portrait pages filled from the top, with the report's heading
 * ({@link ReportHeading}) on every page, "page n of m" in every footer, and the Chinese font
 * embedded as a subset. Content flows down the page and onto new pages: headings, paragraphs,
 * tables ({@link PdfTable}, heading row repeated after a page break), charts and signature lines.
 * {@link #toBytes()} finishes the document as PDF/A-2b ({@link PdfA}).
 *
 * <p>Not thread-safe; one report per instance. Close it (try-with-resources) also when it is
 * abandoned half-way.
 */
public final class PdfReport implements AutoCloseable {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN_X = 48;
    static final float HEADER_Y = PAGE.getHeight() - 36;
    static final float TOP = PAGE.getHeight() - 58;
    static final float FOOTER_Y = 28;
    static final float BOTTOM = 52;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN_X;

    static final float TITLE_SIZE = 16;
    static final float HEADING_SIZE = 11.5f;
    static final float BODY_SIZE = 9.5f;
    static final float SMALL_SIZE = 7.5f;
    private static final float CELL_PAD = 3.5f;

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PDDocument document;
    private final PdfFontFace face;
    private final ReportHeading heading;
    private PDPageContentStream content;
    private PdfCanvas canvas;
    private float y;
    private boolean finished;
    private String keywords;

    private PdfReport(PDDocument document, PdfFontFace face, ReportHeading heading) {
        this.document = document;
        this.face = face;
        this.heading = heading;
    }

    /** Starts a report: the first page with the title and subtitle. Reads the font file for this report alone. */
    public static PdfReport create(ReportFont font, ReportHeading heading) {
        return create(document -> PdfFontFace.load(document, font), heading);
    }

    /** As {@link #create(ReportFont, ReportHeading)}, with a font read once for many reports (one at a time). */
    static PdfReport create(PdfFontFace.Shared font, ReportHeading heading) {
        return create(document -> PdfFontFace.load(document, font), heading);
    }

    private static PdfReport create(java.util.function.Function<PDDocument, PdfFontFace> font, ReportHeading heading) {
        PDDocument document = new PDDocument();
        PdfFontFace face;
        try {
            face = font.apply(document);
        } catch (RuntimeException e) {
            closeQuietly(document, e);
            throw e;
        }
        PdfReport report = new PdfReport(document, face, heading);
        try {
            report.newPage();
            report.titleBlock();
        } catch (RuntimeException e) {
            report.close();
            throw e;
        }
        return report;
    }

    private static void closeQuietly(PDDocument document, Exception cause) {
        try {
            document.close();
        } catch (IOException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }

    private void titleBlock() {
        float centre = MARGIN_X + WIDTH / 2;
        y -= TITLE_SIZE + 4;
        canvas.text(heading.title(), centre, y, TITLE_SIZE, PdfTable.Align.CENTER, true, PdfCanvas.BLACK);
        if (!heading.subtitle().isBlank()) {
            y -= BODY_SIZE + 8;
            canvas.text(heading.subtitle(), centre, y, BODY_SIZE, PdfTable.Align.CENTER, false, PdfCanvas.BLACK);
        }
        y -= 14;
    }

    private void newPage() {
        closeContent();
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        try {
            content = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        canvas = new PdfCanvas(content, face);
        canvas.text(heading.hallName(), MARGIN_X, HEADER_Y, SMALL_SIZE, PdfTable.Align.LEFT, false, PdfCanvas.GREY);
        canvas.text(heading.title() + "  " + heading.period(), MARGIN_X + WIDTH, HEADER_Y, SMALL_SIZE,
                PdfTable.Align.RIGHT, false, PdfCanvas.GREY);
        canvas.line(MARGIN_X, HEADER_Y - 5, MARGIN_X + WIDTH, HEADER_Y - 5, 0.6f, PdfCanvas.RULE);
        y = TOP;
    }

    private void closeContent() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                content = null;
            }
        }
    }

    /** Starts a new page unless {@code height} points still fit above the footer. */
    private void ensure(float height) {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    /** Vertical space. */
    public PdfReport space(float points) {
        y -= points;
        return this;
    }

    /**
     * A section heading, kept on the page with at least {@code keepWithNext} points of what follows
     * (so that a heading never stands alone at the foot of a page).
     */
    public PdfReport heading(String text, float keepWithNext) {
        ensure(HEADING_SIZE + 10 + keepWithNext);
        y -= HEADING_SIZE + 4;
        canvas.text(text, MARGIN_X, y, HEADING_SIZE, PdfTable.Align.LEFT, true, PdfCanvas.BLACK);
        y -= 6;
        return this;
    }

    public PdfReport heading(String text) {
        return heading(text, 60);
    }

    /**
     * A heading and its table, kept on one page when the table is short (up to about half a page of
     * single-line rows); a longer table starts under its heading and breaks across pages.
     */
    public PdfReport section(String heading, PdfTable table) {
        float row = BODY_SIZE * 1.35f + 2 * CELL_PAD;
        float estimate = (table.rows().size() + (table.grid() ? 1 : 0)) * row;
        return heading(heading, Math.min(estimate, (TOP - BOTTOM) * 0.5f)).table(table);
    }

    /** A paragraph of body text, wrapped to the page width. */
    public PdfReport paragraph(String text) {
        float leading = BODY_SIZE * 1.45f;
        for (String line : canvas.wrap(text, BODY_SIZE, WIDTH)) {
            ensure(leading);
            y -= leading;
            canvas.text(line, MARGIN_X, y + BODY_SIZE * 0.3f, BODY_SIZE);
        }
        y -= 4;
        return this;
    }

    /** A table across the page width. */
    public PdfReport table(PdfTable table) {
        float[] widths = columnWidths(table);
        float leading = BODY_SIZE * 1.35f;
        float headingHeight = table.grid() ? leading + 2 * CELL_PAD : 0;
        List<List<String>> headingLines = headingLines(table, widths);
        float headingRowHeight = table.grid() ? headingLines.stream().mapToInt(List::size).max().orElse(1) * leading
                + 2 * CELL_PAD : 0;
        ensure(headingRowHeight + leading + 2 * CELL_PAD);
        if (table.grid()) {
            drawHeadingRow(table, widths, headingLines, leading, headingRowHeight);
        }
        float maxLinesOnFreshPage = (TOP - BOTTOM - headingRowHeight - 2 * CELL_PAD) / leading;
        for (PdfTable.Row row : table.rows()) {
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < widths.length; c++) {
                List<String> wrapped = canvas.wrap(row.cells().get(c), BODY_SIZE, widths[c] - 2 * CELL_PAD);
                cells.add(wrapped);
                lines = Math.max(lines, wrapped.size());
            }
            int from = 0;
            while (from < lines) {
                int fits = (int) Math.floor((y - BOTTOM - 2 * CELL_PAD) / leading);
                int left = lines - from;
                // a row that fits on a fresh page is not split; a longer one fills pages line by line
                if (fits < 1 || (fits < left && left <= maxLinesOnFreshPage)) {
                    newPage();
                    if (table.grid()) {
                        drawHeadingRow(table, widths, headingLines, leading, headingRowHeight);
                    }
                    continue;
                }
                int count = Math.min(fits, left);
                drawRowPart(table, row, widths, cells, from, count, leading);
                from += count;
            }
        }
        y -= headingHeight == 0 ? 2 : 8;
        return this;
    }

    private static float[] columnWidths(PdfTable table) {
        float total = 0;
        for (PdfTable.Column column : table.columns()) {
            total += column.weight();
        }
        float[] widths = new float[table.columns().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = WIDTH * table.columns().get(i).weight() / total;
        }
        return widths;
    }

    private List<List<String>> headingLines(PdfTable table, float[] widths) {
        List<List<String>> lines = new ArrayList<>();
        for (int c = 0; c < widths.length; c++) {
            lines.add(canvas.wrap(table.columns().get(c).heading(), BODY_SIZE, widths[c] - 2 * CELL_PAD));
        }
        return lines;
    }

    private void drawHeadingRow(PdfTable table, float[] widths, List<List<String>> lines, float leading, float height) {
        canvas.fill(MARGIN_X, y - height, WIDTH, height, PdfCanvas.HEADING_SHADE);
        canvas.line(MARGIN_X, y, MARGIN_X + WIDTH, y, 0.8f, PdfCanvas.BLACK);
        float x = MARGIN_X;
        for (int c = 0; c < widths.length; c++) {
            PdfTable.Column column = table.columns().get(c);
            float baseline = y - CELL_PAD - BODY_SIZE;
            for (String line : lines.get(c)) {
                canvas.text(line, anchor(column.align(), x, widths[c]), baseline, BODY_SIZE, column.align(), true,
                        PdfCanvas.BLACK);
                baseline -= leading;
            }
            x += widths[c];
        }
        y -= height;
        canvas.line(MARGIN_X, y, MARGIN_X + WIDTH, y, 0.6f, PdfCanvas.BLACK);
    }

    private void drawRowPart(PdfTable table, PdfTable.Row row, float[] widths, List<List<String>> cells, int from,
                             int count, float leading) {
        float height = count * leading + 2 * CELL_PAD;
        if (row.emphasis()) {
            canvas.fill(MARGIN_X, y - height, WIDTH, height, PdfCanvas.SHADE);
        }
        float x = MARGIN_X;
        for (int c = 0; c < widths.length; c++) {
            PdfTable.Align align = table.columns().get(c).align();
            List<String> lines = cells.get(c);
            float baseline = y - CELL_PAD - BODY_SIZE;
            for (int i = from; i < Math.min(lines.size(), from + count); i++) {
                canvas.text(lines.get(i), anchor(align, x, widths[c]), baseline, BODY_SIZE, align, row.emphasis(),
                        PdfCanvas.BLACK);
                baseline -= leading;
            }
            x += widths[c];
        }
        y -= height;
        if (table.grid()) {
            canvas.line(MARGIN_X, y, MARGIN_X + WIDTH, y, 0.4f, PdfCanvas.RULE);
        }
    }

    private static float anchor(PdfTable.Align align, float x, float width) {
        return switch (align) {
            case LEFT -> x + CELL_PAD;
            case RIGHT -> x + width - CELL_PAD;
            case CENTER -> x + width / 2;
        };
    }

    /** A chart across the page width, as tall as its bars need. */
    public PdfReport chart(Chart chart) {
        return chart(chart, ChartRenderer.preferredHeight(chart));
    }

    /** A chart across the page width, {@code height} points tall (title and legend included). */
    public PdfReport chart(Chart chart, float height) {
        ensure(height + 6);
        new ChartRenderer(canvas).draw(chart, MARGIN_X, y - height, WIDTH, height);
        y -= height + 10;
        return this;
    }

    /**
     * Signature lines side by side, one per role ("收费员", "复核"), each with a line to sign on
     * and a line for the date.
     */
    public PdfReport signatures(List<String> roles) {
        float rowHeight = 30;
        ensure(rowHeight * 2 + 10);
        y -= 18;
        float column = WIDTH / Math.max(1, roles.size());
        float x = MARGIN_X;
        String date = I18n.text("pdf.signature.date");
        for (String role : roles) {
            String label = I18n.text("pdf.signature", role);
            canvas.text(label, x, y, BODY_SIZE);
            float lineStart = x + canvas.width(label, BODY_SIZE) + 4;
            canvas.line(lineStart, y - 2, x + column - 14, y - 2, 0.6f, PdfCanvas.BLACK);
            canvas.text(date, x, y - rowHeight, BODY_SIZE);
            float dateStart = x + canvas.width(date, BODY_SIZE) + 4;
            canvas.line(dateStart, y - rowHeight - 2, x + column - 14, y - rowHeight - 2, 0.6f, PdfCanvas.BLACK);
            x += column;
        }
        y -= rowHeight + 12;
        return this;
    }

    /**
     * Sets the document's keywords (information dictionary and XMP {@code pdf:Keywords}; shown by
     * {@code pdfinfo}): the archive's stamp ({@link ReportArchive.Stamp}). None unless set.
     */
    void keywords(String keywords) {
        this.keywords = keywords;
    }

    /** Finishes the report (footers with page numbers, PDF/A metadata) and returns the file's bytes. */
    public byte[] toBytes() {
        if (finished) {
            throw new IllegalStateException("the report is already finished");
        }
        finished = true;
        closeContent();
        int pages = document.getNumberOfPages();
        String printed = I18n.text("pdf.footer.printed", heading.printedBy(), PRINTED.format(heading.printedAt()));
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream footer = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                PdfCanvas c = new PdfCanvas(footer, face);
                c.line(MARGIN_X, FOOTER_Y + 11, MARGIN_X + WIDTH, FOOTER_Y + 11, 0.6f, PdfCanvas.RULE);
                c.text(printed, MARGIN_X, FOOTER_Y, SMALL_SIZE, PdfTable.Align.LEFT, false, PdfCanvas.GREY);
                c.text(I18n.text("pdf.footer.page", i + 1, pages), MARGIN_X + WIDTH, FOOTER_Y, SMALL_SIZE,
                        PdfTable.Align.RIGHT, false, PdfCanvas.GREY);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        PdfA.apply(document, heading, keywords);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The pages written so far (the current one included). */
    public int pages() {
        return document.getNumberOfPages();
    }

    @Override
    public void close() {
        try {
            closeContent();
        } finally {
            try {
                document.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                face.close();
            }
        }
    }
}
