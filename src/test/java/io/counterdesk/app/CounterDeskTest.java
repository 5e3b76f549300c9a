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
            assertThat(count(desk.database(), "SELECT COUNT(*) FROM account"))
                    .isEqualTo(ACCOUNTS + DemoData.CARD_ACCOUNTS.size());
            assertThat(desk.database().read(Journal::verify).isIntact()).isTrue();
        }
    }

    @Test
    void aLogInWorksOnceTheDatabaseIsOpenAndItsSessionHoldsAfterTheOtherServicesAreWired() {
        // the window's start (ADR 0031): the log-in page is usable after open(); finish() wires the rest meanwhile
        CounterDesk.start(config(true), HASHER).close();
        CounterDesk.Opening opening = CounterDesk.open(config(true), HASHER);
        Operator cashier = opening.auth().login("1001", "demo1001".toCharArray());
        try (CounterDesk desk = opening.finish()) {
            assertThat(desk.auth()).as("the log-in's service, with its sessions").isSameAs(opening.auth());
            assertThat(desk.terminal()).isEqualTo(opening.terminal());
            desk.tills().open(cashier, io.counterdesk.shared.Money.ofYuan(200)); // needs the session opened before
            assertThat(desk.tills().current(cashier)).isPresent();
            assertThat(desk.database().read(Journal::verify).isIntact()).isTrue();
        }
    }

    @Test
    void theDemoCardCustomersGetCardsIssuedThroughTheCounterAndKeptBesideTheDatabase() {
        try (CounterDesk desk = CounterDesk.start(config(true), HASHER)) {
            assertThat(count(desk.database(), "SELECT COUNT(*) FROM ic_card WHERE status = 'ACTIVE'"))
                    .isEqualTo(DemoData.CARD_ACCOUNTS.size());
            assertThat(count(desk.database(), "SELECT COUNT(*) FROM journal WHERE type = 'CARD_ISSUED'"))
                    .isEqualTo(DemoData.CARD_ACCOUNTS.size());
            assertThat(desk.demoCards()).isPresent();
            assertThat(desk.demoCards().get().cards()).extracting(c -> c.accountNo())
                    .containsExactlyElementsOf(DemoData.CARD_ACCOUNTS.stream().map(a -> a.accountNo()).toList());
            assertThat(desk.demoCards().get().inReader()).as("the reader is empty after issuing").isEmpty();
        }
        try (CounterDesk desk = CounterDesk.start(config(true), HASHER)) {
            Operator cashier = desk.auth().login("1001", "demo1001".toCharArray());
            desk.demoCards().get().insert("3390000001");
            io.counterdesk.card.CardImage card = desk.cardReader().read().issued();
            assertThat(card.accountNo()).as("the card kept on disk reads as issued").isEqualTo("3390000001");
            assertThat(desk.topUps().inspect(cashier, desk.cardReader()).canBuy()).isTrue();
            assertThat(count(desk.database(), "SELECT COUNT(*) FROM journal WHERE type = 'CARD_ISSUED'"))
                    .as("no card issued again").isEqualTo(DemoData.CARD_ACCOUNTS.size());
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
            assertThat(count(desk.database(), "SELECT COUNT(*) FROM account"))
                    .isEqualTo(ACCOUNTS + DemoData.CARD_ACCOUNTS.size());
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
