package io.counterdesk.ui;

import io.counterdesk.checkout.Tenders;
import io.counterdesk.account.AccountDetail;
import io.counterdesk.account.AccountSummary;
import io.counterdesk.app.CounterDesk;
import io.counterdesk.payment.ui.PaymentViewModel;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the counter screens to PNG files so people can see them without running the program:
 * {@code docs/screenshots/login.png}, {@code counter.png}, {@code payment.png} (a payment with
 * vouchers and cash being typed), {@code receipt-preview.png} (the payment taken, its check
 * slips as printed), {@code stock.png} (the cashier's receipt stock after it), {@code topup.png}
 * and {@code card-service.png} (a reissue's summary on the card service screen), in Chinese; more
 * screens (key map, confirmation …) and the English versions under {@code target/screenshots/} for review.
 *
 * <p>Off in normal test runs. Under Monocle (no display needed):
 * <pre>mvn test -Dtest=CounterScreenshots -Dcounterdesk.screenshots=true</pre>
 * or against a real X server:
 * <pre>xvfb-run -a mvn -Pxvfb test -Dtest=CounterScreenshots -Dcounterdesk.screenshots=true</pre>
 * Chinese needs a CJK font on the machine (Debian: {@code fonts-wqy-microhei}).
 */
@EnabledIfSystemProperty(named = "counterdesk.screenshots", matches = "true")
class CounterScreenshots {

    private static final Path DOCS = Path.of("docs", "screenshots");
    private static final Path REVIEW = Path.of("target", "screenshots");

    static {
        // Monocle's headless screen is 1280x800 unless told otherwise; render at a counter PC's 1366x768.
        // (Takes effect when this is the first JavaFX test in the JVM, as when run alone.)
        System.setProperty("headless.geometry", "1366x768-32");
    }

    @RegisterExtension
    final CounterApp program = CounterApp.demo(2_000).startedByTheTest();

    private final CounterDriver cashier = new CounterDriver();

    @Test
    void chinese() throws Exception {
        render("zh", DOCS, "");
    }

    @Test
    void english() throws Exception {
        render("en", REVIEW, "-en");
    }

    private void render(String lang, Path out, String suffix) throws Exception {
        program.start(lang);
        CounterDesk desk = program.desk();
        cashier.waitUntil("the database is ready", () -> cashier.text("#login-place").map(t -> !t.isEmpty()).orElse(false));
        cashier.waitUntilFocused("login-staff-no");
        cashier.type("1001");
        snapshot(out.resolve("login" + suffix + ".png"));

        cashier.press(KeyCode.ENTER);
        cashier.type("demo1001").press(KeyCode.ENTER);
        cashier.waitUntilFocused("till-float");
        cashier.type("500");
        snapshot(REVIEW.resolve("open-till" + suffix + ".png"));
        cashier.press(KeyCode.ENTER);
        cashier.waitUntilFocused("search-field");

        String street = "文三路";
        cashier.search(street);
        cashier.press(KeyCode.DOWN).press(KeyCode.DOWN).press(KeyCode.DOWN);
        snapshot(REVIEW.resolve("search" + suffix + ".png"));
        cashier.press(KeyCode.F1);
        cashier.waitUntil("the key map shows", () -> cashier.showing("#key-map"));
        snapshot(REVIEW.resolve("keymap" + suffix + ".png"));
        cashier.press(KeyCode.ESCAPE);
        cashier.press(KeyCode.F2);

        String accountNo = showcaseAccount(desk);
        cashier.type(accountNo);
        cashier.waitUntil("one result", () -> cashier.text("#search-status")
                .map(t -> t.equals("找到 1 户") || t.equals("1 found")).orElse(false));
        cashier.openWithEnter();
        snapshot(out.resolve("counter" + suffix + ".png"));

        // a payment: two bills, gas vouchers and cash
        Operator reader = desk.auth().login("1001", "demo1001".toCharArray());
        TestBackend.Owing payer = TestBackend.owing(desk, reader, a -> a.bills().size() == 2 && a.voucherCap() >= 2
                && a.bills().get(0).lateFee().isPositive()
                && desk.accounts().detail(reader, a.accountId()).account().holder().name().length() <= 3).get(0);
        cashier.press(KeyCode.F2);
        cashier.type(payer.accountNo());
        cashier.waitUntil("one result", () -> cashier.text("#search-status")
                .map(t -> t.equals("找到 1 户") || t.equals("1 found")).orElse(false));
        cashier.openWithEnter();
        cashier.press(KeyCode.F5);
        cashier.waitUntilFocused("pay-cash");
        cashier.press(KeyCode.CONTROL, KeyCode.DIGIT4);
        cashier.type("2").press(KeyCode.ENTER).type("0").press(KeyCode.ENTER)
                .type(Tenders.endOfQuarter(LocalDate.now()).toString());
        cashier.press(KeyCode.CONTROL, KeyCode.DIGIT1);
        cashier.type("300");
        cashier.waitUntil("the change is worked out", () -> cashier.text("#pay-received").orElse("").equals("¥300.00")
                && cashier.text("#pay-change").map(t -> t.startsWith("¥")).orElse(false));
        snapshot(out.resolve("payment" + suffix + ".png"));
        cashier.press(KeyCode.F1);
        cashier.waitUntil("the key map shows", () -> cashier.showing("#key-map"));
        snapshot(REVIEW.resolve("payment-keymap" + suffix + ".png"));
        cashier.press(KeyCode.ESCAPE);
        cashier.press(KeyCode.F4);
        cashier.waitUntil("the fee catalogue shows", () -> cashier.showing("#pay-fee-picker"));
        snapshot(REVIEW.resolve("payment-fee-picker" + suffix + ".png"));
        cashier.press(KeyCode.ESCAPE);
        cashier.press(KeyCode.F3);
        cashier.waitUntilFocused("pay-bills");
        cashier.press(KeyCode.F7);
        cashier.waitUntil("the waiver form shows", () -> cashier.showing("#pay-waiver"));
        cashier.type("0").press(KeyCode.ENTER).type("营业厅通知未送达");
        snapshot(REVIEW.resolve("payment-waiver" + suffix + ".png"));
        cashier.press(KeyCode.ESCAPE);
        cashier.press(KeyCode.CONTROL, KeyCode.DIGIT1);
        cashier.waitUntilFocused("pay-cash");
        cashier.press(KeyCode.F12);
        cashier.waitUntil("the confirmation shows", () -> cashier.showing("#pay-confirmation"));
        snapshot(REVIEW.resolve("payment-confirm" + suffix + ".png"));
        cashier.press(KeyCode.ENTER);
        cashier.waitUntil("the payment's result shows", () -> cashier.showing("#pay-result"));
        cashier.waitUntil("its receipts are printed", () -> cashier.text("#pay-result-receipt-1").isPresent());
        snapshot(out.resolve("receipt-preview" + suffix + ".png"));

        // the receipt stock screen (F11) after that payment, its two forms, and the month-end listing
        cashier.press(KeyCode.ESCAPE);
        cashier.press(KeyCode.F11);
        cashier.waitUntilFocused("stock-ranges");
        cashier.waitUntil("the ranges are read", () -> cashier.text("#stock-available").map(t -> !t.isEmpty())
                .orElse(false));
        snapshot(out.resolve("stock" + suffix + ".png"));
        cashier.press(KeyCode.F3);
        cashier.waitUntilFocused("handover-kind");
        cashier.press(KeyCode.ENTER).type("1002").press(KeyCode.ENTER);
        snapshot(REVIEW.resolve("stock-handover" + suffix + ".png"));
        // typed in: the first Esc asks, the second closes
        cashier.press(KeyCode.ESCAPE).press(KeyCode.ESCAPE);
        cashier.press(KeyCode.F4);
        cashier.waitUntilFocused("void-kind");
        cashier.press(KeyCode.ENTER).type("10002").press(KeyCode.ENTER);
        cashier.waitUntil("the receipt is found", () -> !cashier.text("#void-receipt").orElse("").isEmpty());
        cashier.type("打印错位");
        snapshot(REVIEW.resolve("stock-void" + suffix + ".png"));
        cashier.press(KeyCode.ESCAPE).press(KeyCode.ESCAPE);

        // the top-up screen (Ctrl+G): a demo card in the reader (Ctrl+D), a volume over two tiers, three gas
        // vouchers (Ctrl+4) and cash: the price line with the vouchers' m³, the rest at its tiers, the change
        cashier.press(KeyCode.ESCAPE);
        cashier.demoCard(0, KeyCode.ENTER, I18n.text("ui.demo.inserted", "王建国"));
        cashier.openTopUp("3390000001");
        cashier.waitUntilReadyToType("topup-volume");
        cashier.type("450");
        cashier.press(KeyCode.CONTROL, KeyCode.DIGIT4);
        cashier.type("3").press(KeyCode.ENTER);
        cashier.type("1.00").press(KeyCode.ENTER);
        cashier.type(io.counterdesk.checkout.Tenders.endOfQuarter(java.time.LocalDate.now()).toString());
        cashier.press(KeyCode.CONTROL, KeyCode.DIGIT1);
        cashier.type("1300");
        cashier.waitUntil("the change is worked out", () -> cashier.text("#topup-change")
                .filter(t -> !t.isEmpty() && !t.equals(I18n.text("ui.none"))).isPresent());
        cashier.waitUntil("the price line shows the vouchers' part", () -> cashier.listItems("#topup-tiers").size() == 4);
        snapshot(out.resolve("topup" + suffix + ".png"));
        cashier.press(KeyCode.F12);
        cashier.waitUntil("the confirmation shows", () -> cashier.showing("#pay-confirmation"));
        snapshot(REVIEW.resolve("topup-confirm" + suffix + ".png"));
        cashier.press(KeyCode.ESCAPE);
        cashier.press(KeyCode.ESCAPE);
        cashier.press(KeyCode.ESCAPE);

        // the card service screen (Ctrl+B): 补卡（未用卡丢失） onto a blank card from the demo reader (Ctrl+D, B),
        // its summary before Enter, then the business done and its record printed
        cashier.demoCard(0, KeyCode.B, I18n.text("ui.demo.blankInserted"));
        cashier.press(KeyCode.CONTROL, KeyCode.B);
        cashier.waitUntilFocused("cardservice-business");
        cashier.press(KeyCode.ENTER);
        cashier.waitUntilFocused("cardservice-account");
        cashier.type("3390000001").press(KeyCode.ENTER);
        cashier.waitUntilFocused("cardservice-reason");
        cashier.type("顾客挂失，卡未插过表");
        cashier.press(KeyCode.F12);
        cashier.waitUntil("the summary shows", () -> cashier.showing("#cardservice-summary"));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(out.resolve("card-service" + suffix + ".png"));
        cashier.press(KeyCode.ENTER);
        cashier.waitUntil("the record is printed", () -> cashier.text("#cardservice-message").orElse("")
                .contains(I18n.text("ui.cardService.printed")));
        snapshot(REVIEW.resolve("card-service-done" + suffix + ".png"));
        cashier.press(KeyCode.ESCAPE);
        cashier.monthEndAsManager("2001", "demo2001");
        snapshot(REVIEW.resolve("month-end" + suffix + ".png"));
    }

    /** A post-paid residential account that owes money: the most to see on one screen. */
    private static String showcaseAccount(CounterDesk desk) {
        Operator reader = desk.auth().login("1002", "demo1002".toCharArray());
        List<AccountSummary> candidates = desk.accounts().search(reader, "33000000", 100);
        for (AccountSummary summary : candidates) {
            AccountDetail detail = desk.accounts().detail(reader, summary.id());
            if (detail.arrears().isPositive() && detail.bills().size() >= 3
                    && detail.account().holder().name().length() <= 3) {
                return summary.accountNo();
            }
        }
        return "3300000001";
    }

    private void snapshot(Path file) throws IOException {
        cashier.snapshot(file);
        System.out.println("wrote " + file.toAbsolutePath());
    }
}
