package io.counterdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.TestAccounts;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import io.counterdesk.shared.Money;
import io.counterdesk.till.TillService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A payment is all or nothing even when the program is killed in the middle of one (issue 3 §6):
 * a child JVM takes payments in a loop and is killed with SIGKILL; after each restart every
 * acknowledged payment is there with its receipt, receipt numbers run without a gap or a
 * duplicate, each payment has exactly one receipt, till postings and journal event, and the stock's
 * next number follows the last one used.
 */
class PaymentKillTest {

    private static final int ROUNDS = 3;
    private static final int ACKS_BEFORE_KILL = 60;
    private static final long FIRST_NUMBER = 1;
    private static final Pattern ACK = Pattern.compile("paid:(\\d+):(\\d+);");

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void noReceiptNumberIsLostOrReusedAcrossAKill() throws Exception {
        Operator cashier = db.addOperator("1001", "王伟", Role.CASHIER, "demo1001");
        Operator manager = db.addOperator("2001", "张敏", Role.MANAGER, "demo2001");
        new ReceiptStockService(db.database(), db.journal(), new ApprovalRecorder(db.journal()))
                .register(manager, "1001", ReceiptKind.RECEIPT, FIRST_NUMBER, 99_999);
        new TillService(db.database(), db.journal(), db.terminal()).open(cashier, Money.ofYuan(200));
        long accountId = db.database().inTransaction(tx -> new AccountRepository().insert(tx,
                TestAccounts.residential(MeterKind.ORDINARY, "8000000001")));
        db.database().close();

        TreeMap<Long, Long> acknowledged = new TreeMap<>();
        for (int round = 1; round <= ROUNDS; round++) {
            Path stderr = db.location().directory().resolve("child-" + round + ".err");
            Process child = start(accountId, stderr);
            int acks = 0;
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                String line;
                while (acks < ACKS_BEFORE_KILL && (line = reader.readLine()) != null) {
                    acks += record(line, acknowledged);
                }
                if (acks < ACKS_BEFORE_KILL) {
                    fail("child ended early: %s", Files.readString(stderr));
                }
                LockSupport.parkNanos(round * 700_000L);
                child.toHandle().destroyForcibly();
                while ((line = reader.readLine()) != null) {
                    record(line, acknowledged);
                }
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }

            Database reopened = db.reopen();
            long payments = db.queryLong("SELECT COUNT(*) FROM payment");
            List<Long> numbers = reopened.read(tx -> tx.handle()
                    .createQuery("SELECT number FROM receipt ORDER BY number").mapTo(Long.class).list());
            assertThat(numbers).as("round %d: receipt numbers run without gap or duplicate", round)
                    .isEqualTo(LongStream.range(FIRST_NUMBER, FIRST_NUMBER + numbers.size()).boxed().toList());
            assertThat(numbers).hasSize((int) payments);
            assertThat(numbers).as("every acknowledged receipt survived").containsAll(acknowledged.values());
            for (var ack : acknowledged.entrySet()) {
                assertThat(db.queryLong("SELECT number FROM receipt WHERE payment_id = " + ack.getKey()))
                        .isEqualTo(ack.getValue());
            }
            assertThat(db.queryLong("SELECT next_no FROM receipt_stock")).isEqualTo(FIRST_NUMBER + payments);
            assertThat(db.queryLong("SELECT COUNT(*) FROM till_posting WHERE kind = 'CASH_IN'")).isEqualTo(payments);
            assertThat(db.events("PAYMENT")).hasSize((int) payments);
            assertThat(db.verifyChain().isIntact()).isTrue();
            System.out.printf("round %d: %d acknowledged in total, %d payments on disk%n", round, acknowledged.size(),
                    payments);
            reopened.close();
        }
        db.reopen();
    }

    private static int record(String line, TreeMap<Long, Long> acknowledged) {
        Matcher m = ACK.matcher(line);
        if (!m.matches()) {
            return 0;
        }
        Long previous = acknowledged.put(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        assertThat(previous).as("payment acknowledged twice").isNull();
        return 1;
    }

    private Process start(long accountId, Path stderr) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), PaymentLoopChild.class.getName(),
                db.location().directory().toString(), db.location().name(), Long.toString(accountId))
                .redirectError(stderr.toFile())
                .start();
    }
}
