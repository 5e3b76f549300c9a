package io.counterdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.counterdesk.app.demo.DemoData;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.DatabaseLocation;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.TestClock;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.security.Operator;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CounterDeskTest {

    private static final int ACCOUNTS = 20;
    private static final PasswordHasher HASHER = TestDatabase.HASHER;

    @TempDir
    Path dir;

    private final Locale localeBefore = I18n.locale();

    @AfterEach
    void restoreLocale() {
        I18n.setLocale(localeBefore);
    }

    private AppConfig config(boolean demoOnFirstRun) {
        return new AppConfig(DatabaseLocation.of(dir.resolve("hall")), Locale.SIMPLIFIED_CHINESE,
                new TestClock(TestDatabase.START, TestDatabase.ZONE), demoOnFirstRun, ACCOUNTS);
    }

    private static long count(Database database, String sql) {
        return database.read(tx -> tx.handle().createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void firstStartOnAnEmptyDatabaseLoadsTheDemoHall() {
        try (CounterDesk desk = CounterDesk.start(config(true), HASHER)) {
            assertThat(desk.terminal().terminalCode()).isEqualTo(DemoData.TERMINAL_CODE);
            assertThat(desk.terminal().hallCode()).isEqualTo(DemoData.HALL_CODE);
            assertThat(count(desk.database(), "SELECT COUNT(*) FROM account")).isEqualTo(ACCOUNTS);
            assertThat(desk.database().read(Journal::verify).isIntact()).isTrue();
        }
    }

    @Test
    void demoOperatorsLogInWithTheDocumentedPasswords() {
        try (CounterDesk desk = CounterDesk.start(config(true), HASHER)) {
            for (DemoData.DemoOperator demo : DemoData.OPERATORS) {
                Operator operator = desk.auth().login(demo.staffNo(), ("demo" + demo.staffNo()).toCharArray());

                assertThat(operator.name()).isEqualTo(demo.name());
                assertThat(operator.role()).isEqualTo(demo.role());
                assertThat(operator.mustChangePassword()).isFalse();
            }
        }
    }

    @Test
    void secondStartKeepsTheDataAndLoadsNothingAgain() {
        CounterDesk.start(config(true), HASHER).close();

        try (CounterDesk desk = CounterDesk.start(config(true), HASHER)) {
            assertThat(count(desk.database(), "SELECT COUNT(*) FROM account")).isEqualTo(ACCOUNTS);
            assertThat(count(desk.database(), "SELECT COUNT(*) FROM journal WHERE type = 'DEMO_DATA_LOADED'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void withoutDemoAnEmptyDatabaseMustBeInitialisedFirst() {
        BusinessException refused = catchThrowableOfType(BusinessException.class,
                () -> CounterDesk.start(config(false), HASHER));

        assertThat(refused.key()).isEqualTo("app.notInitialised");
        // the database was closed again: it can be opened at once
        CounterDesk.start(config(true), HASHER).close();
    }

    @Test
    void startUsesTheConfiguredLanguage() {
        AppConfig english = new AppConfig(DatabaseLocation.of(dir.resolve("hall")), Locale.ENGLISH,
                new TestClock(TestDatabase.START, TestDatabase.ZONE), true, ACCOUNTS);

        try (CounterDesk desk = CounterDesk.start(english, HASHER)) {
            assertThat(I18n.locale()).isEqualTo(Locale.ENGLISH);
            assertThat(desk.config()).isEqualTo(english);
        }
    }
}
