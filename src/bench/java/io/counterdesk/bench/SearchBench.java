package io.counterdesk.bench;

import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.AccountService;
import io.counterdesk.account.AccountSummary;
import io.counterdesk.account.NewAccount;
import io.counterdesk.account.SearchGrams;
import io.counterdesk.app.demo.DemoData;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.DatabaseLocation;
import io.counterdesk.security.Operator;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.security.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * The customer-lookup benchmark of issue 2: loads {@code bench.accounts} demo accounts (default
 * 1,000,000) into an H2 file, then measures p50/p99/max of exact lookups and of partial name/address
 * search, and the app's cold start to the login screen. Prints a table and writes
 * {@code target/bench/results.md}. Run it with {@code mvn -Pbench verify} (see docs/benchmarks.md).
 *
 * <p>System properties: {@code bench.accounts}, {@code bench.iterations} (measured calls per kind,
 * after as many warm-up calls), {@code bench.coldStarts} (0 skips), {@code bench.dir} (keep and reuse
 * the database there instead of a temporary one), {@code bench.out}, {@code bench.appClasses}.
 */
public final class SearchBench {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-16T01:30:00Z"), ZONE);
    static final LocalDate TODAY = LocalDate.now(CLOCK);
    static final String DB_NAME = "bench";
    static final int LOAD_CHUNK = 50_000;
    static final int LOAD_WRITE_DELAY_MS = 1_000;
    static final Operator CASHIER = new Operator(1, "1001", "王伟", Role.CASHIER, true, false, 0, null);

    /** Goals of issue 2, in milliseconds. */
    static final double EXACT_P99_GOAL_MS = 1.0;
    static final double PARTIAL_P99_GOAL_MS = 50.0;
    static final double COLD_START_GOAL_MS = 1_500.0;

    private final int accountCount;
    private final int iterations;
    private final int coldStarts;
    private final Path out;
    private final Report report = new Report();

    private SearchBench(int accountCount, int iterations, int coldStarts, Path out) {
        this.accountCount = accountCount;
        this.iterations = iterations;
        this.coldStarts = coldStarts;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int accounts = Integer.getInteger("bench.accounts", 1_000_000);
        int iterations = Integer.getInteger("bench.iterations", 2_000);
        int coldStarts = Integer.getInteger("bench.coldStarts", 5);
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        String keep = System.getProperty("bench.dir", "").strip();
        Path dir = keep.isEmpty() ? Files.createTempDirectory("counterdesk-bench") : Path.of(keep).toAbsolutePath();
        long started = System.nanoTime();
        try {
            new SearchBench(accounts, iterations, coldStarts, out).run(new DatabaseLocation(dir, DB_NAME));
        } finally {
            if (keep.isEmpty()) {
                deleteTree(dir);
            }
        }
        System.out.printf(Locale.ROOT, "bench finished in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private void run(DatabaseLocation location) throws Exception {
        report.machine(accountCount, iterations);
        load(location);
        try (Database database = Database.open(location, CLOCK)) {
            AccountService service = new AccountService(database, (tx, accountId) -> List.of());
            AccountRepository repository = new AccountRepository();
            exactLookups(database, service, repository);
            partialSearch(service);
        }
        coldStart(location);
        Files.createDirectories(out);
        Path results = out.resolve("results.md");
        Files.writeString(results, report.markdown());
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("written to " + results.toAbsolutePath());
    }

    // ---------------------------------------------------------------- load

    private void load(DatabaseLocation location) throws IOException {
        if (Files.exists(location.dataFile())) {
            try (Database database = Database.open(location, CLOCK, false)) {
                long count = database.read(tx -> new AccountRepository().count(tx));
                if (count == accountCount) {
                    report.load("reused " + location.dataFile(), -1, Files.size(location.dataFile()));
                    System.out.println("reusing " + location.dataFile() + " with " + count + " accounts");
                    return;
                }
            } catch (RuntimeException unusable) {
                System.out.println("existing database not reusable (" + unusable.getMessage() + "), loading anew");
            }
            try (Stream<Path> files = Files.list(location.directory())) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith(DB_NAME + ".")).toList()) {
                    Files.delete(f);
                }
            }
        }
        System.out.printf("loading %,d demo accounts into %s …%n", accountCount, location.dataFile());
        long started = System.nanoTime();
        try (Database database = Database.open(location, CLOCK, false)) {
            // Bulk load: no fsync per commit (open(..., false)), and H2 may buffer commits for up to a second
            // instead of writing each one at once (the URL's WRITE_DELAY=0): far fewer rewritten pages. The
            // URL restores WRITE_DELAY=0 at the next open; database.sync() below puts everything on disk.
            database.jdbi().useHandle(handle -> handle.execute("SET WRITE_DELAY " + LOAD_WRITE_DELAY_MS));
            // the demo hall, operators and tariffs (its journal event counts 0 accounts), then the accounts
            // with their bills in chunks, to show progress
            new DemoData(new PasswordHasher()).load(database, 0);
            for (int from = 0; from < accountCount; from += LOAD_CHUNK) {
                DemoData.loadAccounts(database, from, Math.min(LOAD_CHUNK, accountCount - from), TODAY);
                System.out.printf(Locale.ROOT, "  %,d accounts, %.0f s%n", Math.min(accountCount, from + LOAD_CHUNK),
                        (System.nanoTime() - started) / 1e9);
            }
            database.sync();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long size = Files.size(location.dataFile());
        System.out.printf(Locale.ROOT, "loaded in %.1f s, %,d bytes%n", millis / 1000.0, size);
        report.load("fresh", millis, size);
    }

    // ---------------------------------------------------------------- exact

    private void exactLookups(Database database, AccountService service, AccountRepository repository) {
        SplittableRandom random = new SplittableRandom(42);
        record Kind(String label, IntFunction<String> key) {
        }
        List<Kind> kinds = List.of(
                new Kind("account no.", i -> DemoData.accountNo(i)),
                new Kind("card serial", i -> icAccount(i).cardSerial()),
                new Kind("phone", i -> demo(i).holder().phone()),
                new Kind("ID number", i -> demo(i).holder().idNumber()),
                new Kind("meter no.", i -> demo(i).meterNo()));
        Samples allRepository = new Samples("exact, all kinds (findExact)");
        Samples allService = new Samples("exact, all kinds (AccountService.search)");
        List<Samples> repo = kinds.stream().map(k -> new Samples(k.label() + " (findExact)")).toList();
        List<Samples> svc = kinds.stream().map(k -> new Samples(k.label() + " (AccountService.search)")).toList();
        // kinds interleaved, so that each meets the same page cache; a warm-up round first
        for (int pass = 0; pass < 2; pass++) {
            boolean measured = pass == 1;
            for (int n = 0; n < iterations; n++) {
                for (int k = 0; k < kinds.size(); k++) {
                    Kind kind = kinds.get(k);
                    String key = kind.key().apply(random.nextInt(accountCount));
                    long t0 = System.nanoTime();
                    List<AccountSummary> found = database.read(tx -> repository.findExact(tx, key, AccountService.DEFAULT_LIMIT));
                    long t1 = System.nanoTime();
                    List<AccountSummary> viaService = service.search(CASHIER, key);
                    long t2 = System.nanoTime();
                    if (found.isEmpty() || viaService.isEmpty()) {
                        throw new IllegalStateException(kind.label() + " " + key + " not found");
                    }
                    if (measured) {
                        repo.get(k).add(t1 - t0);
                        svc.get(k).add(t2 - t1);
                    }
                }
            }
        }
        for (int k = 0; k < kinds.size(); k++) {
            report.row("exact", repo.get(k), EXACT_P99_GOAL_MS, "");
            report.row("exact", svc.get(k), EXACT_P99_GOAL_MS, "");
            allRepository.addAll(repo.get(k));
            allService.addAll(svc.get(k));
        }
        System.out.println("measured exact lookups");
        report.row("exact", allRepository, EXACT_P99_GOAL_MS, "");
        report.row("exact", allService, EXACT_P99_GOAL_MS, "");
    }

    private NewAccount icAccount(int index) {
        for (int i = index; ; i = (i + 1) % accountCount) {
            NewAccount account = demo(i);
            if (account.cardSerial() != null) {
                return account;
            }
        }
    }

    private static NewAccount demo(int index) {
        return DemoData.account(index, TODAY);
    }

    // ---------------------------------------------------------------- partial

    /** A partial-search query and where it came from. */
    record Query(String category, String text) {
    }

    private Query randomQuery(SplittableRandom random) {
        NewAccount account = demo(random.nextInt(accountCount));
        int pick = random.nextInt(100);
        if (pick < 10) {
            String source = random.nextBoolean() ? account.holder().name() : account.address().text();
            int at = random.nextInt(source.length());
            return new Query("1 character", source.substring(at, at + 1));
        }
        boolean name = pick < 55;
        String source = name ? account.holder().name() : account.address().text();
        int length = Math.min(source.length(), 2 + random.nextInt(3));
        int at = random.nextInt(source.length() - length + 1);
        return new Query(name ? "name, 2–4 characters" : "address, 2–4 characters", source.substring(at, at + length));
    }

    private void partialSearch(AccountService service) {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < iterations; n++) {
            service.search(CASHIER, randomQuery(random).text());
        }
        int total = iterations * 2;
        Samples mix = new Samples("partial, query mix (AccountService.search)");
        List<String> categories = List.of("name, 2–4 characters", "address, 2–4 characters", "1 character");
        List<Samples> byCategory = categories.stream().map(c -> new Samples("partial, " + c)).toList();
        List<Timed> timed = new ArrayList<>(total);
        int empty = 0;
        int full = 0;
        for (int n = 0; n < total; n++) {
            Query query = randomQuery(random);
            long t0 = System.nanoTime();
            List<AccountSummary> found = service.search(CASHIER, query.text());
            long elapsed = System.nanoTime() - t0;
            mix.add(elapsed);
            byCategory.get(categories.indexOf(query.category())).add(elapsed);
            timed.add(new Timed(elapsed, query, found.size()));
            if (found.isEmpty()) {
                empty++;
            }
            if (found.size() == AccountService.DEFAULT_LIMIT) {
                full++;
            }
            String q = SearchGrams.normalise(query.text());
            for (AccountSummary s : found) {
                if (!SearchGrams.normalise(s.holderName()).contains(q) && !SearchGrams.normalise(s.address()).contains(q)
                        && !matchesExactly(s, query.text())) {
                    throw new IllegalStateException("'" + query.text() + "' found " + s + ", which does not contain it");
                }
            }
        }
        if (empty > 0) {
            throw new IllegalStateException(empty + " partial queries taken from existing accounts found nothing");
        }
        report.row("partial", mix, PARTIAL_P99_GOAL_MS,
                String.format(Locale.ROOT, "%d of %d queries filled the %d-row limit", full, total, AccountService.DEFAULT_LIMIT));
        for (Samples s : byCategory) {
            report.row("partial", s, PARTIAL_P99_GOAL_MS, "");
        }
        timed.sort(Comparator.comparingLong(Timed::nanos).reversed());
        report.slowest(timed.subList(0, Math.min(10, timed.size())));
        System.out.println("measured partial search");
    }

    private static boolean matchesExactly(AccountSummary s, String query) {
        String key = query.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        return s.accountNo().startsWith(key) || s.phone().equals(key);
    }

    /** One measured partial query, for the list of the slowest. */
    record Timed(long nanos, Query query, int results) {
    }

    // ---------------------------------------------------------------- cold start

    private void coldStart(DatabaseLocation location) throws Exception {
        if (coldStarts <= 0) {
            report.coldStart(null, List.of(), "not run (bench.coldStarts=0)");
            return;
        }
        Path appClasses = Path.of(System.getProperty("bench.appClasses", "target/classes"));
        Path dependencies = out.resolve("app.classpath");
        if (!Files.exists(dependencies)) {
            report.coldStart(null, List.of(), "not run: " + dependencies + " missing (run through `mvn -Pbench verify`)");
            return;
        }
        try (ColdStart launcher = ColdStart.prepare(appClasses, dependencies, location.basePath())) {
            ColdStart.Run first = launcher.runOnce();
            if (!first.ok()) {
                String why = "SKIPPED: the app printed no STARTUP_MS line with -Dcounterdesk.startupProbe=true ("
                        + first.failure() + "). The probe is being added by the UI work; re-run the bench once it is in.";
                System.out.println(why);
                report.coldStart(launcher.platform(), List.of(), why);
                return;
            }
            List<ColdStart.Run> runs = new ArrayList<>();
            for (int i = 0; i < coldStarts; i++) {
                ColdStart.Run run = launcher.runOnce();
                if (!run.ok()) {
                    throw new IllegalStateException("cold start run " + (i + 1) + " failed: " + run.failure());
                }
                runs.add(run);
            }
            report.coldStart(launcher.platform(), runs, String.format(Locale.ROOT,
                    "first run after the load (not counted): %d ms wall, STARTUP_MS=%d", first.wallMillis(), first.reportedMillis()));
            System.out.println("measured cold start");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static <T> String join(List<T> items, Function<T, String> f) {
        return String.join(", ", items.stream().map(f).toList());
    }
}
