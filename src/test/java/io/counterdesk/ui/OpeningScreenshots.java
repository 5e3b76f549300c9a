package io.counterdesk.ui;

import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The opening screen as a PNG ({@code docs/screenshots/opening.png}: a household being typed, the
 * service-time clock in the status bar), its summary ({@code target/screenshots/opening-summary.png}), the
 * opened account through the shared checkout ({@code docs/screenshots/opening-done.png}) and F9 after it.
 * Off in normal runs, like {@link CounterScreenshots}:
 * <pre>mvn test -Dtest=OpeningScreenshots -Dcounterdesk.screenshots=true</pre>
 */
@EnabledIfSystemProperty(named = "counterdesk.screenshots", matches = "true")
class OpeningScreenshots {

    static {
        System.setProperty("headless.geometry", "1366x768-32");
    }

    @RegisterExtension
    final CounterApp program = CounterApp.demo(50);

    private final CounterDriver cashier = new CounterDriver();

    @Test
    void openingScreen() throws Exception {
        cashier.logIn("1001", "demo1001");
        cashier.openTill("500");
        // an IC household: the blank card for its first card is in the reader, as at the counter
        cashier.demoCard(0, KeyCode.B, io.counterdesk.shared.I18n.text("ui.demo.blankInserted"));
        cashier.typeIcHousehold("M-2025-0777", "3000");
        cashier.waitUntil("the change shows", () -> cashier.text("#opening-change").orElse("").equals("¥150.00"));
        cashier.snapshot(Path.of("docs", "screenshots", "opening.png"));
        cashier.press(KeyCode.F12);
        cashier.waitUntil("the summary shows", () -> cashier.showing("#opening-summary"));
        cashier.snapshot(Path.of("target", "screenshots", "opening-summary.png"));
        // Enter: opened through the shared checkout; F9: the receipt's copy and the confirmation again
        cashier.press(KeyCode.ENTER);
        String printed = io.counterdesk.shared.I18n.text("ui.opening.confirmationPrinted");
        cashier.waitUntil("opened and printed", () -> cashier.text("#opening-message").orElse("").contains(printed));
        cashier.snapshot(Path.of("docs", "screenshots", "opening-done.png"));
        cashier.press(KeyCode.F9);
        String reprinted = io.counterdesk.shared.I18n.text("ui.pay.reprinted", "").substring(0, 2);
        cashier.waitUntil("printed again", () -> cashier.text("#opening-message").orElse("").contains(reprinted));
        cashier.snapshot(Path.of("target", "screenshots", "opening-reprinted.png"));
    }
}
