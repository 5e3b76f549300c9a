package io.counterdesk.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A clock that stands still until a test moves it. Thread-safe, so services on other threads see
 * the same time.
 */
public final class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    public TestClock(Instant start, ZoneId zone) {
        this.now = Objects.requireNonNull(start);
        this.zone = Objects.requireNonNull(zone);
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant instant) {
        now = Objects.requireNonNull(instant);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(now, other);
    }
}
