package io.counterdesk.servicetime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** One finished counter business as stored for the daily report. */
public record ServiceTime(long id, String staffNo, CounterBusiness business, String subject, LocalDate businessDay,
                          Instant startedAt, Instant endedAt, Duration promise) {

    public Duration taken() {
        return Duration.between(startedAt, endedAt);
    }

    public boolean withinPromise() {
        return taken().compareTo(promise) <= 0;
    }
}
