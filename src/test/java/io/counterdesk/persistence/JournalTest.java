package io.counterdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JournalTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private JournalEvent append(String type, String subject, Map<String, ?> payload) {
        return db.database().inTransaction(tx -> db.journal().append(tx, "1001", type, subject, payload));
    }

    private void appendMany(int count) {
        for (int i = 1; i <= count; i++) {
            int n = i;
            db.database().inTransaction(tx -> db.journal().append(tx, "1001", "TEST", "subject:" + n, Map.of("n", n)));
            db.clock().advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void appendedEventsAreReadBackInOrderAndChained() {
        JournalEvent first = append("TILL_OPENED", "till:1", Map.of("floatFen", 50_000L, "businessDay", "2025-03-10"));
        db.clock().advance(Duration.ofMinutes(1));
        JournalEvent second = append("LOGIN", "1001", Map.of("role", "CASHIER"));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(Journal.GENESIS_HASH);
        assertThat(first.payload()).isEqualTo("{\"businessDay\":\"2025-03-10\",\"floatFen\":50000}");
        assertThat(first.terminalCode()).isEqualTo(TestDatabase.TERMINAL_CODE);
        assertThat(first.occurredAt()).isEqualTo(TestDatabase.START);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.occurredAt()).isEqualTo(TestDatabase.START.plus(Duration.ofMinutes(1)));
        assertThat(db.events()).containsExactly(first, second);
        List<JournalEvent> fromTwo = db.database().jdbi().withHandle(handle -> Journal.read(handle, 2, 2));
        assertThat(fromTwo).containsExactly(second);
    }

    @Test
    void chainOfManyEventsVerifiesIntact() {
        appendMany(300);

        ChainReport report = db.verifyChain();

        assertThat(report.isIntact()).as(report.problem()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(300);
    }

    @Test
    void emptyJournalIsIntact() {
        assertThat(db.verifyChain()).isEqualTo(ChainReport.intact(0));
    }

    @Test
    void appendOnlyTriggerRefusesUpdate() {
        appendMany(3);

        assertThatThrownBy(() -> db.execute("UPDATE journal SET payload = '{}' WHERE seq = 2"))
                .isInstanceOf(JdbiException.class)
                .hasMessageContaining("append-only");
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    @Test
    void appendOnlyTriggerRefusesDelete() {
        appendMany(3);

        assertThatThrownBy(() -> db.execute("DELETE FROM journal WHERE seq = 3"))
                .isInstanceOf(JdbiException.class)
                .hasMessageContaining("append-only");
        assertThat(db.queryLong("SELECT COUNT(*) FROM journal")).isEqualTo(3);
    }

    @Test
    void editedPayloadIsReportedAtItsEvent() {
        appendMany(10);
        db.dropAppendOnlyTrigger();
        db.execute("UPDATE journal SET payload = '{\"n\":400}' WHERE seq = 4");
        db.execute("UPDATE journal SET payload = '{\"n\":700}' WHERE seq = 7");

        ChainReport report = db.verifyChain();

        assertThat(report.firstBrokenSeq()).hasValue(4);
        assertThat(report.eventsChecked()).isEqualTo(3);
        assertThat(report.problem()).contains("edited");
    }

    @Test
    void editedHashIsReportedAtItsEvent() {
        appendMany(10);
        db.dropAppendOnlyTrigger();
        db.execute("UPDATE journal SET hash = '" + "f".repeat(64) + "' WHERE seq = 6");

        assertThat(db.verifyChain().firstBrokenSeq()).hasValue(6);
    }

    @Test
    void rewrittenEventWithRecomputedHashBreaksTheNextLink() {
        appendMany(10);
        JournalEvent original = db.events().get(4);
        String forgedPayload = "{\"n\":5000}";
        String forgedHash = Journal.hash(original.prevHash(), original.seq(), original.occurredAt(),
                original.terminalCode(), original.staffNo(), original.type(), original.subject(), forgedPayload);
        db.dropAppendOnlyTrigger();
        db.execute("UPDATE journal SET payload = '" + forgedPayload + "', hash = '" + forgedHash + "' WHERE seq = 5");

        ChainReport report = db.verifyChain();

        assertThat(report.firstBrokenSeq()).hasValue(6);
        assertThat(report.problem()).contains("previous-hash");
    }

    @Test
    void eventDeletedFromTheMiddleIsReportedMissing() {
        appendMany(10);
        db.dropAppendOnlyTrigger();
        db.execute("DELETE FROM journal WHERE seq = 5");

        ChainReport report = db.verifyChain();

        assertThat(report.firstBrokenSeq()).hasValue(5);
        assertThat(report.problem()).contains("missing");
    }

    @Test
    void firstEventDeletedIsReportedMissing() {
        appendMany(3);
        db.dropAppendOnlyTrigger();
        db.execute("DELETE FROM journal WHERE seq = 1");

        assertThat(db.verifyChain().firstBrokenSeq()).hasValue(1);
    }

    @Test
    void lastEventDeletedIsCaughtByTheChainHead() {
        appendMany(10);
        db.dropAppendOnlyTrigger();
        db.execute("DELETE FROM journal WHERE seq = 10");

        ChainReport report = db.verifyChain();

        assertThat(report.firstBrokenSeq()).hasValue(10);
        assertThat(report.eventsChecked()).isEqualTo(9);
        assertThat(report.problem()).contains("chain head");
    }

    @Test
    void lastEventDeletedWithTheHeadSeqRewoundIsCaughtByTheHeadHash() {
        appendMany(10);
        db.dropAppendOnlyTrigger();
        db.execute("DELETE FROM journal WHERE seq = 10");
        db.execute("UPDATE journal_head SET last_seq = 9");

        assertThat(db.verifyChain().firstBrokenSeq()).hasValue(10);
    }

    @Test
    void exceptionInsideTheTransactionLeavesNeitherRowNorEvent() {
        append("BEFORE", "s", Map.of());

        assertThatThrownBy(() -> db.database().inTransaction(tx -> {
            tx.handle().createUpdate("INSERT INTO setting(name, val) VALUES ('probe', 'x')").execute();
            db.journal().append(tx, "1001", "DOOMED", "s", Map.of());
            throw new IllegalStateException("the printer caught fire");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(db.queryLong("SELECT COUNT(*) FROM setting WHERE name = 'probe'")).isZero();
        assertThat(db.events()).extracting(JournalEvent::type).containsExactly("BEFORE");
        JournalEvent after = append("AFTER", "s", Map.of());
        assertThat(after.seq()).isEqualTo(2);
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    @Test
    void journalObjectsAppendingInTurnBuildOneChain() {
        Journal other = new Journal(TestDatabase.TERMINAL_CODE);

        JournalEvent first = append("A", "s", Map.of());
        JournalEvent second = db.database().inTransaction(tx -> other.append(tx, "1002", "B", "s", Map.of()));
        JournalEvent third = append("C", "s", Map.of()); // remembers the head at 1: moved to 2 by the other object
        JournalEvent fourth = db.database().inTransaction(tx -> other.append(tx, "1002", "D", "s", Map.of()));

        assertThat(List.of(first, second, third, fourth)).extracting(JournalEvent::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(third.prevHash()).isEqualTo(second.hash());
        assertThat(fourth.prevHash()).isEqualTo(third.hash());
        assertThat(db.verifyChain()).isEqualTo(ChainReport.intact(4));
    }

    @Test
    void severalEventsInOneTransactionChainOnEachOther() {
        List<JournalEvent> events = db.database().inTransaction(tx -> List.of(
                db.journal().append(tx, "1001", "A", "s", Map.of()),
                db.journal().append(tx, "1001", "B", "s", Map.of())));

        assertThat(events.get(1).seq()).isEqualTo(2);
        assertThat(events.get(1).prevHash()).isEqualTo(events.get(0).hash());
        assertThat(db.verifyChain()).isEqualTo(ChainReport.intact(2));
    }

    /** One transaction holds the head (appended, not yet committed) while another journal object appends. */
    @Test
    void anAppendWaitingOnAHeldHeadBuildsOnItOnceCommitted() throws Exception {
        JournalEvent waiting = raceWithHeldHead(new Journal(TestDatabase.TERMINAL_CODE), true);

        assertThat(waiting.seq()).isEqualTo(2);
        assertThat(db.events()).extracting(JournalEvent::type).containsExactly("HOLDER", "WAITER");
        assertThat(db.verifyChain()).isEqualTo(ChainReport.intact(2));
    }

    @Test
    void anAppendWaitingOnAHeldHeadThatIsRolledBackTakesItsPlace() throws Exception {
        JournalEvent waiting = raceWithHeldHead(new Journal(TestDatabase.TERMINAL_CODE), false);

        assertThat(waiting.seq()).isEqualTo(1);
        assertThat(waiting.prevHash()).isEqualTo(Journal.GENESIS_HASH);
        assertThat(db.events()).extracting(JournalEvent::type).containsExactly("WAITER");
        assertThat(db.verifyChain()).isEqualTo(ChainReport.intact(1));
    }

    @Test
    void theSameJournalObjectWaitingOnItsOwnRolledBackHeadStartsAgainFromTheCommittedOne() throws Exception {
        append("FIRST", "s", Map.of());

        JournalEvent waiting = raceWithHeldHead(db.journal(), false); // remembers the holder's event, then it vanishes

        assertThat(waiting.seq()).isEqualTo(2);
        assertThat(db.events()).extracting(JournalEvent::type).containsExactly("FIRST", "WAITER");
        assertThat(db.verifyChain()).isEqualTo(ChainReport.intact(2));
    }

    /**
     * The holder appends with {@link TestDatabase#journal()} and keeps its transaction open until the
     * waiter (appending with {@code waiterJournal} on another thread) is blocked on the head row; then
     * the holder commits or rolls back. Returns the waiter's event.
     */
    private JournalEvent raceWithHeldHead(Journal waiterJournal, boolean holderCommits) throws Exception {
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = threads.submit(() -> {
                try {
                    db.database().inTransaction(tx -> {
                        db.journal().append(tx, "1001", "HOLDER", "s", Map.of());
                        holding.countDown();
                        await(release);
                        if (!holderCommits) {
                            throw new IllegalStateException("holder rolls back");
                        }
                        return null;
                    });
                } catch (IllegalStateException expected) {
                    // the rollback asked for
                }
                return null;
            });
            await(holding);
            Future<JournalEvent> waiter = threads.submit(() -> db.database().inTransaction(
                    tx -> waiterJournal.append(tx, "1002", "WAITER", "s", Map.of())));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (db.queryLong("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL") == 0) {
                assertThat(System.nanoTime()).as("waiter blocked on the head row").isLessThan(deadline);
                Thread.sleep(10);
            }
            release.countDown();
            holder.get(10, java.util.concurrent.TimeUnit.SECONDS);
            return waiter.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            if (!latch.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void concurrentAppendsFormAGaplessIntactChain() throws Exception {
        int threads = 6;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String staffNo = "10" + t;
                Callable<List<Long>> work = () -> {
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        int n = i;
                        seqs.add(db.database().inTransaction(tx -> {
                            tx.handle().createUpdate("INSERT INTO setting(name, val) VALUES (:k, :v)")
                                    .bind("k", "probe." + staffNo + "." + n).bind("v", "x").execute();
                            return db.journal().append(tx, staffNo, "TEST", staffNo, Map.of("n", n)).seq();
                        }));
                    }
                    return seqs;
                };
                results.add(pool.submit(work));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get());
            }

            long total = (long) threads * perThread;
            assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
            ChainReport report = db.verifyChain();
            assertThat(report.isIntact()).as(report.problem()).isTrue();
            assertThat(report.eventsChecked()).isEqualTo(total);
            assertThat(db.queryLong("SELECT COUNT(*) FROM setting WHERE name LIKE 'probe.%'")).isEqualTo(total);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void payloadThatIsNotJsonIsRefusedBeforeAnythingIsWritten() {
        Object notSerialisable = new Object();

        assertThatThrownBy(() -> append("TEST", "s", Map.of("x", notSerialisable)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(db.events()).isEmpty();
    }
}
