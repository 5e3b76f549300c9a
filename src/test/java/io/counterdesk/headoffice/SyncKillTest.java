package io.counterdesk.headoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.sync.SyncKeys;
import io.counterdesk.sync.SyncService;
import io.counterdesk.till.DayAtTheCounter;
import io.counterdesk.shared.Money;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a send, then restart: head office (a child JVM running {@code headoffice
 * serve}) killed while a terminal sends, and a terminal (a child JVM running {@code sync send})
 * killed while it makes or sends its batch. After each: every event at head office once, and head
 * office's figures equal the terminal's report.
 */
class SyncKillTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    @TempDir
    Path dir;

    final Random random = new Random(16);

    @Test
    void headOfficeKilledMidSendAndRestartedLosesNothingAndCountsNothingTwice() throws Exception {
        Path data = dir.resolve("ho");
        Files.createDirectories(data);
        int port = freePort();
        KeyPair key = SyncKeys.loadOrCreate(data.resolve("headoffice-ed25519.pk8"), data.resolve("headoffice-ed25519.pub"));
        String token;
        try (HeadOfficeStore store = HeadOfficeStore.embedded(data)) {
            token = new HeadOffice(store, key, Clock.systemUTC()).addTerminal(TestDatabase.HALL_CODE, TestDatabase.TERMINAL_CODE);
        }
        Path file = enrolmentFile(port, key, token);
        Process child = headOffice(data, port);
        SyncService sync = new SyncService(db.database(), db.terminal(), dir.resolve("keys"));
        int failedSends = 0;
        try {
            sync.enrol(file);
            DayAtTheCounter day = new DayAtTheCounter(db);
            for (int round = 0; round < 6; round++) {
                day.payCash(day.cashier, day.accountOwing((40 + round) + ".00"), "100.00");
                sync.makeBatch();
                CompletableFuture<Integer> send = CompletableFuture.supplyAsync(() -> sync.sendPending().pending());
                Thread.sleep(random.nextInt(40));
                child.toHandle().destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
                if (send.get(120, TimeUnit.SECONDS) > 0) {
                    failedSends++;
                }
                child = headOffice(data, port);
            }
            db.clock().advance(java.time.Duration.ofHours(8));
            Money expected = day.close.count(day.cashier, DayAtTheCounter.countOf(Money.ZERO), Set.of()).figures()
                    .expectedCash();
            day.close.count(day.cashier, DayAtTheCounter.countOf(expected), Set.of());
            day.close.close(day.cashier, "");
            sync.makeBatch();
            assertThat(sync.sendPending().pending()).as(String.valueOf(sync.status().lastError())).isZero();
        } finally {
            sync.close();
            child.toHandle().destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(failedSends).as("some kills landed before head office answered").isPositive();
        try (HeadOfficeStore store = HeadOfficeStore.embedded(data)) {
            HeadOffice headOffice = new HeadOffice(store, key, Clock.systemUTC());
            assertThat(headOffice.count("ho_event")).isEqualTo(db.queryLong("SELECT COUNT(*) FROM journal"));
            SameFigures.assertSame(db.database(), db.terminal(), headOffice, DAY);
        }
    }

    @Test
    void aTerminalKilledWhileItMakesOrSendsItsBatchSendsItOnceAfterItsRestart() throws Exception {
        HeadOfficeStore store = HeadOfficeStore.embedded(dir.resolve("ho"));
        KeyPair key = SyncKeys.generate();
        HeadOffice headOffice = new HeadOffice(store, key, Clock.systemUTC());
        try (HeadOfficeServer server = HeadOfficeServer.start(headOffice, new InetSocketAddress("127.0.0.1", 0))) {
            String token = headOffice.addTerminal(TestDatabase.HALL_CODE, TestDatabase.TERMINAL_CODE);
            Path file = enrolmentFile(server.port(), key, token);
            try (SyncService sync = new SyncService(db.database(), db.terminal(), keyDir())) {
                sync.enrol(file);
            }
            new DayAtTheCounter(db).mixedDay();
            db.database().close();
            int killed = 0;
            for (int round = 0; round < 5; round++) {
                Process child = terminalSend();
                if (!child.waitFor(300 + random.nextInt(1500), TimeUnit.MILLISECONDS)) {
                    child.toHandle().destroyForcibly();
                    killed++;
                }
                child.waitFor(10, TimeUnit.SECONDS);
            }
            Process last = terminalSend();
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue()).as(new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
            assertThat(killed).as("some sends were killed on their way").isPositive();
            db.reopen();
            assertThat(db.queryLong("SELECT COUNT(*) FROM sync_batch WHERE ack IS NULL")).isZero();
            assertThat(headOffice.count("ho_event")).isEqualTo(db.queryLong("SELECT COUNT(*) FROM journal"));
            assertThat(headOffice.count("ho_batch")).isEqualTo(db.queryLong("SELECT COUNT(*) FROM sync_batch"));
            SameFigures.assertSame(db.database(), db.terminal(), headOffice, DAY);
        } finally {
            store.close();
        }
    }

    /** The key files beside the terminal's database, where {@code sync send} looks for them. */
    private Path keyDir() {
        return db.location().directory();
    }

    private Path enrolmentFile(int port, KeyPair key, String token) throws IOException {
        Path file = dir.resolve("enrol-" + port + ".json");
        Files.writeString(file, """
                {"format":"counterdesk-enrolment","hall":"%s","terminal":"%s","url":"http://127.0.0.1:%d",
                 "headOfficeKey":"%s","token":"%s"}""".formatted(TestDatabase.HALL_CODE, TestDatabase.TERMINAL_CODE,
                port, SyncKeys.publicText(key.getPublic()), token));
        return file;
    }

    private Process headOffice(Path data, int port) throws IOException {
        Process p = java(List.of("headoffice", "serve", "--data", data.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1"));
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.contains("listening")) {
                return p;
            }
        }
        throw new IllegalStateException("head office did not start");
    }

    private Process terminalSend() throws IOException {
        return java(List.of("sync", "send", "--db", db.location().basePath().toString()));
    }

    private static Process java(List<String> args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Shanghai", "-cp", System.getProperty("java.class.path"),
                "io.counterdesk.app.Main"));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
