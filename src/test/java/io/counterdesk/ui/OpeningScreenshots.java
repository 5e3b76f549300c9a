package io.counterdesk.ui;

import io.counterdesk.app.AppConfig;
import io.counterdesk.app.CounterDeskApp;
import io.counterdesk.security.PasswordHasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The opening screen as a PNG ({@code docs/screenshots/opening.png}: a household being typed, the
 * service-time clock in the status bar) and its summary ({@code target/screenshots/opening-summary.png}).
 * Off in normal runs, like {@link CounterScreenshots}:
 * <pre>mvn test -Dtest=OpeningScreenshots -Dcounterdesk.screenshots=true</pre>
 */
@EnabledIfSystemProperty(named = "counterdesk.screenshots", matches = "true")
class OpeningScreenshots {

    static {
        System.setProperty("headless.geometry", "1366x768-32");
    }

    @TempDir
    Path directory;

    private CounterDeskApp app;
    private final CounterDriver cashier = new CounterDriver();

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        AppConfig config = AppConfig.resolve(directory.resolve("db"), "zh").withDemoAccounts(50);
        app = (CounterDeskApp) FxToolkit.setupApplication(() -> new CounterDeskApp(config, new PasswordHasher(1_000)));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void openingScreen() throws Exception {
        cashier.logIn("1001", "demo1001");
        cashier.openTill("500");
        cashier.press(KeyCode.CONTROL, KeyCode.O);
        cashier.waitUntilFocused("opening-kind");
        cashier.press(KeyCode.ENTER).press(KeyCode.DOWN).press(KeyCode.ENTER);
        cashier.type("M-2025-0777").press(KeyCode.ENTER).type("李明").press(KeyCode.ENTER).type("13912345678")
                .press(KeyCode.ENTER).press(KeyCode.ENTER).type("11010519491231002X").press(KeyCode.ENTER)
                .press(KeyCode.ENTER);
        for (String part : List.of("西湖区", "文一路", "翠苑小区", "12", "1", "1201")) {
            cashier.type(part).press(KeyCode.ENTER);
        }
        cashier.press(KeyCode.DOWN).press(KeyCode.ENTER).press(KeyCode.ENTER);
        cashier.press(KeyCode.SPACE).press(KeyCode.ENTER).press(KeyCode.SPACE).press(KeyCode.ENTER).type("3000");
        cashier.waitUntil("the change shows", () -> cashier.text("#opening-change").orElse("").equals("¥150.00"));
        snapshot(Path.of("docs", "screenshots", "opening.png"));
        cashier.press(KeyCode.F12);
        cashier.waitUntil("the summary shows", () -> cashier.showing("#opening-summary"));
        snapshot(Path.of("target", "screenshots", "opening-summary.png"));
    }

    private void snapshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        WritableImage image = CounterDriver.onFx(() -> cashier.scene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
