package io.counterdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrades keep data (issue 17 §2): a database made by the previous release is backed up before
 * this build migrates it; a migration that fails puts the old file back; a database from a newer
 * release is refused. The extra test migrations ({@code db/upgrade-probe} V900, {@code
 * db/failing-migration} V901) make "a newer version of the program" without touching the real ones.
 */
class UpgradeTest {

    private static final String PROBE = "classpath:db/upgrade-probe";
    private static final String FAILING = "classpath:db/failing-migration";

    @TempDir
    Path dir;

    @AfterEach
    void chinese() {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void previousReleaseIsBackedUpBeforeItIsMigrated() {
        DatabaseLocation location = PreviousRelease.copyInto(dir);
        try (Database database = Database.open(location, Clock.systemUTC(), true, true, Database.MIGRATIONS, PROBE)) {
            assertThat(count(database, "SELECT COUNT(*) FROM upgrade_probe")).isEqualTo(1);
            ChainReport chain = database.read(Journal::verify);
            assertThat(chain.isIntact()).isTrue();
            assertThat(chain.eventsChecked()).isEqualTo(PreviousRelease.JOURNAL_EVENTS);
        }
        List<Backups.Backup> backups = Backups.beside(location, Clock.systemUTC()).list();
        assertThat(backups).hasSize(1);
        Backups.Backup before = backups.get(0);
        assertThat(before.reason()).startsWith("before-upgrade-V" + PreviousRelease.SCHEMA + "-to-V900");
        assertThat(before.schemaVersion()).isEqualTo(PreviousRelease.SCHEMA);
        assertThat(before.lastSeq()).isEqualTo(PreviousRelease.JOURNAL_EVENTS);
        // the backup really is the old file: its copy has no probe table and the old schema version
        Backups.Copy copy = Backups.checkAndExtract(before.file(), dir.resolve("check"), DatabaseKeys.passwordOf(location));
        try {
            assertThat(copy.schemaVersion()).isEqualTo(PreviousRelease.SCHEMA);
            assertThat(copy.verifyChain().isIntact()).isTrue();
        } finally {
            copy.delete();
        }
    }

    @Test
    void anOpenWithNothingToMigrateTakesNoBackup() {
        DatabaseLocation location = PreviousRelease.copyInto(dir);
        Database.open(location, Clock.systemUTC(), true, true, Database.MIGRATIONS, PROBE).close();
        Database.open(location, Clock.systemUTC(), true, true, Database.MIGRATIONS, PROBE).close();
        assertThat(Backups.beside(location, Clock.systemUTC()).list()).hasSize(1);
    }

    @Test
    void aFailedMigrationPutsTheOldDatabaseBackAndSaysSo() {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        DatabaseLocation location = PreviousRelease.copyInto(dir);
        assertThatThrownBy(() -> Database.open(location, Clock.systemUTC(), true, true, Database.MIGRATIONS, FAILING))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.key()).isEqualTo("app.upgrade.failed");
                    assertThat(e.getMessage()).contains("升级数据库").contains("已恢复为升级前的状态")
                            .contains("no_such_table".toUpperCase());
                });
        // the old file is back: no half-done column, no trace of the failed migration, the chain whole
        try (Database old = Database.open(location, Clock.systemUTC())) {
            assertThat(count(old, "SELECT COUNT(*) FROM information_schema.columns WHERE UPPER(column_name) = 'UPGRADE_HALF_DONE'"))
                    .isZero();
            assertThat(count(old, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '901'")).isZero();
            ChainReport chain = old.read(Journal::verify);
            assertThat(chain.isIntact()).isTrue();
            assertThat(chain.eventsChecked()).isEqualTo(PreviousRelease.JOURNAL_EVENTS);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("counterdesk.mv.db.failed-upgrade-"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aDatabaseFromANewerReleaseIsRefusedInChinese() {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        DatabaseLocation location = PreviousRelease.copyInto(dir);
        Database.open(location, Clock.systemUTC(), true, true, Database.MIGRATIONS, PROBE).close();
        int backupsBefore = Backups.beside(location, Clock.systemUTC()).list().size();

        assertThatThrownBy(() -> Database.open(location, Clock.systemUTC()))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.key()).isEqualTo("app.db.newer");
                    assertThat(e.getMessage()).contains("更新版本").contains("900").contains("不会打开");
                });
        assertThatThrownBy(() -> Database.openForInspection(location, Clock.systemUTC()))
                .isInstanceOf(BusinessException.class);
        // refused before anything was written: no backup, and the newer program still finds its schema
        assertThat(Backups.beside(location, Clock.systemUTC()).list()).hasSize(backupsBefore);
        try (Database newer = Database.open(location, Clock.systemUTC(), true, true, Database.MIGRATIONS, PROBE)) {
            assertThat(count(newer, "SELECT COUNT(*) FROM upgrade_probe")).isEqualTo(1);
        }
    }

    private static int count(Database database, String sql) {
        return database.<Integer>read(tx -> tx.handle().createQuery(sql).mapTo(Integer.class).one());
    }
}
