package io.counterdesk.shared;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The business days a service accepts from a caller: 2000-01-01 to 2099-12-31. Beyond them the
 * date arithmetic of reports and listings (month ends, time zones) would fail with a raw
 * {@code DateTimeException} and nothing real ever happened there (issue 13 §3).
 */
public final class SaneDates {

    public static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2099, 12, 31);

    private SaneDates() {
    }

    public static LocalDate require(LocalDate day) {
        if (day == null || day.isBefore(FIRST) || day.isAfter(LAST)) {
            throw new BusinessException("shared.date.range", String.valueOf(day), FIRST, LAST);
        }
        return day;
    }

    public static YearMonth require(YearMonth month) {
        require(month == null ? null : month.atDay(1));
        return month;
    }
}
