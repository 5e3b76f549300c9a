package io.counterdesk.app;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.TerminalRepository;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.sync.Manifest;
import io.counterdesk.sync.SyncService;
import io.counterdesk.sync.SyncStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The terminal's side of the sync with head office (docs/sync-protocol.md). */
@Command(name = "sync", mixinStandardHelpOptions = true, description = "Enrol with head office and send the journal's batches.",
        subcommands = {SyncCommand.Enrol.class, SyncCommand.Send.class})
final class SyncCommand {

    /** The terminal's sync service over the database of {@code db}; the key files lie beside the database. */
    static SyncService service(Database database) {
        TerminalIdentity terminal = database.read(tx -> new TerminalRepository().current(tx))
                .orElseThrow(() -> new BusinessException("sync.notInitialised"));
        return new SyncService(database, terminal, database.dataFile().toAbsolutePath().getParent());
    }

    @Command(name = "enrol", mixinStandardHelpOptions = true,
            description = "Take head office's enrolment file: make this terminal's key, pin head office's key and address.")
    static final class Enrol implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Cli.DbOptions db = new Cli.DbOptions();
        @Parameters(paramLabel = "FILE", description = "the file from `counterdesk headoffice enrol-terminal`")
        Path file;

        @Override
        public Integer call() {
            AppConfig config = AppConfig.resolve(db.path, null);
            if (!config.database().dataFile().toFile().isFile()) {
                return Cli.fail(spec, "app.verify.noDatabase", config.database().dataFile());
            }
            try (Database database = Database.open(config.database(), config.clock());
                 SyncService sync = service(database)) {
                sync.enrol(file);
                SyncStatus s = sync.status();
                spec.commandLine().getOut().println("enrolled with head office" + (s.lastError() == null ? ""
                        : "; the key goes to head office with the first send (" + s.lastError() + ")"));
                return 0;
            } catch (BusinessException e) {
                return Cli.fail(spec, e);
            }
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true,
            description = "Make a batch of the journal since the last one and send every batch not yet acknowledged. "
                    + "Exit code 0 only when all are delivered.")
    static final class Send implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Cli.DbOptions db = new Cli.DbOptions();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            AppConfig config = AppConfig.resolve(db.path, null);
            if (!config.database().dataFile().toFile().isFile()) {
                return Cli.fail(spec, "app.verify.noDatabase", config.database().dataFile());
            }
            try (Database database = Database.open(config.database(), config.clock());
                 SyncService sync = service(database)) {
                Optional<Manifest> made = sync.makeBatch();
                made.ifPresent(m -> out.println("batch " + m.epoch() + "/" + m.seq() + ": journal " + m.firstJournalSeq()
                        + "–" + m.lastJournalSeq() + ", " + m.eventCount() + " events"));
                SyncStatus s = sync.sendPending();
                if (s.pending() == 0) {
                    out.println("all batches delivered");
                    return 0;
                }
                out.println(s.pending() + " batch(es) not delivered: " + s.lastError());
                return 1;
            } catch (BusinessException e) {
                return Cli.fail(spec, e);
            }
        }
    }
}
