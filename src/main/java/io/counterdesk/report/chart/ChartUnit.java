package io.counterdesk.report.chart;

import io.counterdesk.shared.Money;

/** What a chart's values count, and how a value is written beside its bar. */
public enum ChartUnit {
    /** A number of things (transactions). */
    COUNT,
    /** Money in fen, written as {@code ¥1,005.50}. */
    MONEY,
    /** Minutes (service times). */
    MINUTES;

    /** The value as written on a bar and on the axis. */
    public String format(long value) {
        return switch (this) {
            case COUNT, MINUTES -> Long.toString(value);
            case MONEY -> Money.ofFen(value).format();
        };
    }
}
