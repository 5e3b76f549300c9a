package io.counterdesk.report.chart;

/**
 * The value axis of a chart: from 0 to {@link #top()} in steps of 1, 2 or 5 times a power of ten,
 * at most {@link #MAX_STEPS} steps, so that the grid lines fall on round numbers.
 */
public record ChartScale(long step, int steps) {

    public static final int MAX_STEPS = 5;

    /** The scale for values up to {@code max} (a scale of one step of 1 for nothing to show). */
    public static ChartScale forMax(long max) {
        if (max <= 0) {
            return new ChartScale(1, 1);
        }
        long power = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                long step = Math.multiplyExact(factor, power);
                long steps = (max + step - 1) / step;
                if (steps <= MAX_STEPS) {
                    return new ChartScale(step, (int) steps);
                }
            }
            power = Math.multiplyExact(power, 10);
        }
    }

    public long top() {
        return step * steps;
    }

    /** Where {@code value} lies between 0 (the axis) and 1 (the top), for drawing. */
    public double fraction(long value) {
        return Math.max(0, Math.min(1, (double) value / top()));
    }
}
