package io.counterdesk.servicetime;

import java.time.Duration;

/**
 * The counter businesses the hall promises a time for (第三条(一)5–9), with the promised defaults:
 * opening 10 minutes (15 with an IC meter), paying a gas bill 3, bank auto-debit enrolment 5, bill
 * query 5, ownership transfer 10. Buying gas onto an IC card is paying for gas: 3 minutes.
 */
public enum CounterBusiness {
    OPENING(10),
    IC_OPENING(15),
    PAYMENT(3),
    TOP_UP(3),
    AUTO_DEBIT(5),
    BILL_QUERY(5),
    TRANSFER(10);

    private final int defaultMinutes;

    CounterBusiness(int defaultMinutes) {
        this.defaultMinutes = defaultMinutes;
    }

    public Duration defaultPromise() {
        return Duration.ofMinutes(defaultMinutes);
    }

    /** Where the hall sets its own promise, in minutes: "servicetime.promise.OPENING". */
    public String settingName() {
        return "servicetime.promise." + name();
    }
}
