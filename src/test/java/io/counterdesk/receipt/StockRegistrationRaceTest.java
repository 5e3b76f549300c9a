package io.counterdesk.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import io.counterdesk.shared.BusinessException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13 §3: two managers registering overlapping receipt ranges at the same moment, on a real
 * H2 file. Before the kind's lock row (V23) both found no clash and both committed.
 */
class StockRegistrationRaceTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void twoManagersAtTheSameMomentCannotRegisterOverlappingRanges() throws Exception {
        db.addOperator("1001", "王伟", Role.CASHIER, "demo1001");
        db.addOperator("1002", "李娜", Role.CASHIER, "demo1002");
        Operator zhang = db.addOperator("2001", "张敏", Role.MANAGER, "demo2001");
        Operator zhao = db.addOperator("2002", "赵强", Role.MANAGER, "demo2002");
        ReceiptStockService stock = new ReceiptStockService(db.database(), db.journal(),
                new ApprovalRecorder(db.journal()));
        CountDownLatch registered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // the first manager's range is written but not yet committed when the second registers
            Future<StockRange> first = threads.submit(() -> db.database().inTransaction(tx -> {
                StockRange range = stock.registerIn(tx, zhang, "1001", ReceiptKind.RECEIPT, 1000, 1999);
                registered.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return range;
            }));
            assertThat(registered.await(10, TimeUnit.SECONDS)).isTrue();
            Future<StockRange> second = threads.submit(() -> stock.register(zhao, "1002", ReceiptKind.RECEIPT, 1500, 2499));
            Thread.sleep(400);
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).firstNo()).isEqualTo(1000L);
            ExecutionException failed = catchThrowableOfType(ExecutionException.class,
                    () -> second.get(10, TimeUnit.SECONDS));
            assertThat(failed).as("the second registration is refused").isNotNull();
            assertThat(failed.getCause()).isInstanceOfSatisfying(BusinessException.class,
                    e -> assertThat(e.key()).isEqualTo("receipt.stock.overlap"));
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt_stock")).isEqualTo(1);
        assertThat(db.queryLong("""
                SELECT COUNT(*) FROM receipt_stock a JOIN receipt_stock b
                  ON a.id < b.id AND a.kind = b.kind AND a.first_no <= b.last_no AND b.first_no <= a.last_no""")).isZero();
        assertThat(db.events("STOCK_REGISTERED")).hasSize(1);
    }

    @Test
    void numbersBeyondEightDigitsAndAMissingKindAreRefused() {
        db.addOperator("1001", "王伟", Role.CASHIER, "demo1001");
        Operator zhang = db.addOperator("2001", "张敏", Role.MANAGER, "demo2001");
        ReceiptStockService stock = new ReceiptStockService(db.database(), db.journal(),
                new ApprovalRecorder(db.journal()));
        for (long[] range : new long[][] {{99_999_990L, 100_000_010L}, {Long.MAX_VALUE - 5, Long.MAX_VALUE}, {0, 5}}) {
            BusinessException refused = catchThrowableOfType(BusinessException.class,
                    () -> stock.register(zhang, "1001", ReceiptKind.RECEIPT, range[0], range[1]));
            assertThat(refused.key()).isEqualTo("receipt.stock.badRange");
        }
        assertThat(catchThrowableOfType(BusinessException.class,
                () -> stock.register(zhang, "1001", null, 1, 5)).key()).isEqualTo("receipt.stock.badRange");
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt_stock")).isZero();
    }
}
