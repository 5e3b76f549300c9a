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
