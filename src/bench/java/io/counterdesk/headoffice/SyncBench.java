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
 * <li>a city's day, {@code bench.halls} (200) × 5 terminals × 500 events: every batch through the real
 *     HTTP endpoint into a real PostgreSQL (started here, as the tests do), 8 connections, against the
 *     floor: {@code COPY} of every row the ingest inserted (batches with their bytes, events, receipts,
 *     till figures, days received; exported after the ingest) into the same tables of a fresh
 *     database, 8 connections, one transaction per batch — the ratio; beside it the older floor,
 *     {@code COPY} of the events alone (decoded from the batches), labelled as such; wall time, CPU
 *     and head office's heap (peak above the heap before, sampled every 50 ms; the batches' bytes
 *     are held before);</li>
 * <li>the consolidated day across those halls ({@code HeadOffice.consolidate}) and its PDF;</li>
 * <li>with {@code bench.days} = 30, the month: days 2 to 29 filled directly into the same tables by SQL
 *     on the server ({@code INSERT … SELECT generate_series}: the events, receipts, till figures,
 *     batches and days received of every terminal, synthetic hashes, the terminals' positions set to
 *     continue from them), then day 30 through the HTTP endpoint again, timed against day 1, and the
 *     consolidated day 30 on the month.</li>
 * </ol>
 * A warm-up of {@code bench.warmup} batches (6,000 in the pom: six city days) through a separate head office
 * database comes first, so that the timed days run code the JIT has finished with: the per-request methods
 * (the HTTP server's exchange, the handler) reach C2 only at about 5,000 requests, and compiling them
 * inlines the whole handler (docs/benchmarks.md). Then {@code bench.rounds} (3) days, each timed beside its
 * own floor; the ratio is their median. Before each timed part: a {@code CHECKPOINT} and the JIT idle.
 */
public final class SyncBench {

    static final LocalDate DAY = LocalDate.of(2025, 3, 10);
    static final int TERMINALS = 5;
    static final int EVENTS = 500;
    /** Days sent through HTTP one after another, each beside its own floor ({@code bench.rounds}, 3): the ratio is their median. */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    public static void main(String[] args) throws Exception {
        int halls = halls();
        int days = Integer.getInteger("bench.days", 1);
        System.out.println("load before: " + load());
        batchMakeAndSign();

        List<BenchTerminal> terminals = new ArrayList<>();
        for (int h = 1; h <= halls; h++) {
            for (int t = 1; t <= TERMINALS; t++) {
                terminals.add(new BenchTerminal(String.format("H%03d", h), String.format("H%03d-T%d", h, t)));
            }
        }
        List<byte[]> day1 = batches(terminals, DAY, 1);
        List<String> settings = new ArrayList<>(List.of("shared_buffers=512MB", "max_wal_size=4GB"));
        if (System.getenv("SYNC_BENCH_PGLOG") != null) {
            settings.addAll(List.of("log_autovacuum_min_duration=0", "log_checkpoints=on", "log_line_prefix=%m_[%p]_%d_"));
        }
        PostgresFixture pg = PostgresFixture.start(settings.toArray(String[]::new));
        server = pg;
        try {
            try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), "")) {
                for (String db : List.of("warmup", "ingest", "copyfloor", "fairfloor")) {
                    c.createStatement().execute("CREATE DATABASE " + db);
                }
            }
            // SYNC_BENCH_JFR: the same settings recorded from before the warm-up, so that JFR's instrumented I/O
            // events retransform the JDK's classes (and throw away the code compiled against them) before the
            // warm-up, not at day 1's start (which made day 1 run 2-3 times slower: docs/benchmarks.md)
            jdk.jfr.Recording early = System.getenv("SYNC_BENCH_JFR") == null ? null
                    : new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("default"));
            if (early != null) {
                early.start();
            }
            // SYNC_BENCH_JIT=file: every compilation and deoptimization from before the warm-up to the end of day 1
            // (no I/O events, so nothing is retransformed); day 1's start and end are printed to pick its part out
            jdk.jfr.Recording jit = System.getenv("SYNC_BENCH_JIT") == null ? null : new jdk.jfr.Recording();
            if (jit != null) {
                jit.enable("jdk.Compilation").withThreshold(java.time.Duration.ZERO);
                jit.enable("jdk.Deoptimization").withoutStackTrace();
                jit.enable("jdk.SweepCodeCache").withThreshold(java.time.Duration.ZERO);
                jit.enable("jdk.ClassLoad").withThreshold(java.time.Duration.ZERO).withoutStackTrace();
                jit.start();
            }
            warmUp(pg);

            // the old floor (events only): COPY of the same events, one transaction per batch, 8 threads, same table
            HeadOfficeStore floor = HeadOfficeStore.open(pg.url().replace("/postgres", "/copyfloor"), pg.user(), "");
            floor.createEventPartitions(List.of(DAY));
            HeadOfficeRepository repo = new HeadOfficeRepository();
            System.out.println("before the old floor: " + settle());
            System.out.println("load before the COPY floor: " + load());
            double[] floorCpu = cpu(pg);
            long f0 = System.nanoTime();
            runAll(day1, b -> {
                BatchFile.Decoded d = BatchFile.decode(b);
                Manifest m = d.manifest();
                try (Connection c = floor.connect()) {
                    repo.insertEvents(c, true, m.hall(), m.terminal(), m.epoch(), d.lines());
                    c.commit();
                }
                return true;
            });
            double copySeconds = (System.nanoTime() - f0) / 1e9;
            String floorCpuText = cpuSince(floorCpu, pg);
            floor.close();

            HeadOfficeStore store = HeadOfficeStore.open(pg.url().replace("/postgres", "/ingest"), pg.user(), "");
            HeadOffice ho = new HeadOffice(store, SyncKeys.generate(), Clock.systemUTC());
            for (BenchTerminal t : terminals) {
                ho.enrol(t.hall, t.terminal, ho.addTerminal(t.hall, t.terminal), SyncKeys.publicText(t.key.getPublic()));
            }
            try (HeadOfficeServer server = HeadOfficeServer.start(ho, new InetSocketAddress("127.0.0.1", 0))) {
                URI uri = URI.create("http://127.0.0.1:" + server.port() + "/sync/v1/batches");
                System.out.println("before day 1: " + settle());
                System.out.println("load before day 1: " + load());
                double[] ingestCpu = cpu(pg);
                // SYNC_BENCH_JFR=file: a flight recording (default settings: samples every 20 ms) of day 1's ingest alone
                jdk.jfr.Recording jfr = System.getenv("SYNC_BENCH_JFR") == null ? null
                        : new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("default"));
                if (jfr != null) {
                    jfr.start();
                    early.close(); // the same settings stay in force through day 1's recording
                }
                double[] split = jvmSplit();
                java.time.Instant day1Start = java.time.Instant.now();
                Waits waits = System.getenv("SYNC_BENCH_WAITS") == null ? null : Waits.start(url(pg, "ingest"), pg.user());
                Timed first = ingest(uri, day1);
                if (waits != null) {
                    System.out.println(waits.stop());
                }
                String splitText = jvmSplitSince(split);
                if (jit != null) {
                    System.out.println("day 1 ran from " + day1Start + " to " + java.time.Instant.now());
                    jit.stop();
                    jit.dump(java.nio.file.Path.of(System.getenv("SYNC_BENCH_JIT")));
                }
                if (jfr != null) {
                    jfr.stop();
                    jfr.dump(java.nio.file.Path.of(System.getenv("SYNC_BENCH_JFR")));
                }
                String ingestCpuText = cpuSince(ingestCpu, pg);
                day1 = null;
                long stored = ho.count("ho_event");
                System.out.printf("city day: %d halls x %d terminals x %d events = %d batches, %d events (stored %d)%n",
                        halls, TERMINALS, EVENTS, terminals.size(), (long) terminals.size() * EVENTS, stored);
                System.out.printf("day 1: ingest through HTTP into PostgreSQL, 8 connections: %.2f s (%.0f events/s), "
                        + "head office heap: peak %d MB above the %d MB before (garbage included), %d MB kept after%n",
                        first.seconds, stored / first.seconds, first.peakMb, first.baseMb, first.liveMb);
                System.out.println("  ingest " + ingestCpuText);
                System.out.println("  head office's JVM: " + splitText);
                // the floor: COPY of every row the ingest left, into the same tables of a database in the same state
                FairFloor fair = fairFloor(pg, url(pg, "ingest"), url(pg, "fairfloor"), terminals, DAY, 1);
                System.out.printf("day 1: floor, COPY of the same rows into the same tables (%s), 8 connections, one transaction"
                        + " per batch: %.2f s -> ratio COPY/ingest %.2f%n", fair.rows, fair.seconds,
                        fair.seconds / first.seconds);
                System.out.println("  floor " + fair.cpu);
                System.out.printf("old floor, COPY of the events alone (ho_event), 8 connections: %.2f s -> ratio %.2f; %s%n",
                        copySeconds, copySeconds / first.seconds, floorCpuText);
                List<double[]> pairs = new ArrayList<>();
                pairs.add(new double[] {first.seconds, fair.seconds});
                for (int r = 2; r <= ROUNDS; r++) {
                    LocalDate day = DAY.plusDays(r - 1);
                    store.createEventPartitions(List.of(day));
                    List<byte[]> batches = batches(terminals, day, r);
                    System.out.println("before day " + r + ": " + settle() + "; load " + load());
                    double[] cpu = cpu(pg);
                    double[] jvm = jvmSplit();
                    Timed t = ingest(uri, batches);
                    System.out.printf("day %d: ingest %.2f s, %s%n  head office's JVM: %s%n", r, t.seconds, cpuSince(cpu, pg),
                            jvmSplitSince(jvm));
                    FairFloor f = fairFloor(pg, url(pg, "ingest"), url(pg, "fairfloor"), terminals, day, r);
                    System.out.printf("day %d: floor %.2f s, %s -> ratio %.2f%n", r, f.seconds, f.cpu, f.seconds / t.seconds);
                    pairs.add(new double[] {t.seconds, f.seconds});
                }
                double[] ratios = pairs.stream().mapToDouble(x -> x[1] / x[0]).sorted().toArray();
                double[] ingests = pairs.stream().mapToDouble(x -> x[0]).sorted().toArray();
                double[] floors = pairs.stream().mapToDouble(x -> x[1]).sorted().toArray();
                System.out.printf("ratio COPY/ingest over %d days, each day's ingest beside its own floor: median %.2f "
                        + "(lowest %.2f, highest %.2f; goal >= 0.7); ingest median %.2f s (%.2f-%.2f), floor median %.2f s "
                        + "(%.2f-%.2f)%n", ratios.length, median(ratios), ratios[0], ratios[ratios.length - 1], median(ingests),
                        ingests[0], ingests[ingests.length - 1], median(floors), floors[0], floors[floors.length - 1]);
                consolidated(ho, DAY, true);
                System.out.println("load after day 1: " + load());
                if (days > ROUNDS + 1) {
                    month(pg, store, ho, uri, terminals, days, first);
                }
            }
            store.close();
        } finally {
            if (System.getenv("SYNC_BENCH_PGLOG") != null) {
                java.nio.file.Files.copy(pg.log(), java.nio.file.Path.of(System.getenv("SYNC_BENCH_PGLOG")),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            pg.close();
        }
        System.out.println("load after: " + load());
    }

    /** Days 2 … days-1 filled on the server, then the last day through HTTP, against day 1. */
    private static void month(PostgresFixture pg, HeadOfficeStore store, HeadOffice ho, URI uri, List<BenchTerminal> terminals,
                              int days, Timed first) throws Exception {
        System.out.println("load before the fill: " + load());
        long t0 = System.nanoTime();
        List<LocalDate> filled = new ArrayList<>();
        for (int k = ROUNDS + 1; k < days; k++) {
            filled.add(DAY.plusDays(k - 1));
        }
        store.createEventPartitions(filled);
        String url = pg.url().replace("/postgres", "/ingest");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int k = ROUNDS + 1; k < days; k++) {
                int dayNo = k;
                done.add(pool.submit(() -> {
                    try (Connection c = DriverManager.getConnection(url, pg.user(), "")) {
                        MonthFill.day(c, DAY.plusDays(dayNo - 1), dayNo, EVENTS);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = DriverManager.getConnection(url, pg.user(), "")) {
            MonthFill.positions(c, days - 1, EVENTS);
            c.createStatement().execute("ANALYZE");
        }
        for (BenchTerminal t : terminals) {
            t.continueAfterFill(days - 1);
        }
        System.out.printf("days %d-%d filled on the server: %.0f s; ho_event now %d rows, ho_receipt %d%n", ROUNDS + 1, days - 1,
                (System.nanoTime() - t0) / 1e9, ho.count("ho_event"), ho.count("ho_receipt"));
        LocalDate last = DAY.plusDays(days - 1);
        List<byte[]> lastDay = batches(terminals, last, days);
        System.out.println("before day " + days + ": " + settle());
        System.out.println("load before day " + days + ": " + load());
        double[] laterCpu = cpu(pg);
        Timed later = ingest(uri, lastDay);
        System.out.println("  day " + days + " " + cpuSince(laterCpu, pg));
        System.out.printf("day %d through HTTP on the month: %.2f s against day 1 %.2f s -> %.2fx (goal <= 1.2); "
                + "heap peak %d MB above %d MB%n", days, later.seconds, first.seconds, later.seconds / first.seconds,
                later.peakMb, later.baseMb);
        consolidated(ho, last, false);
        try (Connection c = DriverManager.getConnection(url, pg.user(), "");
             java.sql.ResultSet rs = c.createStatement().executeQuery("""
                     SELECT pg_database_size(current_database()), (SELECT SUM(pg_total_relation_size(inhrelid))
                     FROM pg_inherits WHERE inhparent = 'ho_event'::regclass), pg_total_relation_size('ho_receipt'),
                     pg_total_relation_size('ho_batch')""")) {
            rs.next();
            System.out.printf("database %d MB: ho_event %d MB, ho_receipt %d MB, ho_batch %d MB%n", rs.getLong(1) >> 20,
                    rs.getLong(2) >> 20, rs.getLong(3) >> 20, rs.getLong(4) >> 20);
        }
        System.out.println("load after day " + days + ": " + load());
    }

    /**
     * Where the JVM's time goes: CPU seconds of head office's request threads ({@code headoffice-http}),
     * of the HTTP client's threads, of all other live threads (sampler, JFR …), then GC pause time and
     * collections, and JIT compilation time (wall, summed over compiler threads). GC and compiler threads
     * are not Java threads: their CPU is the process's CPU less the threads'.
     */
    static double[] jvmSplit() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double http = 0;
        double client = 0;
        double other = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            long ns = threads.getThreadCpuTime(t.getThreadId());
            if (ns < 0) {
                continue;
            }
            if (t.getThreadName().startsWith("headoffice-http")) {
                http += ns / 1e9;
            } else if (t.getThreadName().startsWith("HttpClient")) {
                client += ns / 1e9;
            } else {
                other += ns / 1e9;
            }
        }
        double gcMs = 0;
        double gcCount = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMs += gc.getCollectionTime();
            gcCount += gc.getCollectionCount();
        }
        double process = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        double[] vm = vmThreads();
        return new double[] {http, client, other, gcMs / 1e3, gcCount,
                java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3, process,
                vm[0], vm[1], SENDING_NS.get() / 1e9};
    }

    /** CPU of the bench's sending threads (the simulated terminals' {@code http.send} calls), summed per request. */
    static final java.util.concurrent.atomic.AtomicLong SENDING_NS = new java.util.concurrent.atomic.AtomicLong();

    /**
     * CPU seconds of the JVM's own (non-Java) threads, from Linux's {@code /proc/self/task}: {JIT compiler
     * threads ("C1/C2 CompilerThre…"), GC threads ("GC Thread…", "G1 …")}; NaN where /proc cannot be read.
     */
    static double[] vmThreads() {
        double jit = 0;
        double gc = 0;
        try (var tasks = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : tasks) {
                String stat;
                try {
                    stat = java.nio.file.Files.readString(task.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += seconds;
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                    gc += seconds;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {jit, gc};
    }

    static String jvmSplitSince(double[] before) {
        double[] now = jvmSplit();
        double threads = (now[0] - before[0]) + (now[1] - before[1]) + (now[2] - before[2]);
        double rest = now[6] - before[6] - threads;
        return String.format("request threads %.1f s CPU, HTTP client %.1f s, other Java threads %.1f s, the rest (GC and JIT threads,"
                + " threads that ended) %.1f s: JIT compiler threads %.1f s, GC threads %.1f s, the sending threads' requests"
                + " %.1f s; GC pauses %.1f s in %.0f collections; JIT compiling %.1f s (elapsed, summed)", now[0] - before[0],
                now[1] - before[1], now[2] - before[2], rest, now[7] - before[7], now[8] - before[8], now[9] - before[9],
                now[3] - before[3], now[4] - before[4], now[5] - before[5]);
    }

    private static String url(PostgresFixture pg, String db) {
        return pg.url().replace("/postgres", "/" + db);
    }

    /** The tables a batch's acceptance inserts rows into (ho_terminal's row is updated, not inserted). */
    static final List<String> INGEST_TABLES = List.of("ho_batch", "ho_event", "ho_receipt", "ho_till_figure",
            "ho_terminal_day");

    record FairFloor(double seconds, String cpu, String rows) {
    }

    /**
     * The floor of issue 16 §6, "COPY of the same rows into the same tables": every row the ingest
     * inserted ({@link #INGEST_TABLES}: the batches with their bytes and acknowledgements, the events,
     * the receipts, the till figures, the days received) exported per terminal with {@code COPY … TO}
     * (not timed), then, timed, {@code COPY … FROM} the same text into the same tables of a fresh
     * database made by the same migrations, 8 connections, one transaction per batch (all of one
     * terminal's rows), committed with {@code synchronous_commit} on as the ingest's.
     */
    private static FairFloor fairFloor(PostgresFixture pg, String from, String to, List<BenchTerminal> terminals,
                                       LocalDate day, int seq) throws Exception {
        List<byte[][]> rows = new ArrayList<>();
        long[] counts = new long[INGEST_TABLES.size()];
        try (Connection c = DriverManager.getConnection(from, pg.user(), "")) {
            org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            for (BenchTerminal t : terminals) {
                byte[][] its = new byte[INGEST_TABLES.size()][];
                for (int i = 0; i < its.length; i++) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    // the rows of this day's batch only (the floor's database already holds the days before, as the ingest's)
                    String ofTheDay = INGEST_TABLES.get(i).equals("ho_batch") ? "epoch = 1 AND seq = " + seq
                            : "business_day = DATE '" + day + "'";
                    counts[i] += copy.copyOut("COPY (SELECT * FROM " + INGEST_TABLES.get(i) + " WHERE hall_code = '" + t.hall
                            + "' AND terminal_code = '" + t.terminal + "' AND " + ofTheDay + ") TO STDOUT", out);
                    its[i] = out.toByteArray();
                }
                rows.add(its);
            }
        }
        StringBuilder what = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            what.append(i == 0 ? "" : ", ").append(INGEST_TABLES.get(i)).append(' ').append(counts[i]);
        }
        HeadOfficeStore floor = HeadOfficeStore.open(to, pg.user(), "");
        floor.createEventPartitions(List.of(day));
        System.out.println("before the fair COPY floor: " + settle());
        System.out.println("load before the fair COPY floor: " + load());
        double[] cpu = cpu(pg);
        Waits waits = System.getenv("SYNC_BENCH_WAITS") == null ? null : Waits.start(to, pg.user());
        long t0 = System.nanoTime();
        runAll(rows, its -> {
            try (Connection c = floor.connect()) {
                org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
                for (int i = 0; i < its.length; i++) {
                    copy.copyIn("COPY " + INGEST_TABLES.get(i) + " FROM STDIN", new java.io.ByteArrayInputStream(its[i]));
                }
                c.commit();
            }
            return true;
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (waits != null) {
            System.out.println("floor's " + waits.stop());
        }
        String cpuText = cpuSince(cpu, pg);
        floor.close();
        return new FairFloor(seconds, cpuText, what.toString());
    }

    private static void consolidated(HeadOffice ho, LocalDate day, boolean pdf) throws Exception {
        long c0 = System.nanoTime();
        ConsolidatedDay d = ho.consolidate(day, HeadOfficeServer.HALL_ZONE, 7);
        double seconds = (System.nanoTime() - c0) / 1e9;
        long c1 = System.nanoTime();
        ho.consolidate(day, HeadOfficeServer.HALL_ZONE, 7);
        double again = (System.nanoTime() - c1) / 1e9;
        System.out.printf("consolidated day %s across %d halls: %.3f s (again %.3f s; goal < 2 s)%n", day, d.halls().size(),
                seconds, again);
        if (pdf) {
            long p0 = System.nanoTime();
            byte[] bytes = ConsolidatedDayPdf.write(d, io.counterdesk.report.pdf.ReportFont.locate(java.util.Optional.empty(),
                    java.util.Optional.empty(), System.getenv()), java.time.ZonedDateTime.now());
            System.out.printf("its PDF (%d bytes, first report in this JVM): %.3f s%n", bytes.length,
                    (System.nanoTime() - p0) / 1e9);
        }
    }

    /** Every terminal's batch of {@code day} (till {@code till}), made on two threads. */
    private static List<byte[]> batches(List<BenchTerminal> terminals, LocalDate day, long till) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<byte[]>> made = new ArrayList<>();
            for (BenchTerminal t : terminals) {
                made.add(pool.submit(() -> t.dayBatch(day, till)));
            }
            List<byte[]> out = new ArrayList<>();
            for (Future<byte[]> f : made) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@code bench.warmup} batches (6,000 in the pom) through a head office of its own, so the timed days do not pay the
     * JIT's first run: up to 1,000 terminals, each sending its next day's batch, day after day, as a head
     * office that has run for some days (1,000 = one city's day; 5,000 = five days: methods called once a
     * batch reach C2's 5,000 calls only then). Each warm-up day prints its time and the JIT's compiling.
     */
    private static void warmUp(PostgresFixture pg) throws Exception {
        int count = Integer.getInteger("bench.warmup", 100);
        int width = Math.min(count, halls() * TERMINALS);
        HeadOfficeStore store = HeadOfficeStore.open(pg.url().replace("/postgres", "/warmup"), pg.user(), "");
        HeadOffice ho = new HeadOffice(store, SyncKeys.generate(), Clock.systemUTC());
        List<BenchTerminal> terminals = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
            BenchTerminal t = new BenchTerminal("W" + i, "W" + i + "-T1");
            ho.enrol(t.hall, t.terminal, ho.addTerminal(t.hall, t.terminal), SyncKeys.publicText(t.key.getPublic()));
            terminals.add(t);
        }
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        try (HeadOfficeServer server = HeadOfficeServer.start(ho, new InetSocketAddress("127.0.0.1", 0))) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/sync/v1/batches");
            int sent = 0;
            for (int day = 1; sent < count; day++) {
                List<BenchTerminal> today = terminals.subList(0, Math.min(width, count - sent));
                LocalDate date = DAY.minusDays(400).plusDays(day);
                store.createEventPartitions(List.of(date));
                List<byte[]> batches = batches(today, date, day);
                long compiled = jit.getTotalCompilationTime();
                Timed w = ingest(uri, batches);
                sent += batches.size();
                System.out.printf("warm-up day %d, %d batches: %.2f s, JIT compiling %.1f s (elapsed, summed)%n", day,
                        batches.size(), w.seconds, (jit.getTotalCompilationTime() - compiled) / 1e3);
            }
        }
        store.close();
    }

    static int halls() {
        return Integer.getInteger("bench.halls", 200);
    }

    /**
     * Waits (at most 120 s) until the JIT has compiled nothing for a second, so that a timed part starts with the
     * compiler idle, as in a head office that has run for a while, rather than with the queue of compilations the
     * warm-up (or the part before) left (docs/benchmarks.md, "The JIT's queue"). Both the ingest and the floor
     * start so.
     */
    static String settle() throws InterruptedException {
        String checkpoint = checkpoint();
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long t0 = System.nanoTime();
        long compiled0 = jit.getTotalCompilationTime();
        long last = compiled0;
        int quiet = 0;
        while (quiet < 4 && System.nanoTime() - t0 < 120_000_000_000L) {
            Thread.sleep(250);
            long now = jit.getTotalCompilationTime();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
        return String.format("%s; JIT quiet after %.1f s (%.1f s of compiling while waiting)", checkpoint,
                (System.nanoTime() - t0) / 1e9, (last - compiled0) / 1e3);
    }

    /** The bench's PostgreSQL, set by {@link #main}: {@link #settle} checkpoints it. */
    private static PostgresFixture server;

    /**
     * A {@code CHECKPOINT} before each timed part: the dirty pages the parts before left in shared buffers
     * (the warm-up's days, an ingest, a floor) are written out now, not by the next part's backends as they
     * need buffers, and no timed checkpoint (every 5 minutes) starts inside a part.
     */
    private static String checkpoint() {
        if (server == null) {
            return "no checkpoint";
        }
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(server.url(), server.user(), "")) {
            c.createStatement().execute("CHECKPOINT");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return String.format("CHECKPOINT %.1f s", (System.nanoTime() - t0) / 1e9);
    }

    /**
     * SYNC_BENCH_WAITS: what the ingest's PostgreSQL backends and head office's request threads are doing,
     * sampled every 10 ms during day 1's ingest and during each floor ({@code pg_stat_activity}'s state and wait
     * event; the request threads' state and, when runnable, whether inside a socket read, i.e. waiting for
     * PostgreSQL or the client).
     */
    static final class Waits {
        private final java.util.Map<String, Integer> pg = new java.util.TreeMap<>();
        private final java.util.Map<String, Integer> jvm = new java.util.TreeMap<>();
        private volatile boolean running = true;
        private int samples;

        static Waits start(String url, String user) {
            Waits w = new Waits();
            Thread sampler = new Thread(() -> w.run(url, user), "waits-sampler");
            sampler.setDaemon(true);
            sampler.start();
            return w;
        }

        private void run(String url, String user) {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            try (Connection c = DriverManager.getConnection(url, user, "");
                 java.sql.PreparedStatement s = c.prepareStatement("SELECT state, wait_event_type, wait_event FROM pg_stat_activity"
                         + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'")) {
                while (running) {
                    synchronized (this) {
                        samples++;
                        try (java.sql.ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                pg.merge(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3), 1, Integer::sum);
                            }
                        }
                        for (java.lang.management.ThreadInfo t : threads.dumpAllThreads(false, false, 6)) {
                            if (!t.getThreadName().startsWith("headoffice-http")) {
                                continue;
                            }
                            String what = t.getThreadState().name();
                            if (t.getThreadState() == Thread.State.RUNNABLE && t.getStackTrace().length > 0) {
                                String top = java.util.Arrays.stream(t.getStackTrace()).map(StackTraceElement::getMethodName)
                                        .filter(m -> m.equals("read0") || m.equals("socketRead0") || m.equals("poll")
                                                || m.equals("park") || m.equals("write0") || m.equals("socketWrite0"))
                                        .findFirst().orElse("working");
                                what += "/" + top;
                            }
                            jvm.merge(what, 1, Integer::sum);
                        }
                    }
                    Thread.sleep(10);
                }
            } catch (Exception e) {
                System.out.println("waits sampler: " + e);
            }
        }

        synchronized String stop() throws InterruptedException {
            running = false;
            StringBuilder out = new StringBuilder("waits, mean count per sample over " + samples + " samples:\n  PostgreSQL backends:");
            pg.forEach((k, v) -> out.append(String.format("%n    %-40s %.2f", k, v / (double) samples)));
            out.append("\n  head office's request threads:");
            jvm.forEach((k, v) -> out.append(String.format("%n    %-40s %.2f", k, v / (double) samples)));
            return out.toString();
        }
    }

    /** Wall time; heap before (after a GC), its sampled peak above that (garbage included), and what stays after a GC. */
    record Timed(double seconds, long baseMb, long peakMb, long liveMb) {
    }

    /** {@code bench.client}: "lean" ({@link LeanPost}, the default) or "jdk" (the JDK's {@code HttpClient}, as the terminal sends). */
    static final boolean JDK_CLIENT = "jdk".equals(System.getProperty("bench.client", "lean"));
    /** One JDK client for the whole run (its threads live on, so their CPU is counted apart, not as threads that ended). */
    private static HttpClient jdkClient;

    /** Every batch through HTTP, 8 at a time; the heap's peak above what it held before (sampled). */
    private static Timed ingest(URI uri, List<byte[]> batches) throws Exception {
        if (JDK_CLIENT && jdkClient == null) {
            jdkClient = HttpClient.newHttpClient();
        }
        HttpClient http = jdkClient;
        java.util.Queue<LeanPost> lean = new java.util.concurrent.ConcurrentLinkedQueue<>();
        ThreadLocal<LeanPost> sender = ThreadLocal.withInitial(() -> {
            LeanPost p = new LeanPost(uri);
            lean.add(p);
            return p;
        });
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        System.gc();
        long base = memory.getHeapMemoryUsage().getUsed();
        java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong(base);
        java.util.concurrent.ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max), 0, 50,
                java.util.concurrent.TimeUnit.MILLISECONDS);
        long t0 = System.nanoTime();
        try {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            runAll(batches, b -> {
                long cpu0 = threads.getCurrentThreadCpuTime();
                int status;
                byte[] body;
                if (http != null) {
                    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(b))
                            .build(), HttpResponse.BodyHandlers.ofByteArray());
                    status = r.statusCode();
                    body = r.body();
                } else {
                    LeanPost.Answer a = sender.get().post(b);
                    status = a.status();
                    body = a.body();
                }
                SENDING_NS.addAndGet(threads.getCurrentThreadCpuTime() - cpu0);
                if (status != 200) {
                    throw new IllegalStateException(status + " " + new String(body, StandardCharsets.UTF_8));
                }
                return true;
            });
        } finally {
            sampler.shutdownNow();
            for (LeanPost p : lean) {
                p.close();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long live = memory.getHeapMemoryUsage().getUsed() - base;
        return new Timed(seconds, base >> 20, (peak.get() - base) >> 20, live >> 20);
    }

    /**
     * One terminal of the benchmark: each day a batch of a till opening and 499 cash payments, its
     * journal, receipt numbers and batch numbers going on from day to day (and from the fill).
     */
    static final class BenchTerminal {
        final String hall;
        final String terminal;
        final KeyPair key = SyncKeys.generate();
        long journalSeq;
        String lastHash = io.counterdesk.persistence.Journal.GENESIS_HASH;
        long batchSeq;
        String previousSha = "";

        BenchTerminal(String hall, String terminal) {
            this.hall = hall;
            this.terminal = terminal;
        }

        byte[] dayBatch(LocalDate day, long till) {
            List<BatchLine> lines = new ArrayList<>(EVENTS);
            String chainPrev = lastHash;
            long first = journalSeq + 1;
            for (int i = 1; i <= EVENTS; i++) {
                long n = ++journalSeq;
                String type = i == 1 ? "TILL_OPENED" : "PAYMENT";
                String subject = i == 1 ? "till:" + till : "account:0001";
                String payload = i == 1 ? "{\"businessDay\":\"" + day + "\",\"floatFen\":50000,\"tillId\":" + till + "}"
                        : MonthFill.payment(n, 1_000 + i, till);
                java.time.Instant at = day.atTime(9, 0).atZone(TestChain.ZONE).toInstant().plusSeconds(i * 60L);
                io.counterdesk.persistence.JournalEvent draft = new io.counterdesk.persistence.JournalEvent(n, at, terminal,
                        "1001", type, subject, payload, lastHash, "");
                io.counterdesk.persistence.JournalEvent e = new io.counterdesk.persistence.JournalEvent(n, at, terminal,
                        "1001", type, subject, payload, lastHash, io.counterdesk.persistence.Journal.hashOf(draft));
                lastHash = e.hash();
                lines.add(new BatchLine(e, day));
            }
            batchSeq++;
            Manifest m = BatchFile.describe(hall, terminal, 1, batchSeq, chainPrev, first, previousSha,
                    day.atTime(18, 0).atZone(TestChain.ZONE).toInstant(), TestChain.ZONE.getId(), 0, lines);
            byte[] bytes = BatchFile.encode(m, lines, key.getPrivate());
            previousSha = BatchFile.sha256(bytes);
            return bytes;
        }

        /** Where {@link MonthFill#positions} left the terminal after {@code lastFilledDay} days. */
        void continueAfterFill(int lastFilledDay) {
            journalSeq = (long) lastFilledDay * EVENTS;
            lastHash = MonthFill.hash(hall, terminal, journalSeq);
            batchSeq = lastFilledDay;
            previousSha = MonthFill.hash(hall, terminal, -lastFilledDay);
        }
    }

    interface Job<T> {
        boolean run(T batch) throws Exception;
    }

    private static <T> void runAll(List<T> batches, Job<T> job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (T b : batches) {
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

    /**
     * CPU time so far, in seconds: {head office's JVM (the HTTP client's threads included), the
     * PostgreSQL server (the postmaster, its live processes, and those that ended, through cutime)}.
     */
    static double[] cpu(PostgresFixture pg) {
        double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        long ticks = 0;
        try {
            long master = pg.pid();
            for (java.nio.file.Path proc : java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("/proc"), "[0-9]*")) {
                String stat;
                try {
                    stat = java.nio.file.Files.readString(proc.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue;
                }
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long pid = Long.parseLong(proc.getFileName().toString());
                long ppid = Long.parseLong(f[1]);
                if (pid == master) {
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                } else if (ppid == master) {
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
        } catch (java.io.IOException e) {
            return new double[] {jvm, Double.NaN, Double.NaN, Double.NaN};
        }
        double[] machine = machine();
        return new double[] {jvm, ticks / 100.0, machine[0], machine[1]};
    }

    /** The machine's idle and steal seconds so far, over all cores ({@code /proc/stat}); NaN where unreadable. */
    private static double[] machine() {
        try {
            String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return new double[] {(Long.parseLong(f[4]) + Long.parseLong(f[5])) / 100.0, Long.parseLong(f[8]) / 100.0};
        } catch (java.io.IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    static String cpuSince(double[] before, PostgresFixture pg) {
        double[] now = cpu(pg);
        return String.format("CPU %.1f s (JVM %.1f + PostgreSQL %.1f); the machine's idle %.1f s, stolen %.1f s",
                now[0] - before[0] + now[1] - before[1], now[0] - before[0], now[1] - before[1], now[2] - before[2],
                now[3] - before[3]);
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip() + " at "
                    + java.time.Instant.now();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
