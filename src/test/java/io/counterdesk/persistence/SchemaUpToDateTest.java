package io.counterdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a database whose schema is the program's skips Flyway (issue 15 §3: seconds of a cold start),
 * and only then: a database missing a migration, or holding one this program does not know, still goes
 * through Flyway (migrated, or refused as newer).
 */
class SchemaUpToDateTest {

    @TempDir
    Path dir;

    @Test
    void theProgramsMigrationsAreListedFromTheClassPath() throws Exception {
        long files;
        try (Stream<Path> sql = Files.list(Path.of(getClass().getClassLoader().getResource("db/migration").toURI()))) {
            files = sql.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.(sql|class)")).count();
        }
        assertThat(SchemaUpToDate.knownVersions()).hasSize((int) files).contains("1", "31", "32");
    }

    @Test
    void aDatabaseAtTheProgramsVersionOpensWithoutFlyway() {
        DatabaseLocation location = new DatabaseLocation(dir, "t");
        try (Database created = Database.open(location, Clock.systemUTC())) {
            assertThat(names(created)).anyMatch(step -> step.startsWith("database: Flyway"));
        }
        try (Database reopened = Database.open(location, Clock.systemUTC())) {
            assertThat(names(reopened)).contains("database: schema version check")
                    .noneMatch(step -> step.startsWith("database: Flyway"));
            assertThat(reopened.jdbi().<Boolean, RuntimeException>withHandle(SchemaUpToDate::check)).isTrue();
        }
    }

    @Test
    void aDatabaseMissingAMigrationGoesThroughFlywayAndIsMigrated() {
        DatabaseLocation location = new DatabaseLocation(dir, "t");
        try (Database created = Database.open(location, Clock.systemUTC())) {
            // as if V31 were new in this program: its row gone (Flyway re-applies nothing if told it is pending; only the check is under test)
            created.jdbi().useHandle(h -> h.execute("UPDATE \"flyway_schema_history\" SET \"version\" = '31.9' WHERE \"version\" = '31'"));
            assertThat(created.jdbi().<Boolean, RuntimeException>withHandle(SchemaUpToDate::check)).isFalse();
            created.jdbi().useHandle(h -> h.execute("UPDATE \"flyway_schema_history\" SET \"version\" = '31' WHERE \"version\" = '31.9'"));
            created.jdbi().useHandle(h -> h.execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '30'"));
            assertThat(created.jdbi().<Boolean, RuntimeException>withHandle(SchemaUpToDate::check)).isFalse();
            created.jdbi().useHandle(h -> h.execute("UPDATE \"flyway_schema_history\" SET \"success\" = TRUE WHERE \"version\" = '30'"));
            assertThat(created.jdbi().<Boolean, RuntimeException>withHandle(SchemaUpToDate::check)).isTrue();
        }
    }

    private static List<String> names(Database database) {
        return database.openingSteps().steps().stream().map(OpeningSteps.Step::name).toList();
    }
}
