package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import io.counterdesk.servicetime.CounterBusiness;
import io.counterdesk.servicetime.ServiceTimeService;
import io.counterdesk.servicetime.ServiceTimer;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The status bar's service-time clock: shown while a business runs, amber near the promise, stored when done. */
class CounterServiceClockTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private StatusBarModel status;
    private ServiceTimeService times;
    private CounterServiceClock clock;
    private Operator cashier;

    @BeforeEach
    void setUp() {
        cashier = db.addOperator("1001", "王伟", Role.CASHIER, "demo1001");
        status = new StatusBarModel(db.clock());
        times = new ServiceTimeService(db.database(), db.journal());
        db.execute("INSERT INTO setting(name, val) VALUES ('servicetime.promise.PAYMENT', '4')");
        clock = new CounterServiceClock(new CurrentThreadTaskExecutor(), times, cashier, status, db.clock());
        clock.load();
    }

    @Test
    void aPaymentIsShownAgainstItsPromiseTurnsAmberThenRedAndIsStoredWhenPaid() {
        assertThat(status.serviceTimeProperty().get()).isEmpty();
        ServiceClock.Timing payment = clock.start(CounterBusiness.PAYMENT);
        assertThat(status.serviceTimeProperty().get()).isEqualTo("缴费 · 已用 0:00 / 承诺 4 分钟");
        assertThat(status.serviceLevelProperty().get()).isEqualTo(ServiceTimer.Level.WITHIN);

        db.clock().advance(Duration.ofSeconds(200));
        status.tick();
        assertThat(status.serviceTimeProperty().get()).isEqualTo("缴费 · 已用 3:20 / 承诺 4 分钟");
        assertThat(status.serviceLevelProperty().get()).isEqualTo(ServiceTimer.Level.NEAR);
        db.clock().advance(Duration.ofSeconds(41));
        status.tick();
        assertThat(status.serviceLevelProperty().get()).isEqualTo(ServiceTimer.Level.OVER);

        payment.finished("account:3300000001");
        payment.finished("account:3300000001");

        assertThat(status.serviceTimeProperty().get()).isEmpty();
        assertThat(times.day(cashier, LocalDate.of(2025, 3, 10))).singleElement().satisfies(t -> {
            assertThat(t.taken()).isEqualTo(Duration.ofSeconds(241));
            assertThat(t.promise()).isEqualTo(Duration.ofMinutes(4));
        });
    }

    @Test
    void theNewestBusinessIsShownAnAbandonedOneIsNotStoredAndAnOpeningCanBecomeAnIcOpening() {
        ServiceClock.Timing payment = clock.start(CounterBusiness.PAYMENT);
        ServiceClock.Timing opening = clock.start(CounterBusiness.OPENING);
        assertThat(status.serviceTimeProperty().get()).startsWith("开户 ·").endsWith("承诺 10 分钟");

        opening.changeTo(CounterBusiness.IC_OPENING);
        assertThat(status.serviceTimeProperty().get()).startsWith("开户（IC 卡表） ·").endsWith("承诺 15 分钟");
        opening.abandon();
        assertThat(status.serviceTimeProperty().get()).startsWith("缴费 ·");
        payment.recorded();

        assertThat(status.serviceTimeProperty().get()).isEmpty();
        assertThat(clock.running()).isEmpty();
        assertThat(times.day(cashier, LocalDate.of(2025, 3, 10))).isEmpty();
    }
}
