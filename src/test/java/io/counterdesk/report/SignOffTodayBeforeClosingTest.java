package io.counterdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.counterdesk.persistence.Settings;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.security.OperatorConfirmation;
import io.counterdesk.shared.BusinessException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15 §2: signing today off locks the rest of the day for every cashier, so before the hall's
 * closing time ({@code hall.closingTime}) the sign-off service itself refuses it without a reason —
 * whatever the screen asked.
 */
class SignOffTodayBeforeClosingTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private HallSignOffService signOffs;

    @BeforeEach
    void setUp() {
        signOffs = new HallSignOffService(db.database(), db.journal(), new DayReportService(db.database(),
                db.terminal()));
        db.addOperator("2001", "张敏", io.counterdesk.security.Role.MANAGER, "demo2001");
    }

    @Test
    void todayBeforeClosingWithoutAReasonIsRefusedAndTheDayStaysOpen() {
        at(DAY, LocalTime.of(10, 15));

        BusinessException refused = catchThrowableOfType(BusinessException.class,
                () -> signOffs.signOff(checker(), DAY, "  "));

        assertThat(refused.key()).isEqualTo("signoff.reasonBeforeClosing");
        assertThat(refused.getMessage()).contains("10:15").contains("17:30");
        assertThat(db.events("DAY_SIGNED_OFF")).isEmpty();
        assertThat(db.queryLong("SELECT COUNT(*) FROM day_signoff")).isZero();
    }

    @Test
    void todayBeforeClosingWithAReasonIsSignedOffWithIt() {
        at(DAY, LocalTime.of(10, 15));

        signOffs.signOff(checker(), DAY, "停电，提前闭厅");

        assertThat(db.events("DAY_SIGNED_OFF")).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("停电，提前闭厅"));
    }

    @Test
    void atClosingTimeOrAnEarlierDayNeedsNoReason() {
        at(DAY, LocalTime.of(17, 30));
        signOffs.signOff(checker(), DAY, "");
        at(DAY.plusDays(1), LocalTime.of(9, 0));
        signOffs.signOff(checker(), DAY.minusDays(3), "");

        assertThat(db.events("DAY_SIGNED_OFF")).hasSize(2);
    }

    @Test
    void theHallsOwnClosingTimeCounts() {
        db.database().inTransaction(tx -> {
            new Settings().put(tx, HallSignOffService.CLOSING_TIME_SETTING, "12:00");
            return null;
        });
        at(DAY, LocalTime.of(11, 59));
        assertThat(catchThrowableOfType(BusinessException.class, () -> signOffs.signOff(checker(), DAY, ""))
                .getMessage()).contains("12:00");

        at(DAY, LocalTime.of(12, 1));
        signOffs.signOff(checker(), DAY, "");
        assertThat(db.events("DAY_SIGNED_OFF")).hasSize(1);
    }

    private OperatorConfirmation checker() {
        return db.auth().confirmOperator("2001", "demo2001".toCharArray());
    }

    private void at(LocalDate date, LocalTime time) {
        db.clock().set(LocalDateTime.of(date, time).atZone(TestDatabase.ZONE).toInstant());
    }
}
