package io.counterdesk.ui;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.Address;
import io.counterdesk.account.Holder;
import io.counterdesk.account.IdType;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.NewAccount;
import io.counterdesk.account.UseType;
import io.counterdesk.app.CounterDesk;
import io.counterdesk.billing.BillRepository;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code docs/screenshots/suspension-list.png} (Ctrl+U on the demo hall with three overdue
 * non-residential accounts added) and, for review,
 * {@code target/screenshots/account-detail.png} (the first account of the list, its keys on the hint
 * line) and {@code target/screenshots/suspend-reason.png} (F6 on it). Off in
 * normal runs: {@code mvn test -Dtest=AccountStatusScreenshots -Dcounterdesk.screenshots=true}.
 */
@EnabledIfSystemProperty(named = "counterdesk.screenshots", matches = "true")
class AccountStatusScreenshots {

    static {
        System.setProperty("headless.geometry", "1366x768-32");
    }

    @RegisterExtension
    final CounterApp program = CounterApp.demo(500);

    private final CounterDriver cashier = new CounterDriver();

    @Test
    void suspensionListAndReason() throws Exception {
        CounterDesk desk = program.desk();
        LocalDate today = LocalDate.now(program.config().clock());
        overdue(desk, today, "3388000001", "杭州味道餐饮有限公司", "美食街", 20, 4_380);
        overdue(desk, today, "3388000002", "城西锅炉房", "工业路", 47, 12_960);
        overdue(desk, today, "3388000003", "西溪小学食堂", "文二路", 16, 1_520);
        cashier.logIn("1001", "demo1001");
        cashier.openTill("500");
        cashier.press(KeyCode.CONTROL, KeyCode.U);
        cashier.waitUntilFocused("suspension-table");
        cashier.waitUntil("the list is read", () -> cashier.text("#suspension-status").orElse("").startsWith("共"));
        cashier.snapshot(Path.of("docs", "screenshots", "suspension-list.png"));
        cashier.openWithEnter();
        cashier.waitUntil("the account is read", () -> cashier.text("#detail-key-hint").orElse("").contains("F6"));
        cashier.snapshot(Path.of("target", "screenshots", "account-detail.png"));
        cashier.press(KeyCode.F6);
        cashier.waitUntilFocused("status-reason");
        cashier.snapshot(Path.of("target", "screenshots", "suspend-reason.png"));
    }

    private static void overdue(CounterDesk desk, LocalDate today, String accountNo, String holder, String street,
                                long days, long yuan) {
        NewAccount account = new NewAccount(accountNo, AccountKind.NON_RESIDENTIAL, UseType.COMMERCIAL_KITCHEN,
                MeterKind.ORDINARY, "M" + accountNo, null, new Address("西湖区", street, "商业楼", "1", "1", "101"),
                new Holder(holder, IdType.RESIDENT_ID, "11010519491231002X", "0571-88001122"), today.minusYears(3));
        desk.database().inTransaction(tx -> {
            long id = new AccountRepository().insert(tx, account);
            new BillRepository().insertAll(tx, List.of(new BillRepository.NewBill(id,
                    YearMonth.from(today.minusDays(days + 10)), 1000, 2000, 1000, Money.ofYuan(yuan),
                    today.minusDays(days), Money.ZERO)));
            return null;
        });
    }
}
