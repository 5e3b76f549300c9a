package io.counterdesk.headoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.report.DayCheck;
import io.counterdesk.report.DayReportService;
import java.time.LocalDate;
import java.util.Map;

/** Every figure check-day takes from a terminal's report, set against head office's folded from the events alone. */
final class SameFigures {

    private SameFigures() {
    }

    static void assertSame(Database terminalDb, TerminalIdentity terminal, HeadOffice headOffice, LocalDate day)
            throws Exception {
        DayCheck.Result check = new DayCheck(terminalDb, new DayReportService(terminalDb, terminal)).check(day);
        assertThat(check.ties()).isTrue();
        assertThat(check.items()).isNotEmpty();
        int compared = 0;
        for (DayCheck.Item item : check.items()) {
            if (item.figure().equals("tendersEqualBusinesses")) {
                continue; // the report against itself, no journal figure
            }
            long till = Long.parseLong(item.tillLabel().substring(item.tillLabel().lastIndexOf('#') + 1));
            Map<String, String> ho = headOffice.tillFigures(terminal.hallCode(), terminal.terminalCode(), day, till);
            String zero = item.figure().startsWith("tender.") || item.figure().startsWith("business.") ? "0.00" : null;
            assertThat(ho.getOrDefault(item.figure(), zero)).as(item.tillLabel() + " " + item.figure())
                    .isEqualTo(item.report());
            compared++;
        }
        assertThat(compared).isGreaterThan(10);
    }
}
