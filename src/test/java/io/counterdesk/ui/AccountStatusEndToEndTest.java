package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.Address;
import io.counterdesk.account.Holder;
import io.counterdesk.account.IdType;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.NewAccount;
import io.counterdesk.account.SuspensionCandidate;
import io.counterdesk.account.UseType;
import io.counterdesk.account.ui.SuspensionListViewModel;
import io.counterdesk.app.CounterDesk;
import io.counterdesk.billing.BillRepository;
import io.counterdesk.payment.DueBill;
import io.counterdesk.payment.FeeItem;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.printing.CapturedJob;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 停气/复气/销户 end to end, keyboard only, on the real program with a fresh demo database. A
 * restaurant 20 days overdue shows in the suspension list (Ctrl+U), is suspended (F6), pays its
 * arrears on the payment screen (F5) and has its supply restored (F7). A shop that paid the meter test
 * deposit is closed (F8) with the hall manager's approval, and its refund receipt is read back from
 * the capture printer.
 */
class AccountStatusEndToEndTest {

    private static final String RESTAURANT = "3388000001";
    private static final String SHOP = "3388000002";

    @RegisterExtension
    final CounterApp program = CounterApp.demo(200);

    private CounterDesk desk;
    private Operator backOffice;
    private final CounterDriver cashier = new CounterDriver();

    @BeforeEach
    void readTheBackEnd() {
        desk = program.desk();
        backOffice = program.login("1001");
    }

    private long account(String accountNo, String holder, long dueDaysAgo, long billYuan) {
        LocalDate today = LocalDate.now(program.config().clock());
        NewAccount account = new NewAccount(accountNo, AccountKind.NON_RESIDENTIAL, UseType.COMMERCIAL_KITCHEN,
                MeterKind.ORDINARY, "M" + accountNo, null, new Address("西湖区", "文三路", "美食街", "8", "1", "101"),
                new Holder(holder, IdType.RESIDENT_ID, "11010519491231002X", "0571-88001122"), today.minusYears(2));
        return desk.database().inTransaction(tx -> {
            long id = new AccountRepository().insert(tx, account);
            if (billYuan > 0) {
                new BillRepository().insertAll(tx, List.of(new BillRepository.NewBill(id,
                        YearMonth.from(today.minusDays(dueDaysAgo + 10)), 1000, 1200, 200, Money.ofYuan(billYuan),
                        today.minusDays(dueDaysAgo), Money.ZERO)));
            }
            return id;
        });
    }

    /** The account numbers in the suspension list, as the table holds them. */
    private List<String> listed() {
        return CounterDriver.onFx(() -> {
            javafx.scene.control.TableView<?> table = (javafx.scene.control.TableView<?>) cashier.scene()
                    .lookup("#suspension-table");
            return table.getItems().stream().map(r -> ((SuspensionListViewModel.Row) r).accountNo()).toList();
        });
    }

    private void waitForStatus(String badge) {
        cashier.waitUntil("the account shows " + badge, () -> cashier.text("#detail-status").orElse("").equals(badge));
    }

    private void waitForMessage(String part) {
        cashier.waitUntil("the message line says " + part,
                () -> cashier.text("#shell-message").orElse("").contains(part));
    }

    @Test
    void anOverdueRestaurantIsListedSuspendedPaysAndIsRestored() {
        long id = account(RESTAURANT, "杭州味道餐饮有限公司", 20, 400);
        cashier.logInAndOpenTill("1001", "demo1001", "500");

        // Ctrl+U: the list, with the restaurant 20 days overdue
        List<SuspensionCandidate> due = desk.accountStatus().candidates(backOffice);
        int row = due.stream().map(SuspensionCandidate::accountNo).toList().indexOf(RESTAURANT);
        assertThat(row).isNotNegative();
        cashier.press(KeyCode.CONTROL, KeyCode.U);
        cashier.waitUntilFocused("suspension-table");
        cashier.waitUntil("the list is read", () -> cashier.allTexts().contains(RESTAURANT));
        assertThat(listed()).hasSize(due.size()).element(row).isEqualTo(RESTAURANT);
        assertThat(cashier.text("#suspension-status")).hasValue("共 " + due.size() + " 户需要停气");
        String texts = cashier.allTexts();
        assertThat(texts).contains("杭州味道餐饮有限公司", "20 天", "¥400.00", "¥40.00", "¥440.00");

        // Enter on its row: the account
        for (int i = 0; i < row; i++) {
            cashier.press(KeyCode.DOWN);
        }
        cashier.openWithEnter();
        assertThat(cashier.text("#detail-account-no")).hasValue(RESTAURANT);
        waitForStatus("正常");
        assertThat(cashier.text("#detail-key-hint")).hasValue(
                "F5 缴费　　F6 停气　　F8 销户　　Ctrl+K 银行代扣变更/取消　　Ctrl+J 余额/押金转移　　Esc 返回查询");

        // F6: the reason is offered; Enter suspends
        cashier.press(KeyCode.F6);
        cashier.waitUntilFocused("status-reason");
        assertThat(cashier.text("#status-reason")).hasValue(I18n.text("ui.accountStatus.defaultSuspendReason"));
        cashier.press(KeyCode.ENTER);
        waitForStatus("停气");
        waitForMessage("已对 " + RESTAURANT + " 停气");
        cashier.waitUntil("the hint line offers 复气, not 停气", () -> cashier.text("#detail-key-hint").orElse("")
                .equals("F5 缴费　　F7 复气　　F8 销户　　Ctrl+K 银行代扣变更/取消　　Ctrl+J 余额/押金转移　　Esc 返回查询"));

        // Esc: back to the list, read again, without the restaurant
        cashier.press(KeyCode.ESCAPE);
        cashier.waitUntil("the list is read again", () -> cashier.showing("#suspension-list")
                && cashier.text("#suspension-status").orElse("").equals(due.size() == 1 ? "今天没有需要停气的用户"
                        : "共 " + (due.size() - 1) + " 户需要停气"));
        assertThat(listed()).doesNotContain(RESTAURANT).hasSize(due.size() - 1);

        // the account again from the search; F7 before paying is refused with what is owed
        cashier.press(KeyCode.ESCAPE);
        cashier.search(RESTAURANT);
        cashier.openWithEnter();
        waitForStatus("停气");
        cashier.press(KeyCode.F7);
        waitForMessage("该户还欠 ¥440.00");
        assertThat(cashier.text("#detail-status")).hasValue("停气");

        // F5: the payment screen takes the arrears of a suspended account
        Money owed = desk.payments().dueBills(backOffice, id).stream().map(DueBill::total)
                .reduce(Money.ZERO, Money::plus);
        assertThat(owed).isEqualTo(Money.parse("440.00"));
        cashier.press(KeyCode.F5);
        cashier.waitUntilFocused("pay-cash");
        cashier.waitUntil("the bills are shown", () -> cashier.text("#pay-account-no").orElse("").equals(RESTAURANT));
        cashier.type("440");
        cashier.waitUntil("the change is worked out", () -> cashier.text("#pay-change").orElse("").equals("¥0.00"));
        cashier.press(KeyCode.F12);
        cashier.waitUntil("the confirmation shows", () -> cashier.showing("#pay-confirmation"));
        cashier.press(KeyCode.ENTER);
        cashier.waitUntil("the payment's result shows", () -> cashier.showing("#pay-result"));
        cashier.press(KeyCode.ESCAPE);
        cashier.waitUntil("the account is read again", () -> cashier.showing("#account-detail")
                && cashier.text("#detail-arrears").orElse("").equals("¥0.00"));

        // F7: supply restored
        cashier.press(KeyCode.F7);
        waitForStatus("正常");
        waitForMessage("已对 " + RESTAURANT + " 复气");
        assertThat(desk.database().read(tx -> new AccountRepository().findById(tx, id)).orElseThrow().status().name())
                .isEqualTo("ACTIVE");
    }

    @Test
    void aShopIsClosedWithItsDepositPaidBackOnAReceiptTheManagerApproved() throws Exception {
        long id = account(SHOP, "城西便利店", 0, 0);
        cashier.logInAndOpenTill("1001", "demo1001", "500");
        FeeItem deposit = desk.payments().feeCatalogue().stream().filter(f -> f.code().equals("METER_TEST_DEPOSIT"))
                .findFirst().orElseThrow();
        desk.payments().collect(backOffice, id, new PaymentInput(PaymentInput.Bills.NONE,
                List.of(new FeeItem.Line(deposit, 1)), Money.ofYuan(300), List.of(), List.of(), Money.ZERO, false,
                List.of()));
        CapturePrinter capture = program.printer();
        int jobsBefore = capture.jobs().size();

        cashier.search(SHOP);
        cashier.openWithEnter();
        waitForStatus("正常");

        // F8: what will be paid back, the reason, the hall manager's 工号 and password
        cashier.press(KeyCode.F8);
        cashier.waitUntilFocused("topup-approval-reason");
        assertThat(cashier.text("#topup-approval-what")).hasValueSatisfying(t -> assertThat(t)
                .contains(SHOP, "表具检测押金退还 ¥300.00", "共付现金 ¥300.00"));
        cashier.type("店铺停业");
        cashier.press(KeyCode.ENTER);
        cashier.waitUntilFocused("topup-approval-staff-no");
        cashier.type("2001").press(KeyCode.ENTER);
        cashier.waitUntilFocused("topup-approval-password");
        cashier.type("demo2001").press(KeyCode.ENTER);

        waitForStatus("销户");
        waitForMessage("退款收据");
        assertThat(cashier.text("#shell-message")).hasValueSatisfying(t -> assertThat(t)
                .contains("已销户 " + SHOP, "请付给客户现金 ¥300.00", "已打印"));

        List<CapturedJob> jobs = capture.awaitJobs(jobsBefore + 1, Duration.ofSeconds(30));
        String receipt = jobs.get(jobsBefore).text();
        System.out.println(receipt);
        assertThat(receipt).contains(SHOP, "表具检测押金退还", "-300.00", "[DRAWER]");
        assertThat(desk.database().read(tx -> new AccountRepository().findById(tx, id)).orElseThrow().status().name())
                .isEqualTo("CLOSED");

        // a closed account: F5, F6, F7, F8 offer nothing; the status keys are gone from the key map
        cashier.press(KeyCode.F8);
        cashier.press(KeyCode.F6);
        assertThat(cashier.showing("#topup-approval")).isFalse();
        assertThat(cashier.showing("#status-reason-dialog")).isFalse();
    }
}
