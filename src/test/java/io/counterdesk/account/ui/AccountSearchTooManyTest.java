package io.counterdesk.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.Address;
import io.counterdesk.account.Holder;
import io.counterdesk.account.IdType;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.NewAccount;
import io.counterdesk.account.UseType;
import io.counterdesk.app.CounterDesk;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.CreditCode;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.ResidentId;
import io.counterdesk.ui.CurrentThreadTaskExecutor;
import io.counterdesk.ui.TestBackend;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search that stops at its cap (ADR 0027) says so on the search screen instead of "nothing found":
 * 520 accounts at 10幢1单元101室 hold every three-character slice of 1单元10幢 (1单元, 单元1, 元10, 10幢)
 * but not the query, more wrong candidates than the search checks; after them a property office named
 * 远山物业1单元10幢服务点 holds the query (so its four-character slices are held too, ADR 0030, and the search
 * goes on to the blocks) — the capped search has not reached it, which is why it must not say "nothing found".
 */
public class AccountSearchTooManyTest {

    @TempDir
    static Path directory;
    static CounterDesk desk;
    static Operator cashier;

    @BeforeAll
    static void manyLookAlikes() {
        desk = TestBackend.start(directory);
        cashier = TestBackend.login(desk, "1001");
        desk.database().inTransaction(tx -> new AccountRepository().insertAll(tx, lookAlikes()));
    }

    /** The accounts of this test, in the order they are inserted (also {@code SearchTooManyScreenshot}). */
    public static List<NewAccount> lookAlikes() {
        List<NewAccount> accounts = new ArrayList<>();
        for (int i = 0; i < 520; i++) {
            String id = String.format("33010619800101%03d", i % 1_000);
            accounts.add(new NewAccount(String.format("77%08d", i), AccountKind.RESIDENTIAL, null, MeterKind.ORDINARY,
                    "TM" + i, null, new Address("西湖区", "文三路", "远山小区", "10", "1", "101"),
                    new Holder("钱多" + (char) ('甲' + i % 10), IdType.RESIDENT_ID, id + ResidentId.checkDigit(id),
                            String.format("1370000%04d", i)), LocalDate.of(2024, 1, 1)));
        }
        String code = "91330106MA2B00001";
        accounts.add(new NewAccount("7800000001", AccountKind.NON_RESIDENTIAL, UseType.COMMERCIAL_KITCHEN, MeterKind.ORDINARY,
                "TM-office", null, new Address("西湖区", "文三路", "远山小区", "10", "", "1"),
                new Holder("远山物业1单元10幢服务点", IdType.CREDIT_CODE, code + CreditCode.checkChar(code), "13700009999"),
                LocalDate.of(2024, 1, 1)));
        return accounts;
    }

    @AfterAll
    static void close() {
        desk.close();
    }

    @Test
    void aCappedSearchAsksToTypeMoreInsteadOfSayingNothingWasFound() {
        AccountSearchViewModel model = new AccountSearchViewModel(new CurrentThreadTaskExecutor(), desk.accounts(), cashier,
                AccountSearchViewModel.DEBOUNCE, id -> { });

        model.queryProperty().set("1单元10幢");

        assertThat(model.results()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo(I18n.text("ui.search.tooManyNone", "1单元10幢"))
                .contains("请输入更多内容").doesNotStartWith("没有找到");

        model.queryProperty().set("10幢1单元101");

        assertThat(model.stateProperty().get()).isEqualTo(AccountSearchViewModel.State.FOUND);
        assertThat(model.statusProperty().get()).isEqualTo(I18n.text("ui.search.foundMany", 50));
    }
}
