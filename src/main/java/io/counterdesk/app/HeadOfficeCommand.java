package io.counterdesk.app;

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

        @Option(names = "--tls", description = "serve HTTPS with head office's own certificate in --data (made on first use)")
        boolean tls;
        @Option(names = "--tls-keystore", paramLabel = "FILE.p12",
                description = "serve HTTPS with this PKCS#12 key store's key and certificate instead")
        Path tlsKeyStore;
        @Option(names = "--tls-password", description = "the key store's password, or $COUNTERDESK_HEADOFFICE_TLS_PASSWORD")
        String tlsPassword;
        @Option(names = "--tls-name", paramLabel = "HOST",
                description = "a host name or IP address for the certificate made on first use (repeatable; "
                        + "default: this machine's name, localhost, 127.0.0.1)")
        java.util.List<String> tlsNames;

        /** Head office's TLS identity when asked for ({@code --tls} or {@code --tls-keystore}, or {@code force}), else empty. */
        java.util.Optional<io.counterdesk.headoffice.HeadOfficeTls> tls(boolean force)
                throws IOException, java.security.GeneralSecurityException {
            if (tlsKeyStore != null) {
                String password = tlsPassword != null ? tlsPassword : System.getenv("COUNTERDESK_HEADOFFICE_TLS_PASSWORD");
                return java.util.Optional.of(io.counterdesk.headoffice.HeadOfficeTls.fromKeyStore(tlsKeyStore,
                        password == null ? new char[0] : password.toCharArray()));
            }
            if (!tls && !force) {
                return java.util.Optional.empty();
            }
            Files.createDirectories(data);
            return java.util.Optional.of(io.counterdesk.headoffice.HeadOfficeTls.loadOrCreate(data,
                    tlsNames == null || tlsNames.isEmpty() ? io.counterdesk.headoffice.HeadOfficeTls.defaultNames() : tlsNames));
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
            var tls = options.tls(false);
            try (HeadOfficeStore store = options.store();
                 HeadOfficeServer server = HeadOfficeServer.start(new HeadOffice(store, options.key(), Clock.systemDefaultZone()),
                         new InetSocketAddress(bind, port), HeadOfficeServer.HALL_ZONE,
                         tls.isPresent() ? tls.get().serverContext() : null)) {
                spec.commandLine().getOut().println("head office listening on " + server.scheme() + " port " + server.port()
                        + tls.map(t -> ", certificate SHA-256 " + t.fingerprint()).orElse("")
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
        @Option(names = "--tls-trust", paramLabel = "FILE.pem", description = "for an https:// URL: the certificate(s) the "
                + "terminal pins (head office's own or its CA); default: the certificate `serve` shows (--tls-keystore or --data)")
        Path tlsTrust;

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
                String pin = null;
                if (url.startsWith("https:")) {
                    pin = tlsTrust != null
                            ? io.counterdesk.sync.Pem.write(io.counterdesk.sync.Pem.read(Files.readString(tlsTrust)))
                            : options.tls(true).orElseThrow().certificatePem();
                }
                Files.write(out, enrolmentFile(hall, terminal, url, SyncKeys.publicText(headOffice.publicKey()), token, pin));
                spec.commandLine().getOut().println("wrote " + out + " for " + hall + "/" + terminal
                        + "; on the terminal: counterdesk sync enrol " + out.getFileName());
                return 0;
            }
        }
    }

    static byte[] enrolmentFile(String hall, String terminal, String url, String key, String token, String tlsCertificate)
            throws IOException {
        return io.counterdesk.sync.EnrolmentFile.write(hall, terminal, url, key, token, tlsCertificate);
    }
}
