package io.counterdesk.app;

import io.counterdesk.persistence.Backups;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Restore;
import io.counterdesk.shared.BusinessException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code counterdesk backup} and {@code counterdesk restore FILE} (docs/installation.md). */
final class BackupCommands {

    private BackupCommands() {
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Back the database up (H2 BACKUP TO) into backups/ beside it, with a SHA-256 file and a manifest"
                    + " (journal's last seq and hash).")
    static final class Backup implements Callable<Integer> {
        /** How long the command waits for the running program's answer (it looks every two seconds). */
        private static final java.time.Duration REQUEST_WAIT = java.time.Duration.ofMinutes(2);
        @Spec
        CommandSpec spec;
        @Mixin
        Cli.DbOptions db = new Cli.DbOptions();

        @Override
        public Integer call() {
            AppConfig config = AppConfig.resolve(db.path, null);
            if (!config.database().dataFile().toFile().isFile()) {
                return Cli.fail(spec, "app.verify.noDatabase", config.database().dataFile());
            }
            if (Database.isInUse(config.database().dataFile())) {
                return askTheRunningProgram(config);
            }
            try (Database database = Database.open(config.database(), config.clock())) {
                Backups.Backup backup = Backups.beside(config.database(), config.clock()).take(database, "manual");
                PrintWriter out = spec.commandLine().getOut();
                out.println("backup " + backup.file());
                out.println("sha256 " + backup.sha256());
                out.println("journal " + backup.lastSeq() + " " + backup.lastHash());
                return 0;
            } catch (BusinessException e) {
                return Cli.fail(spec, e);
            }
        }

        /** The window has the database: it takes the backup itself (AutoBackup), consistent while it works on. */
        private int askTheRunningProgram(AppConfig config) {
            Path folder = Backups.beside(config.database(), config.clock()).directory();
            Path answer = folder.resolve(AutoBackup.ANSWER);
            try {
                java.nio.file.Files.createDirectories(folder);
                java.nio.file.Files.deleteIfExists(answer);
                java.nio.file.Files.writeString(folder.resolve(AutoBackup.REQUEST), "backup\n");
                long deadline = System.nanoTime() + REQUEST_WAIT.toNanos();
                while (!java.nio.file.Files.exists(answer) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                if (!java.nio.file.Files.exists(answer)) {
                    java.nio.file.Files.deleteIfExists(folder.resolve(AutoBackup.REQUEST));
                    return Cli.fail(spec, "app.backup.inUse", config.database().dataFile());
                }
                String said = java.nio.file.Files.readString(answer);
                java.nio.file.Files.delete(answer);
                if (!said.startsWith("backup ")) {
                    return Cli.fail(spec, "app.backup.failed", said.strip());
                }
                spec.commandLine().getOut().print(said);
                spec.commandLine().getOut().flush();
                return 0;
            } catch (java.io.IOException e) {
                return Cli.fail(spec, "app.backup.failed", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Cli.fail(spec, "app.backup.failed", e.getMessage());
            }
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Put a backup in place of the database: only while the program is closed, after checking the"
                    + " backup's SHA-256 and its journal chain; the replaced file is kept in replaced/; a new sync epoch starts.")
    static final class RestoreBackup implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Cli.DbOptions db = new Cli.DbOptions();
        @Parameters(index = "0", paramLabel = "FILE", description = "the backup (.zip, with its .sha256 beside it)")
        Path file;

        @Override
        public Integer call() {
            AppConfig config = AppConfig.resolve(db.path, null);
            try {
                Restore.Result result = Restore.restore(config.database(), file.toAbsolutePath(), config.clock());
                PrintWriter out = spec.commandLine().getOut();
                out.println("restored " + result.dataFile() + " from " + result.backup() + " (journal intact, "
                        + result.events() + " events)");
                if (result.replacedKeptAt() != null) {
                    out.println("the replaced database is kept at " + result.replacedKeptAt());
                }
                out.println("sync epoch " + result.syncEpoch());
                return 0;
            } catch (BusinessException e) {
                return Cli.fail(spec, e);
            }
        }
    }
}
