package io.counterdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.till.DayAtTheCounter;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sign-off's "oldest unsigned day" and the day reports read till sessions by business day through
 * the index {@code till_session_day} (V17), as H2's own plan says — not a scan of every session ever.
 */
class TillSessionDayIndexTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private String plan(String sql, Map<String, Object> binds) {
        new DayAtTheCounter(db); // 王伟's till open today: a session to find
        return db.database().jdbi().withHandle(h -> h.createQuery("EXPLAIN " + sql).bindMap(binds)
                .mapTo(String.class).one());
    }

    @Test
    void theOldestUnsignedDayIsFoundThroughTheIndexInItsOrder() {
        String plan = plan(ReportRepository.UNSIGNED_DAYS_WITH_TILLS, Map.of(
                "from", Date.valueOf(LocalDate.of(2025, 2, 7)), "until", Date.valueOf(LocalDate.of(2025, 3, 10))));

        assertThat(plan).contains("/* PUBLIC.TILL_SESSION_DAY: BUSINESS_DAY >= ").contains("/* index sorted */")
                .doesNotContain("TILL_SESSION.tableScan");
    }

    @Test
    void aDaysTillsAreReadThroughTheIndex() {
        String plan = plan(ReportRepository.TILLS_OF_DAY, Map.of("d", Date.valueOf(LocalDate.of(2025, 3, 10))));

        assertThat(plan).contains("/* PUBLIC.TILL_SESSION_DAY: BUSINESS_DAY = ").doesNotContain("tableScan");
    }
}
