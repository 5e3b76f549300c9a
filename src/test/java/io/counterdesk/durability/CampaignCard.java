package io.counterdesk.durability;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.NewAccount;
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
import io.counterdesk.card.GasPricing;
import io.counterdesk.card.GasPurchase;
import io.counterdesk.card.PcscdDaemon;
import io.counterdesk.card.TopUpService;
import io.counterdesk.card.virtual.SimulatedMeter;
import io.counterdesk.card.virtual.SimulatedReaders;
import io.counterdesk.card.virtual.VirtualCard;
import io.counterdesk.card.virtual.VpcdCard;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.payment.PaymentService;
import io.counterdesk.payment.VoucherRule;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.TerminalRepository;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.shared.Money;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The kill campaign's IC card ({@link KillCampaign}): one IC account of the hall, its card issued at
 * the start and then held by the campaign — not by the child — in vpcd's first reader of the real
 * pcscd, as a card in a reader outlives a killed program. After each kill the campaign does what the
 * cashier does after a restart: the open card writes are resolved from the card (a write the card
 * never got is refunded with the manager's approval), and then card and database must agree: the
 * purchase count, the gas bought in total and the gas not yet loaded, and the money kept equals the
 * gas still sold. Now and then the card goes into the meter, so the next top-up can buy again.
 */
final class CampaignCard implements AutoCloseable {

    static final String ACCOUNT_NO = "8200000001";
    static final String METER_NO = "8000000001";

    /** What a recovery did and found. */
    record Recovery(int resolved, List<String> mismatches) {
    }

    private final Random random;
    private final CardKeys keys = new CardKeys(CampaignChild.CARD_SECRET);
    private final VirtualCard icCard = VirtualCard.sle4442();
    private final SimulatedMeter meter = new SimulatedMeter(METER_NO, keys);
    private CardReaders pcsc;
    private VpcdCard inReader;

    CampaignCard(Random random) {
        this.random = random;
    }

    /** The IC account (residential tiered tariff) and its first card, issued through an in-process reader. */
    void prepare(Database database) {
        long accountId = database.inTransaction(tx -> {
            long tariffs = tx.handle().createQuery("SELECT COUNT(*) FROM tariff WHERE account_kind = 'RESIDENTIAL'")
                    .mapTo(Long.class).one();
            if (tariffs == 0) {
                new TariffRepository().insert(tx, new Tariff(0, "RES", "居民生活用气（阶梯）", AccountKind.RESIDENTIAL, null,
                        LocalDate.of(2020, 1, 1), List.of(new TariffTier(1, 300L, Money.parse("2.50")),
                        new TariffTier(2, 600L, Money.parse("3.00")), new TariffTier(3, null, Money.parse("3.75")))));
            }
            NewAccount base = TestAccounts.residential(MeterKind.IC, METER_NO);
            return new AccountRepository().insert(tx, new NewAccount(ACCOUNT_NO, base.kind(), null, base.meterKind(),
                    base.meterNo(), null, base.address(), base.holder(), base.openedOn()));
        });
        Desk desk = new Desk(database);
        SimulatedReaders readers = new SimulatedReaders().plugIn("发卡读卡器");
        readers.insert("发卡读卡器", icCard);
        desk.issuing.issueFirst(desk.cashier, CardReaders.of(readers.terminalFactory()).access("发卡读卡器", keys), accountId);
        readers.remove("发卡读卡器");
    }

    /** Puts the card into vpcd's first reader and waits until pcscd sees it. */
    void insert() throws InterruptedException {
        if (pcsc == null) {
            pcsc = CardReaders.pcsc();
        }
        inReader = new VpcdCard(icCard);
        inReader.insert();
        if (!pcsc.awaitCard(PcscdDaemon.READER, true, Duration.ofSeconds(20))) {
            throw new IllegalStateException("pcscd did not see the campaign's card in " + PcscdDaemon.READER);
        }
    }

    /**
     * After a kill, on the database just opened: resolves the open card writes from the card (a write
     * the card does not hold is refunded with approval), logs each as acknowledged, and compares card
     * and database. Sometimes the card then goes into the meter.
     */
    Recovery recover(Database database, Path ackLog) throws IOException, InterruptedException {
        Desk desk = new Desk(database);
        CardAccess card = pcsc.access(PcscdDaemon.READER, keys);
        int resolved = 0;
        for (GasPurchase open : desk.topUps.openWrites(desk.cashier)) {
            TopUpService.Resolution resolution = desk.topUps.resolve(desk.cashier, card, open.id());
            if (resolution == TopUpService.Resolution.NOT_WRITTEN) {
                PaymentResult refund = desk.topUps.refund(desk.cashier, card, open.id(), "程序中断，写卡未成，退款",
                        desk.auth.authoriseApprover(desk.cashier, CampaignChild.MANAGER,
                                ("demo" + CampaignChild.MANAGER).toCharArray()));
                appendAck(ackLog, "pay " + refund.paymentId() + " " + refund.plan().totalDue().fen() + " "
                        + refund.plan().moneyReceived().fen() + " " + refund.plan().change().fen() + " gasrefund "
                        + refund.receipts().stream().map(r -> r.kind() + ":" + r.number())
                        .collect(java.util.stream.Collectors.joining(",")));
            }
            appendAck(ackLog, "recovered " + open.id() + " " + resolution);
            resolved++;
        }
        List<String> mismatches = new ArrayList<>();
        if (!desk.topUps.openWrites(desk.cashier).isEmpty()) {
            mismatches.add("open writes left after recovery");
        }
        CardImage image = card.read().issued();
        long account = database.read(tx -> new AccountRepository().findByAccountNo(tx, ACCOUNT_NO)).orElseThrow().id();
        compare(mismatches, "purchase count", image.purchaseCount(), count(database, """
                SELECT COALESCE(MAX(purchase_no), 0) FROM gas_purchase WHERE status <> 'REFUNDED' AND account_id = """ + account));
        compare(mismatches, "m³ bought in total", image.cumulativePurchasedM3(), count(database, """
                SELECT COALESCE(SUM(volume_m3), 0) FROM gas_purchase WHERE status = 'COMPLETED' AND account_id = """ + account));
        if (!image.loaded()) {
            compare(mismatches, "m³ not yet loaded", image.unloadedM3(), count(database, """
                    SELECT COALESCE(SUM(volume_m3), 0) FROM gas_purchase WHERE status = 'COMPLETED' AND account_id = %d
                    AND purchase_no = (SELECT MAX(purchase_no) FROM gas_purchase WHERE status <> 'REFUNDED'
                    AND account_id = %d)""".formatted(account, account)));
        }
        compare(mismatches, "money kept for gas (fen)", count(database, """
                SELECT COALESCE(SUM(total_due_fen), 0) FROM payment WHERE id IN
                (SELECT payment_id FROM gas_purchase WHERE account_id = %d
                 UNION SELECT refund_payment_id FROM gas_purchase WHERE account_id = %d AND refund_payment_id IS NOT NULL)"""
                .formatted(account, account)), count(database, """
                SELECT COALESCE(SUM(amount_fen), 0) FROM gas_purchase WHERE status = 'COMPLETED' AND account_id = """ + account));
        compare(mismatches, "reversals and refunds not paid back", 0, count(database, """
                SELECT COUNT(*) FROM gas_purchase WHERE status IN ('REVERSED', 'REFUNDED') AND refund_payment_id IS NULL"""));
        if (image.unloadedM3() > 0 && random.nextInt(4) == 0) {
            // the customer goes home and puts the card into the meter: the next top-up can buy again
            inReader.close();
            meter.insert(icCard);
            insert();
        }
        return new Recovery(resolved, mismatches);
    }

    private static void compare(List<String> mismatches, String what, long card, long database) {
        if (card != database) {
            mismatches.add(what + ": card " + card + ", database " + database);
        }
    }

    private static long count(Database database, String sql) {
        return database.read(tx -> tx.handle().createQuery(sql).mapTo(Long.class).one());
    }

    /** Appends a line to the acknowledgement log, first cutting off a line the kill left unfinished. */
    static void appendAck(Path ackLog, String line) throws IOException {
        try (FileChannel log = FileChannel.open(ackLog, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long size = log.size();
            if (size > 0) {
                byte[] text = Files.readAllBytes(ackLog);
                int end = text.length;
                while (end > 0 && text[end - 1] != '\n') {
                    end--;
                }
                log.truncate(end);
                size = end;
            }
            log.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)), size);
            log.force(false);
        }
    }

    @Override
    public void close() {
        if (inReader != null) {
            inReader.close();
        }
    }

    /** The services the cashier's recovery uses, over the database just opened, with the cashier logged in. */
    private static final class Desk {
        final AuthService auth;
        final Operator cashier;
        final TopUpService topUps;
        final CardIssueService issuing;

        Desk(Database database) {
            TerminalIdentity terminal = database.read(tx -> new TerminalRepository().current(tx)).orElseThrow();
            Journal journal = new Journal(terminal.terminalCode());
            ApprovalRecorder approvals = new ApprovalRecorder(journal);
            auth = new AuthService(database, journal, new PasswordHasher(1_000));
            PaymentService payments = new PaymentService(database, journal, terminal, approvals, LateFeeRule.DEFAULT,
                    VoucherRule.DEFAULT);
            topUps = new TopUpService(database, journal, approvals, payments, new GasPricing(GasPricing.DEFAULT_MAX_PURCHASE_M3));
            issuing = new CardIssueService(database, journal, approvals, topUps, 3301, 1);
            // services take only a logged-in operator (ADR 0013)
            cashier = auth.login(CampaignChild.CASHIER, ("demo" + CampaignChild.CASHIER).toCharArray());
        }
    }
}
