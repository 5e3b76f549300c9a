package io.counterdesk.ui;

import io.counterdesk.checkout.Tenders;
import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.payment.ui.PaymentViewModel;
import io.counterdesk.shared.I18n;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The top-up's price line when gas vouchers pay part, keys only (demo mode, simulated reader): 20 m³,
 * three vouchers (Ctrl+4, face value 1.00 each) — the line shows the 15 m³ by voucher, the 5 m³ left
 * at its tier and the face value, which add up to the money due; bought, the purchase is not offered
 * for reversal (F7 does nothing, the key map does not list it). Loaded into the meter, a cash
 * purchase follows, and that one F7 reverses with the hall manager's approval in the dialog.
 */
class TopUpVoucherPriceEndToEndTest {

    private static final String ACCOUNT = "3390000001";

    @RegisterExtension
    final CounterApp program = CounterApp.demo(50);

    private final CounterDriver cashier = new CounterDriver();

    @Test
    void vouchersPayingPartShowWhatTheySettleAndWhatIsChargedAndOnlyAPurchaseWithoutVouchersIsReversed() {
        cashier.logIn("1001", "demo1001");
        cashier.openTill("500");
        cashier.demoCard(0, KeyCode.ENTER, I18n.text("ui.demo.inserted", "王建国"));
        cashier.waitUntil("the status bar sees the card", () -> cashier.text("#status-card-reader").orElse("")
                .equals("读卡器：已插卡"));
        cashier.openTopUp(ACCOUNT);
        cashier.waitUntilReadyToType("topup-volume");
        cashier.type("20");
        cashier.waitUntil("the whole volume is priced", () -> cashier.listItems("#topup-tiers")
                .equals(List.of("第1阶 ¥2.90/m³ × 20 m³ = ¥58.00")));

        cashier.press(KeyCode.CONTROL, KeyCode.DIGIT4);
        cashier.waitUntilFocused("topup-voucher-count");
        cashier.type("3").press(KeyCode.ENTER);
        cashier.waitUntilFocused("topup-voucher-face");
        cashier.type("1.00").press(KeyCode.ENTER);
        cashier.waitUntilFocused("topup-voucher-valid-through");
        cashier.type(Tenders.endOfQuarter(LocalDate.now()).toString());

        // by hand: 5 m³ × ¥2.90 = ¥14.50, + 3 × ¥1.00 face value = ¥17.50
        List<String> split = List.of("燃气票 3 张 × 5 m³ = 15 m³", "第1阶 ¥2.90/m³ × 5 m³ = ¥14.50", "燃气票面值现金 ¥3.00");
        cashier.waitUntil("the price line shows the vouchers' part", () -> cashier.listItems("#topup-tiers")
                .equals(split));
        assertThat(cashier.text("#topup-due")).hasValue("¥17.50");

        buyForCash("20", "¥2.50", () -> assertThat(cashier.listItems("#topup-tiers"))
                .as("the cash typed keeps the split").isEqualTo(split));

        // F5: the card read again holds the purchase, not yet in the meter; F7 is not offered for it
        readTheCardAgain();
        cashier.press(KeyCode.F7);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cashier.showing("#topup-approval")).as("no approval asked for a reversal that cannot be").isFalse();
        cashier.press(KeyCode.F1);
        cashier.waitUntil("the key map shows", () -> cashier.showing("#key-map"));
        assertThat(cashier.allTexts()).contains(I18n.text("ui.keys.topup.read"))
                .doesNotContain(I18n.text("ui.keys.topup.reverse"));
        cashier.press(KeyCode.ESCAPE);

        // the customer loads it into the meter (Ctrl+D, M) and buys 10 m³ for cash: that one F7 reverses,
        // the hall manager approving in the dialog over the screen
        cashier.demoCard(0, KeyCode.M, I18n.text("ui.demo.meter.LOADED", "王建国", 20));
        cashier.demoCard(0, KeyCode.ENTER, I18n.text("ui.demo.inserted", "王建国"));
        cashier.waitUntilReadyToType("topup-volume");
        cashier.type("10");
        buyForCash("30", "¥1.00", () -> { });
        readTheCardAgain();
        cashier.press(KeyCode.F7);
        cashier.waitUntilFocused("topup-approval-reason");
        assertThat(cashier.text("#topup-approval-what")).hasValue(I18n.text("ui.topup.reverseWhat", 2, 10, "¥29.00"));
        cashier.type("顾客买错气量").press(KeyCode.ENTER);
        cashier.waitUntilFocused("topup-approval-staff-no");
        cashier.type("2001").press(KeyCode.ENTER);
        cashier.waitUntilFocused("topup-approval-password");
        cashier.type("demo2001").press(KeyCode.ENTER);
        cashier.waitUntil("reversed", () -> cashier.text("#topup-message").orElse("")
                .contains(I18n.text("ui.topup.reversed", 2, 10, "¥29.00")));
        assertThat(cashier.showing("#topup-approval")).as("the dialog closed once approved").isFalse();
    }

    /** Ctrl+1 {@code cash}; once the change reads {@code change} (and {@code check} holds), F12 and Enter buy. */
    private void buyForCash(String cash, String change, Runnable check) {
        cashier.press(KeyCode.CONTROL, KeyCode.DIGIT1);
        cashier.waitUntilFocused("topup-cash");
        cashier.type(cash);
        cashier.waitUntil("the change is worked out", () -> cashier.text("#topup-change").orElse("").equals(change));
        check.run();
        cashier.press(KeyCode.F12);
        cashier.waitUntil("the confirmation shows", () -> cashier.showing("#pay-confirmation"));
        cashier.press(KeyCode.ENTER);
        cashier.waitUntil("the purchase's result shows", () -> cashier.showing("#pay-result"));
    }

    /** F5 after a purchase: the card holds it, not yet in the meter; then what F7 could reverse is looked up. */
    private void readTheCardAgain() {
        cashier.press(KeyCode.F5);
        cashier.waitUntil("the card waits for the meter", () -> cashier.text("#topup-message").orElse("")
                .contains("请先将卡插入燃气表"));
        // time for the background look-up of what could be reversed (milliseconds) to come back
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
