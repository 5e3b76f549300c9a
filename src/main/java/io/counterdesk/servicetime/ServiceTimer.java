package io.counterdesk.servicetime;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One counter business being timed: what it is, when the cashier started it and the time promised
 * for it. Pure: the caller says what time it is.
 */
public record ServiceTimer(CounterBusiness business, Instant startedAt, Duration promise) {

    /** From this share of the promise on, the clock warns (amber). */
    public static final int NEAR_PERCENT = 80;

    /** How the business stands against its promise. */
    public enum Level {
        WITHIN,
        NEAR,
        OVER
    }

    public ServiceTimer {
        Objects.requireNonNull(business);
        Objects.requireNonNull(startedAt);
        if (promise == null || promise.isNegative() || promise.isZero()) {
            throw new IllegalArgumentException("promise must be positive: " + promise);
        }
    }

    /** Time since the start; zero if the clock reads earlier (a clock set back). */
    public Duration elapsed(Instant now) {
        Duration d = Duration.between(startedAt, now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    public Level level(Instant now) {
        long elapsedMillis = elapsed(now).toMillis();
        long promisedMillis = promise.toMillis();
        if (elapsedMillis > promisedMillis) {
            return Level.OVER;
        }
        return elapsedMillis * 100 >= promisedMillis * NEAR_PERCENT ? Level.NEAR : Level.WITHIN;
    }

    /** The same start, now timed as another business (an opening that turns out to have an IC meter). */
    public ServiceTimer as(CounterBusiness other, Duration otherPromise) {
        return new ServiceTimer(other, startedAt, otherPromise);
    }

    /** "2:13", "12:05", "1:02:03". */
    public static String clockText(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
