package io.counterdesk.servicetime;

import io.counterdesk.persistence.Tx;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The service_time table: one row per finished counter business. */
public final class ServiceTimeRepository {

    public long insert(Tx tx, long operatorId, ServiceTimer timer, String subject, LocalDate day, java.time.Instant end) {
        return tx.handle().createUpdate("""
                INSERT INTO service_time(operator_id, business, subject, business_day, started_at, ended_at,
                    promised_seconds)
                VALUES (:op, :business, :subject, :day, :start, :end, :promised)""")
                .bind("op", operatorId).bind("business", timer.business().name()).bind("subject", subject)
                .bind("day", java.sql.Date.valueOf(day)).bind("start", timer.startedAt().atOffset(ZoneOffset.UTC))
                .bind("end", end.atOffset(ZoneOffset.UTC)).bind("promised", (int) timer.promise().toSeconds())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The day's finished businesses, in the order they ended. */
    public List<ServiceTime> day(Tx tx, LocalDate day) {
        return tx.handle().createQuery("""
                SELECT s.id, o.staff_no, s.business, s.subject, s.business_day, s.started_at, s.ended_at,
                    s.promised_seconds
                FROM service_time s JOIN operator o ON o.id = s.operator_id
                WHERE s.business_day = :day ORDER BY s.ended_at, s.id""")
                .bind("day", java.sql.Date.valueOf(day))
                .map((rs, ctx) -> new ServiceTime(rs.getLong("id"), rs.getString("staff_no"),
                        CounterBusiness.valueOf(rs.getString("business")), rs.getString("subject"),
                        rs.getObject("business_day", LocalDate.class),
                        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("ended_at", OffsetDateTime.class).toInstant(),
                        Duration.ofSeconds(rs.getInt("promised_seconds"))))
                .list();
    }
}
