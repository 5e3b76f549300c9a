package io.counterdesk.report.chart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A bar chart as plain data, drawn by both the PDF reports ({@code report.pdf.ChartRenderer}) and
 * the hall manager's screen ({@code report.ui.ChartNode}). One or more series share the categories
 * (labels); with several, the bars of a category stand side by side and a legend names the series.
 *
 * @param kind {@link Kind#COLUMNS} for short labels in order (hours of the day), {@link Kind#BARS}
 *     for long names (businesses, tenders), drawn horizontally so that the names stay readable
 * @param marked the labels that need the reader's attention (a business past its promise): both
 *     renderers draw them in the warning colour; each must be one of the chart's labels
 */
public record Chart(String title, Kind kind, ChartUnit unit, List<ChartSeries> series, Set<String> marked) {

    /** Upright columns or horizontal bars. */
    public enum Kind {
        COLUMNS,
        BARS
    }

    public Chart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one series: " + title);
        }
        marked = Set.copyOf(marked);
        List<String> labels = labels(series);
        for (String label : marked) {
            if (!labels.contains(label)) {
                throw new IllegalArgumentException("marked label " + label + " is not one of the chart " + title);
            }
        }
    }

    /** A chart with nothing marked. */
    public Chart(String title, Kind kind, ChartUnit unit, List<ChartSeries> series) {
        this(title, kind, unit, series, Set.of());
    }

    /** A chart of one unnamed series. */
    public static Chart of(String title, Kind kind, ChartUnit unit, List<ChartPoint> points) {
        return new Chart(title, kind, unit, List.of(new ChartSeries("", points)));
    }

    /** Every label of every series, in first-seen order: the chart's categories. */
    public List<String> labels() {
        return labels(series);
    }

    private static List<String> labels(List<ChartSeries> series) {
        Set<String> labels = new LinkedHashSet<>();
        series.forEach(s -> s.points().forEach(p -> labels.add(p.label())));
        return new ArrayList<>(labels);
    }

    /** Whether {@code label} is drawn marked (in the warning colour). */
    public boolean isMarked(String label) {
        return marked.contains(label);
    }

    /** The value of {@code label} in series {@code seriesIndex}, 0 when that series has none. */
    public long value(int seriesIndex, String label) {
        return series.get(seriesIndex).points().stream().filter(p -> p.label().equals(label))
                .mapToLong(ChartPoint::value).sum();
    }

    /** The largest value drawn (at least 0). */
    public long max() {
        return Math.max(0, series.stream().flatMap(s -> s.points().stream()).mapToLong(ChartPoint::value).max()
                .orElse(0));
    }

    /** True when no value is above zero: the renderers then say "no data" instead of drawing bars. */
    public boolean isEmpty() {
        return max() == 0;
    }

    /** Whether the series need a legend (more than one, or a named one). */
    public boolean hasLegend() {
        return series.size() > 1;
    }
}
