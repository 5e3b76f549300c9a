package io.counterdesk.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.receipt.ReceiptsForTests;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The per-hour chart reads the day's completed payments from the database. */
class DayChartsTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void countsTheCompletedPaymentsOfTheBusinessDayOnly() {
        Operator wang = db.addOperator("1001", "王伟", Role.CASHIER, "demo1001");
        Operator manager = db.addOperator("2001", "张敏", Role.MANAGER, "demo2001");
        new ReceiptStockService(db.database(), db.journal(), new ApprovalRecorder(db.journal()))
                .register(manager, "1001", ReceiptKind.RECEIPT, 1, 100);
        ReceiptsForTests receipts = new ReceiptsForTests(db);
        for (int i = 0; i < 5; i++) {
            receipts.issue(wang, ReceiptKind.RECEIPT);
        }
        db.execute("UPDATE payment SET status = 'CANCELLED' WHERE id = (SELECT MIN(id) FROM payment)");
        DayCharts charts = new DayCharts(db.database(), TestDatabase.ZONE);

        Chart day = charts.transactionsPerHour(LocalDate.of(2025, 3, 10));
        Chart other = charts.transactionsPerHour(LocalDate.of(2025, 3, 11));

        assertThat(day.labels().stream().mapToLong(l -> day.value(0, l)).sum()).isEqualTo(4);
        assertThat(other.isEmpty()).isTrue();
        assertThat(other.labels()).hasSize(10);
    }
}
