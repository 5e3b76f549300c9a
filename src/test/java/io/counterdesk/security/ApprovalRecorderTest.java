package io.counterdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.counterdesk.persistence.JournalEvent;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.shared.BusinessException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApprovalRecorderTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private Operator cashier;
    private Operator manager;
    private ApprovalGrant grant;
    private ApprovalRecorder recorder;

    @BeforeEach
    void managerApprovesACashiersRequest() {
        cashier = db.addOperator("1001", "王伟", Role.CASHIER, "wang2025a");
        manager = db.addOperator("2001", "张敏", Role.MANAGER, "zhang2025m");
        grant = db.auth().authoriseApprover(cashier, "2001", "zhang2025m".toCharArray());
        recorder = new ApprovalRecorder(db.journal());
    }

    /** A business action that needs approval: the approval and the action's own event in one transaction. */
    private long waiveLateFee(ApprovalGrant approval, Operator requester, String reason) {
        return db.database().inTransaction(tx -> {
            long id = recorder.record(tx, approval, requester, "LATE_FEE_WAIVED", "account:3300000001", reason);
            db.journal().append(tx, requester.staffNo(), "LATE_FEE_WAIVED", "account:3300000001",
                    Map.of("approvalId", id, "amountFen", 150L));
            return id;
        });
    }

    private long approvals() {
        return db.queryLong("SELECT COUNT(*) FROM approval");
    }

    @Test
    void recordsTheApprovalRowAndItsJournalEventWithTheAction() {
        long id = waiveLateFee(grant, cashier, "  银行代扣失败，非用户原因  ");

        Map<String, Object> row = db.database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT action, subject, reason, requested_by, approved_by FROM approval WHERE id = :id")
                .bind("id", id).mapToMap().one());
        assertThat(row).containsEntry("action", "LATE_FEE_WAIVED")
                .containsEntry("subject", "account:3300000001")
                .containsEntry("reason", "银行代扣失败，非用户原因")
                .containsEntry("requested_by", cashier.id())
                .containsEntry("approved_by", manager.id());
        List<JournalEvent> events = db.events().subList(db.events().size() - 2, db.events().size());
        assertThat(events).extracting(JournalEvent::type).containsExactly("APPROVAL", "LATE_FEE_WAIVED");
        assertThat(events.get(0).staffNo()).isEqualTo("2001");
        assertThat(events.get(0).payload()).isEqualTo("{\"action\":\"LATE_FEE_WAIVED\",\"approvalId\":" + id
                + ",\"approvedBy\":\"2001\",\"reason\":\"银行代扣失败，非用户原因\",\"requestedBy\":\"1001\"}");
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    @Test
    void needsAReason() {
        for (String reason : new String[] {null, "", "   "}) {
            BusinessException refused = catchThrowableOfType(BusinessException.class,
                    () -> waiveLateFee(grant, cashier, reason));
            assertThat(refused.key()).isEqualTo("security.approval.reasonRequired");
        }
        assertThat(approvals()).isZero();
        assertThat(db.events("APPROVAL")).isEmpty();
    }

    @Test
    void needsAGrant() {
        BusinessException refused = catchThrowableOfType(BusinessException.class,
                () -> waiveLateFee(null, cashier, "理由"));

        assertThat(refused.key()).isEqualTo("security.approval.required");
    }

    @Test
    void writesNothingWhenTheCallersTransactionRollsBack() {
        long eventsBefore = db.events().size();

        assertThatThrownBy(() -> db.database().inTransaction(tx -> {
            recorder.record(tx, grant, cashier, "LATE_FEE_WAIVED", "account:3300000001", "理由");
            throw new IllegalStateException("the waiver itself failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(approvals()).isZero();
        assertThat(db.events()).hasSize((int) eventsBefore);
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    @Test
    void grantExpiresAfterFiveMinutes() {
        db.clock().advance(Duration.ofMinutes(5));
        waiveLateFee(grant, cashier, "理由");

        db.clock().advance(Duration.ofSeconds(1));
        BusinessException refused = catchThrowableOfType(BusinessException.class,
                () -> waiveLateFee(grant, cashier, "理由"));

        assertThat(refused.key()).isEqualTo("security.approval.expired");
        assertThat(approvals()).isEqualTo(1);
    }

    @Test
    void approverCannotBeTheRequester() {
        BusinessException refused = catchThrowableOfType(BusinessException.class,
                () -> waiveLateFee(grant, manager, "理由"));

        assertThat(refused.key()).isEqualTo("security.approval.selfApproval");
        assertThat(approvals()).isZero();
    }
}
