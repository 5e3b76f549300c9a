package io.counterdesk.bench;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.TestAccounts;
import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.billing.Tariff;
import io.counterdesk.billing.TariffRepository;
import io.counterdesk.billing.TariffTier;
import io.counterdesk.card.CardAccess;
import io.counterdesk.card.CardImage;
import io.counterdesk.card.CardIssueService;
import io.counterdesk.card.CardKeys;
import io.counterdesk.card.CardReaders;
import io.counterdesk.card.CardReading;
import io.counterdesk.card.GasPricing;
import io.counterdesk.card.PcscdDaemon;
import io.counterdesk.card.TopUpService;
import io.counterdesk.card.virtual.SimulatedMeter;
import io.counterdesk.card.virtual.VirtualCard;
import io.counterdesk.card.virtual.VpcdCard;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentService;
import io.counterdesk.payment.VoucherRule;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.DatabaseLocation;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.TerminalRepository;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.security.Role;
import io.counterdesk.shared.Money;
import io.counterdesk.till.TillService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.smartcardio.TerminalFactory;

/**
 * Issue 4 §8: APDUs and time per IC-card top-up through the real pcsc-lite daemon and the
 * vsmartcard vpcd driver, for the SLE4442 profile and the CPU-card profile.
 *
 * <p>Per profile: a fresh H2 terminal database (durable commits, as the app runs), an IC account
 * with the residential tiered tariff, a cashier with an open till and receipt stock; a blank
 * {@link VirtualCard} goes into vpcd's reader and is issued to the account. Then each top-up is
 * what the counter does for a customer: {@link TopUpService#inspect} (read the card, check it,
 * record the meter's write-back) → price → {@link TopUpService#purchase} (payment and pending write
 * committed, card written and read back, write completed). Between top-ups the card is taken out
 * of the reader, the {@link SimulatedMeter} loads the gas and writes its figures back, some gas is
 * used, and the card goes back into the reader; that part is not timed.
 *
 * <p>APDUs are counted on the program's side by {@link ApduTap} (a terminal factory in front of the
 * JDK's PC/SC one, so nothing in the card code changes) and cross-checked against the commands the
 * virtual card answered. Receipts are not printed (no printer); everything else is the app's code.
 *
 * <p>Starts pcscd itself when none runs (as the pcscd tests do); where it cannot run, prints why
 * and exits normally without figures. Options: {@code bench.topups} (100 per profile),
 * {@code bench.topupWarmup} (10), {@code bench.out} (target/bench; writes {@code topup.md}).
 */
public final class TopUpBench {

    private static final byte[] SECRET = "counterdesk-bench-utility-secret".getBytes(StandardCharsets.US_ASCII);
    private static final long VOLUME_M3 = 10;
    private static final Duration CARD_WAIT = Duration.ofSeconds(10);

    private TopUpBench() {
    }

    public static void main(String[] args) throws Exception {
        int topUps = Integer.getInteger("bench.topups", 100);
        int warmup = Integer.getInteger("bench.topupWarmup", 10);
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        String loadBefore = loadAverage();
        try (PcscdDaemon daemon = PcscdDaemon.find()) {
            if (daemon.problem() != null) {
                String skipped = "## IC-card top-up through pcscd + vpcd\n\nSKIPPED: pcscd with vsmartcard-vpcd cannot run here: "
                        + daemon.problem() + "\n";
                System.out.println(skipped);
                write(out, skipped);
                return;
            }
            List<Result> results = run(topUps, warmup);
            String report = report(results, topUps, warmup, daemon.startedHere(), loadBefore, loadAverage());
            System.out.println(report);
            write(out, report);
        }
    }

    /** What one profile's run measured. */
    private record Result(VirtualCard.Kind kind, String profileId, List<ApduTap.Tally> tallies, Samples total,
                          Samples inspect, Samples purchase, Samples write, Samples card, Samples service, ApduTap tap,
                          int cardSideMismatches, long cardSideCommands) {
    }

    /**
     * Both profiles in turn, top-up by top-up: the SLE4442 card in vpcd's first reader, the CPU card
     * in its second, each with its own database and meter, so that both meet the same JVM (warm-up,
     * garbage collection) and the same neighbours.
     */
    private static List<Result> run(int topUps, int warmup) throws Exception {
        CardReaders plain = CardReaders.pcsc();
        List<Lane> lanes = List.of(new Lane(VirtualCard.Kind.SLE4442, PcscdDaemon.READER, VpcdCard.DEFAULT_PORT),
                new Lane(VirtualCard.Kind.CPU, PcscdDaemon.SECOND_READER, VpcdCard.DEFAULT_PORT + 1));
        try {
            for (Lane lane : lanes) {
                lane.issue(plain);
            }
            for (int i = 0; i < warmup + topUps; i++) {
                for (Lane lane : lanes) {
                    lane.topUp(i, i >= warmup);
                }
                // the customers take their cards to their meters, which load the gas, and come back
                for (Lane lane : lanes) {
                    lane.inReader.remove();
                }
                for (Lane lane : lanes) {
                    lane.await(plain, false);
                    lane.meterLoads(i);
                }
                for (Lane lane : lanes) {
                    lane.inReader.insert();
                }
                for (Lane lane : lanes) {
                    lane.await(plain, true);
                }
            }
            List<Result> results = new ArrayList<>();
            for (Lane lane : lanes) {
                results.add(lane.result(warmup + topUps));
            }
            return results;
        } finally {
            for (Lane lane : lanes) {
                lane.close();
            }
        }
    }

    /** One profile: its card in its vpcd reader, its database, its meter, and what it measured. */
    private static final class Lane implements AutoCloseable {
        private final VirtualCard.Kind kind;
        private final String reader;
        private final Path dir;
        private final Database database;
        private final VirtualCard card;
        private final VpcdCard inReader;
        private final Desk desk;
        private final ApduTap tap;
        private final CardAccess access;
        private final Timed timed;
        private final SimulatedMeter meter;
        private final List<ApduTap.Tally> tallies = new ArrayList<>();
        private final Samples total = new Samples("top-up");
        private final Samples inspect = new Samples("inspect");
        private final Samples purchase = new Samples("purchase");
        private final Samples write = new Samples("write");
        private final Samples cardTime = new Samples("card");
        private final Samples service = new Samples("service");
        private int mismatches;
        private long cardCommands;

        Lane(VirtualCard.Kind kind, String reader, int port) throws IOException, NoSuchAlgorithmException {
            this.kind = kind;
            this.reader = reader;
            dir = Files.createTempDirectory("counterdesk-topupbench-");
            database = Database.open(new DatabaseLocation(dir, "bench"), Clock.systemDefaultZone());
            card = kind == VirtualCard.Kind.SLE4442 ? VirtualCard.sle4442() : VirtualCard.cpu();
            inReader = new VpcdCard(card, "127.0.0.1", port);
            desk = new Desk(database);
            tap = new ApduTap(pcscFactory());
            access = CardReaders.of(tap.factory()).access(reader, desk.keys);
            timed = new Timed(access);
            meter = new SimulatedMeter(Desk.METER_NO, desk.keys);
        }

        /** The blank card into the reader, issued to the account. */
        void issue(CardReaders plain) throws InterruptedException {
            inReader.insert();
            await(plain, true);
            desk.issuing.issueFirst(desk.cashier, access, desk.accountId);
        }

        /** One customer's top-up: inspect → price → purchase; measured after the warm-up. */
        void topUp(int i, boolean measured) {
            tap.reset(measured);
            timed.writeNanos = 0;
            int commandsBefore = card.commandCount();
            long start = System.nanoTime();
            TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, timed);
            long inspected = System.nanoTime();
            if (!check.canBuy()) {
                throw new IllegalStateException(kind + " top-up " + i + " refused: " + check.refusalText());
            }
            GasPricing.GasQuote quote = desk.topUps.quoteVolume(check, VOLUME_M3);
            TopUpService.TopUpResult result = desk.topUps.purchase(desk.cashier, timed, check, VOLUME_M3,
                    PaymentInput.cash(quote.amount()));
            long end = System.nanoTime();
            if (!result.written()) {
                throw new IllegalStateException(kind + " top-up " + i + " not written", result.cardError());
            }
            ApduTap.Tally tally = tap.tally();
            tap.reset(false);
            int answered = card.commandCount() - commandsBefore;
            if (measured) {
                tallies.add(tally);
                total.add(end - start);
                inspect.add(inspected - start);
                purchase.add(end - inspected);
                write.add(timed.writeNanos);
                long onCard = tally.apduNanos + tally.callNanos;
                cardTime.add(onCard);
                service.add(end - start - onCard);
                cardCommands += answered;
                mismatches += answered == tally.apduCount() ? 0 : 1;
            }
        }

        /** The card, out of the reader, in the meter: the gas is loaded, three quarters of it used. */
        void meterLoads(int i) {
            SimulatedMeter.Insertion loaded = meter.insert(card);
            if (loaded.outcome() != SimulatedMeter.Outcome.LOADED || loaded.loadedM3() != VOLUME_M3) {
                throw new IllegalStateException("the meter did not load " + kind + " top-up " + i + ": " + loaded);
            }
            meter.use(VOLUME_M3 * 100 * 3 / 4);
        }

        void await(CardReaders plain, boolean present) throws InterruptedException {
            if (!plain.awaitCard(reader, present, CARD_WAIT)) {
                throw new IllegalStateException("pcscd did not see the card " + (present ? "inserted into " : "removed from ")
                        + reader + " within " + CARD_WAIT.toSeconds() + " s");
            }
        }

        Result result(int expectedCount) {
            CardReading last = access.read();
            CardImage image = last.issued();
            if (image.purchaseCount() != expectedCount || !image.loaded()) {
                throw new IllegalStateException("the card does not hold every top-up, loaded: " + image);
            }
            return new Result(kind, last.profileId(), tallies, total, inspect, purchase, write, cardTime, service, tap,
                    mismatches, cardCommands);
        }

        @Override
        public void close() {
            inReader.remove();
            database.close();
            PaymentBench.deleteQuietly(dir);
        }
    }

    /** The card access of the services, with the time its writes take. */
    private static final class Timed implements CardAccess {
        private final CardAccess inner;
        long writeNanos;

        Timed(CardAccess inner) {
            this.inner = inner;
        }

        @Override
        public String readerName() {
            return inner.readerName();
        }

        @Override
        public boolean cardPresent() {
            return inner.cardPresent();
        }

        @Override
        public CardReading read() {
            return inner.read();
        }

        @Override
        public void write(CardImage expected, CardImage next) {
            long start = System.nanoTime();
            try {
                inner.write(expected, next);
            } finally {
                writeNanos += System.nanoTime() - start;
            }
        }
    }

    /** The counter's database and services: one IC account, a cashier with an open till, receipts. */
    private static final class Desk {
        static final String METER_NO = "8000000001";
        final CardKeys keys = new CardKeys(SECRET);
        final Operator cashier;
        final TopUpService topUps;
        final CardIssueService issuing;
        final long accountId;

        Desk(Database database) {
            TerminalIdentity terminal = database.inTransaction(tx -> new TerminalRepository().register(tx, "B01",
                    "基准营业厅", "测试路 1 号", "96777", "B01-T01", "1 号窗口"));
            Journal journal = new Journal(terminal.terminalCode());
            AuthService auth = new AuthService(database, journal, new PasswordHasher(1_000));
            cashier = database.inTransaction(tx -> auth.insertOperator(tx, "system", "1001", "王伟", Role.CASHIER,
                    "demo1001".toCharArray(), false));
            Operator manager = database.inTransaction(tx -> auth.insertOperator(tx, "system", "2001", "张敏",
                    Role.MANAGER, "demo2001".toCharArray(), false));
            ApprovalRecorder approvals = new ApprovalRecorder(journal);
            new ReceiptStockService(database, journal, approvals).register(manager, "1001", ReceiptKind.RECEIPT, 1,
                    99_999);
            new TillService(database, journal, terminal).open(cashier, Money.ofYuan(500));
            accountId = database.inTransaction(tx -> {
                new TariffRepository().insert(tx, new Tariff(0, "RES", "居民生活用气（阶梯）", AccountKind.RESIDENTIAL, null,
                        LocalDate.of(2020, 1, 1), List.of(new TariffTier(1, 300L, Money.parse("2.50")),
                        new TariffTier(2, 600L, Money.parse("3.00")), new TariffTier(3, null, Money.parse("3.75")))));
                return new AccountRepository().insert(tx, TestAccounts.residential(MeterKind.IC, METER_NO));
            });
            PaymentService payments = new PaymentService(database, journal, terminal, approvals, LateFeeRule.DEFAULT,
                    VoucherRule.DEFAULT);
            topUps = new TopUpService(database, journal, approvals, payments,
                    new GasPricing(GasPricing.DEFAULT_MAX_PURCHASE_M3));
            issuing = new CardIssueService(database, journal, approvals, topUps, 3301, 1);
        }
    }

    private static TerminalFactory pcscFactory() throws NoSuchAlgorithmException {
        return TerminalFactory.getInstance(CardReaders.PCSC, null);
    }

    // ---- the report ----

    private static String report(List<Result> results, int topUps, int warmup, boolean startedHere, String loadBefore,
                                 String loadAfter) {
        StringBuilder md = new StringBuilder("## IC-card top-up through pcscd + vpcd\n\n");
        md.append("- run: ").append(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        md.append("- machine: ").append(Report.hardware()).append("; JVM ").append(Report.jvm())
                .append("; load average before ").append(loadBefore).append(", after ").append(loadAfter).append('\n');
        md.append("- ").append(PcscdDaemon.version()).append(" (").append(startedHere ? "started by the bench"
                : "already running").append("), vsmartcard vpcd, virtual card over TCP on 127.0.0.1\n");
        md.append(String.format(Locale.ROOT, "- %d top-ups of %d m³ per profile after %d warm-up top-ups, the two"
                + " profiles taking turns (one card in each of vpcd's readers); the simulated meter loads each before"
                + " the next (not timed); durable H2 commits; no receipt printing%n%n",
                topUps, VOLUME_M3, warmup));

        md.append("APDUs per top-up (inspect + purchase), counted on the program's side; the virtual card answered the"
                + " same number:\n\n");
        md.append("| profile | APDUs | select | read | PSC | update | bytes sent | bytes received | PC/SC calls besides"
                + " APDUs | card answered |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", r.profileId(),
                    range(r, ApduTap.Tally::apduCount), range(r, t -> t.count(ApduTap.Kind.SELECT)),
                    range(r, t -> t.count(ApduTap.Kind.READ)), range(r, t -> t.count(ApduTap.Kind.PSC)),
                    range(r, t -> t.count(ApduTap.Kind.UPDATE)), range(r, t -> (int) t.bytesSent),
                    range(r, t -> (int) t.bytesReceived), calls(r),
                    r.cardSideMismatches() == 0 ? String.format(Locale.ROOT, "%,d = counted", r.cardSideCommands())
                            : r.cardSideMismatches() + " top-ups DIFFER"));
        }
        md.append("\nTime per top-up (ms):\n\n");
        md.append("| profile | part | p50 | p99 | max |\n| --- | --- | ---: | ---: | ---: |\n");
        for (Result r : results) {
            for (Samples s : List.of(r.total(), r.inspect(), r.purchase(), r.write(), r.card(), r.service())) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", r.profileId(), part(s),
                        Samples.ms(s.percentile(0.5)), Samples.ms(s.percentile(0.99)), Samples.ms(s.max())));
            }
        }
        md.append("\nTime per APDU and per PC/SC call, round trip from the program (ms):\n\n");
        md.append("| profile | command | calls | p50 | p99 | max |\n| --- | --- | ---: | ---: | ---: | ---: |\n");
        for (Result r : results) {
            Samples all = new Samples("every APDU");
            for (ApduTap.Kind kind : ApduTap.Kind.values()) {
                Samples s = r.tap().apduTimes(kind);
                all.addAll(s);
                if (s.count() > 0) {
                    md.append(row(r, s));
                }
            }
            md.append(row(r, all));
            for (ApduTap.Call call : ApduTap.Call.values()) {
                Samples s = r.tap().callTimes(call);
                if (s.count() > 0) {
                    md.append(row(r, s));
                }
            }
        }
        return md.toString();
    }

    private static String part(Samples s) {
        return switch (s.name()) {
            case "top-up" -> "**whole top-up**";
            case "inspect" -> "inspect (read + check + meter record)";
            case "purchase" -> "purchase (payment, pending, write, read-back, complete)";
            case "write" -> "of which the card write (check, unlock, update, read-back)";
            case "card" -> "of the whole: PC/SC (APDUs + calls)";
            default -> "of the whole: the rest (database with fsync, rules, journal)";
        };
    }

    private static String row(Result r, Samples s) {
        return String.format(Locale.ROOT, "| %s | %s | %,d | %s | %s | %s |%n", r.profileId(), s.name(), s.count(),
                Samples.ms(s.percentile(0.5)), Samples.ms(s.percentile(0.99)), Samples.ms(s.max()));
    }

    private static String range(Result r, java.util.function.ToIntFunction<ApduTap.Tally> f) {
        int min = r.tallies().stream().mapToInt(f).min().orElse(0);
        int max = r.tallies().stream().mapToInt(f).max().orElse(0);
        return min == max ? Integer.toString(min) : min + "–" + max;
    }

    private static String calls(Result r) {
        List<String> parts = new ArrayList<>();
        for (ApduTap.Call call : ApduTap.Call.values()) {
            parts.add(range(r, t -> t.count(call)) + " " + call.label);
        }
        return String.join(", ", parts);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException | RuntimeException unavailable) {
            return "unknown";
        }
    }

    private static void write(Path out, String report) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("topup.md"), report, StandardCharsets.UTF_8);
    }
}
