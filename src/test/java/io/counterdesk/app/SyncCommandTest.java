package io.counterdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.headoffice.HeadOffice;
import io.counterdesk.headoffice.HeadOfficeServer;
import io.counterdesk.headoffice.HeadOfficeStore;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.sync.SyncKeys;
import io.counterdesk.till.DayAtTheCounter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README's steps on the command line: enrol-terminal at head office, sync enrol and sync send at the terminal. */
class SyncCommandTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Cli()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aTerminalEnrolsByFileAndSendsItsDayOnce() throws Exception {
        new DayAtTheCounter(db).mixedDay();
        String terminalDb = db.location().basePath().toString();
        Path data = dir.resolve("ho");
        Run refused = run("sync", "send", "--db", terminalDb);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("尚未向总部登记");

        // head office writes the file while it is not serving (its embedded database is one process's)
        Path file = dir.resolve("t1.json");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run enrolled = run("headoffice", "enrol-terminal", "--data", data.toString(), "--hall", TestDatabase.HALL_CODE,
                "--terminal", TestDatabase.TERMINAL_CODE, "--url", "http://127.0.0.1:" + port + "/", "--out", file.toString());
        assertThat(enrolled.exit()).as(enrolled.err()).isZero();
        assertThat(Files.readString(file)).contains("\"url\" : \"http://127.0.0.1:" + port + "\"");
        assertThat(run("headoffice", "enrol-terminal", "--data", data.toString(), "--hall", TestDatabase.HALL_CODE,
                "--terminal", "HZ99-T09", "--url", "http://x", "--out", dir.resolve("t9.json").toString()).exit()).isZero();

        KeyPair key = SyncKeys.loadOrCreate(data.resolve("headoffice-ed25519.pk8"), data.resolve("headoffice-ed25519.pub"));
        try (HeadOfficeStore store = HeadOfficeStore.embedded(data);
             HeadOfficeServer server = HeadOfficeServer.start(new HeadOffice(store, key, Clock.systemUTC()),
                     new InetSocketAddress("127.0.0.1", port))) {
            HeadOffice headOffice = new HeadOffice(store, key, Clock.systemUTC());
            db.database().close();
            Run wrongFile = run("sync", "enrol", "--db", terminalDb, dir.resolve("t9.json").toString());
            assertThat(wrongFile.exit()).isEqualTo(2);
            assertThat(wrongFile.err()).contains("HZ99-T09");
            Run enrol = run("sync", "enrol", "--db", terminalDb, file.toString());
            assertThat(enrol.exit()).as(enrol.err()).isZero();
            assertThat(db.location().directory().resolve("sync-ed25519.pk8")).exists();
            assertThat(Files.getPosixFilePermissions(db.location().directory().resolve("sync-ed25519.pk8")))
                    .hasSize(2).allMatch(p -> p.name().startsWith("OWNER"));

            Run send = run("sync", "send", "--db", terminalDb);
            assertThat(send.exit()).as(send.out() + send.err()).isZero();
            assertThat(send.out()).contains("batch 1/1").contains("all batches delivered");
            Run again = run("sync", "send", "--db", terminalDb);
            assertThat(again.exit()).isZero();
            assertThat(again.out()).doesNotContain("batch 1/2");
            db.reopen();
            assertThat(headOffice.count("ho_event")).isEqualTo(db.queryLong("SELECT COUNT(*) FROM journal"));
        }
        Run missing = run("sync", "send", "--db", dir.resolve("nowhere/t").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }

    @Test
    void overHttpsTheTerminalPinsHeadOfficesCertificateAndRefusesAnotherWithAChineseReason() throws Exception {
        new DayAtTheCounter(db).mixedDay();
        String terminalDb = db.location().basePath().toString();
        Path data = dir.resolve("ho");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path file = dir.resolve("t1.json");
        Run enrolled = run("headoffice", "enrol-terminal", "--data", data.toString(), "--hall", TestDatabase.HALL_CODE,
                "--terminal", TestDatabase.TERMINAL_CODE, "--url", "https://127.0.0.1:" + port, "--tls-name", "127.0.0.1",
                "--out", file.toString());
        assertThat(enrolled.exit()).as(enrolled.err()).isZero();
        assertThat(Files.readString(file)).contains("\"tlsCertificate\" : \"-----BEGIN CERTIFICATE-----");
        assertThat(data.resolve("headoffice-tls.crt")).exists();
        db.database().close();

        Thread serve = serve(data, port);
        try {
            Run enrol = run("sync", "enrol", "--db", terminalDb, file.toString());
            assertThat(enrol.exit()).as(enrol.err()).isZero();
            assertThat(enrol.out()).isEqualTo("enrolled with head office\n");
            Run send = run("sync", "send", "--db", terminalDb);
            assertThat(send.exit()).as(send.out() + send.err()).isZero();
            assertThat(send.out()).contains("all batches delivered");
        } finally {
            stop(serve);
        }

        // head office comes back with another certificate (a new --data, or someone in between)
        Files.delete(data.resolve("headoffice-tls.crt"));
        Files.delete(data.resolve("headoffice-tls.key"));
        db.reopen();
        db.database().inTransaction(tx -> db.journal().append(tx, "1001", "LOGIN", "operator:1001", java.util.Map.of("role", "CASHIER")));
        db.database().close();
        serve = serve(data, port);
        try {
            Run refused = run("sync", "send", "--db", terminalDb);
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.out()).contains("batch 1/2").contains("1 batch(es) not delivered: 总部的证书与登记文件中的不符，已拒绝连接");
        } finally {
            stop(serve);
        }
    }

    /** {@code headoffice serve --tls} on {@code port}, on its own thread, once it answers connections. */
    private static Thread serve(Path data, int port) throws Exception {
        Thread t = new Thread(() -> run("headoffice", "serve", "--data", data.toString(), "--tls", "--tls-name", "127.0.0.1",
                "--bind", "127.0.0.1", "--port", Integer.toString(port)), "serve");
        t.start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return t;
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("head office did not start");
    }

    /** Stops {@code serve} as an interrupt would (the server and its database close). */
    private static void stop(Thread serve) throws InterruptedException {
        serve.interrupt();
        serve.join(30_000);
    }
}
