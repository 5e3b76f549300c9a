package io.counterdesk.report.chart;

import io.counterdesk.persistence.Tx;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the day charts read beyond the day's report: when each payment of the day was taken. */
public final class DayActivityRepository {

    /** The times of the completed payments of {@code day} (all cashiers of this database). */
    public List<Instant> paymentTimes(Tx tx, LocalDate day) {
        return tx.handle().createQuery("SELECT paid_at FROM payment WHERE business_day = :day AND status = 'COMPLETED'")
                .bind("day", day)
                .map((rs, ctx) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .list();
    }
}
