package io.counterdesk.report.pdf;

import io.counterdesk.report.chart.Chart;
import io.counterdesk.report.chart.ChartScale;
import io.counterdesk.report.chart.ChartSeries;
import io.counterdesk.shared.I18n;
import java.util.List;

/**
 * Draws a {@link Chart} as vector graphics into a box of a page: the title (and a legend when there
 * are several series) on top; upright columns with a value axis and grid for {@link Chart.Kind#COLUMNS},
 * horizontal bars with their names on the left and their values at their ends for
 * {@link Chart.Kind#BARS}. A marked label (a business past its promise) is written heavy in
 * {@link #MARK}, the colour the screen outlines its bars in.
 */
final class ChartRenderer {

    static final List<PdfCanvas.Rgb> PALETTE = List.of(PdfCanvas.Rgb.of(0x3B6EA5), PdfCanvas.Rgb.of(0xE08A2E),
            PdfCanvas.Rgb.of(0x4E9A55), PdfCanvas.Rgb.of(0x8C6BB1));

    /** The warning colour of a marked label. */
    static final PdfCanvas.Rgb MARK = PdfCanvas.Rgb.of(0xC62828);

    private static final float TITLE_SIZE = 10;
    private static final float LABEL_SIZE = PdfReport.SMALL_SIZE;
    private static final float BAR_ROW = 15;

    private final PdfCanvas canvas;

    ChartRenderer(PdfCanvas canvas) {
        this.canvas = canvas;
    }

    /** A height that shows every bar of {@code chart} readably: rows for bars, a fixed box for columns. */
    static float preferredHeight(Chart chart) {
        if (chart.kind() == Chart.Kind.COLUMNS) {
            return 170;
        }
        float row = Math.max(BAR_ROW, 9 * chart.series().size() + 6);
        return TITLE_SIZE + 14 + Math.max(1, chart.labels().size()) * row + 6;
    }

    static PdfCanvas.Rgb colour(int series) {
        return PALETTE.get(series % PALETTE.size());
    }

    /** Draws {@code chart} into the box whose lower-left corner is ({@code x}, {@code y}). */
    void draw(Chart chart, float x, float y, float width, float height) {
        float titleBaseline = y + height - TITLE_SIZE;
        canvas.text(chart.title(), x, titleBaseline, TITLE_SIZE, PdfTable.Align.LEFT, true, PdfCanvas.BLACK);
        if (chart.hasLegend()) {
            legend(chart, x + width, titleBaseline);
        }
        float plotTop = titleBaseline - 10;
        if (chart.isEmpty()) {
            canvas.text(I18n.text("pdf.chart.noData"), x + width / 2, (y + plotTop) / 2, PdfReport.BODY_SIZE,
                    PdfTable.Align.CENTER, false, PdfCanvas.GREY);
            return;
        }
        if (chart.kind() == Chart.Kind.COLUMNS) {
            columns(chart, x, y, width, plotTop - y);
        } else {
            bars(chart, x, y, width, plotTop - y);
        }
    }

    /** A category's name: heavy and in the warning colour when marked. */
    private void label(Chart chart, String label, float x, float y, PdfTable.Align align) {
        boolean marked = chart.isMarked(label);
        canvas.text(label, x, y, LABEL_SIZE, align, marked, marked ? MARK : PdfCanvas.BLACK);
    }

    private void legend(Chart chart, float right, float baseline) {
        float x = right;
        List<ChartSeries> series = chart.series();
        for (int i = series.size() - 1; i >= 0; i--) {
            String name = series.get(i).name();
            x -= canvas.width(name, LABEL_SIZE);
            canvas.text(name, x, baseline, LABEL_SIZE, PdfTable.Align.LEFT, false, PdfCanvas.BLACK);
            x -= 10;
            canvas.fill(x, baseline - 0.5f, 7, 7, colour(i));
            x -= 12;
        }
    }

    private void columns(Chart chart, float x, float y, float width, float height) {
        ChartScale scale = ChartScale.forMax(chart.max());
        float axisWidth = canvas.width(chart.unit().format(scale.top()), LABEL_SIZE) + 6;
        float plotLeft = x + axisWidth;
        float plotBottom = y + LABEL_SIZE + 6;
        float plotHeight = height - (LABEL_SIZE + 6) - (LABEL_SIZE + 4);
        float plotWidth = width - axisWidth;
        for (int i = 0; i <= scale.steps(); i++) {
            long tick = scale.step() * i;
            float ty = plotBottom + (float) scale.fraction(tick) * plotHeight;
            canvas.line(plotLeft, ty, plotLeft + plotWidth, ty, i == 0 ? 0.8f : 0.3f, i == 0 ? PdfCanvas.BLACK
                    : PdfCanvas.RULE);
            canvas.text(chart.unit().format(tick), plotLeft - 3, ty - LABEL_SIZE / 3, LABEL_SIZE, PdfTable.Align.RIGHT,
                    false, PdfCanvas.GREY);
        }
        List<String> labels = chart.labels();
        int seriesCount = chart.series().size();
        float band = plotWidth / labels.size();
        float barWidth = band * 0.72f / seriesCount;
        for (int l = 0; l < labels.size(); l++) {
            float bandLeft = plotLeft + band * l;
            label(chart, labels.get(l), bandLeft + band / 2, y + 1, PdfTable.Align.CENTER);
            float barLeft = bandLeft + band * 0.14f;
            for (int s = 0; s < seriesCount; s++) {
                long value = chart.value(s, labels.get(l));
                float barHeight = (float) scale.fraction(value) * plotHeight;
                if (barHeight > 0) {
                    canvas.fill(barLeft, plotBottom, barWidth, barHeight, colour(s));
                }
                String text = chart.unit().format(value);
                if (value > 0 && canvas.width(text, LABEL_SIZE) <= band) {
                    canvas.text(text, barLeft + barWidth / 2, plotBottom + barHeight + 2, LABEL_SIZE,
                            PdfTable.Align.CENTER, false, PdfCanvas.BLACK);
                }
                barLeft += barWidth;
            }
        }
    }

    private void bars(Chart chart, float x, float y, float width, float height) {
        List<String> labels = chart.labels();
        int seriesCount = chart.series().size();
        float labelWidth = 0;
        for (String label : labels) {
            labelWidth = Math.max(labelWidth, canvas.width(label, LABEL_SIZE));
        }
        labelWidth = Math.min(labelWidth + 6, width * 0.35f);
        float valueWidth = canvas.width(chart.unit().format(chart.max()), LABEL_SIZE) + 6;
        float plotLeft = x + labelWidth;
        float plotWidth = width - labelWidth - valueWidth;
        float row = height / labels.size();
        float thickness = Math.min(row * 0.75f / seriesCount, 12);
        long max = Math.max(1, chart.max());
        canvas.line(plotLeft, y, plotLeft, y + height, 0.8f, PdfCanvas.BLACK);
        for (int l = 0; l < labels.size(); l++) {
            float rowTop = y + height - row * l;
            float centre = rowTop - row / 2;
            label(chart, labels.get(l), plotLeft - 4, centre - LABEL_SIZE / 3, PdfTable.Align.RIGHT);
            float barTop = centre + thickness * seriesCount / 2;
            for (int s = 0; s < seriesCount; s++) {
                long value = chart.value(s, labels.get(l));
                float length = (float) Math.max(0, value) / max * plotWidth;
                float barBottom = barTop - thickness;
                if (length > 0) {
                    canvas.fill(plotLeft, barBottom, length, thickness, colour(s));
                }
                canvas.text(chart.unit().format(value), plotLeft + length + 3,
                        barBottom + (thickness - LABEL_SIZE) / 2 + 1, LABEL_SIZE, PdfTable.Align.LEFT, false,
                        PdfCanvas.BLACK);
                barTop = barBottom;
            }
        }
    }
}
