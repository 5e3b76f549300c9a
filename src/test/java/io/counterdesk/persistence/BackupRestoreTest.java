package io.counterdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.shared.BusinessException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups while the program works, and restores that check the copy before replacing anything (issue 17 §3). */
class BackupRestoreTest {

    @TempDir
    Path dir;

    @Test
    void anOnlineBackupDescribesItsCopyAndRestoresIntoANewSyncEpoch() throws IOException {
        DatabaseLocation location = PreviousRelease.copyInto(dir);
        Backups backups = Backups.beside(location, Clock.systemUTC());
        Backups.Backup backup;
        try (Database database = Database.open(location, Clock.systemUTC())) {
            backup = backups.take(database, "manual");
            // business goes on after the backup: this event is not in it
            database.inTransaction(tx -> new Journal("HZ01-T01").append(tx, "9001", "TEST_AFTER_BACKUP", "x", Map.of()));
            long head = database.<Long>read(tx -> tx.handle().createQuery("SELECT last_seq FROM journal_head").mapTo(Long.class).one());
            assertThat(backup.lastSeq()).isEqualTo(head - 1);
        }
        assertThat(Files.readString(Backups.sidecar(backup.file(), ".sha256")))
                .isEqualTo(Backups.sha256(backup.file()) + "  " + backup.file().getFileName() + "\n");
        assertThat(backup.lastHash()).hasSize(64);

        Restore.Result result = Restore.restore(location, backup.file(), Clock.systemUTC());

        assertThat(result.events()).isEqualTo(backup.lastSeq());
        assertThat(result.syncEpoch()).isEqualTo(2);
        assertThat(result.replacedKeptAt()).exists().hasParent(dir.resolve(Restore.REPLACED_FOLDER));
        try (Database restored = Database.open(location, Clock.systemUTC())) {
            long head = restored.<Long>read(tx -> tx.handle().createQuery("SELECT last_seq FROM journal_head").mapTo(Long.class).one());
            assertThat(head).isEqualTo(backup.lastSeq());
            java.util.Optional<String> epoch = restored.read(tx -> new Settings().get(tx, "sync.epoch"));
            assertThat(epoch).contains("2");
        }
        // a second restore of the same backup starts yet another epoch
        assertThat(Restore.restore(location, backup.file(), Clock.systemUTC()).syncEpoch()).isEqualTo(2);
    }

    @Test
    void aCorruptBackupIsRefusedAndNothingChanges() throws IOException {
        DatabaseLocation location = PreviousRelease.copyInto(dir);
        Backups.Backup backup;
        try (Database database = Database.open(location, Clock.systemUTC())) {
            backup = Backups.beside(location, Clock.systemUTC()).take(database, "manual");
        }
        byte[] bytes = Files.readAllBytes(backup.file());
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(backup.file(), bytes);
        String before = Backups.sha256(location.dataFile());

        assertThatThrownBy(() -> Restore.restore(location, backup.file(), Clock.systemUTC()))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.key()).isEqualTo("app.restore.checksumMismatch"));
        assertThat(Backups.sha256(location.dataFile())).isEqualTo(before);
        assertThat(dir.resolve(Restore.REPLACED_FOLDER)).doesNotExist();

        // the same damage with a checksum made to fit: the zip itself no longer reads
        Files.writeString(Backups.sidecar(backup.file(), ".sha256"), Backups.sha256(backup.file()) + "  x\n");
        assertThatThrownBy(() -> Restore.restore(location, backup.file(), Clock.systemUTC()))
                .isInstanceOf(BusinessException.class);
        assertThat(Backups.sha256(location.dataFile())).isEqualTo(before);
    }

    @Test
    void aBackupWhoseJournalWasEditedIsRefused() throws Exception {
        DatabaseLocation location = PreviousRelease.copyInto(dir.resolve("tampered"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + location.basePath(), "counterdesk", "");
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER journal_append_only");
            s.execute("UPDATE journal SET subject = 'edited' WHERE seq = 3");
        }
        Backups.Backup tampered;
        try (Database database = Database.open(location, Clock.systemUTC())) {
            tampered = Backups.beside(location, Clock.systemUTC()).take(database, "manual");
        }
        // restored on its own terminal: the backup opens with that terminal's key store (ADR 0012)
        DatabaseLocation terminal = location;

        assertThatThrownBy(() -> Restore.restore(terminal, tampered.file(), Clock.systemUTC()))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.key()).isEqualTo("app.restore.chainBroken");
                    assertThat(e.args()[1]).isEqualTo(3L);
                });
        assertThat(terminal.directory().resolve(Restore.REPLACED_FOLDER)).doesNotExist();
    }

    @Test
    void restoreIsRefusedWhileTheProgramHasTheDatabaseOpen() {
        DatabaseLocation location = PreviousRelease.copyInto(dir);
        try (Database database = Database.open(location, Clock.systemUTC())) {
            Backups.Backup backup = Backups.beside(location, Clock.systemUTC()).take(database, "manual");
            assertThatThrownBy(() -> Restore.restore(location, backup.file(), Clock.systemUTC()))
                    .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.key()).isEqualTo("app.restore.inUse"));
            assertThat(database.read(Journal::verify).isIntact()).isTrue();
        }
    }

    @Test
    void automaticBackupsOlderThanTheSettingArePrunedManualOnesStay() {
        DatabaseLocation location = PreviousRelease.copyInto(dir);
        Instant start = Instant.parse("2026-01-01T10:00:00Z");
        try (Database database = Database.open(location, Clock.systemUTC())) {
            new Backups(dir.resolve("backups"), Clock.fixed(start, ZoneOffset.UTC)).take(database, "till-close");
            new Backups(dir.resolve("backups"), Clock.fixed(start, ZoneOffset.UTC)).take(database, "manual");
            Backups later = new Backups(dir.resolve("backups"), Clock.fixed(start.plus(Duration.ofDays(31)), ZoneOffset.UTC));
            later.take(database, "sign-off");
            assertThat(later.prune(30)).isEqualTo(1);
            // the backup taken before migrating the previous release's file is not one of these
            assertThat(later.list()).extracting(Backups.Backup::reason)
                    .filteredOn(reason -> !reason.startsWith("before-upgrade-")).containsExactly("manual", "sign-off");
        }
    }
}
