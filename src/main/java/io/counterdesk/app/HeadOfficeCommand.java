package io.counterdesk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.counterdesk.headoffice.HeadOffice;
import io.counterdesk.headoffice.HeadOfficeServer;
import io.counterdesk.headoffice.HeadOfficeStore;
import io.counterdesk.sync.SyncKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Head office, the same program: serve the sync endpoint, enrol terminals (docs/sync-protocol.md). */
@Command(name = "headoffice", mixinStandardHelpOptions = true, description = "Head office: receives the terminals' batches.",
        subcommands = {HeadOfficeCommand.Serve.class, HeadOfficeCommand.EnrolTerminal.class})
final class HeadOfficeCommand {

    /** Where head office keeps its key pair and (by default) its H2 database, and which database it uses. */
    static final class Options {
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:COUNTERDESK_HEADOFFICE:-headoffice-data}",
                description = "head office's folder: its key and the embedded database (default ${DEFAULT-VALUE})")
        Path data;
        @Option(names = "--db-url", description = "a jdbc:postgresql: URL; default: the embedded H2 database in --data")
        String dbUrl;
        @Option(names = "--db-user")
        String dbUser;
        @Option(names = "--db-password", description = "or $COUNTERDESK_HEADOFFICE_DB_PASSWORD")
        String dbPassword;

        HeadOfficeStore store() {
            if (dbUrl == null) {
                return HeadOfficeStore.embedded(data);
            }
            String password = dbPassword != null ? dbPassword : System.getenv("COUNTERDESK_HEADOFFICE_DB_PASSWORD");
            return HeadOfficeStore.open(dbUrl, dbUser, password);
        }

        KeyPair key() throws IOException {
            return SyncKeys.loadOrCreate(data.resolve("headoffice-ed25519.pk8"), data.resolve("headoffice-ed25519.pub"));
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the sync endpoint until stopped.")
    static final class Serve implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Mixin
        Options options = new Options();
        @Option(names = "--port", defaultValue = "8470")
        int port;
        @Option(names = "--bind", defaultValue = "0.0.0.0")
        String bind;

        @Override
        public Integer call() throws Exception {
            Files.createDirectories(options.data);
            try (HeadOfficeStore store = options.store();
                 HeadOfficeServer server = HeadOfficeServer.start(new HeadOffice(store, options.key(), Clock.systemDefaultZone()),
                         new InetSocketAddress(bind, port))) {
                spec.commandLine().getOut().println("head office listening on port " + server.port()
                        + (store.isPostgres() ? " (PostgreSQL)" : " (embedded H2 in " + options.data.toAbsolutePath() + ")"));
                spec.commandLine().getOut().flush();
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
                stop.await();
            }
            return 0;
        }
    }

    @Command(name = "enrol-terminal", mixinStandardHelpOptions = true,
            description = "Register a terminal and write its enrolment file (head office's address and key, a one-time token).")
    static final class EnrolTerminal implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Mixin
        Options options = new Options();
        @Option(names = "--hall", required = true)
        String hall;
        @Option(names = "--terminal", required = true)
        String terminal;
        @Option(names = "--url", required = true, description = "head office's address as the terminal reaches it, e.g. http://ho.example:8470")
        String url;
        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Override
        public Integer call() throws Exception {
            Files.createDirectories(options.data);
            try (HeadOfficeStore store = options.store()) {
                HeadOffice headOffice = new HeadOffice(store, options.key(), Clock.systemDefaultZone());
                String token;
                try {
                    token = headOffice.addTerminal(hall, terminal);
                } catch (IllegalStateException e) {
                    spec.commandLine().getErr().println(e.getMessage());
                    return 2;
                }
                Files.write(out, enrolmentFile(hall, terminal, url, SyncKeys.publicText(headOffice.publicKey()), token));
                spec.commandLine().getOut().println("wrote " + out + " for " + hall + "/" + terminal
                        + "; on the terminal: counterdesk sync enrol " + out.getFileName());
                return 0;
            }
        }
    }

    static byte[] enrolmentFile(String hall, String terminal, String url, String key, String token) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", "counterdesk-enrolment");
        m.put("hall", hall);
        m.put("terminal", terminal);
        m.put("url", url.replaceAll("/+$", ""));
        m.put("headOfficeKey", key);
        m.put("token", token);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(m);
    }
}
