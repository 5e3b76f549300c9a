package io.counterdesk.bench;

import io.counterdesk.account.AccountService;
import io.counterdesk.account.SearchWork;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.DatabaseLocation;
import io.counterdesk.security.Operator;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One first search in a fresh JVM (issue 15 §3, ADR 0027): opens the bench's database as the app does,
 * runs {@link AccountService#warmUp} (as the window does in the background while the cashier logs in) or
 * not, logs the demo cashier in and times one search. Prints {@code FIRST_CALL …} for {@link SearchBench}.
 *
 * <p>Arguments: database directory, query, {@code warm} or {@code cold}.
 */
public final class FirstCallChild {

    private FirstCallChild() {
    }

    public static void main(String[] args) {
        DatabaseLocation location = new DatabaseLocation(Path.of(args[0]), SearchBench.DB_NAME);
        boolean warm = "warm".equals(args[2]);
        long t0 = System.nanoTime();
        try (Database database = Database.open(location, SearchBench.CLOCK)) {
            long opened = System.nanoTime();
            AccountService service = new AccountService(database, (tx, accountId) -> List.of());
            if (warm) {
                service.warmUp();
            }
            long warmed = System.nanoTime();
            Operator cashier = SearchBench.login(database);
            SearchWork.reset();
            long s0 = System.nanoTime();
            int found = service.search(cashier, args[1]).size();
            long s1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "FIRST_CALL ns=%d found=%d open_ms=%.0f warmup_ms=%.0f work=%s%n", s1 - s0, found,
                    (opened - t0) / 1e6, (warmed - opened) / 1e6, SearchWork.last());
        }
    }
}
