package io.counterdesk.durability;

import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.NewAccount;
import io.counterdesk.account.TestAccounts;
import io.counterdesk.billing.BillRepository;
import io.counterdesk.card.PcscdDaemon;
import io.counterdesk.persistence.AckMark;
import io.counterdesk.persistence.ChainReport;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.DatabaseLocation;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.TerminalRepository;
import io.counterdesk.report.DayCheck;
import io.counterdesk.report.DayReportService;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.security.Role;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import io.counterdesk.till.DayCloseRepository;
import io.counterdesk.till.Deposit;
import io.counterdesk.till.TillFigures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The kill campaign of issue 13 §1 (ADR 0011): {@link CampaignChild} does a hall's business on a real
 * H2 file and is killed with SIGKILL at a random moment, again and again; after every kill the file
 * is opened as the program opens it (which checks the acknowledgement mark) and everything the child
 * acknowledged must be there: each payment with its amounts and receipt numbers, no receipt number
 * given to two payments, every till opened and closed, deposit, receipt roll and sign-off, every
 * signed-off day tying with its journal (DayCheck), the journal chain intact.
 *
 * <p>Each round the child is killed after a random number (0–39) of acknowledgements and then a
 * random wait (0–400 ms in the long campaign): inside a service call, between the commit and its
 * mark, while the acknowledgement is written, during start-up or a compaction at opening.
 *
 * <p>Run by {@code KillCampaignTest} (a short campaign in the suite) and, for ≥ 1,000 kills, by
 * {@link #main} ({@code scripts/kill-campaign.sh}).
 */
public final class KillCampaign {

    /** What a campaign found. The goal is zero of every failure count. */
    public record Figures(int kills, long acknowledged, long payments, long lostOps, long duplicateReceipts,
                          long moneyDifferenceFen, long dayCheckFailures, long chainBreaks, long detectedByMark,
                          long daysSignedOff, long cardChecks, long cardMismatches, long openWritesResolved,
                          Map<String, Long> byKind, List<String> problems) {

        public boolean clean() {
            return lostOps == 0 && duplicateReceipts == 0 && moneyDifferenceFen == 0 && dayCheckFailures == 0
                    && chainBreaks == 0 && detectedByMark == 0 && cardMismatches == 0 && problems.isEmpty();
        }

        @Override
        public String toString() {
            return String.format("kills=%d acknowledged=%d payments=%d lost=%d duplicateReceipts=%d moneyDifferenceFen=%d"
                            + " dayCheckFailures=%d chainBreaks=%d refusedByMark=%d daysSignedOff=%d cardChecks=%d"
                            + " cardMismatches=%d openWritesResolved=%d byKind=%s problems=%s",
                    kills, acknowledged, payments, lostOps, duplicateReceipts, moneyDifferenceFen, dayCheckFailures,
                    chainBreaks, detectedByMark, daysSignedOff, cardChecks, cardMismatches, openWritesResolved, byKind,
                    problems.size() > 5 ? problems.subList(0, 5) : problems);
        }
    }

    /** The child acknowledges a random number below this before the random moment of its kill. */
    static final int MAX_ACKS_BEFORE_KILL = 40;

    private final DatabaseLocation location;
    private final Path ackLog;
    private final Random random;
    private final long minDelayMillis;
    private final long maxDelayMillis;
    private final PrintStream progress;

    private int checkedLines;
    private String childClassPath;
    private long startNanos;
    private long checkNanos;
    private long totalNanos;
    private long acknowledged;
    private long payments;
    private long lost;
    private long duplicates;
    private long moneyDifference;
    private long dayCheckFailures;
    private long chainBreaks;
    private long refusedByMark;
    private long daysSignedOff;
    private long cardChecks;
    private long cardMismatches;
    private long openWritesResolved;
    /** The IC card of the campaign's IC account, in the real pcscd reader (null: no top-ups). */
    private final CampaignCard card;
    private final Map<String, Long> byKind = new java.util.TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    public KillCampaign(Path directory, long seed, long minDelayMillis, long maxDelayMillis, PrintStream progress) {
        this(directory, seed, minDelayMillis, maxDelayMillis, progress, false);
    }

    /**
     * @param cards whether the child also buys and reverses gas on an IC card through the real pcscd
     *              (the card is answered by this program, behind vpcd, so it survives the child's kills)
     */
    public KillCampaign(Path directory, long seed, long minDelayMillis, long maxDelayMillis, PrintStream progress,
                        boolean cards) {
        this.location = new DatabaseLocation(directory, "campaign");
        this.ackLog = directory.resolve("acknowledged.log");
        this.random = new Random(seed);
        this.minDelayMillis = minDelayMillis;
        this.maxDelayMillis = maxDelayMillis;
        this.progress = progress;
        this.card = cards ? new CampaignCard(random) : null;
    }

    /** A terminal with a cashier (1001) and a manager (2001) and {@code accounts} accounts owing one bill each. */
    public void prepare(int accounts) {
        // the hall's clock: the morning of the campaign's first day (the child carries on from there)
        Clock morning = Clock.fixed(CampaignChild.FIRST_DAY.atTime(8, 0).atZone(CampaignChild.ZONE).toInstant(),
                CampaignChild.ZONE);
        try (Database database = Database.open(location, morning)) {
            database.inTransaction(tx -> {
                TerminalIdentity t = new TerminalRepository().register(tx, "HZ98", "压力测试营业厅", "杭州市测试路 2 号",
                        "96777", "HZ98-T01", "1 号窗口");
                AuthService auth = new AuthService(database, new Journal(t.terminalCode()), new PasswordHasher(1_000));
                auth.insertOperator(tx, "system", CampaignChild.CASHIER, "王伟", Role.CASHIER, "demo1001".toCharArray(), false);
                auth.insertOperator(tx, "system", CampaignChild.MANAGER, "张敏", Role.MANAGER, "demo2001".toCharArray(), false);
                return t;
            });
            database.inTransaction(tx -> {
                List<NewAccount> news = new ArrayList<>();
                for (int i = 1; i <= accounts; i++) {
                    String accountNo = String.format("81000%05d", i);
                    NewAccount base = TestAccounts.residential(MeterKind.ORDINARY, "M" + accountNo);
                    news.add(new NewAccount(accountNo, base.kind(), null, base.meterKind(), base.meterNo(), null,
                            base.address(), base.holder(), base.openedOn()));
                }
                List<Long> ids = new AccountRepository().insertAll(tx, news);
                new BillRepository().insertAll(tx, ids.stream().map(id -> new BillRepository.NewBill(id,
                        YearMonth.of(2025, 2), 1000, 1010, 10, Money.parse("29.00"), LocalDate.of(2025, 2, 28),
                        Money.ZERO)).toList());
                return null;
            });
            if (card != null) {
                card.prepare(database);
            }
        }
    }

    /** {@code kills} rounds of start, random wait, SIGKILL, reopen and check. */
    public Figures run(int kills) throws IOException, InterruptedException {
        try {
            return runKills(kills);
        } finally {
            if (card != null) {
                card.close();
            }
        }
    }

    private Figures runKills(int kills) throws IOException, InterruptedException {
        if (card != null) {
            card.insert();
        }
        trainChildren();
        // the next child's JVM starts while this one works (it waits, the file untouched, until it is told to
        // go, after the check of the kill before), so its start is not on the campaign's critical path
        // made once: the database the waiting children open to warm up (CampaignChild.warmUp)
        Database.open(CampaignChild.warmUpLocation(location), Clock.systemUTC()).close();
        Waiting next = startWaiting(1);
        try {
            for (int kill = 1; kill <= kills; kill++) {
                Waiting waiting = next;
                next = null;
                Process child = waiting.process();
                long begun = System.nanoTime();
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    waiting.go(random.nextLong());
                    String first = out.readLine();
                    startNanos += System.nanoTime() - begun;
                    if (!"started".equals(first)) {
                        child.waitFor(10, TimeUnit.SECONDS);
                        String err = Files.readString(waiting.err());
                        if (err.contains("durability.") || err.contains("BusinessException")) {
                            problems.add("kill " + kill + ": the child could not start: " + lastLines(err));
                        }
                        throw new IllegalStateException("the campaign child did not start: " + lastLines(err));
                    }
                    if (kill < kills) {
                        next = startWaiting(kill + 1);
                    }
                    // the kill lands in the middle of the business: after a random number of acknowledgements
                    // (so a slow start on a busy machine does not eat the window), then a random moment
                    int acksBeforeKill = random.nextInt(MAX_ACKS_BEFORE_KILL);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                    for (int seen = 0; seen < acksBeforeKill && System.nanoTime() < deadline; seen++) {
                        if (out.readLine() == null) {
                            break;
                        }
                    }
                    Thread.sleep(minDelayMillis + (long) (random.nextDouble() * (maxDelayMillis - minDelayMillis)));
                } finally {
                    child.destroyForcibly();
                    child.waitFor(30, TimeUnit.SECONDS);
                }
                if (child.exitValue() != 137 && child.exitValue() != 9) {
                    problems.add("kill " + kill + ": the child ended by itself (" + child.exitValue() + "): "
                            + lastLines(Files.readString(waiting.err())));
                }
                long checking = System.nanoTime();
                checkAfterKill(kill);
                checkNanos += System.nanoTime() - checking;
                totalNanos += System.nanoTime() - begun;
                if (progress != null && (kill % 25 == 0 || kill == kills)) {
                    progress.println("after kill " + kill + ": " + figures(kill) + String.format(
                            " | per kill: %.2f s (child told to go to its first line %.2f s, check and recovery %.2f s)",
                            totalNanos / 1e9 / kill, startNanos / 1e9 / kill, checkNanos / 1e9 / kill));
                    progress.flush();
                }
            }
        } finally {
            if (next != null) {
                next.process().destroyForcibly();
                next.process().waitFor(30, TimeUnit.SECONDS);
            }
        }
        checkEverything();
        return figures(kills);
    }

    /** A child JVM started ahead, waiting for its seed on its standard input before it opens the file. */
    private record Waiting(Process process, Path err) {
        void go(long seed) {
            try {
                process.getOutputStream().write((seed + "\n").getBytes(StandardCharsets.UTF_8));
                process.getOutputStream().flush();
            } catch (IOException endedWhileWaiting) {
                // its standard output ends without "started": the round reports the child's error
            }
        }
    }

    private Waiting startWaiting(int kill) throws IOException {
        // two children are alive at once (one working, the next waiting): each its own error file
        Path err = location.directory().resolve("child-" + (kill % 2) + ".err");
        return new Waiting(start(List.of(), CampaignChild.SEED_ON_INPUT, err), err);
    }

    private Figures figures(int kills) {
        return new Figures(kills, acknowledged, payments, lost, duplicates, moneyDifference, dayCheckFailures,
                chainBreaks, refusedByMark, daysSignedOff, cardChecks, cardMismatches, openWritesResolved,
                Map.copyOf(byKind), List.copyOf(problems));
    }

    /** The exception's own lines (its type and message, and its causes') and the last four lines of the trace. */
    static String lastLines(String text) {
        String[] lines = text.strip().split("\n");
        java.util.List<String> kept = new java.util.ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0)) || line.strip().startsWith("Caused by:")) {
                kept.add(line.strip());
            }
        }
        kept.addAll(java.util.Arrays.asList(java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 4), lines.length)));
        return String.join(" | ", kept.stream().distinct().toList());
    }

    private Process start(List<String> jvmOptions) throws IOException {
        return start(jvmOptions, Long.toString(random.nextLong()), location.directory().resolve("child.err"));
    }

    private Process start(List<String> jvmOptions, String seed, Path err) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--add-opens", "java.smartcardio/sun.security.smartcardio=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        if (Files.isRegularFile(classArchive())) {
            command.add("-XX:SharedArchiveFile=" + classArchive());
        }
        command.addAll(List.of("-cp", childClassPath(), CampaignChild.class.getName(),
                location.directory().toString(), location.name(), ackLog.toString(), seed,
                card != null ? "cards" : "nocards"));
        return new ProcessBuilder(command).redirectError(err.toFile()).start();
    }

    private Path classArchive() {
        return location.directory().resolve("child-classes.jsa");
    }

    /**
     * The child's class path: this program's, with its class folders packed into jars once (a
     * class-data archive takes only jars). A child then starts in about two thirds of the CPU time.
     */
    private String childClassPath() throws IOException {
        if (childClassPath == null) {
            List<String> entries = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path folder = Path.of(entry);
                if (Files.isDirectory(folder)) {
                    Path jar = location.directory().resolve("classes-" + entries.size() + ".jar");
                    pack(folder, jar);
                    entries.add(jar.toString());
                } else {
                    entries.add(entry);
                }
            }
            childClassPath = String.join(java.io.File.pathSeparator, entries);
        }
        return childClassPath;
    }

    private static void pack(Path folder, Path jar) throws IOException {
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             java.util.stream.Stream<Path> files = Files.walk(folder)) {
            // folders too: a class loader finds a folder of resources in a jar (Flyway's db/migration) by its entry
            for (Path file : (Iterable<Path>) files.filter(f -> !f.equals(folder)).sorted()::iterator) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                boolean isFolder = Files.isDirectory(file);
                out.putNextEntry(new java.util.jar.JarEntry(isFolder ? name + "/" : name));
                if (!isFolder) {
                    Files.copy(file, out);
                }
                out.closeEntry();
            }
        }
    }

    /**
     * One child run that ends by itself after some business, recording the classes it loaded in a
     * class-data archive the killed children then start from; its business is checked like a round's.
     * Without the archive (the JVM could not write it) the children start without one.
     */
    private void trainChildren() throws IOException, InterruptedException {
        Process training = start(List.of("-XX:ArchiveClassesAtExit=" + classArchive(), "-Dcampaign.exitAfterAcks=20"));
        training.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (!training.waitFor(5, TimeUnit.MINUTES) || training.exitValue() != 0) {
            training.destroyForcibly();
            problems.add("the training run of the child failed (" + (training.isAlive() ? "time-out" : training.exitValue())
                    + "): " + lastLines(Files.readString(location.directory().resolve("child.err"))));
        }
        checkAfterKill(0);
    }

    private List<String> ackLines() throws IOException {
        if (!Files.exists(ackLog)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(ackLog, StandardCharsets.UTF_8));
        // a line the kill cut short was never acknowledged (its fsync had not returned)
        if (!lines.isEmpty() && !Files.readString(ackLog).endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Opens the file as the program does, then checks the acknowledgements logged since the last kill. */
    private void checkAfterKill(int kill) throws IOException, InterruptedException {
        List<String> lines = ackLines();
        Database database;
        CampaignChild.HallClock clock = new CampaignChild.HallClock(java.time.Instant.EPOCH);
        try {
            database = Database.open(location, clock);
            clock.jump(CampaignChild.resumeAt(database));
        } catch (BusinessException refused) {
            refusedByMark++;
            problems.add("kill " + kill + ": opening refused: " + refused.getMessage());
            throw new IllegalStateException("kill " + kill + ": the database lost acknowledged commits: "
                    + refused.getMessage() + " (kept in " + location.directory() + ")");
        }
        try (database) {
            check(database, lines.subList(checkedLines, lines.size()), "kill " + kill, true);
            if (card != null) {
                // the cashier's recovery after a restart: open card writes resolved from the card, then
                // card and database must agree (purchase count, gas on the card)
                CampaignCard.Recovery recovery = card.recover(database, ackLog);
                openWritesResolved += recovery.resolved();
                cardChecks++;
                if (!recovery.mismatches().isEmpty()) {
                    cardMismatches++;
                    problems.add("kill " + kill + ": card and database disagree: " + recovery.mismatches());
                }
            }
            ChainReport chain = database.read(Journal::verify);
            if (!chain.isIntact()) {
                chainBreaks++;
                problems.add("kill " + kill + ": journal " + chain.problem());
            }
            AckMark.Verdict verdict = database.ackMarkVerdict();
            if (verdict.refusesBusiness()) {
                problems.add("kill " + kill + ": mark " + verdict.describe());
            }
        }
        acknowledged += lines.size() - checkedLines;
        checkedLines = lines.size();
    }

    /** At the end: every acknowledgement of the whole campaign once more, and no receipt number twice. */
    private void checkEverything() throws IOException {
        try (Database database = Database.open(location, Clock.system(CampaignChild.ZONE))) {
            long lostBefore = lost;
            long paymentsBefore = payments;
            long daysBefore = daysSignedOff;
            check(database, ackLines(), "final", false);
            payments = paymentsBefore;
            daysSignedOff = daysBefore;
            if (lost != lostBefore) {
                problems.add("final check found " + (lost - lostBefore) + " acknowledged operations missing");
            }
            long twice = database.read(tx -> tx.handle().createQuery("""
                    SELECT COUNT(*) FROM (SELECT kind, number FROM receipt GROUP BY kind, number HAVING COUNT(*) > 1)""")
                    .mapTo(Long.class).one());
            duplicates += twice;
        }
    }

    private void check(Database database, List<String> lines, String when, boolean firstTime) {
        DayCheck dayCheck = new DayCheck(database, new DayReportService(database,
                database.read(tx -> new TerminalRepository().current(tx)).orElseThrow()));
        Map<String, Long> receiptOwner = new HashMap<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            if (firstTime) {
                byKind.merge(f[0] + (f[0].equals("pay") ? ":" + f[5] : ""), 1L, Long::sum);
            }
            boolean present = switch (f[0]) {
                case "pay" -> checkPayment(database, f, receiptOwner, when);
                case "open" -> count(database, "SELECT COUNT(*) FROM till_session WHERE id = " + f[1]) == 1;
                case "close" -> closedWithItsFigures(database, f, when);
                case "deposit" -> count(database, "SELECT COUNT(*) FROM till_deposit WHERE id = " + f[1]
                        + " AND amount_fen = " + f[2]) == 1;
                case "stock" -> count(database, "SELECT COUNT(*) FROM receipt_stock WHERE kind = '" + f[1]
                        + "' AND first_no = " + f[2] + " AND last_no = " + f[3]) == 1;
                case "signoff" -> {
                    boolean signed = count(database, "SELECT COUNT(*) FROM day_signoff WHERE business_day = DATE '" + f[1] + "'") == 1;
                    DayCheck.Result result = firstTime ? dayCheck.check(LocalDate.parse(f[1])) : null;
                    if (result != null && !result.ties()) {
                        dayCheckFailures++;
                        problems.add(when + ": day " + f[1] + " does not tie: " + result.differences());
                    }
                    daysSignedOff++;
                    yield signed;
                }
                case "opening" -> count(database, "SELECT COUNT(*) FROM account WHERE id = " + f[1]) == 1;
                case "gas" -> count(database, "SELECT COUNT(*) FROM gas_purchase WHERE id = " + f[1] + " AND volume_m3 = "
                        + f[2] + " AND purchase_no = " + f[3] + " AND status IN ('COMPLETED', 'REVERSING', 'REVERSED')") == 1;
                case "gasreversed" -> count(database, "SELECT COUNT(*) FROM gas_purchase WHERE id = " + f[1]
                        + " AND status = 'REVERSED' AND refund_payment_id IS NOT NULL") == 1;
                case "recovered" -> count(database, "SELECT COUNT(*) FROM gas_purchase WHERE id = " + f[1]
                        + " AND status IN ('COMPLETED', 'REVERSED', 'REFUNDED')") == 1;
                case "transfer" -> count(database, "SELECT COUNT(*) FROM account_transfer t JOIN holder_period p"
                        + " ON p.id = t.new_period_id WHERE t.id = " + f[1] + " AND t.account_id = " + f[2]
                        + " AND p.id_number = '" + f[3] + "'") == 1;
                default -> {
                    problems.add(when + ": unknown acknowledgement " + line);
                    yield true;
                }
            };
            // (a purchase acknowledged and then killed during its reversal is REVERSING until the recovery)
            if (!present) {
                lost++;
                problems.add(when + ": acknowledged but missing: " + line);
            }
        }
    }

    /** The till is closed, and its figures now are the ones acknowledged at its close (expected cash, cash in). */
    private boolean closedWithItsFigures(Database database, String[] f, String when) {
        long till = Long.parseLong(f[1]);
        if (count(database, "SELECT COUNT(*) FROM till_session WHERE status <> 'OPEN' AND id = " + till) != 1) {
            return false;
        }
        TillFigures now = database.read(tx -> {
            DayCloseRepository closes = new DayCloseRepository();
            Money opening = Money.ofFen(tx.handle().createQuery("SELECT float_fen FROM till_session WHERE id = :t")
                    .bind("t", till).mapTo(Long.class).one());
            return TillFigures.of(opening, closes.cashMovements(tx, till),
                    closes.deposits(tx, till).stream().map(Deposit::amount).toList());
        });
        long difference = Math.abs(now.expectedCash().fen() - Long.parseLong(f[2]))
                + Math.abs(now.cashIn().fen() - Long.parseLong(f[3]));
        if (difference != 0) {
            moneyDifference += difference;
            problems.add(when + ": till " + till + " closed on expected cash " + f[2] + " and cash in " + f[3]
                    + " but now " + now.expectedCash().fen() + " and " + now.cashIn().fen());
        }
        return true;
    }

    private boolean checkPayment(Database database, String[] f, Map<String, Long> receiptOwner, String when) {
        long id = Long.parseLong(f[1]);
        payments++;
        Long total = database.read(tx -> tx.handle().createQuery("SELECT total_due_fen FROM payment WHERE id = :id")
                .bind("id", id).mapTo(Long.class).findOne().orElse(null));
        if (total == null) {
            return false;
        }
        if (total != Long.parseLong(f[2])) {
            moneyDifference += Math.abs(total - Long.parseLong(f[2]));
            problems.add(when + ": payment " + id + " total " + total + " but acknowledged " + f[2]);
        }
        if (f.length > 6) {
            for (String receipt : f[6].split(",")) {
                String[] kn = receipt.split(":");
                Long owner = database.read(tx -> tx.handle().createQuery(
                        "SELECT MIN(payment_id) FROM receipt WHERE kind = :k AND number = :n")
                        .bind("k", kn[0]).bind("n", Long.parseLong(kn[1])).mapTo(Long.class).findOne().orElse(null));
                Long before = receiptOwner.put(receipt, id);
                if (owner == null || owner != id || (before != null && before != id)) {
                    duplicates++;
                    problems.add(when + ": receipt " + receipt + " acknowledged for payment " + id + " belongs to " + owner
                            + (before != null && before != id ? " and was acknowledged for " + before : ""));
                }
            }
        }
        return true;
    }

    private static long count(Database database, String sql) {
        return database.read(tx -> tx.handle().createQuery(sql).mapTo(Long.class).one());
    }

    /** {@code KillCampaign <directory> <kills> [seed] [cards|nocards]}: prepares a new hall there and runs the campaign. */
    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        Files.createDirectories(directory);
        int kills = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime();
        boolean cards = args.length <= 3 || !args[3].equals("nocards");
        // the real pcscd with the vpcd readers, found or started (and then stopped at the end)
        PcscdDaemon pcscd = cards ? PcscdDaemon.find() : null;
        if (pcscd != null && pcscd.problem() != null) {
            System.out.println("RESULT not run: " + pcscd.problem());
            System.exit(2);
        }
        KillCampaign campaign = new KillCampaign(directory, seed, 0, 400, System.out, cards);
        campaign.prepare(5_000);
        long started = System.nanoTime();
        Figures figures;
        try {
            figures = campaign.run(kills);
        } finally {
            if (pcscd != null) {
                pcscd.close();
            }
        }
        System.out.println("RESULT " + figures + " seconds=" + (System.nanoTime() - started) / 1_000_000_000L
                + " seed=" + seed);
        System.exit(figures.clean() ? 0 : 1);
    }
}
