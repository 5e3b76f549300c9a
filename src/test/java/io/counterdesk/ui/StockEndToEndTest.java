package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.counterdesk.app.CounterDesk;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ui.ListingRow;
import io.counterdesk.receipt.ui.RangeRow;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.Money;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Receipt stock end to end, keyboard only, on the real program and a fresh demo database. Cashier
 * 1001 has taken two cash payments (receipts 00010001 and 00010002). At the counter 1001 presses
 * F11, is refused the month-end listing, hands all check slips to 1002 (who first mistypes the
 * password), and voids 00010002 with hall manager 2001's password (after a number that was never
 * issued). Then 2001 logs in, F11, F6: the month-end listing shows 1001's receipts as one used, one
 * void, 4998 left, and the check slips with 1002.
 */
class StockEndToEndTest {

    @RegisterExtension
    final CounterApp program = CounterApp.demo(300);

    private final CounterDriver cashier = new CounterDriver();
    private final FxRobot robot = new FxRobot();

    @Test
    void handOverCheckSlipsVoidAReceiptWithAManagerAndSeeItInTheMonthEndListing() throws Exception {
        CounterDesk desk = program.desk();
        Operator wang = program.login("1001");
        desk.tills().open(wang, Money.ofYuan(500));
        for (TestBackend.Owing account : TestBackend.owing(desk, wang, a -> true).subList(0, 2)) {
            Money due = account.bills().stream().map(b -> b.outstanding().plus(b.lateFee()))
                    .reduce(Money.ZERO, Money::plus);
            desk.payments().collect(wang, account.accountId(), new PaymentInput(PaymentInput.Bills.ALL, List.of(), due, List.of(),
                    List.of(), Money.ZERO, false, List.of()));
        }

        // 1001 at the counter (the till is open already): F11
        cashier.logIn("1001", "demo1001");
        cashier.waitUntilFocused("search-field");
        cashier.press(KeyCode.F1);
        cashier.waitUntil("the key map shows", () -> cashier.showing("#key-map"));
        assertThat(cashier.allTexts()).contains("F11", "票据管理（本人票据号段、交接、作废、月末核对）");
        cashier.press(KeyCode.ESCAPE);
        cashier.press(KeyCode.F11);
        cashier.waitUntilFocused("stock-ranges");
        cashier.waitUntil("the ranges are read", () -> rows("#stock-ranges").size() == 2);
        assertThat(cashier.text("#screen-title")).hasValue("票据管理");
        assertThat(cashier.text("#stock-available")).hasValue("可用：核对单 5000 张，收款收据 4998 张");
        assertThat(this.<RangeRow>rows("#stock-ranges")).extracting(RangeRow::kindText, RangeRow::nextText)
                .containsExactly(tuple("核对单", "00010001"),
                        tuple("收款收据", "00010003"));

        // a cashier gets no month-end listing
        cashier.press(KeyCode.F6);
        assertThat(cashier.text("#stock-message")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("月末票据核对只能由营业厅负责人办理"));
        assertThat(cashier.text("#screen-title")).hasValue("票据管理");

        // F3 on the check slips: 1002 mistypes the password, then confirms; Enter hands over
        cashier.press(KeyCode.F3);
        cashier.waitUntilFocused("handover-kind");
        assertThat(cashier.text("#handover-kind")).hasValue("核对单");
        assertThat(cashier.text("#handover-passing")).hasValue("交出：核对单 00010001–00015000，共 5000 张");
        cashier.press(KeyCode.ENTER);
        cashier.waitUntilFocused("handover-staff-no");
        cashier.type("1002").press(KeyCode.ENTER);
        cashier.waitUntilFocused("handover-password");
        cashier.type("demo1003").press(KeyCode.ENTER);
        cashier.waitUntil("the refusal shows", () -> cashier.text("#handover-message").orElse("").equals("工号或密码不对"));
        cashier.waitUntilFocused("handover-password");
        assertThat(desk.receiptStock().ranges(program.login("1002")))
                .as("nothing handed over yet").noneMatch(r -> r.kind() == ReceiptKind.CHECK_SLIP && r.firstNo() == 10_001);
        cashier.type("demo1002").press(KeyCode.ENTER);
        cashier.waitUntilFocused("handover-confirm");
        assertThat(cashier.text("#handover-confirm-text"))
                .hasValue("将 核对单 00010001–00015000（5000 张）由 1001 王伟 交给 1002 李娜");
        cashier.press(KeyCode.ENTER);
        cashier.waitUntil("the handover is done", () -> !cashier.showing("#stock-handover")
                && cashier.text("#stock-message").orElse("").startsWith("交接完成"));
        assertThat(cashier.text("#stock-message")).hasValue("交接完成：核对单 00010001–00015000（5000 张）已交给 1002 李娜");
        assertThat(cashier.text("#stock-available")).hasValue("可用：收款收据 4998 张");
        cashier.waitUntilFocused("stock-ranges");

        // F4: ↓ to the receipts, a number never issued, then 00010002 with a reason and the manager's password
        cashier.press(KeyCode.F4);
        cashier.waitUntilFocused("void-kind");
        cashier.press(KeyCode.DOWN);
        assertThat(cashier.text("#void-kind")).hasValue("收款收据");
        cashier.press(KeyCode.ENTER);
        cashier.waitUntilFocused("void-number");
        cashier.type("10003").press(KeyCode.ENTER);
        cashier.waitUntil("the number is refused", () -> cashier.text("#void-message").orElse("")
                .equals("没有号码为 00010003 的票据"));
        cashier.waitUntilFocused("void-number");
        cashier.type("10002").press(KeyCode.ENTER);
        cashier.waitUntilFocused("void-reason");
        cashier.waitUntil("the receipt is found", () -> cashier.text("#void-receipt").orElse("")
                .startsWith("收款收据 00010002 · "));
        cashier.type("打印错位").press(KeyCode.ENTER);
        cashier.waitUntilFocused("void-staff-no");
        cashier.type("2001").press(KeyCode.ENTER);
        cashier.waitUntilFocused("void-password");
        cashier.type("demo2001").press(KeyCode.ENTER);
        cashier.waitUntilFocused("void-confirm");
        assertThat(cashier.text("#void-confirm-text")).hasValue("作废重开 收款收据 00010002（¥69.60），原因：打印错位；授权：2001 张敏。该笔收费仍然有效，将开出新票");
        cashier.press(KeyCode.ENTER);
        // the payment behind it stands: 作废重开 numbers its replacement from the cashier's range at once
        cashier.waitUntil("the void is done", () -> !cashier.showing("#stock-void")
                && cashier.text("#stock-message").orElse("").startsWith("收款收据 00010002 已作废（2001 张敏 授权）"));
        assertThat(cashier.text("#stock-message")).hasValue("收款收据 00010002 已作废（2001 张敏 授权） 已重开新票 00010003，按 F9 打印");

        // the hall manager: log in, skip the till, F11, F6
        cashier.monthEndAsManager("2001", "demo2001");
        assertThat(cashier.text("#month-end-totals")).hasValueSatisfying(t -> assertThat(t).contains("合计"));
        assertThat(cashier.text("#screen-title")).hasValue("月末票据核对");
        List<ListingRow> listing = rows("#month-end-table");
        assertThat(listing).filteredOn(r -> r.holder().equals("1001 王伟")).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReceiptKind.RECEIPT);
            assertThat(r.usedCount()).isEqualTo(2);
            assertThat(r.used()).containsExactly("00010001", "00010003");
            assertThat(r.voided()).containsExactly("00010002 打印错位");
            assertThat(r.remainingCount()).isEqualTo(4997);
        });
        assertThat(listing).filteredOn(r -> r.holder().equals("1002 李娜") && r.kind() == ReceiptKind.CHECK_SLIP)
                .extracting(ListingRow::ranges, ListingRow::remainingCount)
                .containsExactlyInAnyOrder(
                        tuple(List.of("00010001–00015000", "00020001–00025000"), 10_000L));
        assertThat(cashier.text("#month-end-detail")).hasValueSatisfying(t -> assertThat(t).startsWith("1001 王伟 收款收据")
                .contains("作废：00010002 打印错位"));

        // ↑: the month before, when nothing was registered yet; ↓ back
        cashier.press(KeyCode.UP);
        cashier.waitUntil("the month before is read", () -> cashier.text("#month-end-message").orElse("")
                .endsWith("没有登记的票据"));
        assertThat(rows("#month-end-table")).isEmpty();
        cashier.press(KeyCode.DOWN);
        cashier.waitUntil("this month again", () -> rows("#month-end-table").size() == listing.size());

        // Esc: back to the stock screen, Esc: back to the search
        cashier.press(KeyCode.ESCAPE);
        cashier.waitUntilFocused("stock-ranges");
        cashier.press(KeyCode.ESCAPE);
        cashier.waitUntilFocused("search-field");
    }

    @SuppressWarnings("unchecked")
    private <R> List<R> rows(String table) {
        return CounterDriver.onFx(() -> List.copyOf(((TableView<R>) robot.lookup(table).query()).getItems()));
    }
}
