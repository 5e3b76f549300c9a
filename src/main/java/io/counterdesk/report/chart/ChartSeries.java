package io.counterdesk.report.chart;

import java.util.List;
import java.util.Objects;

/** A named row of labelled values (for example "实际" and "承诺" of the service-time chart). */
public record ChartSeries(String name, List<ChartPoint> points) {

    public ChartSeries {
        Objects.requireNonNull(name, "name");
        points = List.copyOf(points);
    }
}
