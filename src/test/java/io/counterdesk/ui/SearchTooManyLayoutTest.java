package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.ui.AccountSearchTooManyTest;
import io.counterdesk.shared.I18n;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The search screen when a search stopped at its cap (ADR 0027), which the demo hall never reaches (so
 * {@link ScreenLayoutTest} does not see it): the look-alike accounts of {@link AccountSearchTooManyTest}
 * are added first. At 1366×768, in Chinese and in English, nothing is cut or outside the window — in
 * English the wrapped sentence squeezed the key hint beside it to "↓ into results  Enter open  …". With
 * {@code -Dcounterdesk.screenshots=true} also a PNG: {@code docs/screenshots/search-too-many.png} and
 * {@code target/screenshots/search-too-many-en.png}.
 */
class SearchTooManyLayoutTest {

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
        assertThat(CounterDriver.onFx(() -> cashier.scene().getWidth())).isEqualTo(1366);
        assertThat(CounterDriver.onFx(() -> LayoutCheck.problems(cashier.scene()))).as(lang).isEmpty();
        if (Boolean.getBoolean("counterdesk.screenshots")) {
            cashier.snapshot(file);
        }
    }
}
