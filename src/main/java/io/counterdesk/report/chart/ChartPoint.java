package io.counterdesk.report.chart;

import java.util.Objects;

/**
 * One labelled value of a chart: a count, an amount in fen or a number of minutes, as the chart's
 * {@link ChartUnit} says. Whole numbers only: money stays exact fen here too.
 */
public record ChartPoint(String label, long value) {

    public ChartPoint {
        Objects.requireNonNull(label, "label");
    }
}
