package io.counterdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.Backups;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.DatabaseLocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code counterdesk backup}: by itself when the database is free, through the running program when it is not. */
class BackupCommandTest {

    @TempDir
    Path dir;

    @Test
    void backsUpAClosedDatabaseItself() {
        DatabaseLocation location = new DatabaseLocation(dir, "counterdesk");
        Database.open(location, Clock.systemUTC()).close();

        String[] out = run("backup", "--db", location.basePath().toString());

        assertThat(out[0]).as(out[1]).startsWith("backup ").contains("sha256 ").contains("journal 0 ");
        assertThat(Backups.beside(location, Clock.systemUTC()).list()).singleElement()
                .satisfies(b -> assertThat(b.reason()).isEqualTo("manual"));
    }

    @Test
    void whileTheProgramHasTheDatabaseItAsksTheProgramForTheBackup() {
        DatabaseLocation location = new DatabaseLocation(dir, "counterdesk");
        try (Database running = Database.open(location, Clock.systemUTC()); AutoBackup program = new AutoBackup(running)) {
            assertThat(Database.isInUse(location.dataFile())).isTrue();

            String[] out = run("backup", "--db", location.basePath().toString());

            assertThat(out[0]).as(out[1]).startsWith("backup ").contains("sha256 ");
            assertThat(Backups.beside(location, Clock.systemUTC()).list()).hasSize(1);
            assertThat(dir.resolve("backups").resolve(AutoBackup.REQUEST)).doesNotExist();
            assertThat(dir.resolve("backups").resolve(AutoBackup.ANSWER)).doesNotExist();
        }
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Cli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        assertThat(code).as(err.toString()).isZero();
        return new String[] {out.toString(), err.toString()};
    }
}
