package io.counterdesk.headoffice;

import io.counterdesk.sync.BatchFile;
import io.counterdesk.sync.BatchLine;
import io.counterdesk.sync.Manifest;
import io.counterdesk.sync.SyncKeys;
import io.counterdesk.sync.TestChain;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

/**
 * Issue 16's sync benchmarks, each beside a floor measured in the same run (docs/benchmarks.md):
 * <ol>
 * <li>terminal side: a 5,000-event batch made and signed ({@code BatchFile.describe} + {@code encode})
 *     against the floor of gzipping the same JSON lines alone;</li>
 * <li>a city's day, scaled by {@code bench.halls} (× 5 terminals × 500 events): every batch through
 *     the real HTTP endpoint into a real PostgreSQL (started here, as the tests do), 8 connections,
 *     against {@code COPY} of the same events into the same table of a fresh database — the ratio;</li>
 * <li>the consolidated day across those halls ({@code HeadOffice.consolidate}) on that database.</li>
 * </ol>
 */
public final class SyncBench {

    static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    public static void main(String[] args) throws Exception {
        int halls = Integer.getInteger("bench.halls", 20);
        int terminals = 5;
        int events = 500;
        System.out.println("load before: " + load());
        batchMakeAndSign();

        List<TestChain> chains = new ArrayList<>();
        List<byte[]> batches = new ArrayList<>();
        for (int h = 1; h <= halls; h++) {
            for (int t = 1; t <= terminals; t++) {
                TestChain c = new TestChain(String.format("H%03d", h), String.format("H%03d-T%d", h, t), DAY);
                c.open(1);
                for (int i = 1; i < events; i++) {
                    c.pay(1, 1_000 + i);
                }
                chains.add(c);
                batches.add(c.nextBatch());
            }
        }
        PostgresFixture pg = PostgresFixture.start();
        try {
            try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), "")) {
                c.createStatement().execute("CREATE DATABASE ingest");
                c.createStatement().execute("CREATE DATABASE copyfloor");
            }
            // the floor: COPY of the same events, one transaction per batch, 8 threads, same table and indexes
            HeadOfficeStore floor = HeadOfficeStore.open(pg.url().replace("/postgres", "/copyfloor"), pg.user(), "");
            HeadOfficeRepository repo = new HeadOfficeRepository();
            long f0 = System.nanoTime();
            runAll(batches, b -> {
                BatchFile.Decoded d = BatchFile.decode(b);
                Manifest m = d.manifest();
                try (Connection c = floor.connect()) {
                    repo.insertEvents(c, true, m.hall(), m.terminal(), m.epoch(), d.lines());
                    c.commit();
                }
                return true;
            });
            double copySeconds = (System.nanoTime() - f0) / 1e9;
            floor.close();

            HeadOfficeStore store = HeadOfficeStore.open(pg.url().replace("/postgres", "/ingest"), pg.user(), "");
            HeadOffice ho = new HeadOffice(store, SyncKeys.generate(), Clock.systemUTC());
            for (TestChain c : chains) {
                ho.enrol(c.hall, c.terminal, ho.addTerminal(c.hall, c.terminal), SyncKeys.publicText(c.key.getPublic()));
            }
            try (HeadOfficeServer server = HeadOfficeServer.start(ho, new InetSocketAddress("127.0.0.1", 0))) {
                HttpClient http = HttpClient.newHttpClient();
                URI uri = URI.create("http://127.0.0.1:" + server.port() + "/sync/v1/batches");
                Runtime rt = Runtime.getRuntime();
                long i0 = System.nanoTime();
                runAll(batches, b -> http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(b))
                        .build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200);
                double ingestSeconds = (System.nanoTime() - i0) / 1e9;
                long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1 << 20);
                long stored = ho.count("ho_event");
                long c0 = System.nanoTime();
                ConsolidatedDay day = ho.consolidate(DAY, HeadOfficeServer.HALL_ZONE, 7);
                double consolidateSeconds = (System.nanoTime() - c0) / 1e9;
                long p0 = System.nanoTime();
                byte[] pdf = ConsolidatedDayPdf.write(day, io.counterdesk.report.pdf.ReportFont.locate(java.util.Optional.empty(),
                        java.util.Optional.empty(), System.getenv()), java.time.ZonedDateTime.now());
                double pdfSeconds = (System.nanoTime() - p0) / 1e9;
                System.out.printf("city day scaled: %d halls x %d terminals x %d events = %d batches, %d events (stored %d)%n",
                        halls, terminals, events, batches.size(), (long) batches.size() * events, stored);
                System.out.printf("ingest through HTTP into PostgreSQL, 8 connections: %.2f s (%.0f events/s), heap after %d MB%n",
                        ingestSeconds, stored / ingestSeconds, heapMb);
                System.out.printf("floor, COPY of the same events, 8 connections: %.2f s -> ratio COPY/ingest %.2f (goal >= 0.7)%n",
                        copySeconds, copySeconds / ingestSeconds);
                System.out.printf("consolidated day across %d halls: %.3f s; its PDF (%d bytes, first report in this JVM): %.3f s%n",
                        day.halls().size(), consolidateSeconds, pdf.length, pdfSeconds);
            }
            store.close();
        } finally {
            pg.close();
        }
        System.out.println("load after: " + load());
    }

    interface Job {
        boolean run(byte[] batch) throws Exception;
    }

    private static void runAll(List<byte[]> batches, Job job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (byte[] b : batches) {
                done.add(pool.submit(() -> job.run(b)));
            }
            for (Future<Boolean> f : done) {
                if (!f.get()) {
                    throw new IllegalStateException("a batch was not taken");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void batchMakeAndSign() throws Exception {
        TestChain c = new TestChain("H001", "H001-T1", DAY);
        c.open(1);
        for (int i = 1; i < 5_000; i++) {
            c.pay(1, 1_000 + i);
        }
        KeyPair key = c.key;
        List<BatchLine> lines = new ArrayList<>();
        // the lines as the terminal reads them from its journal (the same objects TestChain batches)
        BatchFile.Decoded once = BatchFile.decode(c.nextBatch());
        lines.addAll(once.lines());
        double best = Double.MAX_VALUE;
        double floorBest = Double.MAX_VALUE;
        for (int round = 0; round < 7; round++) {
            long t0 = System.nanoTime();
            Manifest m = BatchFile.describe("H001", "H001-T1", 1, 1, io.counterdesk.persistence.Journal.GENESIS_HASH, 1, "",
                    java.time.Instant.now(), "Asia/Shanghai", 0, lines);
            byte[] bytes = BatchFile.encode(m, lines, key.getPrivate());
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            StringBuilder json = new StringBuilder();
            for (BatchLine l : lines) {
                json.append(l.event().payload()).append(l.event().hash()).append('\n');
            }
            long f0 = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(json.toString().getBytes(StandardCharsets.UTF_8));
            }
            floorBest = Math.min(floorBest, (System.nanoTime() - f0) / 1e9);
            if (bytes.length == 0) {
                throw new IllegalStateException();
            }
        }
        System.out.printf("5,000-event batch made and signed: best of 7 %.3f s (goal < 1 s); floor, gzip of the payloads alone: %.3f s%n",
                best, floorBest);
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
