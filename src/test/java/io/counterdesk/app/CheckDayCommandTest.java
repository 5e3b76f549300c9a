package io.counterdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.till.DayAtTheCounter;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** {@code counterdesk check-day}: exit 0 when a day of mixed business ties with the journal, 1 when not. */
class CheckDayCommandTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private record Run(int exit, String out, String err) {
    }

    private Run checkDay(String date) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Cli()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("check-day", "--db", db.location().basePath().toString(), "--date", date);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aDayOfMixedBusinessTies() {
        new DayAtTheCounter(db).mixedDay();

        Run run = checkDay("2025-03-10");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("journal: intact", "2025-03-10: 1 till(s)", "every figure ties");
    }

    @Test
    void aDepositChangedInTheDatabaseDoesNotTie() {
        new DayAtTheCounter(db).mixedDay();
        db.execute("UPDATE till_deposit SET amount_fen = 90000");

        Run run = checkDay("2025-03-10");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("DIFFERS 1001 王伟", "deposits: report 900.00, journal 1000.00");
    }

    @Test
    void aDayWithoutAnyTillSaysSoAndProvesNothing() {
        Run run = checkDay("2025-03-09");

        // issue 13 §4: nothing compared is not "every figure ties" (a mistyped date must not pass)
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("2025-03-09", "没有任何钱箱");
        assertThat(run.out()).doesNotContain("every figure ties");
    }
}
