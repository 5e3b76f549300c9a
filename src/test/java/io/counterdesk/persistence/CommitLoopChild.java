package io.counterdesk.persistence;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The child JVM of {@link DurabilityKillTest}: opens the database and commits business actions in
 * a loop, each a {@code setting} row and a {@code PROBE} journal event in one transaction. After
 * {@link Database#inTransaction} has returned — and only then — it prints {@code ack:<seq>;} and
 * flushes: the moment a cashier would be told "done". It never closes the database; the parent
 * kills it.
 *
 * <p>Arguments: database directory, database name, round number.
 */
public final class CommitLoopChild {

    /** A safety net should the parent die without killing us. */
    private static final Duration MAX_RUN = Duration.ofSeconds(60);

    private CommitLoopChild() {
    }

    public static void main(String[] args) {
        DatabaseLocation location = new DatabaseLocation(Path.of(args[0]), args[1]);
        int round = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.US_ASCII);
        Journal journal = new Journal("DUR-T01");
        Database database = Database.open(location, Clock.systemUTC());
        long deadline = System.nanoTime() + MAX_RUN.toNanos();
        while (System.nanoTime() < deadline) {
            long seq = database.inTransaction(tx -> {
                JournalEvent event = journal.append(tx, "1001", "PROBE", "round:" + round, Map.of("round", round));
                tx.handle().createUpdate("INSERT INTO setting(name, val) VALUES (:name, :val)")
                        .bind("name", "probe." + event.seq())
                        .bind("val", Integer.toString(round))
                        .execute();
                return event.seq();
            });
            out.print("ack:" + seq + ";\n");
            out.flush();
        }
        database.close();
    }
}
