package io.counterdesk.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.security.ApprovalGrant;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import io.counterdesk.shared.BusinessException;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReceiptStockServiceTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private Operator wang;
    private Operator li;
    private Operator manager;
    private ReceiptStockService stock;
    private ReceiptsForTests receipts;

    @BeforeEach
    void setUp() {
        wang = db.addOperator("1001", "王伟", Role.CASHIER, "demo1001");
        li = db.addOperator("1002", "李娜", Role.CASHIER, "demo1002");
        manager = db.addOperator("2001", "张敏", Role.MANAGER, "demo2001");
        stock = new ReceiptStockService(db.database(), db.journal(), new ApprovalRecorder(db.journal()));
        receipts = new ReceiptsForTests(db);
    }

    private IssuedReceipt issue(Operator cashier, ReceiptKind kind) {
        return receipts.issue(cashier, kind);
    }

    @Test
    void onlyAManagerRegistersStockAndRangesNeverOverlap() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 100, 199);
        assertThatThrownBy(() -> stock.register(wang, "1001", ReceiptKind.RECEIPT, 300, 399))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("security.permission.denied");
        assertThatThrownBy(() -> stock.register(manager, "1002", ReceiptKind.RECEIPT, 150, 250))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("receipt.stock.overlap");
        stock.register(manager, "1002", ReceiptKind.CHECK_SLIP, 150, 250);
        assertThat(db.events("STOCK_REGISTERED")).hasSize(2);
    }

    @Test
    void issuesNumbersInOrderAndMovesToTheNextRangeWhenOneRunsOut() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 10, 11);
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 50, 59);
        assertThat(List.of(issue(wang, ReceiptKind.RECEIPT), issue(wang, ReceiptKind.RECEIPT),
                issue(wang, ReceiptKind.RECEIPT))).extracting(IssuedReceipt::number).containsExactly(10L, 11L, 50L);
        assertThat(stock.ranges(wang)).extracting(StockRange::status).containsExactly("EXHAUSTED", "ACTIVE");
    }

    @Test
    void twoTransactionsTakingAtOnceNeverShareANumberNorGoPastARange() throws Exception {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 10, 11);
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 50, 59);
        assertThat(issue(wang, ReceiptKind.RECEIPT).number()).isEqualTo(10L);
        CountDownLatch tookLast = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // the first holds the range's last number, uncommitted; the second must wait for it
            Future<Long> first = threads.submit(() -> db.database().inTransaction(tx -> {
                long number = receipts.issueIn(tx, wang, ReceiptKind.RECEIPT).number();
                tookLast.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return number;
            }));
            assertThat(tookLast.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Long> second = threads.submit(() -> issue(wang, ReceiptKind.RECEIPT).number());
            Thread.sleep(300);
            assertThat(second.isDone()).as("waits on the range row").isFalse();
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(11L);
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(50L);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertThat(stock.ranges(wang)).extracting(StockRange::status).containsExactly("EXHAUSTED", "ACTIVE");
        assertThat(stock.ranges(wang)).extracting(StockRange::nextNo).containsExactly(12L, 51L);
    }

    @Test
    void aRolledBackIssueGivesItsNumberBack() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 10, 10);
        assertThatThrownBy(() -> db.database().inTransaction(tx -> {
            receipts.issueIn(tx, wang, ReceiptKind.RECEIPT);
            throw new IllegalStateException("crash before commit");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(stock.ranges(wang)).extracting(StockRange::status, StockRange::nextNo)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ACTIVE", 10L));
        assertThat(issue(wang, ReceiptKind.RECEIPT).number()).isEqualTo(10L);
        assertThatThrownBy(() -> issue(wang, ReceiptKind.RECEIPT))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("receipt.stock.none");
    }

    @Test
    void handsTheUnusedTailOverToAnotherCashierWhoConfirmsWithTheirOwnPassword() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 100);
        issue(wang, ReceiptKind.RECEIPT);
        issue(wang, ReceiptKind.RECEIPT);

        StockRange taken = stock.handOver(wang, db.auth().confirmOperator("1002", "demo1002".toCharArray()),
                ReceiptKind.RECEIPT);

        assertThat(taken.firstNo()).isEqualTo(3);
        assertThat(taken.lastNo()).isEqualTo(100);
        assertThat(issue(li, ReceiptKind.RECEIPT).number()).isEqualTo(3);
        assertThatThrownBy(() -> issue(wang, ReceiptKind.RECEIPT))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("receipt.stock.none");
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt_stock_handover WHERE first_no = 3 AND last_no = 100"))
                .isEqualTo(1);
        assertThat(db.events("STOCK_HANDED_OVER")).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("\"from\":\"1001\"").contains("\"to\":\"1002\""));
        assertThatThrownBy(() -> db.auth().confirmOperator("1002", "wrong123".toCharArray()))
                .isInstanceOf(BusinessException.class);
    }

    @Test
    void aRangeHandedOverBeforeItsFirstNumberIsUsedPassesWholeAndKeepsNoNumbers() {
        stock.register(manager, "1001", ReceiptKind.CHECK_SLIP, 501, 550);

        StockRange taken = stock.handOver(wang, db.auth().confirmOperator("1002", "demo1002".toCharArray()),
                ReceiptKind.CHECK_SLIP);

        assertThat(taken.firstNo()).isEqualTo(501);
        assertThat(taken.lastNo()).isEqualTo(550);
        assertThat(stock.ranges(wang)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("HANDED_OVER");
            assertThat(r.lastNo()).isEqualTo(500);
            assertThat(r.isActive()).isFalse();
        });
        assertThat(issue(li, ReceiptKind.CHECK_SLIP).number()).isEqualTo(501);
        assertThat(stock.monthEnd(manager, YearMonth.of(2025, 3), TestDatabase.ZONE))
                .filteredOn(l -> l.holderLabel().equals("1001 王伟"))
                .singleElement().satisfies(l -> {
                    assertThat(l.usedCount()).isZero();
                    assertThat(l.remaining()).isEmpty();
                });
    }

    @Test
    void aVoidKeepsItsNumberAndNeedsAManagerAndAReason() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 100);
        IssuedReceipt first = issue(wang, ReceiptKind.RECEIPT);
        ApprovalGrant grant = db.auth().authoriseApprover(wang, "2001", "demo2001".toCharArray());

        assertThatThrownBy(() -> stock.voidReceipt(wang, ReceiptKind.RECEIPT, first.number(), " ", grant))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("security.approval.reasonRequired");
        IssuedReceipt voided = stock.voidReceipt(wang, ReceiptKind.RECEIPT, first.number(), "打印错位", grant);

        assertThat(voided.voided()).isTrue();
        assertThat(voided.voidReason()).isEqualTo("打印错位");
        // its payment stands: number 2 replaced it in the same transaction (作废重开)
        assertThat(issue(wang, ReceiptKind.RECEIPT).number()).isEqualTo(3);
        assertThatThrownBy(() -> stock.voidReceipt(wang, ReceiptKind.RECEIPT, first.number(), "again", grant))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("receipt.alreadyVoided");
    }

    @Test
    void onlyTheCashierWhoIssuedAReceiptMayVoidItAndIsToldSoBeforeAManagerIsAsked() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 100);
        stock.register(manager, "1002", ReceiptKind.RECEIPT, 101, 200);
        IssuedReceipt wangs = issue(wang, ReceiptKind.RECEIPT);
        issue(li, ReceiptKind.RECEIPT);

        assertThat(stock.voidable(wang, ReceiptKind.RECEIPT, 1).receipt()).isEqualTo(wangs);
        assertThatThrownBy(() -> stock.voidable(wang, ReceiptKind.RECEIPT, 101))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("receipt.notYours");
        assertThatThrownBy(() -> stock.voidable(wang, ReceiptKind.RECEIPT, 2))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("receipt.notFound");
        assertThatThrownBy(() -> stock.voidable(wang, ReceiptKind.CHECK_SLIP, 1))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("receipt.notFound");

        ApprovalGrant grant = db.auth().authoriseApprover(wang, "2001", "demo2001".toCharArray());
        assertThatThrownBy(() -> stock.voidReceipt(wang, ReceiptKind.RECEIPT, 101, "不是我的", grant))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("receipt.notYours");
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt WHERE status = 'VOIDED'")).isZero();
        assertThat(db.events("RECEIPT_VOIDED")).isEmpty();

        stock.voidReceipt(wang, ReceiptKind.RECEIPT, 1, "打印错位", grant);
        assertThatThrownBy(() -> stock.voidable(wang, ReceiptKind.RECEIPT, 1))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("receipt.alreadyVoided");
    }

    @Test
    void theFirstPrintIsTheOriginalAndEveryLaterOneAMarkedCopy() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 100);
        IssuedReceipt receipt = issue(wang, ReceiptKind.RECEIPT);
        assertThat(stock.recordPrinted(wang, receipt.id())).isFalse();
        assertThat(stock.recordPrinted(wang, receipt.id())).isTrue();
        assertThat(stock.recordPrinted(wang, receipt.id())).isTrue();
        assertThat(db.queryLong("SELECT reprints FROM receipt WHERE id = " + receipt.id())).isEqualTo(2);
        assertThat(db.events("RECEIPT_REPRINTED")).hasSize(2);
    }

    @Test
    void theMonthEndListingShowsUsedVoidedAndRemainingNumbers() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 10);
        for (int i = 0; i < 5; i++) {
            issue(wang, ReceiptKind.RECEIPT);
        }
        ApprovalGrant grant = db.auth().authoriseApprover(wang, "2001", "demo2001".toCharArray());
        stock.voidReceipt(wang, ReceiptKind.RECEIPT, 3, "客户信息有误", grant);

        List<StockListing> listing = stock.monthEnd(manager, YearMonth.of(2025, 3), TestDatabase.ZONE);

        assertThat(listing).singleElement().satisfies(l -> {
            assertThat(l.usedCount()).isEqualTo(5);
            assertThat(l.used()).containsExactly("00000001–00000002", "00000004–00000006");
            assertThat(l.voided()).containsExactly("00000003 客户信息有误");
            assertThat(l.remaining()).isEqualTo("00000007–00000010");
            assertThat(l.holderLabel()).isEqualTo("1001 王伟");
        });
    }

    @Test
    void theVerificationCodeChecksOutWithTheUtilityKey() {
        String canonical = ReceiptMac.canonical("HZ99", "HZ99-T01", ReceiptKind.RECEIPT, 7, "3300000001", 2_000,
                "2025-03-10T01:30:00Z");
        byte[] key = new byte[32];
        String code = ReceiptMac.compute(key, canonical);
        assertThat(ReceiptMac.verify(key, canonical, code)).isTrue();
        assertThat(ReceiptMac.verify(key, canonical.replace("2000", "20000"), code)).isFalse();
        key[0] = 1;
        assertThat(ReceiptMac.verify(key, canonical, code)).isFalse();
    }
}
