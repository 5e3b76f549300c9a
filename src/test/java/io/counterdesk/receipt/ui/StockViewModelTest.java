package io.counterdesk.receipt.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.receipt.ReceiptsForTests;
import io.counterdesk.receipt.StockRange;
import io.counterdesk.receipt.ui.ConfirmedForm.Step;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.CurrentThreadTaskExecutor;
import io.counterdesk.ui.MessageKind;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The receipt stock screens' logic (ranges, handover, void, month-end listing) on a real H2
 * database with the real migrations, every background task run at once on the test's thread.
 * The clock stands at 2025-03-10 09:30 in the hall.
 */
class StockViewModelTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private Operator wang;
    private Operator li;
    private Operator manager;
    private ReceiptStockService stock;
    private ReceiptsForTests receipts;
    private StockViewModel.Services services;

    @BeforeEach
    void setUp() {
        I18n.setLocale(I18n.CHINESE);
        wang = db.addOperator("1001", "王伟", Role.CASHIER, "demo1001");
        li = db.addOperator("1002", "李娜", Role.CASHIER, "demo1002");
        manager = db.addOperator("2001", "张敏", Role.MANAGER, "demo2001");
        db.addOperator("9001", "陈静", Role.ADMIN, "demo9001");
        stock = new ReceiptStockService(db.database(), db.journal(), new ApprovalRecorder(db.journal()));
        receipts = new ReceiptsForTests(db);
        services = new StockViewModel.Services(stock, db.auth(), db.clock());
    }

    private StockViewModel screen(Operator operator) {
        StockViewModel model = new StockViewModel(new CurrentThreadTaskExecutor(), services, operator);
        model.load();
        return model;
    }

    private RangeRow row(StockViewModel model, ReceiptKind kind) {
        return model.ranges().stream().filter(r -> r.kind() == kind && r.range().isActive()).findFirst().orElseThrow();
    }

    private void issue(Operator cashier, ReceiptKind kind, int count) {
        for (int i = 0; i < count; i++) {
            receipts.issue(cashier, kind);
        }
    }

    // ---- the cashier's ranges ----

    @Test
    void listsTheCashiersRangesWithTheNextNumberAndWhatIsLeft() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 100);
        stock.register(manager, "1001", ReceiptKind.CHECK_SLIP, 501, 550);
        stock.register(manager, "1002", ReceiptKind.RECEIPT, 101, 200);
        issue(wang, ReceiptKind.RECEIPT, 2);

        StockViewModel model = screen(wang);

        assertThat(model.ranges()).extracting(RangeRow::kindText, RangeRow::rangeText, RangeRow::used,
                        RangeRow::nextText, RangeRow::remaining, RangeRow::statusText)
                .containsExactly(
                        tuple("核对单", "00000501–00000550", 0L, "00000501", 50L, "使用中"),
                        tuple("收款收据", "00000001–00000100", 2L, "00000003", 98L, "使用中"));
        assertThat(model.availableProperty().get()).isEqualTo("可用：核对单 50 张，收款收据 98 张");
        assertThat(model.status().kind()).isEqualTo(MessageKind.NONE);
        assertThat(model.status().isBusy()).isFalse();
    }

    @Test
    void aCashierWithoutStockIsToldSoAndHasNothingToHandOverOrVoid() {
        StockViewModel model = screen(wang);

        assertThat(model.ranges()).isEmpty();
        assertThat(model.status().message()).isEqualTo("您名下没有登记过票据，请营业厅负责人登记");
        assertThat(model.handover(null)).isEmpty();
        assertThat(model.status().kind()).isEqualTo(MessageKind.ERROR);
        assertThat(model.status().message()).contains("没有可交接的票据");
        assertThat(model.voidReceipt(null)).isEmpty();
        assertThat(model.status().message()).contains("没有可作废的号码");
    }

    // ---- handover ----

    @Test
    void handsTheUnusedNumbersToAnotherCashierWhoConfirmsWithTheirOwnPassword() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 100);
        stock.register(manager, "1001", ReceiptKind.CHECK_SLIP, 501, 550);
        issue(wang, ReceiptKind.RECEIPT, 2);
        StockViewModel model = screen(wang);

        HandoverViewModel handover = model.handover(row(model, ReceiptKind.RECEIPT)).orElseThrow();
        assertThat(handover.kind().get()).isEqualTo(ReceiptKind.RECEIPT);
        assertThat(handover.passingProperty().get()).isEqualTo("交出：收款收据 00000003–00000100，共 98 张");
        handover.stepKind(1);
        assertThat(handover.passingProperty().get()).isEqualTo("交出：核对单 00000501–00000550，共 50 张");
        handover.stepKind(-1);

        handover.receiver().staffNoProperty().set("1002");
        handover.receiver().passwordProperty().set("wrong1002");
        handover.check();
        assertThat(handover.form().stepProperty().get()).isEqualTo(Step.ENTERING);
        assertThat(handover.form().status().message()).isEqualTo("工号或密码不对");
        assertThat(handover.form().errorField()).isEqualTo(HandoverViewModel.Field.PASSWORD);
        assertThat(handover.receiver().passwordProperty().get()).as("the password is not kept").isEmpty();
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt_stock_handover")).isZero();

        handover.receiver().passwordProperty().set("demo1002");
        handover.check();
        assertThat(handover.form().stepProperty().get()).isEqualTo(Step.CONFIRMING);
        assertThat(handover.form().summaryProperty().get())
                .isEqualTo("将 收款收据 00000003–00000100（98 张）由 1001 王伟 交给 1002 李娜");
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt_stock_handover")).as("nothing before Enter").isZero();

        handover.confirm();

        assertThat(handover.form().stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(db.queryLong("""
                SELECT COUNT(*) FROM receipt_stock_handover h JOIN operator f ON f.id = h.from_operator
                JOIN operator t ON t.id = h.to_operator
                WHERE f.staff_no = '1001' AND t.staff_no = '1002' AND h.first_no = 3 AND h.last_no = 100""")).isEqualTo(1);
        assertThat(stock.ranges(li)).singleElement().satisfies(r -> {
            assertThat(r.firstNo()).isEqualTo(3);
            assertThat(r.nextNo()).isEqualTo(3);
        });
        assertThat(model.status().message()).isEqualTo("交接完成：收款收据 00000003–00000100（98 张）已交给 1002 李娜");
        assertThat(model.ranges()).filteredOn(r -> r.kind() == ReceiptKind.RECEIPT).singleElement()
                .satisfies(r -> {
                    assertThat(r.rangeText()).isEqualTo("00000001–00000002");
                    assertThat(r.remaining()).isZero();
                    assertThat(r.nextText()).isEqualTo("—");
                });
        assertThat(model.availableProperty().get()).isEqualTo("可用：核对单 50 张");
    }

    @Test
    void aRangeHandedOverWholeShowsAsHandedOverWithoutNumbers() {
        stock.register(manager, "1001", ReceiptKind.CHECK_SLIP, 501, 550);
        stock.handOver(wang, db.auth().confirmOperator("1002", "demo1002".toCharArray()), ReceiptKind.CHECK_SLIP);

        StockViewModel model = screen(wang);

        assertThat(model.ranges()).singleElement().satisfies(r -> {
            assertThat(r.rangeText()).isEqualTo("—");
            assertThat(r.count()).isZero();
            assertThat(r.remaining()).isZero();
            assertThat(r.statusText()).isEqualTo("已交出");
        });
        assertThat(model.availableProperty().get()).isEqualTo("没有可用的票据号码");
        assertThat(screen(li).ranges()).singleElement()
                .satisfies(r -> assertThat(r.rangeText()).isEqualTo("00000501–00000550"));
    }

    @Test
    void theReceiverMustBeAnotherOperatorWhoDoesCounterBusiness() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 100);
        StockViewModel model = screen(wang);
        HandoverViewModel handover = model.handover(null).orElseThrow();

        handover.receiver().staffNoProperty().set(" 1001 ");
        handover.receiver().passwordProperty().set("demo1001");
        handover.check();
        assertThat(handover.form().status().message()).isEqualTo("不能把票据交接给自己");
        assertThat(handover.form().errorField()).isEqualTo(HandoverViewModel.Field.STAFF_NO);
        assertThat(db.events("CONFIRMATION")).as("no password was checked").isEmpty();

        handover.receiver().staffNoProperty().set("9001");
        handover.receiver().passwordProperty().set("demo9001");
        handover.check();
        assertThat(handover.form().stepProperty().get()).isEqualTo(Step.ENTERING);
        assertThat(handover.form().status().message()).isEqualTo("9001 陈静 不办理柜台业务，不能接收票据");

        handover.receiver().staffNoProperty().set("");
        handover.check();
        assertThat(handover.form().status().message()).isEqualTo("请接收人输入自己的工号和密码");
        assertThat(handover.form().errorField()).isEqualTo(HandoverViewModel.Field.STAFF_NO);
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt_stock_handover")).isZero();
        assertThat(stock.ranges(wang)).singleElement().extracting(StockRange::status).isEqualTo("ACTIVE");
    }

    @Test
    void aHandoverRefusedWhenRecordedChangesNothingAndSaysWhy() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 3);
        StockViewModel model = screen(wang);
        HandoverViewModel handover = model.handover(null).orElseThrow();
        handover.receiver().staffNoProperty().set("1002");
        handover.receiver().passwordProperty().set("demo1002");
        handover.check();
        assertThat(handover.form().stepProperty().get()).isEqualTo(Step.CONFIRMING);

        issue(wang, ReceiptKind.RECEIPT, 3); // meanwhile the range is used up (another screen)
        handover.confirm();

        assertThat(handover.form().stepProperty().get()).isEqualTo(Step.ENTERING);
        assertThat(handover.form().status().kind()).isEqualTo(MessageKind.ERROR);
        assertThat(handover.form().status().message()).isEqualTo("您没有可用的收款收据号段，请营业厅负责人先登记票据");
        assertThat(handover.form().summaryProperty().get()).isEmpty();
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt_stock_handover")).isZero();
        assertThat(stock.ranges(li)).isEmpty();
    }

    // ---- void ----

    @Test
    void voidsANumberWithAReasonAndAManagersApproval() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 100);
        issue(wang, ReceiptKind.RECEIPT, 3);
        StockViewModel model = screen(wang);
        VoidViewModel voiding = model.voidReceipt(row(model, ReceiptKind.RECEIPT)).orElseThrow();

        voiding.numberProperty().set("2");
        voiding.lookUp();
        assertThat(voiding.receiptTextProperty().get()).isEqualTo("收款收据 00000002 · ¥0.00 · 户号 3300000001 的收费 · "
                + "2025-03-10 09:30 开出 · 该笔收费仍然有效：作废后当即重开新票（同一笔收费，按 F9 打印）");

        voiding.manager().staffNoProperty().set("2001");
        voiding.manager().passwordProperty().set("demo2001");
        voiding.check();
        assertThat(voiding.form().status().message()).isEqualTo("请填写作废原因");
        assertThat(voiding.form().errorField()).isEqualTo(VoidViewModel.Field.REASON);

        voiding.reasonProperty().set("打印错位");
        voiding.manager().passwordProperty().set("wrong2001");
        voiding.check();
        assertThat(voiding.form().stepProperty().get()).isEqualTo(Step.ENTERING);
        assertThat(voiding.form().status().message()).isEqualTo("工号或密码不对");
        assertThat(voiding.form().errorField()).isEqualTo(VoidViewModel.Field.PASSWORD);
        assertThat(voiding.manager().passwordProperty().get()).isEmpty();

        voiding.manager().passwordProperty().set("demo2001");
        voiding.check();
        assertThat(voiding.form().stepProperty().get()).isEqualTo(Step.CONFIRMING);
        assertThat(voiding.form().summaryProperty().get()).isEqualTo("作废重开 收款收据 00000002（¥0.00），原因：打印错位；授权：2001 张敏。该笔收费仍然有效，将开出新票");
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt WHERE status = 'VOIDED'")).as("nothing before Enter")
                .isZero();

        voiding.confirm();

        assertThat(voiding.form().stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt WHERE number = 2 AND status = 'VOIDED' AND void_reason = '打印错位'"))
                .isEqualTo(1);
        assertThat(db.events("RECEIPT_VOIDED")).hasSize(1);
        assertThat(model.status().message())
                .isEqualTo("收款收据 00000002 已作废（2001 张敏 授权） 已重开新票 00000004，按 F9 打印");
        assertThat(row(model, ReceiptKind.RECEIPT).nextText()).as("the number stays used; 4 replaced it")
                .isEqualTo("00000005");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            '',         请输入要作废的票号
            abc,        “abc”不是票号，请只输入数字
            0,          “0”不是票号，请只输入数字
            101,        收款收据 00000101 不是您开出的，只能由开票的收费员作废
            7,          没有号码为 00000007 的票据
            """)
    void aNumberThatCannotBeVoidedIsRefusedBeforeTheManagerIsAsked(String typed, String refusal) {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 100);
        stock.register(manager, "1002", ReceiptKind.RECEIPT, 101, 200);
        issue(wang, ReceiptKind.RECEIPT, 1);
        issue(li, ReceiptKind.RECEIPT, 1);
        VoidViewModel voiding = screen(wang).voidReceipt(null).orElseThrow();

        voiding.numberProperty().set(typed);
        voiding.lookUp();
        assertThat(voiding.form().status().message()).isEqualTo(refusal);
        assertThat(voiding.form().errorField()).isEqualTo(VoidViewModel.Field.NUMBER);
        assertThat(voiding.receiptTextProperty().get()).isEmpty();

        voiding.reasonProperty().set("重复收费");
        voiding.manager().staffNoProperty().set("2001");
        voiding.manager().passwordProperty().set("demo2001");
        voiding.check();
        assertThat(voiding.form().stepProperty().get()).isEqualTo(Step.ENTERING);
        assertThat(voiding.form().status().message()).isEqualTo(refusal);
        assertThat(voiding.form().errorField()).isEqualTo(VoidViewModel.Field.NUMBER);
        assertThat(db.events("APPROVER_CHECK")).as("the manager's password was not checked").isEmpty();
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt WHERE status = 'VOIDED'")).isZero();
    }

    @Test
    void aVoidNumberCannotBeVoidedAgainAndFullWidthDigitsAreNumbers() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 100);
        issue(wang, ReceiptKind.RECEIPT, 1);
        StockViewModel model = screen(wang);
        VoidViewModel first = model.voidReceipt(null).orElseThrow();
        first.numberProperty().set("０００００００１");
        first.reasonProperty().set("客户信息有误");
        first.manager().staffNoProperty().set("2001");
        first.manager().passwordProperty().set("demo2001");
        first.check();
        first.confirm();
        assertThat(first.form().stepProperty().get()).isEqualTo(Step.DONE);

        VoidViewModel again = model.voidReceipt(null).orElseThrow();
        again.numberProperty().set("00000001");
        again.lookUp();
        assertThat(again.form().status().message()).isEqualTo("票据 00000001 已作废");
        assertThat(again.form().errorField()).isEqualTo(VoidViewModel.Field.NUMBER);
    }

    @Test
    void aCashierCannotApproveTheirOwnVoid() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 100);
        issue(wang, ReceiptKind.RECEIPT, 1);
        VoidViewModel voiding = screen(wang).voidReceipt(null).orElseThrow();
        voiding.numberProperty().set("1");
        voiding.reasonProperty().set("打印错位");
        voiding.manager().staffNoProperty().set("1001");
        voiding.manager().passwordProperty().set("demo1001");
        voiding.check();

        assertThat(voiding.form().stepProperty().get()).isEqualTo(Step.ENTERING);
        assertThat(voiding.form().status().message()).isEqualTo("1001 王伟 没有授权权限，请由营业厅负责人授权");
        assertThat(voiding.form().errorField()).isEqualTo(VoidViewModel.Field.PASSWORD);
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt WHERE status = 'VOIDED'")).isZero();
    }

    // ---- month-end listing ----

    @Test
    void onlyAHallManagerGetsTheMonthEndListing() {
        StockViewModel cashiers = screen(wang);
        assertThat(cashiers.monthEnd()).isEmpty();
        assertThat(cashiers.status().kind()).isEqualTo(MessageKind.ERROR);
        assertThat(cashiers.status().message()).startsWith("月末票据核对只能由营业厅负责人办理");

        // and the service refuses too, should a listing be asked for anyway
        MonthEndViewModel forced = new MonthEndViewModel(new CurrentThreadTaskExecutor(), services, wang);
        forced.load();
        assertThat(forced.status().message()).isEqualTo("您没有办理此业务的权限");
        assertThat(forced.rows()).isEmpty();

        assertThat(screen(manager).monthEnd()).isPresent();
    }

    @Test
    void theMonthEndListingGathersUsedVoidedAndRemainingNumbersPerCashierAndKind() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 10);
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 21, 30);
        stock.register(manager, "1001", ReceiptKind.CHECK_SLIP, 1, 50);
        stock.register(manager, "1002", ReceiptKind.RECEIPT, 101, 200);
        issue(wang, ReceiptKind.RECEIPT, 12);
        issue(li, ReceiptKind.RECEIPT, 1);
        stock.voidReceipt(wang, ReceiptKind.RECEIPT, 3, "客户信息有误",
                db.auth().authoriseApprover(wang, "2001", "demo2001".toCharArray()));
        stock.handOver(wang, db.auth().confirmOperator("1002", "demo1002".toCharArray()), ReceiptKind.CHECK_SLIP);

        MonthEndViewModel listing = screen(manager).monthEnd().orElseThrow();
        assertThat(listing.monthTextProperty().get()).isEqualTo("2025-03");
        listing.load();

        assertThat(listing.shownMonthProperty().get()).isEqualTo(YearMonth.of(2025, 3));
        assertThat(listing.rows()).extracting(ListingRow::holder, ListingRow::kindText, ListingRow::usedCount,
                        ListingRow::voidedCount, ListingRow::remainingCount)
                .containsExactly(
                        tuple("1001 王伟", "收款收据", 12L, 1L, 7L),
                        tuple("1002 李娜", "收款收据", 1L, 0L, 99L),
                        tuple("1002 李娜", "核对单", 0L, 0L, 50L));
        ListingRow wangs = listing.rows().get(0);
        assertThat(wangs.ranges()).containsExactly("00000001–00000010", "00000021–00000030");
        assertThat(wangs.used()).containsExactly("00000001–00000002", "00000004–00000010", "00000021–00000023");
        assertThat(wangs.voided()).containsExactly("00000003 客户信息有误");
        assertThat(wangs.remaining()).containsExactly("00000024–00000030");
        assertThat(listing.totalsProperty().get()).isEqualTo("2025-03 合计：已用 13 张，作废 1 张，剩余 156 张");
        assertThat(listing.detail(wangs)).isEqualTo("""
                1001 王伟 收款收据
                已用：00000001–00000002，00000004–00000010，00000021–00000023
                作废：00000003 客户信息有误
                剩余：00000024–00000030""");

        listing.step(-1);
        assertThat(listing.monthTextProperty().get()).isEqualTo("2025-02");
        assertThat(listing.rows()).as("nothing was registered before March").isEmpty();
        assertThat(listing.status().message()).isEqualTo("2025-02 没有登记的票据");
        listing.step(1);
        assertThat(listing.rows()).hasSize(3);
    }

    @Test
    void aMonthTypedWrongIsSaidSoAndTheTableStaysAsItWas() {
        stock.register(manager, "1001", ReceiptKind.RECEIPT, 1, 10);
        MonthEndViewModel listing = screen(manager).monthEnd().orElseThrow();
        listing.load();
        List<ListingRow> before = List.copyOf(listing.rows());

        listing.monthTextProperty().set("2025-13");
        listing.load();

        assertThat(listing.status().message()).isEqualTo("“2025-13”不是月份，请按 2025-03 的格式输入");
        assertThat(listing.rows()).containsExactlyElementsOf(before);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            2025-03,   2025-03
            2025-3,    2025-03
            202503,    2025-03
            2025年3月,  2025-03
            ２０２５－０３, 2025-03
            2025.12,   2025-12
            """)
    void monthsAreReadAsCashiersWriteThem(String typed, String month) {
        assertThat(MonthEndViewModel.parse(typed)).hasValue(YearMonth.parse(month));
    }

    @ParameterizedTest
    @CsvSource({"2025-13", "2025-00", "25-03", "March", "''"})
    void whatIsNoMonthIsNotTakenForOne(String typed) {
        assertThat(MonthEndViewModel.parse(typed)).isEmpty();
    }

    @Test
    void kindsAreChosenRoundTheListStartingAtTheHighlightedOne() {
        KindChoice choice = new KindChoice(List.of(ReceiptKind.RECEIPT, ReceiptKind.CHECK_SLIP), ReceiptKind.CHECK_SLIP);
        assertThat(choice.textProperty().get()).isEqualTo("核对单");
        choice.step(1);
        assertThat(choice.get()).isEqualTo(ReceiptKind.RECEIPT);
        choice.step(-1);
        choice.step(-1);
        assertThat(choice.get()).isEqualTo(ReceiptKind.RECEIPT);
        assertThat(new KindChoice(List.of(ReceiptKind.RECEIPT), ReceiptKind.INVOICE).get()).isEqualTo(ReceiptKind.RECEIPT);
    }

    @Test
    void issuedReceiptsAreFormattedAsPrinted() {
        assertThat(IssuedReceipt.formatNumber(10_002)).isEqualTo("00010002");
        assertThat(RangeRow.run(5, 5)).isEqualTo("00000005");
    }
}
