package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.ui.AccountSearchTooManyTest;
import io.counterdesk.shared.I18n;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The search screen when a search stopped at its cap (ADR 0027), as a PNG at 1366×768 in Chinese
 * ({@code docs/screenshots/search-too-many.png}) and English ({@code target/screenshots/search-too-many-en.png}):
 * the demo hall never reaches the cap, so the look-alike accounts of {@link AccountSearchTooManyTest} are added
 * first. Off in normal runs, like {@link CounterScreenshots}:
 * <pre>mvn test -Dtest=SearchTooManyScreenshot -Dcounterdesk.screenshots=true</pre>
 */
@EnabledIfSystemProperty(named = "counterdesk.screenshots", matches = "true")
class SearchTooManyScreenshot {

    static {
        System.setProperty("headless.geometry", "1366x768-32");
    }

    @RegisterExtension
    final CounterApp program = CounterApp.demo(50).startedByTheTest();

    private final CounterDriver cashier = new CounterDriver();

    @Test
    void chinese() throws Exception {
        render("zh", Path.of("docs", "screenshots", "search-too-many.png"));
    }

    @Test
    void english() throws Exception {
        render("en", Path.of("target", "screenshots", "search-too-many-en.png"));
    }

    private void render(String lang, Path file) throws Exception {
        program.start(lang);
        program.desk().database().inTransaction(tx -> new AccountRepository().insertAll(tx, AccountSearchTooManyTest.lookAlikes()));
        cashier.logIn("1001", "demo1001");
        cashier.openTill("500");
        cashier.search("1单元10幢");
        assertThat(cashier.text("#search-status")).contains(I18n.text("ui.search.tooManyNone", "1单元10幢"));
        cashier.snapshot(file);
    }
}
