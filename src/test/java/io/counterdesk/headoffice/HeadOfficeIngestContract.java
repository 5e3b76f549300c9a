package io.counterdesk.headoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.sync.Ack;
import io.counterdesk.sync.BatchFile;
import io.counterdesk.sync.SyncKeys;
import io.counterdesk.shared.Money;
import io.counterdesk.sync.TestChain;
import java.security.KeyPair;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Head office's acceptance rules, the same on every store (H2 in PostgreSQL mode and a real
 * PostgreSQL): a batch is taken once, in order, signed by its enrolled terminal, continuing its
 * chain, its manifest true; anything else is refused, stored nowhere but the alarms.
 */
abstract class HeadOfficeIngestContract {

    static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    HeadOfficeStore store;
    HeadOffice headOffice;
    final KeyPair headOfficeKey = SyncKeys.generate();
    TestChain t1;

    abstract HeadOfficeStore openStore() throws Exception;

    @BeforeEach
    void startHeadOffice() throws Exception {
        store = openStore();
        headOffice = new HeadOffice(store, headOfficeKey, Clock.systemUTC());
        t1 = enrolled("HZ01", "HZ01-T01");
    }

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
    }

    TestChain enrolled(String hall, String terminal) throws Exception {
        TestChain chain = new TestChain(hall, terminal, DAY);
        String token = headOffice.addTerminal(hall, terminal);
        assertThat(headOffice.enrol(hall, terminal, token, SyncKeys.publicText(chain.key.getPublic()))).isTrue();
        return chain;
    }

    @Test
    void batchesInOrderAreTakenWithTheirEventsAndTheTillsFigures() throws Exception {
        byte[] first = t1.open(1).pay(1, 10_000).nextBatch();
        byte[] second = t1.pay(1, 2_550).nextBatch();
        Outcome a = headOffice.accept(first);
        Outcome b = headOffice.accept(second);
        assertThat(a.isAccepted()).as(a.message()).isTrue();
        assertThat(b.isAccepted()).as(b.message()).isTrue();
        Ack ack = Ack.verify(b.ack(), headOfficeKey.getPublic());
        assertThat(ack.seq()).isEqualTo(2);
        assertThat(ack.batchSha256()).isEqualTo(BatchFile.sha256(second));
        assertThat(headOffice.count("ho_event")).isEqualTo(3);
        assertThat(headOffice.count("ho_batch")).isEqualTo(2);
        assertThat(headOffice.tillFigures("HZ01", "HZ01-T01", DAY, 1))
                .containsEntry("cashIn", "125.50").containsEntry("float", "500.00").containsEntry("expectedCash", "625.50")
                .containsEntry("receiptNumbers", "2").containsEntry("business.GAS_BILL", "125.50");
        assertThat(headOffice.alarms()).isEmpty();
        assertThat(headOffice.checkReceipt("HZ01", "RECEIPT", 3)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("paidFen", 2_550L).containsEntry("voided", false));
        assertThat(headOffice.checkReceipt("HZ01", "RECEIPT", 99)).isEmpty();
    }

    @Test
    void theSameBatchAgainGetsTheStoredAcknowledgementAndCountsOnce() throws Exception {
        byte[] batch = t1.open(1).pay(1, 10_000).nextBatch();
        Outcome first = headOffice.accept(batch);
        Outcome again = headOffice.accept(batch);
        assertThat(again.isAccepted()).isTrue();
        assertThat(again.ack()).isEqualTo(first.ack());
        assertThat(headOffice.count("ho_event")).isEqualTo(2);
        assertThat(headOffice.tillFigures("HZ01", "HZ01-T01", DAY, 1)).containsEntry("cashIn", "100.00");
    }

    @Test
    void theSameBatchFromTwoThreadsAtOnceIsStoredOnceAndBothGetOneAcknowledgement() throws Exception {
        byte[] batch = t1.open(1).pay(1, 10_000).pay(1, 500).nextBatch();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Outcome> send = () -> headOffice.accept(batch);
            List<Future<Outcome>> all = pool.invokeAll(List.of(send, send, send, send));
            byte[] ack = all.get(0).get().ack();
            for (Future<Outcome> f : all) {
                assertThat(f.get().isAccepted()).as(f.get().message()).isTrue();
                assertThat(f.get().ack()).isEqualTo(ack);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(headOffice.count("ho_event")).isEqualTo(3);
        assertThat(headOffice.count("ho_batch")).isEqualTo(1);
        assertThat(headOffice.tillFigures("HZ01", "HZ01-T01", DAY, 1)).containsEntry("cashIn", "105.00");
    }

    @Test
    void theSameKeyWithOtherBytesIsAForkRefusedAndAlarmed() throws Exception {
        TestChain twin = new TestChain("HZ01", "HZ01-T01", DAY);
        byte[] original = t1.open(1).pay(1, 10_000).nextBatch();
        assertThat(headOffice.accept(original).isAccepted()).isTrue();
        // the same terminal's key, the same (epoch, seq), another history
        byte[] other = twin.open(1).pay(1, 99_900).nextBatch(t1.key);
        Outcome o = headOffice.accept(other);
        assertThat(o.refusal()).isEqualTo(Outcome.Refusal.FORK);
        assertThat(headOffice.alarms()).extracting(a -> a[2]).containsExactly("FORK");
        assertThat(headOffice.count("ho_event")).isEqualTo(2);
        assertThat(headOffice.tillFigures("HZ01", "HZ01-T01", DAY, 1)).containsEntry("cashIn", "100.00");
    }

    @Test
    void aGapIsRefusedWithTheExpectedNumberAndTheBatchesThenTakenInOrder() throws Exception {
        byte[] first = t1.open(1).pay(1, 100).nextBatch();
        byte[] second = t1.pay(1, 200).nextBatch();
        byte[] third = t1.pay(1, 300).nextBatch();
        Outcome early = headOffice.accept(third);
        assertThat(early.refusal()).isEqualTo(Outcome.Refusal.GAP);
        assertThat(early.expectedSeq()).isEqualTo(1);
        assertThat(headOffice.accept(first).isAccepted()).isTrue();
        assertThat(headOffice.accept(third).expectedSeq()).isEqualTo(2);
        assertThat(headOffice.accept(second).isAccepted()).isTrue();
        assertThat(headOffice.accept(third).isAccepted()).isTrue();
        assertThat(headOffice.count("ho_event")).isEqualTo(4);
        assertThat(headOffice.tillFigures("HZ01", "HZ01-T01", DAY, 1)).containsEntry("cashIn", "6.00");
    }

    @Test
    void aChangedByteAnywhereIsRefusedStoredNowhereAndAlarmed() throws Exception {
        byte[] batch = t1.open(1).pay(1, 10_000).nextBatch();
        int[] positions = {3, 8, 40, batch.length / 2, batch.length - 70, batch.length - 1};
        for (int i : positions) {
            byte[] bad = batch.clone();
            bad[i] ^= 0x20;
            Outcome o = headOffice.accept(bad);
            assertThat(o.isAccepted()).as("byte %d", i).isFalse();
        }
        assertThat(headOffice.count("ho_event")).isZero();
        assertThat(headOffice.count("ho_batch")).isZero();
        assertThat(headOffice.alarms()).hasSize(positions.length);
        assertThat(headOffice.accept(batch).isAccepted()).isTrue();
    }

    @Test
    void anotherTerminalsKeyAndAnUnknownTerminalAreRefused() throws Exception {
        TestChain t2 = enrolled("HZ01", "HZ01-T02");
        byte[] signedByT2 = t1.open(1).pay(1, 100).nextBatch(t2.key);
        assertThat(headOffice.accept(signedByT2).refusal()).isEqualTo(Outcome.Refusal.BAD_SIGNATURE);
        byte[] stranger = new TestChain("HZ77", "HZ77-T01", DAY).open(1).nextBatch();
        assertThat(headOffice.accept(stranger).refusal()).isEqualTo(Outcome.Refusal.UNKNOWN_TERMINAL);
        assertThat(headOffice.count("ho_event")).isZero();
        assertThat(headOffice.alarms()).extracting(a -> a[2]).containsExactlyInAnyOrder("BAD_SIGNATURE", "UNKNOWN_TERMINAL");
    }

    @Test
    void aNewEpochIsTakenFromSeqOneAndTheOldEpochIsThenRefused() throws Exception {
        assertThat(headOffice.accept(t1.open(1).pay(1, 100).nextBatch()).isAccepted()).isTrue();
        byte[] lateOld = t1.pay(1, 200).nextBatch();
        t1.newEpoch();
        // the restored terminal's first batch of epoch 2 continues the chain where epoch 1's last accepted batch ended
        TestChain restored = t1;
        assertThat(headOffice.accept(lateOld).isAccepted()).isTrue();
        byte[] epoch2 = restored.pay(1, 300).nextBatch();
        Outcome accepted = headOffice.accept(epoch2);
        assertThat(accepted.isAccepted()).as(accepted.message()).isTrue();
        Outcome o = headOffice.accept(oldEpochReplay());
        assertThat(o.refusal()).isEqualTo(Outcome.Refusal.OLD_EPOCH);
        assertThat(headOffice.alarms()).extracting(a -> a[2]).containsExactly("OLD_EPOCH");
        assertThat(headOffice.tillFigures("HZ01", "HZ01-T01", DAY, 1)).containsEntry("cashIn", "6.00");
    }

    /** A batch of epoch 1 with a seq never sent (3): refused because the terminal is at epoch 2. */
    private byte[] oldEpochReplay() {
        TestChain replay = new TestChain("HZ01", "HZ01-T01", DAY);
        replay.open(1).nextBatch(t1.key);
        replay.pay(1, 1).nextBatch(t1.key);
        return replay.pay(1, 2).nextBatch(t1.key);
    }

    @Test
    void aTerminalRestoredFromAnOlderBackupIsTakenInItsNewEpochAndWhatItLostStaysCounted() throws Exception {
        // head office holds 1..7: a till opened, 6 payments (100, 101 … 105 yuan), in two batches
        t1.open(1);
        for (int i = 0; i < 3; i++) {
            t1.pay(1, 10_000 + 100 * i);
        }
        assertThat(headOffice.accept(t1.nextBatch()).isAccepted()).isTrue();
        for (int i = 3; i < 6; i++) {
            t1.pay(1, 10_000 + 100 * i);
        }
        assertThat(headOffice.accept(t1.nextBatch()).isAccepted()).isTrue();
        // restored from a backup with batch 1 sent and one payment after it (event 5, the same one head office has)
        t1.restoredFromBackup(1, 5);
        t1.pay(1, 77_700).pay(1, 88_800); // events 6 and 7 again, other business, receipt numbers 6 and 7 again
        Outcome restored = headOffice.accept(t1.nextBatch());

        assertThat(restored.isAccepted()).as(restored.message()).isTrue();
        assertThat(Ack.verify(restored.ack(), headOfficeKey.getPublic())).satisfies(a -> {
            assertThat(a.epoch()).isEqualTo(2);
            assertThat(a.seq()).isEqualTo(1);
        });
        // event 5 is held once; 6 and 7 of epoch 1 stay (the money was taken), 6' and 7' are added
        assertThat(headOffice.count("ho_event")).isEqualTo(9);
        assertThat(headOffice.tillFigures("HZ01", "HZ01-T01", DAY, 1)).containsEntry("cashIn",
                Money.ofFen(10_000 + 10_100 + 10_200 + 10_300 + 10_400 + 10_500 + 77_700 + 88_800).toPlainString());
        assertThat(headOffice.alarms()).singleElement().satisfies(a -> {
            assertThat(a[2]).isEqualTo("RESTORED");
            assertThat(a[3]).startsWith("终端从备份恢复：第 2 纪元从日志第 ")
                    .contains("；第 1 纪元的日志第 6–7 条已不在终端上，仍照收到的计入")
                    .endsWith("；重复开出的票号：RECEIPT 6, RECEIPT 7");
        });
        assertThat(headOffice.checkReceipt("HZ01", "RECEIPT", 6)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("paidFen", 10_400L));
        // and the terminal goes on in its new epoch; the old epoch is refused
        assertThat(headOffice.accept(t1.pay(1, 100).nextBatch()).isAccepted()).isTrue();
        assertThat(headOffice.count("ho_event")).isEqualTo(10);
    }

    @Test
    void aRestoredTerminalThatDoesNotBuildOnHeadOfficesCopyOfItsJournalIsRefused() throws Exception {
        t1.open(1).pay(1, 10_000).pay(1, 20_000);
        assertThat(headOffice.accept(t1.nextBatch()).isAccepted()).isTrue();
        // another history under the same terminal's name, in a new epoch, from journal 2: not what head office holds at 1
        TestChain other = new TestChain("HZ01", "HZ01-T01", DAY.plusDays(1));
        other.open(1).nextBatch();
        Outcome o = headOffice.accept(other.newEpoch().pay(1, 1).nextBatch(t1.key));
        assertThat(o.refusal()).isEqualTo(Outcome.Refusal.CHAIN_BROKEN);
        assertThat(headOffice.count("ho_event")).isEqualTo(3);
    }

    @Test
    void aManifestThatDoesNotMatchItsContentIsRefused() throws Exception {
        TestChain liar = enrolled("HZ02", "HZ02-T01");
        byte[] honest = liar.open(1).pay(1, 100).nextBatch();
        // the right key, a true chain, but the manifest of another day
        byte[] forged = Forgery.withDays(honest, List.of("2025-03-11"), liar.key);
        Outcome o = headOffice.accept(forged);
        assertThat(o.refusal()).isEqualTo(Outcome.Refusal.MANIFEST_MISMATCH);
        assertThat(headOffice.count("ho_event")).isZero();
    }

    /**
     * Head office folds each batch onto the figures it holds (ADR 0022); after every batch they must
     * equal the fold of all the day's events at once — on random batches of openings, payments with
     * bank tenders and credit, reversals, voids (some re-issuing a number, some of an earlier batch's
     * payment), deposits, closes, other events, over three business days and several tills, cut at
     * random points.
     */
    @Test
    void figuresFoldedBatchByBatchEqualTheFoldOfTheWholeDay() throws Exception {
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        TestChain chain = enrolled("HZ03", "HZ03-T01");
        RandomTills tills = new RandomTills(chain, random);
        int accepted = 0;
        while (chain.size() < 400) {
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                tills.next();
            }
            Outcome o = headOffice.accept(chain.nextBatch());
            tills.sent = chain.size();
            assertThat(o.isAccepted()).as("seed %d: %s", seed, o.message()).isTrue();
            accepted++;
            long rows = 0;
            for (LocalDate day : tills.days) {
                List<io.counterdesk.persistence.JournalEvent> all = chain.lines().stream()
                        .filter(l -> l.businessDay().equals(day)).map(io.counterdesk.sync.BatchLine::event).toList();
                for (var till : io.counterdesk.report.DayFold.fold(all).values()) {
                    assertThat(headOffice.tillFigures("HZ03", "HZ03-T01", day, till.tillId()))
                            .as("seed %d, batch %d, %s till %d", seed, accepted, day, till.tillId())
                            .isEqualTo(till.figures());
                    rows += till.figures().size();
                }
            }
            assertThat(headOffice.count("ho_till_figure")).as("seed %d: no till beyond the full fold's", seed)
                    .isEqualTo(rows);
        }
        assertThat(tills.voidsOfEarlierBatches).as("seed %d: voids of an earlier batch's payment", seed).isPositive();
    }

    /** A random terminal's days for {@link #figuresFoldedBatchByBatchEqualTheFoldOfTheWholeDay}. */
    static final class RandomTills {
        final TestChain chain;
        final java.util.Random random;
        final List<LocalDate> days = new java.util.ArrayList<>(List.of(DAY));
        final java.util.Set<Long> open = new java.util.TreeSet<>();
        final java.util.Set<Long> ever = new java.util.TreeSet<>();
        /** This day's payments: paymentId → the chain size when it was made. */
        final java.util.Map<Long, Integer> payments = new java.util.LinkedHashMap<>();
        long nextPayment = 1;
        long nextReceipt = 1;
        int voidsOfEarlierBatches;
        /** Events of the chain already in a batch. */
        int sent;

        RandomTills(TestChain chain, java.util.Random random) {
            this.chain = chain;
            this.random = random;
        }

        void next() {
            LocalDate day = days.get(days.size() - 1);
            long base = days.size() * 10L;
            double r = random.nextDouble();
            if (open.isEmpty() || r < 0.06) {
                if (ever.size() < 3) {
                    long till = base + ever.size() + 1;
                    ever.add(till);
                    open.add(till);
                    chain.add("TILL_OPENED", "till:" + till, "{\"businessDay\":\"" + day + "\",\"floatFen\":"
                            + (random.nextInt(5) * 10_000) + ",\"tillId\":" + till + "}");
                    return;
                }
                if (open.isEmpty()) {
                    nextDay();
                    return;
                }
            }
            long till = open.stream().skip(random.nextInt(open.size())).findFirst().orElseThrow();
            if (r < 0.50) {
                payment(till, 1, random.nextLong(1, 50_000), null);
            } else if (r < 0.58 && !payments.isEmpty()) {
                long original = List.copyOf(payments.keySet()).get(random.nextInt(payments.size()));
                payment(till, -1, random.nextLong(1, 20_000), original);
            } else if (r < 0.68 && !payments.isEmpty()) {
                long paymentId = List.copyOf(payments.keySet()).get(random.nextInt(payments.size()));
                if (payments.get(paymentId) <= sent) {
                    voidsOfEarlierBatches++;
                }
                chain.add("RECEIPT_VOIDED", "receipt:RECEIPT:" + paymentId, "{\"approvalId\":1,\"paymentId\":" + paymentId
                        + ",\"reason\":\"x\",\"receiptId\":" + paymentId
                        + (random.nextBoolean() ? ",\"replacementNumber\":" + nextReceipt++ : "") + "}");
            } else if (r < 0.76) {
                chain.add("TILL_DEPOSIT", "till:" + till, "{\"amountFen\":" + random.nextLong(100, 90_000)
                        + ",\"depositId\":" + chain.size() + ",\"late\":false,\"slipNo\":\"s\",\"tillId\":" + till + "}");
            } else if (r < 0.80) {
                long counted = random.nextLong(0, 200_000);
                long expected = counted + random.nextLong(-500, 500);
                chain.add("TILL_CLOSED", "till:" + till, "{\"countNo\":1,\"countedCashFen\":" + counted
                        + ",\"expectedCashFen\":" + expected + ",\"overShortFen\":" + (counted - expected)
                        + ",\"tillId\":" + till + "}");
                open.remove(till);
            } else if (r < 0.93) {
                chain.add("LOGIN", "staff:1001", "{\"role\":\"CASHIER\"}");
            } else if (r < 0.96 && days.size() < 3) {
                nextDay();
            } else {
                payment(till, 1, random.nextLong(1, 5_000), null);
            }
        }

        private void nextDay() {
            LocalDate day = days.get(days.size() - 1).plusDays(1);
            days.add(day);
            chain.onDay(day);
            open.clear();
            ever.clear();
            payments.clear();
        }

        private void payment(long till, int sign, long fen, Long original) {
            long id = nextPayment++;
            long card = random.nextInt(4) == 0 ? random.nextLong(1, fen + 1) : 0;
            long credit = random.nextInt(5) == 0 ? random.nextLong(0, fen - card + 1) : 0;
            long cash = fen - card - credit;
            long change = sign > 0 && cash > 0 && random.nextBoolean() ? random.nextLong(0, 1_000) : 0;
            String[] kinds = {"PRINCIPAL", "LATE_FEE", "FEE_ITEM", "GAS_PURCHASE", "VOUCHER_FACE_CASH", "CREDIT_ADDED",
                    "GAS_BY_VOUCHER"};
            String kind = kinds[random.nextInt(kinds.length)];
            String tenders = card == 0 ? "" : "{\"amountFen\":" + sign * card + ",\"kind\":\""
                    + (random.nextBoolean() ? "BANK_CARD" : "BANK_SLIP") + "\",\"reference\":\"P" + id + "\"}";
            if (random.nextInt(40) == 0) {
                // a CASH entry in tenders[] (no terminal writes one): head office must refold the day in full
                tenders += (tenders.isEmpty() ? "" : ",") + "{\"amountFen\":" + sign * 7 + ",\"kind\":\"CASH\"}";
            }
            long receipt = nextReceipt++;
            chain.add(sign > 0 ? "PAYMENT" : "PAYMENT_REVERSED", "account:0001", "{\"accountNo\":\"0001\","
                    + "\"cashReceivedFen\":" + (sign > 0 ? cash + change : 0) + ",\"changeFen\":" + (sign > 0 ? change : cash)
                    + ",\"creditUsedFen\":" + sign * credit + ",\"lines\":[{\"amountFen\":" + sign * fen
                    + ",\"billId\":" + id + ",\"kind\":\"" + kind + "\",\"m3\":1}]"
                    + (original == null ? "" : ",\"originalPaymentId\":" + original)
                    + ",\"paymentId\":" + id + ",\"receipts\":[{\"kind\":\"RECEIPT\",\"mac\":\"x\",\"number\":" + receipt
                    + ",\"part\":\"WHOLE\"}],\"tenders\":[" + tenders + "],\"tillId\":" + till
                    + ",\"voucherM3\":" + sign * random.nextInt(3) + "}");
            payments.put(id, chain.size());
        }
    }
}
