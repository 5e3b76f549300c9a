package io.counterdesk.servicetime;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Finished businesses stored with their promise for the daily report, on H2. */
class ServiceTimeServiceTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void eachFinishedBusinessIsStoredWithCashierStartEndAndPromise() {
        Operator cashier = db.addOperator("1001", "王伟", Role.CASHIER, "demo1001");
        ServiceTimeService times = new ServiceTimeService(db.database(), db.journal());

        ServiceTimer payment = times.start(CounterBusiness.PAYMENT);
        db.clock().advance(Duration.ofSeconds(200));
        times.finish(cashier, payment, "account:3300000001");
        ServiceTimer topUp = times.start(CounterBusiness.TOP_UP);
        db.clock().advance(Duration.ofSeconds(90));
        times.finish(cashier, topUp, "account:3300000002");

        assertThat(times.day(cashier, LocalDate.of(2025, 3, 10))).satisfiesExactly(
                first -> {
                    assertThat(first.business()).isEqualTo(CounterBusiness.PAYMENT);
                    assertThat(first.taken()).isEqualTo(Duration.ofSeconds(200));
                    assertThat(first.withinPromise()).as("over 3 minutes").isFalse();
                    assertThat(first.subject()).isEqualTo("account:3300000001");
                },
                second -> {
                    assertThat(second.business()).isEqualTo(CounterBusiness.TOP_UP);
                    assertThat(second.withinPromise()).isTrue();
                });
        assertThat(times.day(cashier, LocalDate.of(2025, 3, 11))).isEmpty();
        assertThat(db.events("SERVICE_TIMED")).hasSize(2);
    }

    @Test
    void theHallSetsItsOwnPromisesInMinutes() {
        Operator admin = db.addOperator("9001", "管理员", Role.ADMIN, "demo9001");
        ServiceTimeService times = new ServiceTimeService(db.database(), db.journal());
        db.execute("INSERT INTO setting(name, val) VALUES ('servicetime.promise.BILL_QUERY', 'soon')");

        times.setPromise(admin, CounterBusiness.PAYMENT, 4);

        assertThat(times.promises().of(CounterBusiness.PAYMENT)).isEqualTo(Duration.ofMinutes(4));
        assertThat(times.promises().of(CounterBusiness.BILL_QUERY)).as("unreadable: the default")
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(times.start(CounterBusiness.PAYMENT).promise()).isEqualTo(Duration.ofMinutes(4));
    }
}
