package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15 §1: Esc on a half-filled money screen (payment, gas top-up) asks before the typed input is
 * thrown away — the first Esc stays and says so, typing in between asks again, the next Esc leaves.
 * Once the money is taken, or with nothing typed, Esc leaves at once.
 */
class LeaveAskEndToEndTest {

    @RegisterExtension
    final CounterApp program = CounterApp.demo(50);

    private final CounterDriver cashier = new CounterDriver();

    @Test
    void escOnAHalfFilledPaymentOrTopUpAsksFirst() {
        cashier.logInAndOpenTill("1001", "demo1001", "500");
        Operator reader = program.login("1002");
        String accountNo = TestBackend.owing(program.desk(), reader, a -> !a.bills().isEmpty()).get(0).accountNo();
        String ask = I18n.text("ui.opening.leaveAsk");

        cashier.search(accountNo);
        cashier.openWithEnter();
        cashier.payBills(accountNo);
        cashier.press(KeyCode.ESCAPE);
        cashier.waitUntil("nothing typed: Esc goes back at once", () -> cashier.showing("#account-detail"));

        cashier.payBills(accountNo);
        cashier.type("50");
        cashier.press(KeyCode.ESCAPE);
        assertThat(cashier.text("#shell-message")).as("the first Esc says what would be lost").hasValue(ask);
        assertThat(cashier.focusedId()).isEqualTo("pay-cash");
        assertThat(cashier.text("#pay-cash")).as("nothing thrown away").hasValue("50");
        cashier.type("0");
        cashier.press(KeyCode.ESCAPE);
        assertThat(cashier.focusedId()).as("typing in between asks again").isEqualTo("pay-cash");
        cashier.press(KeyCode.ESCAPE);
        cashier.waitUntil("the second Esc goes back", () -> cashier.showing("#account-detail"));

        cashier.press(KeyCode.F2);
        cashier.press(KeyCode.CONTROL, KeyCode.D);
        cashier.waitUntilFocused("demo-card-list");
        cashier.waitUntil("the demo cards are listed", () -> !cashier.listItems("#demo-card-list").isEmpty());
        cashier.press(KeyCode.ENTER);
        cashier.waitUntil("the card is in the reader", () -> cashier.text("#status-card-reader").orElse("")
                .endsWith(I18n.text("ui.card.status.card")));
        cashier.openTopUp("3390000001");
        cashier.waitUntilFocused("topup-volume");
        cashier.type("30");
        cashier.press(KeyCode.ESCAPE);
        assertThat(cashier.text("#shell-message")).hasValue(ask);
        assertThat(cashier.focusedId()).isEqualTo("topup-volume");
        cashier.press(KeyCode.ESCAPE);
        cashier.waitUntil("the second Esc leaves the top-up", () -> !cashier.showing("#topup-volume"));
    }
}
