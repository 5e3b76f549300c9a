package io.counterdesk.headoffice;

import io.counterdesk.persistence.EventPayload;
import io.counterdesk.persistence.JournalEvent;
import io.counterdesk.sync.Ack;
import io.counterdesk.sync.BatchFile;
import io.counterdesk.sync.BatchLine;
import io.counterdesk.sync.SyncKeys;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM's steady-state cost of each step of a batch's acceptance at head office, on one thread, for
 * {@link SyncBench}'s 500-event batches (no database, no HTTP): where head office's request threads
 * spend their CPU once the JIT is done. Argument: rounds over 20 batches (the first half not counted).
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.counterdesk.headoffice.IngestSteps 150}
 */
public final class IngestSteps {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        List<byte[]> batches = new ArrayList<>();
        List<SyncBench.BenchTerminal> terminals = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            SyncBench.BenchTerminal t = new SyncBench.BenchTerminal("H" + i, "H" + i + "-T1");
            terminals.add(t);
            batches.add(t.dayBatch(SyncBench.DAY, 1));
        }
        var key = SyncKeys.generate();
        String[] names = {"decode (gunzip, lines)", "batch SHA-256", "terminal's signature", "payloads parsed",
            "hashes and manifest", "fold", "COPY rows", "acknowledgement signed"};
        double[] ns = new double[names.length];
        for (int r = 0; r < rounds; r++) {
            for (int b = 0; b < batches.size(); b++) {
                long[] t = new long[names.length + 1];
                t[0] = System.nanoTime();
                BatchFile.Decoded d = BatchFile.decode(batches.get(b));
                t[1] = System.nanoTime();
                String sha = d.sha256();
                t[2] = System.nanoTime();
                boolean signed = d.signedBy(terminals.get(b).key.getPublic());
                t[3] = System.nanoTime();
                Map<JournalEvent, EventPayload> trees = new IdentityHashMap<>();
                for (BatchLine l : d.lines()) {
                    trees.put(l.event(), EventPayload.of(l.event().payload()));
                }
                t[4] = System.nanoTime();
                List<String> problems = BatchFile.problems(d, trees::get);
                t[5] = System.nanoTime();
                List<JournalEvent> events = new ArrayList<>();
                for (BatchLine l : d.lines()) {
                    events.add(l.event());
                }
                var fold = io.counterdesk.report.DayFold.fold(Map.of(), id -> null, events, trees::get);
                t[6] = System.nanoTime();
                CopyCsv csv = new CopyCsv(400_000);
                for (BatchLine l : d.lines()) {
                    HeadOfficeRepository.eventRow(csv, "H1", "H1-T1", 1, l);
                }
                t[7] = System.nanoTime();
                byte[] ack = new Ack("H1", "H1-T1", 1, 1, sha, 500, "2025-03-10T10:00:00Z").sign(key.getPrivate());
                t[8] = System.nanoTime();
                if (!signed || !problems.isEmpty() || fold.isEmpty() || ack.length == 0) {
                    throw new IllegalStateException("a bench batch did not check out");
                }
                if (r >= rounds / 2) {
                    for (int i = 0; i < names.length; i++) {
                        ns[i] += t[i + 1] - t[i];
                    }
                }
            }
        }
        int counted = (rounds - rounds / 2) * batches.size();
        double total = 0;
        for (int i = 0; i < names.length; i++) {
            System.out.printf("%-24s %5.2f ms per batch%n", names[i], ns[i] / counted / 1e6);
            total += ns[i] / counted / 1e6;
        }
        System.out.printf("%-24s %5.2f ms per batch (besides: receipts, JDBC, HTTP)%n", "together", total);
    }
}
