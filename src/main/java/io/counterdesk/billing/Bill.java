package io.counterdesk.billing;

import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.time.YearMonth;

/** A post-paid gas bill for one month's meter readings. */
public record Bill(long id, long accountId, YearMonth period, long previousReading, long currentReading,
                   long volumeM3, Money amount, LocalDate dueDate, Money paid) {

    /** What is still owed on the principal (late fees are computed separately). */
    public Money outstanding() {
        return amount.minus(paid);
    }

    public boolean isPaid() {
        return outstanding().isZero();
    }
}
