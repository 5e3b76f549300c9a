package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.counterdesk.app.AppConfig;
import io.counterdesk.app.CounterDesk;
import io.counterdesk.app.CounterDeskApp;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.security.Operator;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.shared.Money;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The cashier's day close end to end, keyboard only, on the real program and a fresh demo database.
 * Cashier 1001 has opened the till with 500 yuan and taken one cash payment. At the counter: Ctrl+E,
 * F3 deposits 100 (slip 王伟N-1), F4 counts the drawer blind by denomination (Enter moves down), F12
 * shows the expected cash and no difference, F12 closes the till (the report summary prints). 1002
 * closed 10 yuan short. Then hall manager 2001: Ctrl+H lists both reports, the short one highlighted,
 * F8 a note, the own 工号 and password, Enter signs the day off and locks it.
 */
class DayCloseEndToEndTest {

    @TempDir
    Path directory;

    private CounterDeskApp app;
    private final CounterDriver cashier = new CounterDriver();

    @BeforeEach
    void startTheProgram() throws Exception {
        AppConfig config = AppConfig.resolve(directory.resolve("db"), "zh").withDemoAccounts(300);
        FxToolkit.registerPrimaryStage();
        app = (CounterDeskApp) FxToolkit.setupApplication(() -> new CounterDeskApp(config, new PasswordHasher(1_000)));
    }

    @AfterEach
    void stopTheProgram() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void depositCountBlindAndCloseTheTill() throws Exception {
        CounterDesk desk = app.backend().toCompletableFuture().get(60, TimeUnit.SECONDS);
        Operator wang = desk.auth().login("1001", "demo1001".toCharArray());
        desk.tills().open(wang, Money.ofYuan(500));
        TestBackend.Owing owing = TestBackend.owing(desk, wang, a -> true).get(0);
        Money due = owing.bills().stream().map(b -> b.outstanding().plus(b.lateFee())).reduce(Money.ZERO, Money::plus);
        desk.payments().collect(wang, owing.accountId(), PaymentInput.cash(due));
        // 1002 李娜 worked too, closed 10 yuan short with an explanation
        Operator li = desk.auth().login("1002", "demo1002".toCharArray());
        desk.tills().open(li, Money.ofYuan(300));
        TestBackend.Owing other = TestBackend.owing(desk, li, a -> a.accountId() != owing.accountId()).get(0);
        Money otherDue = other.bills().stream().map(b -> b.outstanding().plus(b.lateFee())).reduce(Money.ZERO, Money::plus);
        desk.payments().collect(li, other.accountId(), PaymentInput.cash(otherDue));
        desk.dayClose().count(li, io.counterdesk.till.CashCount.of(java.util.Map.of(io.counterdesk.till.Denomination.Y100,
                3, io.counterdesk.till.Denomination.J1, (int) (otherDue.fen() / 10 - 100))), java.util.Set.of());
        desk.dayClose().close(li, "找零多付十元");

        cashier.logIn("1001", "demo1001");
        cashier.waitUntilFocused("search-field");
        cashier.press(KeyCode.CONTROL, KeyCode.E);
        cashier.waitUntilFocused("day-close-pieces-Y100");
        cashier.waitUntil("the sheet is read", () -> cashier.text("#day-close-message").map(String::isEmpty).orElse(false)
                || !cashier.text("#day-close-message").orElse("").contains("正在"));

        cashier.press(KeyCode.F3);
        cashier.waitUntilFocused("day-close-deposit");
        cashier.type("100").press(KeyCode.ENTER);
        cashier.waitUntil("the deposit is recorded", () -> cashier.text("#day-close-message").orElse("").contains("存款单号 王伟"));

        cashier.press(KeyCode.F4);
        cashier.waitUntilFocused("day-close-pieces-Y100");
        long fen = Money.ofYuan(400).plus(due).fen();
        String[] pieces = {Long.toString(fen / 10_000), "", "", Long.toString(fen % 10_000 / 1_000), "",
                Long.toString(fen % 1_000 / 100), Long.toString(fen % 100 / 50), Long.toString(fen % 50 / 10)};
        for (String p : pieces) {
            if (!p.isEmpty()) {
                cashier.type(p);
            }
            cashier.press(KeyCode.ENTER);
        }
        assertThat(cashier.text("#day-close-counted")).contains(Money.ofFen(fen).format());
        assertThat(cashier.allTexts()).doesNotContain("应有现金 ¥");

        cashier.press(KeyCode.F12);
        cashier.waitUntil("the figures show", () -> cashier.text("#day-close-message").orElse("").contains("账款相符"));
        assertThat(cashier.allTexts()).contains("应有现金 " + Money.ofFen(fen).format());

        cashier.press(KeyCode.F12);
        cashier.waitUntil("the till is closed", () -> cashier.text("#day-close-message").orElse("").startsWith("已结账"));
        assertThat(desk.tills().current(wang)).isEmpty();
        long closes = desk.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM till_close")
                .mapTo(Long.class).one());
        assertThat(closes).isEqualTo(2);

        // the hall manager: Ctrl+L, log in, no till (Esc), Ctrl+H, note, own credentials, Enter
        cashier.press(KeyCode.ESCAPE);
        cashier.press(KeyCode.CONTROL, KeyCode.L);
        cashier.logIn("2001", "demo2001");
        cashier.waitUntilFocused("till-float");
        cashier.press(KeyCode.ESCAPE);
        cashier.waitUntilFocused("search-field");
        cashier.press(KeyCode.CONTROL, KeyCode.H);
        cashier.waitUntilFocused("signoff-staff-no");
        // the list and the hall totals are filled one after the other: wait for both
        cashier.waitUntil("both reports and the totals are listed", () -> cashier.allTexts().contains("1002 李娜")
                && cashier.allTexts().contains("长短款合计 -¥10.00"));
        assertThat(cashier.allTexts()).contains("1001 王伟", "已结账", "找零多付十元", "长短款合计 -¥10.00");
        cashier.press(KeyCode.F8);
        cashier.waitUntilFocused("signoff-note");
        cashier.type("李娜短款十元已说明").press(KeyCode.ENTER);
        cashier.waitUntilFocused("signoff-staff-no");
        cashier.type("2001").press(KeyCode.ENTER);
        cashier.waitUntilFocused("signoff-password");
        cashier.type("demo2001");
        snapshot();
        cashier.press(KeyCode.ENTER);
        cashier.waitUntil("the day is signed off", () -> cashier.text("#signoff-message").orElse("").contains("已签核"));
        assertThat(cashier.allTexts()).contains("已签核");
        assertThat(catchThrowable(() -> desk.tills().open(wang, Money.ofYuan(500))))
                .hasMessageContaining("签核锁定");
    }

    /** The manager's screen before the sign-off, for docs/screenshots/hall-signoff.png (target/ first, looked at). */
    private void snapshot() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of("target", "screenshots", "hall-signoff.png");
        java.nio.file.Files.createDirectories(file.getParent());
        javafx.scene.image.WritableImage image = CounterDriver.onFx(() -> cashier.scene().snapshot(null));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
