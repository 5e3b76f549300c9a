package io.counterdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every commit the program has acknowledged survives a kill -9 (DESIGN §4, issue 2 §3): a child JVM
 * commits in a loop and acknowledges each commit on stdout only after {@link Database#inTransaction}
 * returned; the test kills it while it is still committing, reopens the database, and counts.
 * Three rounds in the same database, so recovery after a kill is itself recovered from.
 */
class DurabilityKillTest {

    private static final int ROUNDS = 3;
    private static final int ACKS_BEFORE_KILL = 200;
    private static final Pattern ACK = Pattern.compile("ack:(\\d+);");

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void everyAcknowledgedCommitSurvivesAKillOfTheProgram(@TempDir Path dir) throws Exception {
        DatabaseLocation location = new DatabaseLocation(dir, "terminal");
        Database.open(location, Clock.systemUTC()).close();
        TreeSet<Long> acknowledged = new TreeSet<>();
        List<String> summary = new ArrayList<>();

        for (int round = 1; round <= ROUNDS; round++) {
            Path stderr = dir.resolve("child-" + round + ".err");
            long started = System.nanoTime();
            Process child = startChild(location, round, stderr);
            long firstAck = 0;
            long killAt = 0;
            int acknowledgedThisRound = 0;
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                String line;
                while (acknowledgedThisRound < ACKS_BEFORE_KILL && (line = reader.readLine()) != null) {
                    acknowledgedThisRound += record(line, acknowledged);
                    if (firstAck == 0) {
                        firstAck = System.nanoTime();
                    }
                }
                killAt = System.nanoTime();
                if (acknowledgedThisRound < ACKS_BEFORE_KILL) {
                    fail("child ended before %d commits (exit %s): %s", ACKS_BEFORE_KILL,
                            child.waitFor(5, TimeUnit.SECONDS) ? child.exitValue() : "?", Files.readString(stderr));
                }
                // each round the kill lands at a different point of the commit loop
                LockSupport.parkNanos((round - 1) * 1_500_000L);
                // SIGKILL through the process handle: unlike Process.destroyForcibly() it leaves our end of
                // the pipe open, so acknowledgements written just before the kill are still read
                child.toHandle().destroyForcibly();
                while ((line = reader.readLine()) != null) {
                    acknowledgedThisRound += record(line, acknowledged);
                }
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("child ended").isTrue();
            }
            assertThat(child.isAlive()).isFalse();
            assertThat(child.exitValue()).as("killed, not ended on its own").isEqualTo(137);

            try (Database reopened = Database.open(location, Clock.systemUTC())) {
                ChainReport chain = reopened.read(Journal::verify);
                assertThat(chain.isIntact()).as("chain after round %d: %s", round, chain.problem()).isTrue();
                List<Long> survived = reopened.read(tx -> tx.handle()
                        .createQuery("SELECT seq FROM journal WHERE type = 'PROBE' ORDER BY seq").mapTo(Long.class).list());
                long rows = reopened.read(tx -> tx.handle()
                        .createQuery("SELECT COUNT(*) FROM setting WHERE name LIKE 'probe.%'").mapTo(Long.class).one());
                long lostRows = reopened.read(tx -> tx.handle().createQuery("""
                        SELECT COUNT(*) FROM journal j WHERE j.type = 'PROBE'
                        AND NOT EXISTS (SELECT 1 FROM setting s WHERE s.name = CONCAT('probe.', j.seq))""")
                        .mapTo(Long.class).one());

                assertThat(survived).as("no gap").isEqualTo(LongStream.rangeClosed(1, survived.size()).boxed().toList());
                assertThat(survived).as("every acknowledged commit survived").containsAll(acknowledged);
                assertThat(rows).as("each event with its row").isEqualTo(survived.size());
                assertThat(lostRows).isZero();
                summary.add(("round %d: %d acknowledged (total %d, last seq %d), %d survived (%d committed but not "
                        + "acknowledged); child start to first ack %d ms, %d acks in %d ms")
                        .formatted(round, acknowledgedThisRound, acknowledged.size(), acknowledged.last(), survived.size(),
                                survived.size() - acknowledged.size(), (firstAck - started) / 1_000_000,
                                ACKS_BEFORE_KILL, (killAt - firstAck) / 1_000_000));
            }
        }
        summary.forEach(System.out::println);
    }

    private static int record(String line, TreeSet<Long> acknowledged) {
        Matcher matcher = ACK.matcher(line);
        if (!matcher.matches()) {
            return 0; // a line cut short by the kill was never a whole acknowledgement
        }
        long seq = Long.parseLong(matcher.group(1));
        assertThat(acknowledged.add(seq)).as("seq %d acknowledged twice", seq).isTrue();
        return 1;
    }

    private static Process startChild(DatabaseLocation location, int round, Path stderr) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                CommitLoopChild.class.getName(),
                location.directory().toString(), location.name(), Integer.toString(round))
                .redirectError(stderr.toFile())
                .start();
    }
}
