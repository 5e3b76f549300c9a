package io.counterdesk.app;

import io.counterdesk.persistence.Backups;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The backups the running program takes: after each till close and each sign-off (then the
 * automatic ones older than the setting {@code backup.keepDays}, default 30, are deleted), and when
 * {@code counterdesk backup} asks for one while the window has the database (a request file in
 * {@code backups/}, answered within {@link #POLL}). The business action is committed before a backup
 * runs, so a backup that fails is logged and never undoes or refuses it.
 */
final class AutoBackup implements AutoCloseable {

    static final String REQUEST = "backup.request";
    static final String ANSWER = "backup.answer";
    static final Duration POLL = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(AutoBackup.class.getName());

    private final Database database;
    private final Backups backups;
    private final ScheduledExecutorService requests;

    AutoBackup(Database database) {
        this.database = database;
        this.backups = Backups.beside(database.location(), database.clock());
        this.requests = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "counterdesk-backup-requests");
            thread.setDaemon(true);
            return thread;
        });
        requests.scheduleWithFixedDelay(this::answerRequest, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
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

    /** {@code counterdesk backup} asked while this program has the database: one backup, its path as the answer. */
    private void answerRequest() {
        Path request = backups.directory().resolve(REQUEST);
        if (!Files.exists(request)) {
            return;
        }
        String answer;
        try {
            Backups.Backup backup = backups.take(database, "manual");
            answer = "backup " + backup.file() + "\nsha256 " + backup.sha256() + "\njournal " + backup.lastSeq() + " "
                    + backup.lastHash() + "\n";
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the requested backup failed", e);
            answer = "failed " + e.getMessage() + "\n";
        }
        try {
            Path partial = backups.directory().resolve(ANSWER + ".part");
            Files.writeString(partial, answer);
            Files.move(partial, backups.directory().resolve(ANSWER), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(request);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot answer the backup request in " + backups.directory(), e);
        }
    }

    @Override
    public void close() {
        requests.shutdownNow();
    }
}
