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
            assertThat(a[3]).contains("events 6–7 of epoch 1 are no longer on the terminal and stay counted")
                    .contains("receipt numbers issued again: RECEIPT 6, RECEIPT 7");
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
}
