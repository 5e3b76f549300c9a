package io.counterdesk.app;

import io.counterdesk.persistence.Backups;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Settings;

/**
 * The backups the program takes by itself: after each till close and each sign-off, then the
 * automatic ones older than the setting {@code backup.keepDays} (default 30) are deleted. The
 * business action is committed before this runs, so a backup that fails is logged and never undoes
 * or refuses it.
 */
final class AutoBackup {

    private static final System.Logger LOG = System.getLogger(AutoBackup.class.getName());

    private final Database database;
    private final Backups backups;

    AutoBackup(Database database) {
        this.database = database;
        this.backups = Backups.beside(database.location(), database.clock());
    }

    Runnable after(String reason) {
        return () -> take(reason);
    }

    void take(String reason) {
        try {
            Backups.Backup backup = backups.take(database, reason);
            int keepDays = database.read(tx -> new Settings().get(tx, Backups.KEEP_DAYS_SETTING))
                    .map(v -> Integer.parseInt(v.strip())).orElse(Backups.DEFAULT_KEEP_DAYS);
            int pruned = backups.prune(keepDays);
            LOG.log(System.Logger.Level.INFO, "backup " + backup.file() + " (journal " + backup.lastSeq() + "); "
                    + pruned + " older than " + keepDays + " days deleted");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the automatic backup after " + reason + " failed", e);
        }
    }
}
