package io.counterdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.receipt.ReceiptsForTests;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13 §3: a service decides with the operator behind a live log-in session as the database has
 * them, and an approval grant allows one action on one subject for the operator who asked, once.
 * Each test here succeeded against the services before sessions and bound grants (ADR 0013).
 */
class TrustNoCallerTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private Operator wang;
    private Operator li;
    private Operator manager;
    private Operator admin;
    private ReceiptStockService stock;
    private ReceiptsForTests receipts;

    @BeforeEach
    void setUp() {
        wang = db.addOperator("1001", "王伟", Role.CASHIER, "demo1001");
        li = db.addOperator("1002", "李娜", Role.CASHIER, "demo1002");
        manager = db.addOperator("2001", "张敏", Role.MANAGER, "demo2001");
        admin = db.addOperator("9001", "陈静", Role.ADMIN, "demo9001");
        stock = new ReceiptStockService(db.database(), db.journal(), new ApprovalRecorder(db.journal()));
        receipts = new ReceiptsForTests(db);
    }

    private static String refusal(Runnable action) {
        BusinessException refused = catchThrowableOfType(BusinessException.class, action::run);
        assertThat(refused).as("refused with a BusinessException").isNotNull();
        assertThat(I18n.text(refused.key())).as("a Chinese message").containsPattern("\\p{IsHan}");
        return refused.key();
    }

    @Test
    void aHandMadeAdministratorCannotCreateAManager() {
        Operator forged = new Operator(admin.id(), "9001", "陈静", Role.ADMIN, true, false, 0, null);
        long before = db.queryLong("SELECT COUNT(*) FROM operator");

        assertThat(refusal(() -> db.auth().createOperator(forged, "2999", "假经理", Role.MANAGER,
                "takeover2025".toCharArray()))).isEqualTo("security.session.none");

        assertThat(db.queryLong("SELECT COUNT(*) FROM operator")).isEqualTo(before);
        // the real administrator, logged in, still can
        db.auth().createOperator(admin, "2999", "新经理", Role.MANAGER, "initial2025".toCharArray());
    }

    @Test
    void aCashierDressedAsAManagerCannotRegisterStock() {
        Operator dressedUp = new Operator(wang.id(), "1001", "王伟", Role.MANAGER, true, false, 0, null);

        assertThat(refusal(() -> stock.register(dressedUp, "1001", ReceiptKind.RECEIPT, 1, 100)))
                .isEqualTo("security.session.none");
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt_stock")).isZero();
    }

    @Test
    void theRoleAndStatusComeFromTheDatabaseNotFromTheObject() {
        db.execute("UPDATE operator SET role = 'CASHIER' WHERE staff_no = '2001'");
        assertThat(refusal(() -> stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 100)))
                .isEqualTo("security.permission.denied");

        db.execute("UPDATE operator SET active = FALSE WHERE staff_no = '1001'");
        assertThat(refusal(() -> stock.voidable(wang, ReceiptKind.RECEIPT, 1))).isEqualTo("security.permission.denied");
        assertThat(Sessions.allows(wang, Permission.LOOKUP)).isFalse();
    }

    @Test
    void logOutEndsTheSession() {
        assertThat(Sessions.allows(wang, Permission.COUNTER_BUSINESS)).isTrue();
        db.auth().logout(wang);

        assertThat(refusal(() -> stock.voidable(wang, ReceiptKind.RECEIPT, 1))).isEqualTo("security.session.none");
        assertThat(db.queryLong("SELECT COUNT(*) FROM operator_session WHERE ended_at IS NOT NULL")).isEqualTo(1);
        // logging in again gives a new session; the old object stays refused
        Operator again = db.auth().login("1001", "demo1001".toCharArray());
        assertThat(Sessions.allows(again, Permission.COUNTER_BUSINESS)).isTrue();
        assertThat(Sessions.allows(wang, Permission.COUNTER_BUSINESS)).isFalse();
    }

    @Test
    void theDatabaseFileHoldsNoUsableToken() {
        String token = wang.sessionToken();
        assertThat(token).hasSize(32);
        assertThat(db.queryLong("SELECT COUNT(*) FROM operator_session WHERE token_hash = '" + token + "'")).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM operator_session WHERE token_hash = '"
                + Sessions.hash(token) + "'")).isEqualTo(1);
    }

    @Test
    void oneGrantAllowsOneVoidNotTwo() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 100);
        IssuedReceipt first = receipts.issue(wang, ReceiptKind.RECEIPT);
        IssuedReceipt second = receipts.issue(wang, ReceiptKind.RECEIPT);
        ApprovalGrant grant = db.auth().authoriseApprover(wang, "2001", "demo2001".toCharArray());

        stock.voidReceipt(wang, ReceiptKind.RECEIPT, first.number(), "打印错位", grant);
        assertThat(refusal(() -> stock.voidReceipt(wang, ReceiptKind.RECEIPT, second.number(), "也作废", grant)))
                .isIn("security.approval.otherAction", "security.approval.used");

        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt WHERE void_approval IS NOT NULL")).isEqualTo(1);
        assertThat(db.queryLong("SELECT COUNT(*) FROM approval")).isEqualTo(1);
    }

    @Test
    void aGrantForOneCashierDoesNotVoidAnotherCashiersReceipt() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 100);
        stock.register(manager, "1002", ReceiptKind.RECEIPT, 101, 200);
        receipts.issue(wang, ReceiptKind.RECEIPT);
        IssuedReceipt lis = receipts.issue(li, ReceiptKind.RECEIPT);
        ApprovalGrant forWang = db.auth().authoriseApprover(wang, "2001", "demo2001".toCharArray());

        assertThat(refusal(() -> stock.voidReceipt(li, ReceiptKind.RECEIPT, lis.number(), "借用授权", forWang)))
                .isEqualTo("security.approval.otherRequester");
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt WHERE void_approval IS NOT NULL")).isZero();
    }

    @Test
    void aGrantOnceCommittedIsNotUsedAgainEvenForTheSameActionAndSubject() {
        ApprovalGrant grant = db.auth().authoriseApprover(wang, "2001", "demo2001".toCharArray());
        ApprovalRecorder recorder = new ApprovalRecorder(db.journal());
        Runnable waive = () -> db.database().inTransaction(tx -> {
            long id = recorder.record(tx, grant, wang, "WAIVE_LATE_FEE", "bill:7", "银行代扣失败");
            return db.journal().append(tx, wang.staffNo(), "LATE_FEE_WAIVED", "bill:7", Map.of("approvalId", id));
        });
        waive.run();

        assertThat(refusal(waive)).isEqualTo("security.approval.used");
        assertThat(refusal(() -> db.database().inTransaction(tx -> recorder.record(tx, grant, wang,
                "REVERSE_PAYMENT", "payment:1", "冲正")))).isEqualTo("security.approval.otherAction");
        assertThat(db.queryLong("SELECT COUNT(*) FROM approval")).isEqualTo(1);
    }

    @Test
    void anApproverDemotedAfterTheGrantNoLongerApproves() {
        ApprovalGrant grant = db.auth().authoriseApprover(wang, "2001", "demo2001".toCharArray());
        db.execute("UPDATE operator SET role = 'CASHIER' WHERE staff_no = '2001'");

        assertThat(refusal(() -> db.database().inTransaction(tx -> new ApprovalRecorder(db.journal())
                .record(tx, grant, wang, "WAIVE_LATE_FEE", "bill:7", "银行代扣失败"))))
                .isEqualTo("security.approval.notManager");
    }

    @Test
    void aHandMadeRequesterGetsNoGrant() {
        Operator forged = new Operator(wang.id(), "1001", "王伟", Role.CASHIER, true, false, 0, null);
        assertThat(refusal(() -> db.auth().authoriseApprover(forged, "2001", "demo2001".toCharArray())))
                .isEqualTo("security.session.none");
    }
}
