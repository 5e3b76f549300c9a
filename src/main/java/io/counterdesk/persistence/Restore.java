package io.counterdesk.persistence;

import io.counterdesk.shared.BusinessException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Puts a backup in the place of a terminal's database, only after the copy has proven itself: the
 * program is not running on it, the checksum matches, the copy's journal chain is intact, its schema
 * is not newer than this program knows. The restored copy starts a new sync epoch (setting
 * {@code sync.epoch} + 1, so head office never sees a batch number twice), and the replaced file is
 * kept in {@code replaced/}. See {@code docs/installation.md}, "Restore".
 */
public final class Restore {

    public static final String REPLACED_FOLDER = "replaced";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** What a restore did. {@code replacedKeptAt} is null when there was no database before. */
    public record Result(Path backup, Path dataFile, Path replacedKeptAt, long events, long syncEpoch) {
    }

    private Restore() {
    }

    public static Result restore(DatabaseLocation location, Path backup, Clock clock) {
        Path dataFile = location.dataFile();
        if (Database.isInUse(dataFile)) {
            throw new BusinessException("app.restore.inUse", dataFile);
        }
        String stamp = STAMP.format(clock.instant().atZone(ZoneId.systemDefault()));
        try {
            Files.createDirectories(location.directory());
        } catch (IOException e) {
            throw new StorageException("cannot create " + location.directory(), e);
        }
        Backups.Copy copy = Backups.checkAndExtract(backup, location.directory().resolve(".restore-" + stamp),
                DatabaseKeys.passwordOf(location));
        try {
            ChainReport chain;
            try {
                refuseNewer(copy, location, DatabaseKeys.passwordOf(location));
                chain = copy.verifyChain();
            } catch (BusinessException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new BusinessException("app.restore.unreadable", backup, e.getMessage());
            }
            if (!chain.isIntact()) {
                throw new BusinessException("app.restore.chainBroken", backup, chain.firstBrokenSeq().getAsLong(), chain.problem());
            }
            long epoch = copy.startNewSyncEpoch();
            Backups.forceToDisk(copy.dataFile());
            Path kept = null;
            if (Files.isRegularFile(dataFile)) {
                Path replaced = location.directory().resolve(REPLACED_FOLDER);
                Files.createDirectories(replaced);
                kept = replaced.resolve(location.name() + "-" + stamp + ".mv.db");
                Files.move(dataFile, kept, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(copy.dataFile(), dataFile, StandardCopyOption.ATOMIC_MOVE);
            afterReplace(location, clock);
            return new Result(backup, dataFile, kept, chain.eventsChecked(), epoch);
        } catch (IOException e) {
            throw new StorageException("cannot put the backup in place of " + dataFile, e);
        } finally {
            copy.delete();
        }
    }

    /**
     * The last step of a restore, once the restored file is in place and before anyone opens it for
     * business: the rename is made durable, and the acknowledgement mark beside the database is
     * re-anchored at the restored journal's end (ADR 0011) — the restored database is, deliberately,
     * behind what was acknowledged before, and business re-entered from paper continues from here.
     */
    static void afterReplace(DatabaseLocation location, Clock clock) throws IOException {
        Backups.forceToDisk(location.dataFile());
        try (Database restored = Database.openForInspection(location, clock)) {
            AckMark.reanchor(restored);
        }
    }

    private static void refuseNewer(Backups.Copy copy, DatabaseLocation location, String password) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(copy.url());
        source.setUser("counterdesk");
        source.setPassword(password);
        Database.refuseNewer(Flyway.configure().dataSource(source).locations(Database.MIGRATIONS).load().info(), location);
    }
}
