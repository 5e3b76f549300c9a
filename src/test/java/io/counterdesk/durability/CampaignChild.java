package io.counterdesk.durability;

import io.counterdesk.account.Holder;
import io.counterdesk.account.IdType;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.transfer.TransferApplication;
import io.counterdesk.account.transfer.TransferResult;
import io.counterdesk.account.transfer.TransferService;
import io.counterdesk.card.CardAccess;
import io.counterdesk.card.CardKeys;
import io.counterdesk.card.CardReaders;
import io.counterdesk.card.GasPricing;
import io.counterdesk.card.PcscdDaemon;
import io.counterdesk.card.TopUpService;
import io.counterdesk.account.opening.AccountOpeningService;
import io.counterdesk.account.opening.Applications;
import io.counterdesk.account.opening.BuildingType;
import io.counterdesk.account.opening.OpeningResult;
import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.payment.FeeItem;
import io.counterdesk.payment.MoneyTender;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.payment.PaymentService;
import io.counterdesk.payment.TenderKind;
import io.counterdesk.payment.VoucherBatch;
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
import io.counterdesk.security.OperatorRepository;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.servicetime.ServiceTimeService;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import io.counterdesk.till.DayAtTheCounter;
import io.counterdesk.till.DayCloseService;
import io.counterdesk.till.SystemSlip;
import io.counterdesk.till.TillService;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The program under the kill campaign ({@link KillCampaign}): a counter's days of every business that
 * commits — payments in cash, by bank card, by bank slip, with vouchers and mixed, openings, receipt
 * stock registered, deposits, the count and till close, the hall's sign-off — as fast as it can,
 * until it is killed. After each service call has returned it appends one line to the
 * acknowledgement log and fsyncs it: what a cashier would have handed over or told the customer.
 *
 * <p>Its clock continues the hall's time from the last event in the journal (a signed-off day is
 * followed by the next day at 08:30), so a restarted child carries on the same day.
 */
public final class CampaignChild {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 3, 10);
    static final String CASHIER = "1001";
    static final String MANAGER = "2001";
    static final Money FLOAT = Money.ofYuan(500);
    static final int RECEIPTS_PER_ROLL = 300;
    /** The utility's card secret of the campaign's hall (the keys of its IC cards). */
    static final byte[] CARD_SECRET = "counterdesk-kill-campaign-secret".getBytes(StandardCharsets.US_ASCII);
    /** The two holders an account is transferred between. */
    static final List<Holder> NEW_HOLDERS = List.of(
            new Holder("陈静", IdType.RESIDENT_ID, Applications.LEGAL_REP_ID, "13700001111"),
            new Holder("李娜", IdType.RESIDENT_ID, Applications.RESIDENT_ID, "13700002222"));

    /** The hall's clock: a start instant that then moves with real time, and can jump to the next day. */
    static final class HallClock extends Clock {
        private volatile Instant base;
        private volatile long baseNanos;

        HallClock(Instant start) {
            jump(start);
        }

        void jump(Instant to) {
            base = to;
            baseNanos = System.nanoTime();
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return base.plusNanos(System.nanoTime() - baseNanos);
        }
    }

    /** Ends the program normally after this many acknowledgements (the campaign's training run); 0: never. */
    static final int EXIT_AFTER_ACKS = Integer.getInteger("campaign.exitAfterAcks", 0);

    private final FileChannel acks;
    private int acknowledged;
    private final Database database;
    private final HallClock clock;
    private final Random random;
    private final Operator cashier;
    private final Operator manager;
    private final AuthService auth;
    private final PaymentService payments;
    private final ReceiptStockService stock;
    private final TillService tills;
    private final DayCloseService close;
    private final HallSignOffService signOff;
    private final AccountOpeningService openings;
    private final FeeItem dismantling;
    private final TopUpService topUps;
    private final TransferService transfers;
    /** The IC card in the real pcscd reader (held by the campaign, which outlives this program); null: no top-ups. */
    private final CardAccess card;

    private CampaignChild(DatabaseLocation location, Path ackLog, long seed, boolean cards) throws IOException {
        acks = FileChannel.open(ackLog, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        random = new Random(seed);
        clock = new HallClock(Instant.EPOCH);
        database = Database.open(location, clock);
        clock.jump(resumeAt(database));
        TerminalIdentity terminal = database.read(tx -> new TerminalRepository().current(tx)).orElseThrow();
        Journal journal = new Journal(terminal.terminalCode());
        ApprovalRecorder approvals = new ApprovalRecorder(journal);
        auth = new AuthService(database, journal, new PasswordHasher(1_000));
        payments = new PaymentService(database, journal, terminal, approvals, LateFeeRule.DEFAULT, VoucherRule.DEFAULT);
        stock = new ReceiptStockService(database, journal, approvals);
        tills = new TillService(database, journal, terminal);
        close = new DayCloseService(database, journal, terminal);
        signOff = new HallSignOffService(database, journal, new DayReportService(database, terminal));
        ServiceTimeService serviceTimes = new ServiceTimeService(database, journal);
        openings = new AccountOpeningService(database, journal, payments, null, serviceTimes);
        transfers = new TransferService(database, journal, payments, serviceTimes);
        topUps = new TopUpService(database, journal, approvals, payments, new GasPricing(GasPricing.DEFAULT_MAX_PURCHASE_M3));
        card = cards ? CardReaders.pcsc().access(PcscdDaemon.READER, new CardKeys(CARD_SECRET)) : null;
        // services take only a logged-in operator (ADR 0013)
        cashier = auth.login(CASHIER, ("demo" + CASHIER).toCharArray());
        manager = auth.login(MANAGER, ("demo" + MANAGER).toCharArray());
        dismantling = payments.feeCatalogue().stream().filter(f -> f.code().equals("DISMANTLING")).findFirst().orElseThrow();
    }

    /** Where the hall's time goes on: just after the last event, or 08:30 of the day after a signed-off one. */
    static Instant resumeAt(Database database) {
        return database.read(tx -> {
            Instant last = tx.handle().createQuery("SELECT MAX(occurred_at) FROM journal")
                    .mapTo(java.time.OffsetDateTime.class).findOne().map(java.time.OffsetDateTime::toInstant)
                    .orElse(null);
            LocalDate signed = tx.handle().createQuery("SELECT MAX(business_day) FROM day_signoff")
                    .mapTo(LocalDate.class).findOne().orElse(null);
            if (last == null || last.isBefore(FIRST_DAY.atTime(8, 30).atZone(ZONE).toInstant())) {
                return FIRST_DAY.atTime(8, 30).atZone(ZONE).toInstant();
            }
            LocalDate lastDay = LocalDate.ofInstant(last, ZONE);
            if (signed != null && !signed.isBefore(lastDay)) {
                return signed.plusDays(1).atTime(8, 30).atZone(ZONE).toInstant();
            }
            return last.plusMillis(1);
        });
    }

    /**
     * In place of the seed: the child starts ahead of its round and waits, the database and the
     * acknowledgement log untouched, until the campaign writes the seed to its standard input.
     */
    static final String SEED_ON_INPUT = "input";

    /** The campaign's scratch database beside the hall's, only for {@link #warmUp}. */
    static DatabaseLocation warmUpLocation(DatabaseLocation hall) {
        return new DatabaseLocation(hall.directory().resolve("warm-up"), hall.name());
    }

    /**
     * While the child waits for its round: the program's opening of a database (key store, file,
     * pool, schema, secrets, acknowledgement mark) and a password check, run once on the scratch
     * database, so that the code the round's opening runs is loaded and compiled. The hall's file is
     * not touched; its opening after the seed is the program's as before, only warm.
     */
    private static void warmUp(DatabaseLocation scratch) {
        if (java.nio.file.Files.isRegularFile(scratch.dataFile())) {
            Database.open(scratch, new HallClock(FIRST_DAY.atTime(8, 30).atZone(ZONE).toInstant())).close();
        }
        new PasswordHasher(1_000).hash("warm-up".toCharArray());
    }

    public static void main(String[] args) throws IOException {
        DatabaseLocation location = new DatabaseLocation(Path.of(args[0]), args[1]);
        long seed;
        if (args[3].equals(SEED_ON_INPUT)) {
            warmUp(warmUpLocation(location));
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                return; // the campaign ended without this round
            }
            seed = Long.parseLong(line.strip());
        } else {
            seed = Long.parseLong(args[3]);
        }
        new CampaignChild(location, Path.of(args[2]), seed, args.length > 4 && args[4].equals("cards")).run();
    }

    private void ack(String line) {
        try {
            acks.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            acks.force(false);
            System.out.println("ack");
            System.out.flush();
            if (++acknowledged == EXIT_AFTER_ACKS) {
                // the campaign's one training run, whose classes its class-data archive keeps (KillCampaign)
                System.exit(0);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot log an acknowledgement", e);
        }
    }

    private void run() {
        System.out.println("started");
        System.out.flush();
        while (true) {
            LocalDate day = LocalDate.ofInstant(clock.instant(), ZONE);
            if (tills.current(cashier).isEmpty()) {
                if (closedToday(day)) {
                    endDay(day);
                    continue;
                }
                long till = tills.open(cashier, FLOAT).id();
                ack("open " + till + " " + day);
            }
            restock();
            int business = 8 + random.nextInt(25);
            for (int i = 0; i < business; i++) {
                oneBusiness(day);
            }
            closeTill();
            endDay(day);
        }
    }

    private boolean closedToday(LocalDate day) {
        return database.read(tx -> tx.handle().createQuery(
                "SELECT COUNT(*) FROM till_session WHERE business_day = :d AND status <> 'OPEN'")
                .bind("d", day).mapTo(Long.class).one()) > 0;
    }

    /** A roll of receipts (and of check slips) registered when the cashier's runs low. */
    private void restock() {
        for (ReceiptKind kind : List.of(ReceiptKind.RECEIPT, ReceiptKind.CHECK_SLIP)) {
            long left = database.read(tx -> tx.handle().createQuery("""
                    SELECT COALESCE(SUM(last_no - next_no + 1), 0) FROM receipt_stock
                    WHERE kind = :k AND status = 'ACTIVE'""").bind("k", kind.name()).mapTo(Long.class).one());
            if (left < 80) {
                long next = database.read(tx -> tx.handle().createQuery(
                        "SELECT COALESCE(MAX(last_no), 0) + 1 FROM receipt_stock WHERE kind = :k")
                        .bind("k", kind.name()).mapTo(Long.class).one());
                stock.register(manager, CASHIER, kind, next, next + RECEIPTS_PER_ROLL - 1);
                ack("stock " + kind + " " + next + " " + (next + RECEIPTS_PER_ROLL - 1));
            }
        }
    }

    private void oneBusiness(LocalDate day) {
        int kind = random.nextInt(13);
        switch (kind) {
            case 0, 1 -> billAccount().ifPresentOrElse(
                    account -> paid("cash", payments.collect(cashier, account, PaymentInput.cash(Money.ofYuan(2000)))),
                    () -> fee("cash", Money.ofYuan(50), List.of()));
            case 2 -> fee("card", Money.ZERO, List.of(new MoneyTender(TenderKind.BANK_CARD, dismantling.price(),
                    "POS-" + random.nextInt(1_000_000))));
            case 3 -> fee("slip", Money.ZERO, List.of(new MoneyTender(TenderKind.BANK_SLIP, dismantling.price(),
                    "BS-" + uniqueReference())));
            case 4 -> billAccount().ifPresentOrElse(account -> paid("voucher", payments.collect(cashier, account,
                            new PaymentInput(PaymentInput.Bills.ALL, List.of(), Money.ofYuan(2000), List.of(),
                                    List.of(new VoucherBatch(2, Money.ofYuan(5), day.plusDays(30))), Money.ZERO, false,
                                    List.of()))),
                    () -> fee("cash", Money.ofYuan(20), List.of()));
            case 5, 6 -> fee("mix", Money.ofYuan(20), List.of(new MoneyTender(TenderKind.BANK_CARD,
                    Money.ofYuan(5), "POS-" + random.nextInt(1_000_000))));
            case 7 -> {
                OpeningResult opened = openings.open(cashier, Applications.household(BuildingType.MULTI_STOREY,
                        MeterKind.ORDINARY, "KC" + System.nanoTime()), PaymentInput.cash(Money.ofYuan(5000)), null, null);
                opened.payment().ifPresentOrElse(p -> paid("opening", p), () -> ack("opening " + opened.accountId()));
            }
            case 8 -> deposit();
            case 10, 11 -> {
                if (card != null) {
                    topUp();
                } else {
                    fee("cash", Money.ofYuan(100), List.of());
                }
            }
            case 12 -> transfer();
            default -> fee("cash", Money.ofYuan(100), List.of());
        }
    }

    /**
     * An IC top-up through the real pcscd: gas bought onto the card when it may buy (cash, or the exact
     * sum by bank card), else the last purchase still on the card reversed (冲正) with the manager's
     * approval — the meter has not loaded it, so the card may not buy again.
     */
    private void topUp() {
        TopUpService.CardCheck check = topUps.inspect(cashier, card);
        if (check.canBuy()) {
            long m3 = 1 + random.nextInt(30);
            boolean byCard = random.nextBoolean();
            PaymentInput tenders = byCard
                    ? new PaymentInput(PaymentInput.Bills.ALL, List.of(), Money.ZERO, List.of(new MoneyTender(TenderKind.BANK_CARD,
                            topUps.quoteVolume(check, m3).amount(), "POS-" + random.nextInt(1_000_000))), List.of(), Money.ZERO,
                            false, List.of())
                    : PaymentInput.cash(Money.ofYuan(200));
            TopUpService.TopUpResult result = topUps.purchase(cashier, card, check, m3, tenders);
            if (!result.written()) {
                throw new IllegalStateException("the card write failed: " + result.cardError().getMessage(), result.cardError());
            }
            paid(byCard ? "gascard" : "gascash", result.payment());
            ack("gas " + result.purchase().id() + " " + result.purchase().volumeM3() + " " + result.purchase().purchaseNo());
            return;
        }
        var last = topUps.reversible(cashier, check).orElseThrow(() -> new IllegalStateException(
                "the card can neither buy nor be reversed: " + check.refusal() + " " + check.refusalText()));
        PaymentResult refund = topUps.reverse(cashier, card, last.id(), "顾客取消购气",
                auth.authoriseApprover(cashier, MANAGER, ("demo" + MANAGER).toCharArray()));
        paid("gasback", refund);
        ack("gasreversed " + last.id());
    }

    /** An ownership transfer (过户) of a random ordinary account: its arrears paid first, to the other of two holders. */
    private void transfer() {
        String accountNo = database.read(tx -> tx.handle().createQuery("""
                SELECT account_no FROM account WHERE meter_kind = 'ORDINARY' AND status = 'ACTIVE'
                ORDER BY RAND() LIMIT 1""").mapTo(String.class).one());
        TransferService.Standing standing = transfers.standing(cashier, accountNo);
        Holder to = standing.account().holder().idNumber().equals(NEW_HOLDERS.get(0).idNumber())
                ? NEW_HOLDERS.get(1) : NEW_HOLDERS.get(0);
        TransferResult done = transfers.transfer(cashier, standing.account().id(), new TransferApplication(to, null,
                        TransferApplication.required(standing.account().kind(), false)),
                PaymentInput.cash(Money.ofYuan(2000)), null);
        done.arrearsPayment().ifPresent(p -> paid("transfer", p));
        ack("transfer " + done.transferId() + " " + done.accountId() + " " + to.idNumber());
    }

    /**
     * A bank slip's reference: a slip is usable once ever, so two children must never draw the same
     * (random numbers below a million would meet about once in 1,500 slips).
     */
    private static String uniqueReference() {
        return Long.toString(System.currentTimeMillis(), 36).toUpperCase() + Long.toString(System.nanoTime() % 1_000_000, 36)
                .toUpperCase();
    }

    private java.util.Optional<Long> billAccount() {
        return database.read(tx -> tx.handle().createQuery("""
                SELECT MIN(b.account_id) FROM bill b WHERE b.paid_fen < b.amount_fen""").mapTo(Long.class).findOne());
    }

    private void fee(String tender, Money cash, List<MoneyTender> bank) {
        long account = database.read(tx -> tx.handle().createQuery("SELECT MIN(id) FROM account").mapTo(Long.class).one());
        paid(tender, payments.collect(cashier, account, new PaymentInput(PaymentInput.Bills.NONE,
                List.of(new FeeItem.Line(dismantling, 1)), cash, bank, List.of(), Money.ZERO, false, List.of())));
    }

    private void paid(String tender, PaymentResult result) {
        ack("pay " + result.paymentId() + " " + result.plan().totalDue().fen() + " " + result.plan().moneyReceived().fen()
                + " " + result.plan().change().fen() + " " + tender + " "
                + result.receipts().stream().map(r -> r.kind() + ":" + r.number()).collect(Collectors.joining(",")));
    }

    private void deposit() {
        try {
            DayCloseService.DepositMade made = close.deposit(cashier, Money.ofYuan(100));
            ack("deposit " + made.deposit().id() + " " + made.deposit().amount().fen());
        } catch (BusinessException notEnough) {
            // less than 100 yuan of takings in the drawer: nothing to take to the bank yet
        }
    }

    private void closeTill() {
        Set<Long> slips = close.sheet(cashier).slips().stream().map(SystemSlip::postingId).collect(Collectors.toSet());
        DayCloseService.CountResult first = close.count(cashier, DayAtTheCounter.countOf(Money.ZERO), slips);
        DayCloseService.CountResult exact = close.count(cashier, DayAtTheCounter.countOf(first.figures().expectedCash()), slips);
        // the count holds 1 角 at the smallest (issue 6's eight denominations) while change and reversals go to
        // the fen: a drawer a few fen off is explained, as a cashier would
        long till = close.close(cashier, exact.overShort().hasDifference() ? "分币差额，清点只到角" : "").session().id();
        ack("close " + till + " " + exact.figures().expectedCash().fen() + " " + exact.figures().cashIn().fen());
    }

    private void endDay(LocalDate day) {
        boolean signed = database.read(tx -> tx.handle().createQuery("SELECT COUNT(*) FROM day_signoff WHERE business_day = :d")
                .bind("d", day).mapTo(Long.class).one()) > 0;
        if (!signed) {
            clock.jump(day.atTime(LocalTime.of(18, 0)).atZone(ZONE).toInstant());
            signOff.signOff(auth.confirmOperator(MANAGER, ("demo" + MANAGER).toCharArray()), day, "");
            ack("signoff " + day);
        }
        clock.jump(day.plusDays(1).atTime(8, 30).atZone(ZONE).toInstant());
    }
}
