package io.counterdesk.servicetime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The service-time clock against the hall's promise (第三条). */
class ServiceTimerTest {

    private static final Instant START = Instant.parse("2025-03-10T01:30:00Z");

    @ParameterizedTest
    @CsvSource(textBlock = """
            # promise min, elapsed s, level,  shown
            3,   0,     WITHIN, 0:00
            3,   143,   WITHIN, 2:23
            3,   144,   NEAR,   2:24
            3,   180,   NEAR,   3:00
            3,   181,   OVER,   3:01
            10,  479,   WITHIN, 7:59
            10,  480,   NEAR,   8:00
            15,  719,   WITHIN, 11:59
            15,  725,   NEAR,   12:05
            15,  3723,  OVER,   1:02:03
            """)
    void theClockTurnsAmberAtEightyPercentAndRedPastThePromise(int promiseMinutes, int elapsedSeconds,
                                                               ServiceTimer.Level level, String shown) {
        ServiceTimer timer = new ServiceTimer(CounterBusiness.PAYMENT, START, Duration.ofMinutes(promiseMinutes));
        Instant now = START.plusSeconds(elapsedSeconds);

        assertThat(timer.level(now)).isEqualTo(level);
        assertThat(ServiceTimer.clockText(timer.elapsed(now))).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            OPENING,    10
            IC_OPENING, 15
            PAYMENT,    3
            TOP_UP,     3
            AUTO_DEBIT, 5
            BILL_QUERY, 5
            TRANSFER,   10
            """)
    void thePromisesOfTheSeedAreTheDefaults(CounterBusiness business, int minutes) {
        assertThat(ServicePromises.DEFAULT.of(business)).isEqualTo(Duration.ofMinutes(minutes));
        assertThat(new ServicePromises(java.util.Map.of()).of(business)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @org.junit.jupiter.api.Test
    void aClockSetBackShowsNoNegativeTimeAndAnOpeningCanTurnIntoAnIcOpening() {
        ServiceTimer timer = new ServiceTimer(CounterBusiness.OPENING, START, Duration.ofMinutes(10));
        assertThat(timer.elapsed(START.minusSeconds(5))).isEqualTo(Duration.ZERO);
        ServiceTimer ic = timer.as(CounterBusiness.IC_OPENING, Duration.ofMinutes(15));
        assertThat(ic.startedAt()).isEqualTo(START);
        assertThat(ic.level(START.plus(Duration.ofMinutes(11)))).isEqualTo(ServiceTimer.Level.WITHIN);
    }
}
