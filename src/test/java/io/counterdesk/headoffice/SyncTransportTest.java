package io.counterdesk.headoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.sync.SyncKeys;
import io.counterdesk.sync.SyncService;
import io.counterdesk.sync.SyncStatus;
import io.counterdesk.till.DayAtTheCounter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transport under the sync, on real sockets (docs/sync-protocol.md, "TLS and pinning" and
 * "Resumable upload"): HTTPS with head office's certificate pinned from the enrolment file, a
 * different certificate refused, plain HTTP to the HTTPS port refused, and a large batch cut by a real
 * proxy resumed from the bytes head office holds, with the bytes counted at the proxy.
 */
class SyncTransportTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    @TempDir
    Path dir;

    HeadOfficeStore store;
    HeadOffice headOffice;
    HeadOfficeServer server;
    CuttingProxy proxy;
    SyncService sync;
    final List<SyncStatus> seen = new CopyOnWriteArrayList<>();

    /**
     * Head office on H2 behind a proxy, over HTTPS with {@code served} when not null, and the terminal
     * enrolled with a file that pins {@code pinned} (PEM, or none).
     */
    private void connect(HeadOfficeTls served, HeadOfficeTls pinned) throws Exception {
        store = HeadOfficeStore.embedded(dir.resolve("ho"));
        KeyPair key = SyncKeys.generate();
        headOffice = new HeadOffice(store, key, Clock.systemUTC());
        server = HeadOfficeServer.start(headOffice, new InetSocketAddress("127.0.0.1", 0), HeadOfficeServer.HALL_ZONE,
                served == null ? null : served.serverContext());
        proxy = new CuttingProxy(server.port());
        String token = headOffice.addTerminal(TestDatabase.HALL_CODE, TestDatabase.TERMINAL_CODE);
        Path file = dir.resolve("enrol.json");
        Files.write(file, io.counterdesk.sync.EnrolmentFile.write(TestDatabase.HALL_CODE, TestDatabase.TERMINAL_CODE,
                (served == null ? "http" : "https") + "://127.0.0.1:" + proxy.port(), SyncKeys.publicText(key.getPublic()),
                token, pinned == null ? null : pinned.certificatePem()));
        sync = new SyncService(db.database(), db.terminal(), dir.resolve("terminal-keys"));
        sync.addListener(seen::add);
        sync.enrol(file);
    }

    private HeadOfficeTls identity(String folder) throws Exception {
        return HeadOfficeTls.loadOrCreate(dir.resolve(folder), List.of("localhost", "127.0.0.1"));
    }

    @AfterEach
    void stop() throws Exception {
        if (sync != null) {
            sync.close();
            proxy.close();
            server.close();
            store.close();
        }
    }

    @Test
    void overHttpsWithThePinnedCertificateTheDayArrivesOnceWithTheTerminalsFigures() throws Exception {
        HeadOfficeTls tls = identity("tls");
        connect(tls, tls);
        assertThat(server.scheme()).isEqualTo("https");
        new DayAtTheCounter(db).mixedDay();
        sync.makeBatch();

        SyncStatus s = sync.sendPending();

        assertThat(s.pending()).as(String.valueOf(s.lastError())).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM sync_pinned_certificate")).isEqualTo(1);
        assertThat(headOffice.count("ho_event")).isEqualTo(db.queryLong("SELECT COUNT(*) FROM journal"));
        SameFigures.assertSame(db.database(), db.terminal(), headOffice, DAY);
    }

    @Test
    void aHeadOfficeShowingAnotherCertificateIsRefusedWithAChineseReasonAndGetsNothing() throws Exception {
        HeadOfficeTls impostor = identity("impostor");
        connect(impostor, identity("pinned")); // the file pins one certificate, the server shows another
        new DayAtTheCounter(db).mixedDay();
        sync.makeBatch();

        SyncStatus s = sync.sendPending();

        assertThat(s.pending()).isEqualTo(1);
        assertThat(s.lastError()).startsWith("总部的证书与登记文件中的不符，已拒绝连接").contains(impostor.fingerprint());
        assertThat(headOffice.count("ho_batch")).isZero();
        assertThat(headOffice.count("ho_upload")).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM sync_batch WHERE ack IS NOT NULL")).isZero();
    }

    @Test
    void aPlainHttpClientGetsNothingFromTheHttpsPortAndLeavesNothingThere() throws Exception {
        HeadOfficeTls tls = identity("tls");
        connect(tls, tls);
        new DayAtTheCounter(db).mixedDay();
        sync.makeBatch();
        byte[] batch = db.database().jdbi().withHandle(h -> h.createQuery("SELECT bytes FROM sync_batch")
                .mapTo(byte[].class).one());
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/sync/v1/batches")).timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(batch))
                .build(), HttpResponse.BodyHandlers.ofByteArray())).isInstanceOf(java.io.IOException.class);
        assertThat(headOffice.count("ho_batch")).isZero();
        // the terminal itself, pointed at http:// on the same port, gets no answer either
        db.execute("UPDATE setting SET val = 'http://127.0.0.1:" + server.port() + "' WHERE name = 'sync.url'");
        assertThat(sync.sendPending().pending()).isEqualTo(1);
        assertThat(headOffice.count("ho_batch")).isZero();
    }

    @Test
    void anUploadCutMidwayOverHttpsGoesThroughLaterOnce() throws Exception {
        HeadOfficeTls tls = identity("tls");
        connect(tls, tls);
        new DayAtTheCounter(db).mixedDay();
        sync.makeBatch();
        long size = db.queryLong("SELECT LENGTH(bytes) FROM sync_batch");
        proxy.cutUploadAfter(1_000 + size / 2); // past the handshake (about 600 bytes) and the request's head, inside the batch
        // the proxy closed the connection the enrolment left open: a try may fail on it before any byte of the batch goes
        for (int i = 0; i < 3 && proxy.cuts.get() == 0; i++) {
            assertThat(sync.sendPending().pending()).isEqualTo(1);
        }
        assertThat(proxy.cuts.get()).isPositive();
        assertThat(headOffice.count("ho_batch")).isZero();

        proxy.pass();
        assertThat(sync.sendPending().pending()).isZero();
        assertThat(headOffice.count("ho_batch")).isEqualTo(1);
        assertThat(headOffice.count("ho_event")).isEqualTo(db.queryLong("SELECT COUNT(*) FROM journal"));
        SameFigures.assertSame(db.database(), db.terminal(), headOffice, DAY);
    }

    @Test
    void aLargeBatchCutAtSixtyPercentResumesAndTheRetrySendsOnlyTheRest() throws Exception {
        connect(null, null);
        new DayAtTheCounter(db).mixedDay();
        pad(2_600);
        sync.makeBatch();
        long size = db.queryLong("SELECT LENGTH(bytes) FROM sync_batch");
        assertThat(size).isBetween(1_000_000L, 2_000_000L);

        proxy.cutUploadAfter(size * 60 / 100);
        for (int i = 0; i < 3 && proxy.cuts.get() == 0; i++) { // a try may fail first on the connection the proxy closed
            assertThat(sync.sendPending().pending()).isEqualTo(1);
        }
        assertThat(proxy.cuts.get()).isPositive();
        long held = heldSettled();
        assertThat(held).isGreaterThan(size * 55 / 100).isLessThanOrEqualTo(size * 60 / 100);
        assertThat(headOffice.count("ho_batch")).isZero();

        proxy.pass();
        proxy.uploaded.set(0);
        seen.clear();
        assertThat(sync.sendPending().pending()).isZero();

        long resent = proxy.uploaded.get();
        System.out.printf("resume: batch %d bytes, held after the cut %d, sent on the retry %d%n", size, held, resent);
        assertThat(resent).as("bytes sent on the retry, of " + size).isLessThan(size - held + 2_000)
                .isGreaterThanOrEqualTo(size - held);
        assertThat(seen).anySatisfy(s -> assertThat(s.percent()).isBetween(56, 99));
        assertThat(headOffice.count("ho_batch")).isEqualTo(1);
        assertThat(headOffice.count("ho_upload_chunk")).isZero();
        assertThat(headOffice.count("ho_event")).isEqualTo(db.queryLong("SELECT COUNT(*) FROM journal"));
        SameFigures.assertSame(db.database(), db.terminal(), headOffice, DAY);
    }

    @Test
    void anAnswerLostAfterALargeBatchWasAcceptedCostsNoSecondUpload() throws Exception {
        connect(null, null);
        new DayAtTheCounter(db).mixedDay();
        pad(2_600);
        sync.makeBatch();
        long size = db.queryLong("SELECT LENGTH(bytes) FROM sync_batch");
        proxy.cutAnswerOnce(this::batchStored);
        assertThat(sync.sendPending().pending()).isEqualTo(1);
        assertThat(headOffice.count("ho_batch")).isEqualTo(1);

        proxy.pass();
        proxy.uploaded.set(0);
        assertThat(sync.sendPending().pending()).isZero();
        assertThat(proxy.uploaded.get()).as("bytes sent on the retry, of " + size).isLessThan(2_000);
        assertThat(headOffice.count("ho_batch")).isEqualTo(1);
        assertThat(headOffice.count("ho_event")).isEqualTo(db.queryLong("SELECT COUNT(*) FROM journal"));
    }

    /** Adds {@code n} sign-ins with a random note: events that weigh in the batch (gzip cannot shrink them) and in no figure. */
    private void pad(int n) {
        Random random = new Random(16);
        db.database().inTransaction(tx -> {
            for (int i = 0; i < n; i++) {
                byte[] noise = new byte[300];
                random.nextBytes(noise);
                db.journal().append(tx, "1001", "LOGIN", "operator:1001", Map.of("role", "CASHIER",
                        "note", HexFormat.of().formatHex(noise)));
            }
            return null;
        });
    }

    /** The bytes head office holds of the pending batch, once the cut request's handler has stored what it got. */
    private long heldSettled() throws Exception {
        String sha = db.database().jdbi().withHandle(h -> h.createQuery("SELECT sha256 FROM sync_batch").mapTo(String.class).one());
        HeadOfficeUploads uploads = new HeadOfficeUploads(store);
        HeadOfficeUploads.Key k = new HeadOfficeUploads.Key(TestDatabase.HALL_CODE, TestDatabase.TERMINAL_CODE, 1, 1, sha);
        long last = -1;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            long now = uploads.state(k).map(HeadOfficeUploads.State::received).orElse(0L);
            if (now > 0 && now == last) {
                return now;
            }
            last = now;
            Thread.sleep(300);
        }
        return last;
    }

    /** Whether head office has committed a batch (the answer may be cut from then on). */
    private boolean batchStored() {
        try {
            return headOffice.count("ho_batch") > 0;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
