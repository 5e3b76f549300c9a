package io.counterdesk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.JournalEvent;
import io.counterdesk.persistence.Settings;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.shared.BusinessException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The terminal's side of the sync (docs/sync-protocol.md): enrolment by head office's file, batch
 * making (the journal from the last batch's end to now, frozen in {@code sync_batch}), and the
 * upload — on its own thread, oldest batch first, the same bytes every retry with growing pauses,
 * a batch delivered only when head office's signed acknowledgement of exactly its bytes is stored.
 * Nothing here blocks the counter: a failure is a status, never an exception to a cashier.
 */
public final class SyncService implements AutoCloseable {

    public static final String EPOCH = "sync.epoch";
    static final String URL = "sync.url";
    static final String HEAD_OFFICE_KEY = "sync.headOfficeKey";
    static final String TOKEN = "sync.token";
    static final String ENROLLED = "sync.enrolled";
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    static final Duration LAST_RETRY = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final TerminalIdentity terminal;
    private final Path keyDir;
    private final Settings settings = new Settings();
    private final SyncRepository batches = new SyncRepository();
    private HttpClient http;
    /** The pinned certificates {@link #http} was made with ("" for none). */
    private String httpPins;
    private final List<Consumer<SyncStatus>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ScheduledExecutorService worker;
    private ScheduledFuture<?> next;
    private Duration backOff = FIRST_RETRY;
    private volatile String lastError;
    private volatile boolean sending;
    /** While a batch goes: the percentage of its bytes head office holds (sent or kept from before), else -1. */
    private volatile int percent = -1;
    /** Batches pending when this send began (the progress display reads no database). */
    private volatile int pendingAtStart;

    public SyncService(Database database, TerminalIdentity terminal, Path keyDir) {
        this.database = database;
        this.terminal = terminal;
        this.keyDir = keyDir;
    }

    /**
     * Made on first use (a terminal that never syncs starts no HTTP threads) and again when the pinned
     * certificates change: with pinned certificates it trusts those only (ADR 0023), never the system's store.
     */
    private synchronized HttpClient http() {
        String pins = database.read(tx -> String.join("", batches.pinnedCertificates(tx)));
        if (http == null || !pins.equals(httpPins)) {
            HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10));
            if (!pins.isEmpty()) {
                try {
                    b.sslContext(PinnedTrust.context(Pem.read(pins)));
                } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException("the pinned certificate cannot be used: " + e.getMessage(), e);
                }
            }
            http = b.build();
            httpPins = pins;
        }
        return http;
    }

    /** The key files: beside the database, owner-only. */
    Path privateKeyFile() {
        return keyDir.resolve("sync-ed25519.pk8");
    }

    Path publicKeyFile() {
        return keyDir.resolve("sync-ed25519.pub");
    }

    /**
     * Takes head office's enrolment file (its URL, its public key, this terminal's hall and code, a
     * one-time token), makes this terminal's key pair if it has none, pins head office's key, and
     * hands the public key to head office (again before the next send if head office is not reachable).
     */
    public void enrol(Path file) {
        JsonNode e;
        try {
            e = JSON.readTree(Files.readString(file));
        } catch (IOException | RuntimeException x) {
            throw new BusinessException("sync.enrol.unreadable", file);
        }
        if (!EnrolmentFile.FORMAT.equals(e.path("format").asText())) {
            throw new BusinessException("sync.enrol.unreadable", file);
        }
        if (!e.path("hall").asText().equals(terminal.hallCode()) || !e.path("terminal").asText().equals(terminal.terminalCode())) {
            throw new BusinessException("sync.enrol.otherTerminal", e.path("hall").asText() + "/" + e.path("terminal").asText(),
                    terminal.hallCode() + "/" + terminal.terminalCode());
        }
        List<java.security.cert.X509Certificate> pins = List.of();
        try {
            SyncKeys.publicKey(e.path("headOfficeKey").asText());
            if (e.hasNonNull("tlsCertificate")) {
                pins = Pem.read(e.path("tlsCertificate").asText());
            }
            SyncKeys.loadOrCreate(privateKeyFile(), publicKeyFile());
        } catch (IOException | IllegalArgumentException | java.security.cert.CertificateException x) {
            throw new BusinessException("sync.enrol.unreadable", file);
        }
        List<java.security.cert.X509Certificate> pinned = pins;
        database.inTransaction(tx -> {
            batches.pin(tx, pinned, tx.now());
            settings.put(tx, URL, e.path("url").asText());
            settings.put(tx, HEAD_OFFICE_KEY, e.path("headOfficeKey").asText());
            settings.put(tx, TOKEN, e.path("token").asText());
            settings.put(tx, ENROLLED, "false");
            return null;
        });
        try {
            registerKey();
        } catch (IOException | InterruptedException x) {
            if (x instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            lastError = reason(x);
        }
    }

    /** Why a send or an enrolment did not go through, in the terminal's language (for the status bar). */
    private String reason(Exception e) {
        if (e instanceof SyncErrors.EnrolRefused) {
            return e.getMessage();
        }
        System.getLogger(SyncService.class.getName()).log(System.Logger.Level.INFO, "head office not reached: " + e);
        return SyncErrors.unreachable(e, settingsNow().getOrDefault(URL, ""));
    }

    /** Hands the public key to head office with the token; true once head office has taken it. */
    private boolean registerKey() throws IOException, InterruptedException {
        Map<String, String> s = settingsNow();
        if ("true".equals(s.get(ENROLLED))) {
            return true;
        }
        String body = JSON.writeValueAsString(Map.of("hall", terminal.hallCode(), "terminal", terminal.terminalCode(),
                "token", s.get(TOKEN), "publicKey", Files.readString(publicKeyFile()).strip()));
        HttpResponse<String> r = http().send(HttpRequest.newBuilder(URI.create(s.get(URL) + "/sync/v1/enrol"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            System.getLogger(SyncService.class.getName()).log(System.Logger.Level.WARNING,
                    "enrolment refused by head office (" + r.statusCode() + "): " + r.body());
            throw new SyncErrors.EnrolRefused(r.statusCode(), r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        database.inTransaction(tx -> {
            settings.put(tx, ENROLLED, "true");
            return null;
        });
        return true;
    }

    private Map<String, String> settingsNow() {
        return database.read(tx -> {
            Map<String, String> m = new java.util.HashMap<>();
            for (String k : List.of(URL, HEAD_OFFICE_KEY, TOKEN, ENROLLED, EPOCH)) {
                settings.get(tx, k).ifPresent(v -> m.put(k, v));
            }
            return m;
        });
    }

    public boolean isEnrolled() {
        return settingsNow().containsKey(HEAD_OFFICE_KEY);
    }

    /**
     * Makes the next batch: the journal from the end of the last batch to its head now, numbered in
     * the current epoch ({@code sync.epoch}, 1 unless a restore moved it on), signed and stored in one
     * transaction. Empty when nothing was appended since.
     */
    public Optional<Manifest> makeBatch() {
        if (!isEnrolled()) {
            throw new BusinessException("sync.notEnrolled");
        }
        KeyPair key;
        try {
            key = SyncKeys.loadOrCreate(privateKeyFile(), publicKeyFile());
        } catch (IOException e) {
            throw new BusinessException("sync.keyMissing", privateKeyFile());
        }
        return database.inTransaction(tx -> {
            long epoch = Long.parseLong(settings.get(tx, EPOCH).orElse("1"));
            Optional<SyncRepository.StoredBatch> last = batches.lastMade(tx);
            long from = last.map(b -> b.lastJournalSeq() + 1).orElse(1L);
            String chainPrev = last.map(SyncRepository.StoredBatch::lastHash).orElse(Journal.GENESIS_HASH);
            long head = batches.journalHead(tx);
            if (head < from) {
                return Optional.<Manifest>empty();
            }
            List<JournalEvent> events = batches.events(tx, from, head);
            Map<Long, LocalDate> tillDays = batches.tillDays(tx);
            List<BatchLine> lines = new ArrayList<>(events.size());
            for (JournalEvent e : events) {
                lines.add(new BatchLine(e, businessDay(tx, e, tillDays)));
            }
            Optional<SyncRepository.StoredBatch> lastOfEpoch = batches.lastOfEpoch(tx, epoch);
            long seq = lastOfEpoch.map(b -> b.seq() + 1).orElse(1L);
            String previousSha = lastOfEpoch.map(SyncRepository.StoredBatch::sha256).orElse("");
            Manifest m = BatchFile.describe(terminal.hallCode(), terminal.terminalCode(), epoch, seq, chainPrev, from,
                    previousSha, tx.now(), tx.clock().getZone().getId(), 0, lines);
            byte[] bytes = BatchFile.encode(m, lines, key.getPrivate());
            batches.insert(tx, epoch, seq, m.firstJournalSeq(), m.lastJournalSeq(), m.lastHash(), m.eventCount(),
                    BatchFile.sha256(bytes), tx.now(), bytes);
            return Optional.of(m);
        });
    }

    /** A till's events count in the till's business day; a void in its payment's till's day; the rest on their date. */
    private LocalDate businessDay(io.counterdesk.persistence.Tx tx, JournalEvent e, Map<Long, LocalDate> tillDays) {
        JsonNode p = BatchFile.readTree(e.payload());
        if (p.has("tillId") && tillDays.containsKey(p.get("tillId").asLong())) {
            return tillDays.get(p.get("tillId").asLong());
        }
        if (e.type().equals("RECEIPT_VOIDED") && p.has("paymentId")) {
            Optional<Long> till = batches.tillOfPayment(tx, p.get("paymentId").asLong());
            if (till.isPresent() && tillDays.containsKey(till.get())) {
                return tillDays.get(till.get());
            }
        }
        return LocalDate.ofInstant(e.occurredAt(), tx.clock().getZone());
    }

    /**
     * Sends every pending batch, oldest first, on the calling thread; stops at the first that is not
     * acknowledged (the ones after it wait their turn). Returns the status after.
     */
    public SyncStatus sendPending() {
        sending = true;
        percent = -1;
        publish();
        pendingAtStart = database.read(batches::pendingCount);
        synchronized (this) {
            // a new client per round, so no round starts on a kept-alive connection that died in the pause
            // (minutes of back-off; a NAT or proxy drops it silently, and the first request would fail on it)
            http = null;
        }
        try {
            Map<String, String> s = settingsNow();
            if (!s.containsKey(HEAD_OFFICE_KEY)) {
                lastError = SyncErrors.notEnrolled();
                return status();
            }
            registerKey();
            PublicKey headOffice = SyncKeys.publicKey(s.get(HEAD_OFFICE_KEY));
            for (SyncRepository.StoredBatch b : database.read(batches::pending)) {
                String error = sendOne(s.get(URL), headOffice, b);
                if (error != null) {
                    lastError = error;
                    database.inTransaction(tx -> {
                        batches.failed(tx, b.epoch(), b.seq(), error);
                        return null;
                    });
                    return status();
                }
            }
            lastError = null;
            return status();
        } catch (IOException e) {
            lastError = reason(e);
            return status();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lastError = SyncErrors.interrupted();
            return status();
        } finally {
            sending = false;
            percent = -1;
            publish();
        }
    }

    /** Rounds of "head office holds n bytes, send from there" one send follows before giving up. */
    private static final int OFFSET_ROUNDS = 3;

    /**
     * Sends one batch; null when its acknowledgement is verified and stored, else the reason. Resumable
     * (docs/sync-protocol.md, "Resumable upload"): asks head office how many of exactly these bytes it
     * holds and sends only the rest; a head office without the upload endpoint gets the whole batch by POST.
     */
    private String sendOne(String url, PublicKey headOffice, SyncRepository.StoredBatch b) throws InterruptedException {
        HttpResponse<byte[]> r;
        try {
            r = upload(url, b);
        } catch (IOException e) {
            return reason(e);
        }
        if (r.statusCode() != 200) {
            System.getLogger(SyncService.class.getName()).log(System.Logger.Level.WARNING, "batch " + b.epoch() + "/" + b.seq()
                    + " refused by head office (" + r.statusCode() + "): " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
            return SyncErrors.refused(r.statusCode(), r.body());
        }
        Ack ack;
        try {
            ack = Ack.verify(r.body(), headOffice);
            BatchFile.Decoded mine = BatchFile.decode(b.bytes());
            if (!ack.names(mine.manifest(), b.sha256())) {
                return SyncErrors.otherBatch();
            }
        } catch (BatchFormatException e) {
            System.getLogger(SyncService.class.getName()).log(System.Logger.Level.WARNING, "batch " + b.epoch() + "/" + b.seq()
                    + ": the answer is not head office's: " + e.getMessage());
            return SyncErrors.notHeadOffice();
        }
        database.inTransaction(tx -> {
            batches.delivered(tx, b.epoch(), b.seq(), r.body(), tx.now());
            return null;
        });
        return null;
    }

    private HttpResponse<byte[]> upload(String url, SyncRepository.StoredBatch b) throws IOException, InterruptedException {
        String at = url + "/sync/v1/uploads/" + path(terminal.hallCode()) + "/" + path(terminal.terminalCode()) + "/"
                + b.epoch() + "/" + b.seq() + "/" + b.sha256();
        long offset = 0;
        if (b.attempts() > 0) { // a first try starts at 0 without asking
            HttpResponse<byte[]> held = http().send(HttpRequest.newBuilder(URI.create(at)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (held.statusCode() == 404) {
                return post(url, b);
            }
            if (held.statusCode() != 200) {
                return held;
            }
            offset = offsetIn(held);
        }
        HttpResponse<byte[]> r = null;
        for (int round = 0; round < OFFSET_ROUNDS; round++) {
            int from = (int) Math.max(0, Math.min(offset, b.bytes().length));
            progress(from, b.bytes().length);
            r = http().send(HttpRequest.newBuilder(URI.create(at)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/octet-stream")
                    .header("Upload-Offset", Integer.toString(from))
                    .header("Upload-Length", Integer.toString(b.bytes().length))
                    .PUT(counted(b.bytes(), from)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 404) {
                return post(url, b);
            }
            if (r.statusCode() != 409 || !r.headers().firstValue("Upload-Offset").isPresent()) {
                return r;
            }
            offset = offsetIn(r);
        }
        return r;
    }

    /** The whole batch in one request, for a head office without the upload endpoint. */
    private HttpResponse<byte[]> post(String url, SyncRepository.StoredBatch b) throws IOException, InterruptedException {
        return http().send(HttpRequest.newBuilder(URI.create(url + "/sync/v1/batches")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.bytes())).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static long offsetIn(HttpResponse<byte[]> r) {
        return r.headers().firstValue("Upload-Offset").map(Long::parseLong).orElse(0L);
    }

    private static String path(String code) {
        return java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The bytes from {@code from} on, with a fixed length, telling the progress as they go out. */
    private HttpRequest.BodyPublisher counted(byte[] bytes, int from) {
        if (from == bytes.length) {
            return HttpRequest.BodyPublishers.noBody(); // head office holds it all: only its answer is wanted
        }
        java.io.InputStream rest = new java.io.ByteArrayInputStream(bytes, from, bytes.length - from) {
            @Override
            public synchronized int read(byte[] into, int off, int len) {
                int n = super.read(into, off, len);
                if (n > 0) {
                    progress(bytes.length - available(), bytes.length);
                }
                return n;
            }
        };
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> rest),
                bytes.length - from);
    }

    /** Publishes "上传中 n%" when the whole percentage changes. */
    private void progress(long held, long total) {
        int p = total == 0 ? 100 : (int) (held * 100 / total);
        if (p != percent) {
            percent = p;
            if (!listeners.isEmpty()) {
                SyncStatus s = new SyncStatus(true, pendingAtStart, lastError, true, p);
                listeners.forEach(l -> l.accept(s));
            }
        }
    }

    public SyncStatus status() {
        return new SyncStatus(isEnrolled(), database.read(batches::pendingCount), lastError, sending, sending ? percent : -1);
    }

    /** Tells {@code listener} each new status (on the sync thread); the returned action stops that. */
    public Runnable addListener(Consumer<SyncStatus> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** On the sync thread: tells the listeners where things stand and sends what is pending (a terminal back on line). */
    public void resume() {
        worker().execute(() -> {
            try {
                publish();
                SyncStatus s = status();
                if (s.enrolled() && s.pending() > 0) {
                    sendSoon(Duration.ZERO);
                }
            } catch (RuntimeException e) {
                lastError = e.getMessage();
            }
        });
    }

    private void publish() {
        if (listeners.isEmpty()) {
            return;
        }
        SyncStatus s = status();
        listeners.forEach(l -> l.accept(s));
    }

    /**
     * At a till's close or the day's sign-off (after its commit): makes the batch and sends it on the
     * background thread. Never throws: the counter goes on whatever happens here.
     */
    public void afterDayClose() {
        try {
            worker().execute(() -> {
                try {
                    if (isEnrolled()) {
                        makeBatch();
                        sendSoon(Duration.ZERO);
                    }
                } catch (RuntimeException e) {
                    lastError = "batch not made: " + e.getMessage();
                    publish();
                }
            });
        } catch (RuntimeException e) {
            lastError = "batch not made: " + e.getMessage();
        }
    }

    /**
     * "Send now" (the sign-off screen's key, like {@code sync send}): makes a batch of what is new and
     * sends everything pending on the sync thread; the status bar shows how it goes.
     *
     * @throws BusinessException {@code sync.notEnrolled} when the terminal is not enrolled
     */
    public void sendNow() {
        if (!isEnrolled()) {
            throw new BusinessException("sync.notEnrolled");
        }
        afterDayClose();
    }

    private synchronized ScheduledExecutorService worker() {
        if (worker == null) {
            worker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sync-upload");
                t.setDaemon(true);
                return t;
            });
        }
        return worker;
    }

    /** Sends in the background now; after a failure tries again later, the pause doubling up to five minutes. */
    public synchronized void sendSoon(Duration delay) {
        worker();
        if (next != null && !next.isDone()) {
            next.cancel(false);
        }
        next = worker.schedule(this::backgroundSend, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void backgroundSend() {
        SyncStatus s;
        try {
            s = sendPending();
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            s = new SyncStatus(true, 1, lastError, false);
        }
        synchronized (this) {
            if (s.pending() > 0 && s.enrolled()) {
                Duration wait = backOff;
                backOff = backOff.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : backOff.multipliedBy(2);
                next = worker.schedule(this::backgroundSend, wait.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                backOff = FIRST_RETRY;
            }
        }
    }

    @Override
    public synchronized void close() {
        if (worker != null) {
            worker.shutdownNow();
        }
    }
}
