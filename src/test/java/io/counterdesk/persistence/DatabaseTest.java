package io.counterdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void migrationsCreateTheSchemaOnAFreshFile(@TempDir Path dir) {
        DatabaseLocation location = new DatabaseLocation(dir.resolve("new"), "hall");

        try (Database database = Database.open(location, Clock.systemUTC())) {
            assertThat(location.dataFile()).isRegularFile();
            List<String> tables = database.jdbi().withHandle(handle -> handle.createQuery("""
                    SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = 'PUBLIC'""")
                    .mapTo(String.class).list());
            assertThat(tables).contains("hall", "terminal", "setting", "operator", "account", "holder_period",
                    "search_gram", "tariff", "tariff_tier", "bill", "till_session", "approval", "journal",
                    "journal_head", "flyway_schema_history");
            assertThat(appliedMigrations(database)).startsWith("1");
            assertThat(pendingMigrations(location)).isEmpty();
            ChainReport chain = database.read(Journal::verify);
            assertThat(chain).isEqualTo(ChainReport.intact(0));
        }
    }

    @Test
    void reopeningAppliesNoMigrationAgainAndKeepsTheData() {
        db.database().inTransaction(tx -> db.journal().append(tx, "1001", "TEST", "s", java.util.Map.of("n", 1)));
        List<String> history = appliedMigrations(db.database());

        Database reopened = db.reopen();

        assertThat(appliedMigrations(reopened)).isEqualTo(history);
        assertThat(pendingMigrations(db.location())).isEmpty();
        assertThat(reopened.read(new TerminalRepository()::current)).contains(db.terminal());
        assertThat(db.events()).extracting(JournalEvent::type).containsExactly("TEST");
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    @Test
    void urlWritesEachCommitAtOnceAndLeavesClosingToTheProgram() {
        assertThat(db.location().jdbcUrl())
                .startsWith("jdbc:h2:file:" + db.location().basePath())
                .contains(";WRITE_DELAY=0")
                .contains(";DB_CLOSE_ON_EXIT=FALSE");
        assertThat(db.queryLong("SELECT MAX(CAST(SETTING_VALUE AS BIGINT)) FROM INFORMATION_SCHEMA.SETTINGS "
                + "WHERE SETTING_NAME = 'WRITE_DELAY'")).isZero();
    }

    @Test
    void theIdentitiesEveryPaymentTakesFromStoreTheirPositionOnlyEveryThousandValues() {
        // H2's default (32) cost one payment in ten an extra store of the file (docs/benchmarks.md, fifth look)
        for (String table : List.of("PAYMENT", "TILL_POSTING", "RECEIPT", "GAS_PURCHASE", "SERVICE_TIME", "APPROVAL")) {
            assertThat(db.queryLong("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' "
                    + "AND TABLE_NAME = '" + table + "' AND COLUMN_NAME = 'ID'")).as(table).isEqualTo(1024);
        }
    }

    @Test
    void locationAcceptsABasePathOrTheDataFileName(@TempDir Path dir) {
        DatabaseLocation fromBase = DatabaseLocation.of(dir.resolve("hall1"));
        DatabaseLocation fromFile = DatabaseLocation.of(dir.resolve("hall1.mv.db"));

        assertThat(fromFile).isEqualTo(fromBase);
        assertThat(fromBase.dataFile()).isEqualTo(dir.resolve("hall1.mv.db"));
    }

    @Test
    void registeringTheTerminalMakesItThisDatabasesTerminal() {
        TerminalIdentity terminal = db.terminal();

        assertThat(terminal.terminalCode()).isEqualTo(TestDatabase.TERMINAL_CODE);
        assertThat(terminal.hallCode()).isEqualTo(TestDatabase.HALL_CODE);
        assertThat(terminal.hallName()).isEqualTo("测试营业厅");
        assertThat(db.database().read(new TerminalRepository()::current)).contains(terminal);
    }

    /** What Flyway would still apply: the program's migrations not yet in the database. */
    private static List<String> pendingMigrations(DatabaseLocation location) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(location.jdbcUrl());
        dataSource.setUser("counterdesk");
        dataSource.setPassword(TerminalKeys.load(location).map(TerminalKeys::databasePassword).orElse(""));
        return Arrays.stream(Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load()
                        .info().pending())
                .map(migration -> migration.getVersion().getVersion()).toList();
    }

    /** The versions of the migrations applied successfully, in order. */
    private static List<String> appliedMigrations(Database database) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")
                .mapTo(String.class).list());
    }
}
