package io.counterdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which day the sign-off screen opens on, and how it moves (plain rules). */
class SignOffDaysTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @ParameterizedTest(name = "unsigned {0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # days with tills not signed off         | the screen opens on
                                                     | 2026-12-02
            2026-12-01                               | 2026-12-01
            2026-11-28 2026-12-01                    | 2026-11-28
            2026-12-01 2026-11-28                    | 2026-11-28
            2026-12-02                               | 2026-12-02
            2026-11-01                               | 2026-11-01
            2026-10-31                               | 2026-12-02
            2026-10-31 2026-11-30                    | 2026-11-30
            2026-12-03                               | 2026-12-02
            2026-12-01 2026-12-03                    | 2026-12-01
            """)
    void opensOnTheOldestUnsignedDayOfTheLastMonthElseToday(String unsigned, LocalDate expected) {
        List<LocalDate> days = unsigned == null ? List.of()
                : Arrays.stream(unsigned.trim().split("\\s+")).map(LocalDate::parse).toList();

        assertThat(SignOffDays.toOffer(TODAY, days)).isEqualTo(expected);
    }

    @Test
    void looksBackThirtyOneDays() {
        assertThat(SignOffDays.LOOK_BACK_DAYS).isEqualTo(31);
        assertThat(SignOffDays.lookBackFrom(TODAY)).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(SignOffDays.lookBackFrom(LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2026, 1, 29));
    }

    @ParameterizedTest(name = "{0}: previous {1}, next {2}, later day {3}, {4} days before today")
    @CsvSource(delimiter = '|', textBlock = """
            2026-12-02 | 2026-12-01 | 2026-12-02 | false | 0
            2026-12-01 | 2026-11-30 | 2026-12-02 | true  | 1
            2026-11-01 | 2026-10-31 | 2026-11-02 | true  | 31
            2026-01-01 | 2025-12-31 | 2026-01-02 | true  | 335
            """)
    void movesADayBackOrForwardNeverPastToday(LocalDate shown, LocalDate previous, LocalDate next, boolean hasNext,
                                              long daysBefore) {
        assertThat(SignOffDays.previous(shown)).isEqualTo(previous);
        assertThat(SignOffDays.next(shown, TODAY)).isEqualTo(next);
        assertThat(SignOffDays.hasNext(shown, TODAY)).isEqualTo(hasNext);
        assertThat(SignOffDays.daysBefore(shown, TODAY)).isEqualTo(daysBefore);
    }

    @Test
    void countsAcrossALeapDay() {
        LocalDate leapDay = LocalDate.of(2028, 2, 29);
        assertThat(SignOffDays.next(LocalDate.of(2028, 2, 28), leapDay)).isEqualTo(leapDay);
        assertThat(SignOffDays.daysBefore(LocalDate.of(2028, 2, 28), LocalDate.of(2028, 3, 1))).isEqualTo(2);
    }
}
