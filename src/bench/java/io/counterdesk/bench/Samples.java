package io.counterdesk.bench;

import java.util.Arrays;

/** Latency samples of one kind of operation, in nanoseconds; percentiles from the sorted array. */
final class Samples {

    private final String name;
    private long[] nanos = new long[1024];
    private int size;

    Samples(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    void add(long elapsedNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = elapsedNanos;
    }

    void addAll(Samples other) {
        for (int i = 0; i < other.size; i++) {
            add(other.nanos[i]);
        }
    }

    int count() {
        return size;
    }

    /** The smallest sample with at least {@code fraction} of all samples at or below it (nearest rank). */
    long percentile(double fraction) {
        if (size == 0) {
            throw new IllegalStateException("no samples for " + name);
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    long max() {
        return percentile(1.0);
    }

    static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1_000_000.0);
    }
}
