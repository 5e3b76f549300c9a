package io.counterdesk.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;

/**
 * Which business day the sign-off screen shows (plain rules, no database): managers often sign a
 * day off the next morning, after the last till closed late, or forget a day. The screen opens on
 * the oldest day of the last {@value #LOOK_BACK_DAYS} days before today that had tills and is not
 * signed off, else today; it moves a day back or forward, never past today.
 */
public final class SignOffDays {

    /** How many days before today the screen looks for a day left unsigned. */
    public static final int LOOK_BACK_DAYS = 31;

    private SignOffDays() {
    }

    /** The first day looked at for a day left unsigned: {@value #LOOK_BACK_DAYS} days before {@code today}. */
    public static LocalDate lookBackFrom(LocalDate today) {
        return today.minusDays(LOOK_BACK_DAYS);
    }

    /**
     * The day the manager most likely means: the oldest of {@code unsigned} (days with tills and no
     * sign-off) from {@link #lookBackFrom} to before {@code today}, else today. Days outside that
     * window are ignored, whoever passed them.
     */
    public static LocalDate toOffer(LocalDate today, Collection<LocalDate> unsigned) {
        LocalDate from = lookBackFrom(today);
        return unsigned.stream().filter(d -> !d.isBefore(from) && d.isBefore(today)).min(Comparator.naturalOrder())
                .orElse(today);
    }

    /** The day before {@code day}. */
    public static LocalDate previous(LocalDate day) {
        return day.minusDays(1);
    }

    /** The day after {@code day}, or {@code day} itself when that would be after {@code today}. */
    public static LocalDate next(LocalDate day, LocalDate today) {
        LocalDate next = day.plusDays(1);
        return next.isAfter(today) ? day : next;
    }

    /** Whether a later day than {@code day} may be shown. */
    public static boolean hasNext(LocalDate day, LocalDate today) {
        return day.isBefore(today);
    }

    /** How many days {@code day} lies before {@code today} (0 for today). */
    public static long daysBefore(LocalDate day, LocalDate today) {
        return ChronoUnit.DAYS.between(day, today);
    }
}
