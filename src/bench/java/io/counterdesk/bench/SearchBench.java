package io.counterdesk.bench;

import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.AccountService;
import io.counterdesk.account.AccountSummary;
import io.counterdesk.account.NewAccount;
import io.counterdesk.account.SearchGrams;
import io.counterdesk.account.SearchWork;
import io.counterdesk.app.demo.DemoData;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.DatabaseLocation;
import io.counterdesk.persistence.Journal;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.PasswordHasher;
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
 * the database there instead of a temporary one), {@code bench.out}, {@code bench.appClasses},
 * {@code bench.search=false} (cold start only), {@code bench.cds=false} (no AppCDS runs), {@code bench.firstCalls}.
 */
public final class SearchBench {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-16T01:30:00Z"), ZONE);
    static final LocalDate TODAY = LocalDate.now(CLOCK);
    static final String DB_NAME = "bench";
    static final int LOAD_CHUNK = 50_000;
    static final int LOAD_WRITE_DELAY_MS = 1_000;
    /** The demo hall's cashier 1001, logged in on each opening of the database (services take a live session, ADR 0013). */
    private Operator cashier;

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
        boolean searching = !"false".equals(System.getProperty("bench.search")); // false: the cold start only
        report.machine(accountCount, iterations);
        load(location);
        if (Boolean.getBoolean("bench.loadOnly")) {
            return;
        }
        long opening = System.nanoTime();
        try (Database database = Database.open(location, CLOCK)) {
            report.note(String.format(Locale.ROOT, "- first opening for the bench: %.1f s (migrations and compaction, if due)",
                    (System.nanoTime() - opening) / 1e9));
            AccountService service = new AccountService(database, (tx, accountId) -> List.of());
            cashier = login(database);
            AccountRepository repository = new AccountRepository();
            if (searching) {
                exactLookups(database, service, repository);
                partialSearch(service);
            }
        }
        if (searching) {
            firstCalls(location);
            freshFirstCalls(location);
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
                // the demo hall brings its own IC-card accounts besides the loaded ones; the last loaded
                // account must be there too (an interrupted load is not reused)
                long count = database.read(tx -> new AccountRepository().count(tx));
                boolean complete = database.read(tx -> new AccountRepository()
                        .findByAccountNo(tx, DemoData.accountNo(accountCount - 1)).isPresent());
                if (count == accountCount + DemoData.CARD_ACCOUNTS.size() && complete) {
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
        // kinds interleaved, so that each meets the same page cache; a warm-up round first. The service is
        // timed on another account's key than findExact just read, so that it does not find its pages cached.
        for (int pass = 0; pass < 2; pass++) {
            boolean measured = pass == 1;
            for (int n = 0; n < iterations; n++) {
                for (int k = 0; k < kinds.size(); k++) {
                    Kind kind = kinds.get(k);
                    String key = kind.key().apply(random.nextInt(accountCount));
                    String serviceKey = kind.key().apply(random.nextInt(accountCount));
                    long t0 = System.nanoTime();
                    List<AccountSummary> found = database.read(tx -> repository.findExact(tx, key, AccountService.DEFAULT_LIMIT));
                    long t1 = System.nanoTime();
                    List<AccountSummary> viaService = service.search(cashier, serviceKey);
                    long t2 = System.nanoTime();
                    if (found.isEmpty() || viaService.isEmpty()) {
                        throw new IllegalStateException(kind.label() + " " + key + " / " + serviceKey + " not found");
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

    /** A partial-search query and its kind. */
    record Query(Kind kind, String text) {
    }

    /**
     * The kinds of query a cashier types (issue 15 §3): fragments of one account's name or address,
     * which usually fill the 50-row limit and stop early, and the hard ones, which do not: fragments of
     * common characters in an order no account holds, an address's parts swapped, phone tails.
     */
    enum Kind {
        NAME("name, 2–4 characters of an account's"),
        ADDRESS("address, 2–4 characters of an account's"),
        LONG_ADDRESS("address, 5–12 characters of an account's"),
        ONE_CHARACTER("1 character"),
        NO_MATCH("no match: an account's address characters shuffled"),
        SWAPPED("swapped order: 单元 before 幢 (2单元1幢)"),
        PHONE_TAIL("phone tail, 4–6 digits (手机尾号)");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Fragments of common characters that no demo account holds, from the issue. */
    static final List<String> NO_MATCH_EXAMPLES = List.of("元1单", "幢1室", "单元幢", "室1幢", "元幢1", "1室单元");

    private Query randomQuery(SplittableRandom random, Kind kind) {
        NewAccount account = demo(random.nextInt(accountCount));
        String name = account.holder().name();
        String address = account.address().text();
        return switch (kind) {
            case NAME -> new Query(kind, fragment(random, name, 2, 4));
            case ADDRESS -> new Query(kind, fragment(random, address, 2, 4));
            case LONG_ADDRESS -> new Query(kind, fragment(random, address, 5, 12));
            case ONE_CHARACTER -> new Query(kind, fragment(random, random.nextBoolean() ? name : address, 1, 1));
            case NO_MATCH -> new Query(kind, random.nextInt(4) == 0
                    ? NO_MATCH_EXAMPLES.get(random.nextInt(NO_MATCH_EXAMPLES.size())) : shuffled(random, address));
            case SWAPPED -> new Query(kind, account.address().unit().isEmpty()
                    ? account.address().room() + "室" + account.address().building() + "幢"
                    : account.address().unit() + "单元" + account.address().building() + "幢");
            case PHONE_TAIL -> {
                String phone = account.holder().phone();
                yield new Query(kind, phone.substring(phone.length() - 4 - random.nextInt(3)));
            }
        };
    }

    private static String fragment(SplittableRandom random, String source, int shortest, int longest) {
        int length = Math.min(source.length(), shortest + random.nextInt(longest - shortest + 1));
        int at = random.nextInt(source.length() - length + 1);
        return source.substring(at, at + length);
    }

    /** 3–4 characters from the building, unit and room part of an address, in a shuffled order. */
    private static String shuffled(SplittableRandom random, String address) {
        String tail = address.substring(Math.max(0, address.length() - 9));
        int[] chars = tail.codePoints().toArray();
        int length = 3 + random.nextInt(2);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(chars[random.nextInt(chars.length)]);
        }
        return out.toString();
    }

    private void partialSearch(AccountService service) {
        SplittableRandom random = new SplittableRandom(7);
        List<Kind> kinds = List.of(Kind.values());
        for (int n = 0; n < iterations; n++) {
            service.search(cashier, randomQuery(random, kinds.get(n % kinds.size())).text());
        }
        int total = iterations * 2;
        Samples mix = new Samples("partial, all kinds (AccountService.search)");
        List<Samples> byKind = kinds.stream().map(k -> new Samples("partial, " + k.label)).toList();
        int[] empty = new int[kinds.size()];
        int[] full = new int[kinds.size()];
        List<Timed> timed = new ArrayList<>(total);
        for (int n = 0; n < total; n++) {
            Kind kind = kinds.get(random.nextInt(kinds.size()));
            Query query = randomQuery(random, kind);
            SearchWork.reset();
            long t0 = System.nanoTime();
            List<AccountSummary> found = service.search(cashier, query.text());
            long elapsed = System.nanoTime() - t0;
            mix.add(elapsed);
            byKind.get(kind.ordinal()).add(elapsed);
            timed.add(new Timed(elapsed, query, found.size(), SearchWork.last()));
            if (found.isEmpty()) {
                empty[kind.ordinal()]++;
            }
            if (found.size() == AccountService.DEFAULT_LIMIT) {
                full[kind.ordinal()]++;
            }
            check(query, found);
        }
        report.row("partial", mix, PARTIAL_P99_GOAL_MS, "");
        for (Kind kind : kinds) {
            Samples samples = byKind.get(kind.ordinal());
            report.row("partial", samples, PARTIAL_P99_GOAL_MS, String.format(Locale.ROOT,
                    "%d found nothing, %d filled the %d-row limit", empty[kind.ordinal()], full[kind.ordinal()],
                    AccountService.DEFAULT_LIMIT));
        }
        timed.sort(Comparator.comparingLong(Timed::nanos).reversed());
        report.slowest(timed.subList(0, Math.min(10, timed.size())));
        for (Kind kind : kinds) {
            // the worst ten of each kind with what they read (issue 15 §3: where the tail's work is)
            report.slowestOfKind(kind.label, timed.stream().filter(t -> t.query().kind() == kind).limit(10).toList());
        }
        System.out.println("measured partial search");
    }

    /** Every result holds the query (or is an exact, prefix or phone-tail match); fragments of an account find it. */
    private static void check(Query query, List<AccountSummary> found) {
        String q = SearchGrams.normalise(query.text());
        for (AccountSummary s : found) {
            if (!SearchGrams.normalise(s.holderName()).contains(q) && !SearchGrams.normalise(s.address()).contains(q)
                    && !matchesExactly(s, query.text())) {
                throw new IllegalStateException("'" + query.text() + "' found " + s + ", which does not contain it");
            }
        }
        boolean taken = query.kind() == Kind.NAME || query.kind() == Kind.ADDRESS || query.kind() == Kind.LONG_ADDRESS
                || query.kind() == Kind.ONE_CHARACTER;
        if (taken && found.isEmpty()) {
            throw new IllegalStateException("'" + query.text() + "', taken from an existing account, found nothing");
        }
    }

    /**
     * The first query after the database was opened, with nothing of the index in H2's page cache: the
     * database is closed and opened again before each (the JVM stays warm; the operating system's file
     * cache holds the file, as on a counter PC that has opened it before).
     */
    private void firstCalls(DatabaseLocation location) {
        int rounds = Integer.getInteger("bench.firstCalls", 20);
        if (rounds <= 0) {
            return;
        }
        SplittableRandom random = new SplittableRandom(11);
        // as the app (CounterDesk starts AccountService.warmUp in the background while the cashier logs in),
        // and every other round without it: H2's page cache empty at the first search
        Samples first = new Samples("partial, first call after opening, index warmed up as the app does (hard kinds in turn)");
        Samples cold = new Samples("partial, first call after opening, no warm-up (hard kinds in turn)");
        Samples warmUps = new Samples("search warm-up after opening (AccountService.warmUp, in the background in the app)");
        List<Kind> hard = List.of(Kind.NO_MATCH, Kind.SWAPPED, Kind.PHONE_TAIL, Kind.LONG_ADDRESS);
        List<Timed> timed = new ArrayList<>();
        for (int n = 0; n < rounds * 2; n++) {
            int k = n / 2;
            Query query = k < NO_MATCH_EXAMPLES.size() ? new Query(Kind.NO_MATCH, NO_MATCH_EXAMPLES.get(k))
                    : randomQuery(random, hard.get(k % hard.size()));
            boolean warm = n % 2 == 0;
            try (Database database = Database.open(location, CLOCK)) {
                AccountService service = new AccountService(database, (tx, accountId) -> List.of());
                if (warm) {
                    long w = System.nanoTime();
                    service.warmUp();
                    warmUps.add(System.nanoTime() - w);
                }
                cashier = login(database);
                SearchWork.reset();
                long t0 = System.nanoTime();
                List<AccountSummary> found = service.search(cashier, query.text());
                long elapsed = System.nanoTime() - t0;
                (warm ? first : cold).add(elapsed);
                timed.add(new Timed(elapsed, new Query(query.kind(), query.text() + (warm ? "" : " (no warm-up)")), found.size(),
                        SearchWork.last()));
                check(query, found);
            }
        }
        report.row("partial", first, PARTIAL_P99_GOAL_MS, "");
        report.row("partial", cold, PARTIAL_P99_GOAL_MS, "");
        report.row("partial", warmUps, Double.NaN, "");
        timed.sort(Comparator.comparingLong(Timed::nanos).reversed());
        report.slowestFirstCalls(timed.subList(0, Math.min(10, timed.size())));
        System.out.println("measured first calls");
    }

    /** The hardest queries of the kinds that read most (swapped, long fragments, no match, a phone tail). */
    static final List<String> FRESH_QUERIES = List.of("2单元17幢", "1单元10幢", "花花园10幢3单元6", "盛路东方家园22幢", "元1单", "1834");

    /**
     * The first search in a fresh JVM after opening (issue 15 §3): {@link FirstCallChild} per query, with the
     * warm-up as the app runs it while the cashier logs in, and without ({@code bench.freshCalls} rounds
     * of {@link #FRESH_QUERIES}, default 1; 0 skips).
     */
    private void freshFirstCalls(DatabaseLocation location) throws IOException, InterruptedException {
        int rounds = Integer.getInteger("bench.freshCalls", 1);
        if (rounds <= 0) {
            return;
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the window launcher's JIT and JFR options (installer/Packager.java, windowJavaOptions; ADR 0028, 0031): the
        // cashier's first search runs in that JVM. Until issue 15's fifth look the children ran the default tiered JIT.
        // -Dbench.freshJvmArgs= (empty) runs them so again.
        List<String> freshJvmArgs = java.util.Arrays.stream(System.getProperty("bench.freshJvmArgs",
                "-XX:TieredStopAtLevel=1 -XX:-FlightRecorder").strip().split("\\s+")).filter(o -> !o.isEmpty()).toList();
        System.out.println("fresh JVMs' options: " + freshJvmArgs);
        // BENCH_FRESH_BEFORE: class folders put first for a "before" set in the same run (e.g. the branch start's
        // search classes), each child in turn with this build's
        String before = System.getenv().getOrDefault("BENCH_FRESH_BEFORE", "");
        for (String prefix : before.isEmpty() ? List.of("") : List.of(before, "")) {
            String label = (prefix.isEmpty() ? "" : " (before: " + prefix + ")")
                    + (freshJvmArgs.isEmpty() ? " (default JIT)" : " (" + String.join(" ", freshJvmArgs) + ")");
            Samples warm = new Samples("partial, first call in a fresh JVM after opening, warm-up as the app does" + label);
            Samples cold = new Samples("partial, first call in a fresh JVM after opening, no warm-up" + label);
            Samples warmUps = new Samples("search warm-up in a fresh JVM (AccountService.warmUp)" + label);
            List<String> lines = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (String query : FRESH_QUERIES) {
                    for (String mode : List.of("warm", "cold")) {
                        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx4g"));
                        command.addAll(freshJvmArgs);
                        command.addAll(List.of("-Dfile.encoding=UTF-8", "-cp",
                                (prefix.isEmpty() ? "" : prefix + java.io.File.pathSeparator) + System.getProperty("java.class.path"),
                                FirstCallChild.class.getName(), location.directory().toString(), query, mode));
                        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
                        String out = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        child.waitFor();
                        String line = out.lines().filter(l -> l.startsWith("FIRST_CALL ")).findFirst()
                                .orElseThrow(() -> new IllegalStateException("first call child failed: " + out));
                        long nanos = Long.parseLong(line.replaceAll(".*FIRST_CALL ns=(\\d+).*", "$1"));
                        ("warm".equals(mode) ? warm : cold).add(nanos);
                        if ("warm".equals(mode)) {
                            warmUps.add((long) (Double.parseDouble(line.replaceAll(".*warmup_ms=([0-9.]+).*", "$1")) * 1e6));
                        }
                        lines.add(String.format(Locale.ROOT, "- `%s` (%s)%s: %s", query, mode, label,
                                line.substring("FIRST_CALL ".length())));
                    }
                }
            }
            report.row("partial", warm, PARTIAL_P99_GOAL_MS, "");
            report.row("partial", cold, PARTIAL_P99_GOAL_MS, "");
            report.row("partial", warmUps, Double.NaN, "");
            report.freshFirstCalls(lines);
        }
        System.out.println("measured first calls in fresh JVMs");
    }

    private static boolean matchesExactly(AccountSummary s, String query) {
        String key = query.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        return s.accountNo().startsWith(key) || s.phone().equals(key) || s.phone().endsWith(key);
    }

    /** One measured partial query, for the list of the slowest. */
    record Timed(long nanos, Query query, int results, SearchWork work) {
    }

    // ---------------------------------------------------------------- cold start

    private void coldStart(DatabaseLocation location) throws Exception {
        if (coldStarts <= 0) {
            report.coldStart(null, List.of(), List.of(), "not run (bench.coldStarts=0)");
            return;
        }
        Path appClasses = Path.of(System.getProperty("bench.appClasses", "target/classes"));
        Path dependencies = out.resolve("app.classpath");
        if (!Files.exists(dependencies)) {
            report.coldStart(null, List.of(), List.of(), "not run: " + dependencies + " missing (run through `mvn -Pbench verify`)");
            return;
        }
        try (ColdStart launcher = ColdStart.prepare(appClasses, dependencies, location.basePath())) {
            ColdStart.Run first = launcher.runOnce();
            if (!first.ok()) {
                String why = "SKIPPED: the app printed no STARTUP_MS line with -Dcounterdesk.startupProbe=true ("
                        + first.failure() + "). The probe is being added by the UI work; re-run the bench once it is in.";
                System.out.println(why);
                report.coldStart(launcher.platform(), List.of(), List.of(), why);
                return;
            }
            List<ColdStart.Run> runs = new ArrayList<>();
            List<ColdStart.Run> floor = new ArrayList<>();
            pairs(launcher, runs, floor);
            report.coldStart(launcher.platform(), runs, floor, String.format(Locale.ROOT,
                    "first run after the load (not counted): %d ms wall, STARTUP_MS=%d", first.wallMillis(), first.reportedMillis()));
            if (!"false".equals(System.getProperty("bench.cds"))) {
                // as the installed package starts (installer/README.md): with an AppCDS archive of the app's classes
                long making = launcher.useAppCds(appClasses, out.resolve("cds"));
                List<ColdStart.Run> cdsRuns = new ArrayList<>();
                List<ColdStart.Run> cdsFloor = new ArrayList<>();
                pairs(launcher, cdsRuns, cdsFloor);
                report.coldStart("Cold start as installed: AppCDS archive, C1 only (ADR 0028)", launcher.platform(), cdsRuns, cdsFloor,
                        String.format(Locale.ROOT, "archive made in %d ms (jar, class list run, -Xshare:dump); the floor "
                                + "runs with the same archive", making));
            }
            System.out.println("measured cold start");
        }
    }

    /** {@code coldStarts} runs of the app and the floor in turn, so that both meet the same machine load. */
    private void pairs(ColdStart launcher, List<ColdStart.Run> runs, List<ColdStart.Run> floor) throws Exception {
        for (int i = 0; i < coldStarts; i++) {
            ColdStart.Run run = launcher.runOnce();
            ColdStart.Run minimal = launcher.runFloor();
            if (!run.ok() || !minimal.ok()) {
                throw new IllegalStateException("cold start run " + (i + 1) + " failed: "
                        + (run.ok() ? minimal.failure() : run.failure()));
            }
            runs.add(run);
            floor.add(minimal);
        }
    }

    // ---------------------------------------------------------------- helpers

    static Operator login(Database database) {
        DemoData.DemoOperator demo = DemoData.OPERATORS.get(0);
        return new AuthService(database, new Journal(DemoData.TERMINAL_CODE), new PasswordHasher())
                .login(demo.staffNo(), demo.password().toCharArray());
    }

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
