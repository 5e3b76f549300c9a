package io.counterdesk.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.receipt.ReceiptsForTests;
import io.counterdesk.receipt.StockListing;
import io.counterdesk.security.ApprovalGrant;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The receipt stock report from a real month-end listing on H2, read back from the PDF. */
class StockReportPdfTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private Operator wang;
    private Operator li;
    private Operator manager;
    private ReceiptStockService stock;
    private ReceiptsForTests receipts;
    private ReportPdfs pdfs;

    @BeforeEach
    void setUp() {
        wang = db.addOperator("1001", "王伟", Role.CASHIER, "demo1001");
        li = db.addOperator("1002", "李娜", Role.CASHIER, "demo1002");
        manager = db.addOperator("2001", "张敏", Role.MANAGER, "demo2001");
        stock = new ReceiptStockService(db.database(), db.journal(), new ApprovalRecorder(db.journal()));
        receipts = new ReceiptsForTests(db);
        pdfs = new ReportPdfs(() -> PdfFiles.FONT, db.terminal(), db.clock());
    }

    private void voidNext(Operator cashier, ReceiptKind kind, String reason) {
        long number = receipts.issue(cashier, kind).number();
        ApprovalGrant grant = db.auth().authoriseApprover(cashier, "2001", "demo2001".toCharArray());
        stock.voidReceipt(cashier, kind, number, reason, grant);
    }

    private List<StockListing> aMonthOfTwoCashiers() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 10);
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 101, 200);
        stock.register(manager, "1001", ReceiptKind.CHECK_SLIP, 5001, 5050);
        stock.register(manager, "1002", ReceiptKind.RECEIPT, 301, 400);
        for (int i = 0; i < 12; i++) {
            receipts.issue(wang, ReceiptKind.RECEIPT);
        }
        voidNext(wang, ReceiptKind.RECEIPT, "客户信息有误");
        receipts.issue(wang, ReceiptKind.RECEIPT);
        receipts.issue(wang, ReceiptKind.CHECK_SLIP);
        for (int i = 0; i < 3; i++) {
            receipts.issue(li, ReceiptKind.RECEIPT);
        }
        voidNext(li, ReceiptKind.RECEIPT, "打印错位");
        return stock.monthEnd(manager, YearMonth.of(2025, 3), TestDatabase.ZONE);
    }

    @Test
    void listsPerCashierAndKindTheNumbersUsedVoidedWithReasonsAndLeft() {
        List<StockListing> listings = aMonthOfTwoCashiers();

        byte[] pdf = pdfs.receiptStock(listings, YearMonth.of(2025, 3), manager);
        PdfFiles.keep("receipt-stock.pdf", pdf);

        String text = PdfFiles.text(pdf);
        assertThat(text).contains("票据核对月报").contains("2025-03：各收费员各类票据的已用、作废与结存")
                .contains(db.terminal().hallName());
        // 王伟's receipts: 1–10 used up, 101–200 with 101–105 issued, 103 voided and replaced by 104 (作废重开)
        assertThat(text).contains("1001 王伟 收款收据 00000001–00000010 已用完 10 0 0 —")
                .contains("1001 王伟 收款收据 00000101–00000200 使用中 4 1 95 00000106–00000200")
                .contains("小计 收款收据 14 1 95")
                .contains("1001 王伟 核对单 00005001–00005050 使用中 1 0 49 00005002–00005050")
                .contains("1002 李娜 收款收据 00000301–00000400 使用中 4 1 95 00000306–00000400")
                .contains("全厅合计 收款收据 18 2 190")
                .contains("全厅合计 核对单 1 0 49");
        assertThat(text).contains("00000001–00000010").contains("00000101–00000102，00000104–00000105")
                .contains("00000301–00000303");
        assertThat(text).contains("1001 王伟 收款收据 00000103 客户信息有误")
                .contains("1002 李娜 收款收据 00000304 打印错位");
        assertThat(text).contains("制表（签字）：").contains("营业厅负责人（签字）：").contains("打印：2001 张敏");
        assertThat(PdfFiles.pdfA2bFailures(pdf)).isEmpty();
    }

    @Test
    void aMonthWithoutStockSaysSo() {
        byte[] pdf = pdfs.receiptStock(List.of(), YearMonth.of(2025, 3), manager);

        assertThat(PdfFiles.text(pdf)).contains("本月没有登记或使用的票据号段。").doesNotContain("号段汇总");
    }

    @Test
    void aMonthWithoutVoidsSaysSo() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 10);
        receipts.issue(wang, ReceiptKind.RECEIPT);

        byte[] pdf = pdfs.receiptStock(stock.monthEnd(manager, YearMonth.of(2025, 3), TestDatabase.ZONE),
                YearMonth.of(2025, 3), manager);

        assertThat(PdfFiles.text(pdf)).contains("本月没有作废的票据。").contains("1001 王伟 收款收据 00000001–00000010 使用中 1 0 9");
    }
}
