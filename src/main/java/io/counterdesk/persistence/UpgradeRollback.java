package io.counterdesk.persistence;

import io.counterdesk.shared.BusinessException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A migration failed after the pre-upgrade backup was taken: H2 commits each DDL statement, so the
 * file may be half-migrated. This puts the backup's copy back in its place (the half-migrated file is
 * kept beside it for support) so the previous version of the program opens it as before.
 */
final class UpgradeRollback {

    private UpgradeRollback() {
    }

    /** The database is closed when this runs. Returns the exception to throw: it says what happened. */
    static RuntimeException putBack(DatabaseLocation location, Backups.Backup backup, RuntimeException failure) {
        Path dataFile = location.dataFile();
        Path failed = dataFile.resolveSibling(dataFile.getFileName() + ".failed-upgrade-" + System.currentTimeMillis());
        Backups.Copy copy = null;
        try {
            copy = Backups.checkAndExtract(backup.file(), location.directory().resolve(".rollback"), DatabaseKeys.passwordOf(location));
            Files.move(dataFile, failed, StandardCopyOption.ATOMIC_MOVE);
            Files.move(copy.dataFile(), dataFile, StandardCopyOption.ATOMIC_MOVE);
            Backups.forceToDisk(dataFile);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
            BusinessException notRestored = new BusinessException("app.upgrade.failedNotRestored", dataFile, backup.file(),
                    rootMessage(failure));
            notRestored.initCause(failure);
            return notRestored;
        } finally {
            if (copy != null) {
                copy.delete();
            }
        }
        BusinessException restored = new BusinessException("app.upgrade.failed", dataFile, backup.file(), failed.getFileName(),
                rootMessage(failure));
        restored.initCause(failure);
        return restored;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.toString() : root.getMessage();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
