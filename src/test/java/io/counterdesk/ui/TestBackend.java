package io.counterdesk.ui;

import io.counterdesk.app.AppConfig;
import io.counterdesk.app.CounterDesk;
import io.counterdesk.security.Operator;
import io.counterdesk.security.PasswordHasher;
import java.nio.file.Path;

/**
 * A real back end for view-model tests: a fresh H2 database in a temporary directory, filled with
 * the demo hall (operators 1001 … 9001, password "demo" + 工号) and a few demo accounts, with a fast
 * password hasher. No mocks: the SQL that runs at the counter is the SQL under test.
 */
public final class TestBackend {

    public static final int ACCOUNTS = 300;

    private TestBackend() {
    }

    public static CounterDesk start(Path directory) {
        return start(directory, "zh");
    }

    public static CounterDesk start(Path directory, String lang) {
        AppConfig config = AppConfig.resolve(directory.resolve("db"), lang).withDemoAccounts(ACCOUNTS);
        return CounterDesk.start(config, new PasswordHasher(1_000));
    }

    /** Logs a demo operator in with the documented password. */
    public static Operator login(CounterDesk desk, String staffNo) {
        return desk.auth().login(staffNo, ("demo" + staffNo).toCharArray());
    }
}
