package io.counterdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.security.Operator;
import io.counterdesk.security.OperatorConfirmation;
import io.counterdesk.security.Role;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import io.counterdesk.till.DayAtTheCounter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The day the sign-off screen opens on ({@link HallSignOffService#dayToSignOff}), on a terminal's real
 * H2 file database: the oldest day of the last 31 before today with tills and no sign-off, else today.
 */
class DayToSignOffTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private DayAtTheCounter counter;
    private HallSignOffService signOffs;

    @BeforeEach
    void setUp() {
        // 王伟's first till: 32 days ago, closed, never signed off (before the look-back)
        at(TODAY.minusDays(32), 9);
        counter = new DayAtTheCounter(db);
        close(counter.cashier);
        signOffs = new HallSignOffService(db.database(), db.journal(), new DayReportService(db.database(), db.terminal()));
    }

    private void at(LocalDate date, int hour) {
        db.clock().set(LocalDateTime.of(date, LocalTime.of(hour, 0)).atZone(TestDatabase.ZONE).toInstant());
    }

    /** {@code who} opens a till on {@code day} at 9:00 with a 500-yuan float. */
    private void open(Operator who, LocalDate day) {
        at(day, 9);
        counter.tills.open(who, Money.ofYuan(500));
    }

    /** {@code who} counts the untouched float and closes the till. */
    private void close(Operator who) {
        counter.close.count(who, DayAtTheCounter.countOf(Money.ofYuan(500)), Set.of());
        counter.close.close(who, "");
    }

    private OperatorConfirmation checker() {
        return db.auth().confirmOperator("2001", "demo2001".toCharArray());
    }

    private void signOff(LocalDate day) {
        signOffs.signOff(checker(), day, "");
    }

    private LocalDate offered() {
        at(TODAY, 8);
        return signOffs.dayToSignOff(counter.manager, TODAY);
    }

    @Test
    void nothingUnsignedInTheLastMonthOffersToday() {
        assertThat(offered()).as("32 days ago is outside the look-back").isEqualTo(TODAY);

        open(counter.cashier, TODAY);
        assertThat(offered()).as("today's own till").isEqualTo(TODAY);
    }

    @Test
    void theOldestUnsignedDayOfTheLastThirtyOneIsOffered() {
        open(counter.cashier, TODAY.minusDays(31));
        close(counter.cashier);
        open(counter.cashier, TODAY.minusDays(2));
        close(counter.cashier);

        assertThat(offered()).isEqualTo(TODAY.minusDays(31));
    }

    @Test
    void signedDaysAreSkipped() {
        open(counter.cashier, TODAY.minusDays(5));
        close(counter.cashier);
        open(counter.cashier, TODAY.minusDays(1));
        close(counter.cashier);
        at(TODAY.minusDays(5), 20);
        signOff(TODAY.minusDays(5));

        assertThat(offered()).isEqualTo(TODAY.minusDays(1));

        at(TODAY, 8);
        signOff(TODAY.minusDays(1));
        assertThat(offered()).isEqualTo(TODAY);
    }

    @Test
    void aDayWithATillStillOpenIsOfferedButItsSignOffRefused() {
        Operator li = db.addOperator("1002", "李娜", Role.CASHIER, "demo1002");
        open(counter.cashier, TODAY.minusDays(1));
        close(counter.cashier);
        open(li, TODAY.minusDays(1));

        assertThat(offered()).isEqualTo(TODAY.minusDays(1));
        BusinessException refused = catchThrowableOfType(BusinessException.class, () -> signOff(TODAY.minusDays(1)));
        assertThat(refused.getMessage()).isEqualTo("2025-03-09 还有未结账的班次：1002 李娜，不能签核");
        assertThat(db.queryLong("SELECT COUNT(*) FROM day_signoff")).isZero();
        assertThat(offered()).isEqualTo(TODAY.minusDays(1));
    }

    @Test
    void onlyAHallManagerAsks() {
        Operator cashier = counter.cashier;
        assertThat(catchThrowableOfType(BusinessException.class, () -> signOffs.dayToSignOff(cashier, TODAY)).key())
                .isEqualTo("security.permission.denied");
    }
}
