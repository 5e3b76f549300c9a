package io.counterdesk.durability;

import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.payment.FeeItem;
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
import io.counterdesk.report.DayReportService;
import io.counterdesk.report.HallSignOffService;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.shared.Money;
import io.counterdesk.till.DayAtTheCounter;
import io.counterdesk.till.DayCloseService;
import io.counterdesk.till.TillService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * How the database file grows with the hall's business and what compaction at opening does to it
 * (issue 13 §1, ADR 0011; figures in docs/benchmarks.md, "Durability"). Each simulated day: the
 * program opens the file (as at the morning start: the acknowledgement mark checked, the file
 * compacted when due), the till is opened, {@code perDay} cash payments are taken, the till is
 * counted and closed, the day signed off, and the program ends without a clean close
 * ({@code SHUTDOWN IMMEDIATELY}, as a power cut or kill would), so H2 does not compact on closing.
 *
 * <p>Commits are not fsynced ({@code syncEachCommit=false}): the file grows the same (every commit
 * still writes its chunk at the end, {@code WRITE_DELAY=0}), only faster to simulate.
 *
 * <p>{@code FileGrowth <dir> <days> <perDay> <compact: true|false> [sync: false|true]} prints one line a day;
 * {@code sync=true} fsyncs every commit as the counter does, to check the fast simulation against it.
 */
public final class FileGrowth {

    private FileGrowth() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int days = Integer.parseInt(args[1]);
        int perDay = Integer.parseInt(args[2]);
        boolean compact = Boolean.parseBoolean(args[3]);
        boolean sync = args.length > 4 && Boolean.parseBoolean(args[4]);
        Files.createDirectories(directory);
        KillCampaign setup = new KillCampaign(directory, 1, 0, 0, null);
        setup.prepare(2_000);
        DatabaseLocation location = new DatabaseLocation(directory, "campaign");
        CampaignChild.HallClock clock = new CampaignChild.HallClock(
                CampaignChild.FIRST_DAY.atTime(8, 30).atZone(CampaignChild.ZONE).toInstant());
        long receipt = 1;
        long largest = 0;
        int compactions = 0;
        long started = System.nanoTime();
        for (int day = 0; day < days; day++) {
            LocalDate date = CampaignChild.FIRST_DAY.plusDays(day);
            clock.jump(date.atTime(8, 30).atZone(CampaignChild.ZONE).toInstant());
            long before = Files.size(location.dataFile());
            long openStarted = System.nanoTime();
            Database database = compact ? Database.open(location, clock, sync) : openWithoutCompaction(location, clock, sync);
            long openMillis = (System.nanoTime() - openStarted) / 1_000_000;
            long afterOpen = Files.size(location.dataFile());
            if (afterOpen < before) {
                compactions++;
            }
            TerminalIdentity terminal = database.read(tx -> new TerminalRepository().current(tx)).orElseThrow();
            Journal journal = new Journal(terminal.terminalCode());
            ApprovalRecorder approvals = new ApprovalRecorder(journal);
            PaymentService payments = new PaymentService(database, journal, terminal, approvals, LateFeeRule.DEFAULT,
                    VoucherRule.DEFAULT);
            ReceiptStockService stock = new ReceiptStockService(database, journal, approvals);
            TillService tills = new TillService(database, journal, terminal);
            DayCloseService close = new DayCloseService(database, journal, terminal);
            HallSignOffService signOff = new HallSignOffService(database, journal, new DayReportService(database, terminal));
            AuthService auth = new AuthService(database, journal, new PasswordHasher(1_000));
            // services take only a logged-in operator (ADR 0013)
            Operator cashier = auth.login(CampaignChild.CASHIER, ("demo" + CampaignChild.CASHIER).toCharArray());
            Operator manager = auth.login(CampaignChild.MANAGER, ("demo" + CampaignChild.MANAGER).toCharArray());
            FeeItem fee = payments.feeCatalogue().stream().filter(f -> f.code().equals("DISMANTLING")).findFirst().orElseThrow();
            long accountId = database.read(tx -> tx.handle().createQuery("SELECT MIN(id) FROM account").mapTo(Long.class).one());

            stock.register(manager, CampaignChild.CASHIER, ReceiptKind.RECEIPT, receipt, receipt + perDay - 1);
            receipt += perDay;
            tills.open(cashier, CampaignChild.FLOAT);
            for (int i = 0; i < perDay; i++) {
                payments.collect(cashier, accountId, new PaymentInput(PaymentInput.Bills.NONE,
                        List.of(new FeeItem.Line(fee, 1)), Money.ofYuan(50), List.of(), List.of(), Money.ZERO, false, List.of()));
            }
            DayCloseService.CountResult first = close.count(cashier, DayAtTheCounter.countOf(Money.ZERO), Set.of());
            close.count(cashier, DayAtTheCounter.countOf(first.figures().expectedCash()), Set.of());
            close.close(cashier, "");
            clock.jump(date.atTime(LocalTime.of(18, 0)).atZone(CampaignChild.ZONE).toInstant());
            signOff.signOff(auth.confirmOperator(CampaignChild.MANAGER, "demo2001".toCharArray()), date, "");
            database.sync();
            long live = database.storeInfo("info.FILE_SIZE") * database.storeInfo("info.CHUNKS_FILL_RATE") / 100;
            long end = Files.size(location.dataFile());
            largest = Math.max(largest, end);
            // ends as a kill or a power cut would: no compaction on closing
            try {
                database.jdbi().useHandle(h -> h.execute("SHUTDOWN IMMEDIATELY"));
            } catch (RuntimeException shutDown) {
                // H2 closes the session under the statement
            }
            try {
                database.close();
            } catch (RuntimeException alreadyShut) {
                // the pool finds its connections closed by the shutdown
            }
            System.out.printf("day %d: file at start %d, after opening %d (open %d ms), at end %d bytes;"
                            + " live about %d; growth %d bytes/payment%n",
                    day + 1, before, afterOpen, openMillis, end, live, (end - afterOpen) / perDay);
            System.out.flush();
        }
        long end = Files.size(location.dataFile());
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf("RESULT days=%d perDay=%d compact=%b file=%d bytes seconds=%d largest=%d compactions=%d%n", days,
                perDay, compact, end, seconds, largest, compactions);
        // the live data: the same file compacted once more (H2's SHUTDOWN COMPACT on a copy)
        Path copy = directory.resolve("live");
        Files.createDirectories(copy);
        for (String suffix : List.of(".mv.db", ".keys", ".ackmark")) {
            Path from = directory.resolve("campaign" + suffix);
            if (Files.exists(from)) {
                Files.copy(from, copy.resolve("campaign" + suffix), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        DatabaseLocation live = new DatabaseLocation(copy, "campaign");
        Database forced = Database.open(live, clock, false);
        forced.jdbi().useHandle(h -> {
            try {
                h.execute("SHUTDOWN COMPACT");
            } catch (RuntimeException shutDown) {
                // H2 closes the session under the statement
            }
        });
        try {
            forced.close();
        } catch (RuntimeException alreadyShut) {
            // the pool finds its connections closed by the shutdown
        }
        long payments = (long) days * perDay;
        System.out.printf("LIVE file=%d bytes compacted=%d bytes (%.2f KB a payment over %d payments)%n", end,
                Files.size(live.dataFile()), Files.size(live.dataFile()) / 1024.0 / payments, payments);
    }

    /** The program as it was before compaction at opening: a plain open, for the comparison. */
    private static Database openWithoutCompaction(DatabaseLocation location, java.time.Clock clock, boolean sync) {
        System.setProperty("counterdesk.compaction", "off");
        return Database.open(location, clock, sync);
    }
}
