package io.counterdesk.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.AccountStatus;
import io.counterdesk.account.AccountSummary;
import io.counterdesk.app.CounterDesk;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.Masking;
import io.counterdesk.ui.CurrentThreadTaskExecutor;
import io.counterdesk.ui.ManualTaskExecutor;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.TestBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountSearchViewModelTest {

    @TempDir
    static Path directory;
    static CounterDesk desk;
    static Operator cashier;
    static AccountSummary first;

    private final List<Long> opened = new ArrayList<>();
    private int focusRequests;

    @BeforeAll
    static void openDatabase() {
        desk = TestBackend.start(directory);
        cashier = TestBackend.login(desk, "1001");
        first = desk.accounts().search(cashier, "3300000001").get(0);
    }

    @AfterAll
    static void closeDatabase() {
        desk.close();
    }

    @Test
    void findsTheCustomerByPhoneAndEnterOpensTheOnlyResult() {
        AccountSearchViewModel model = model(new CurrentThreadTaskExecutor());

        model.queryProperty().set(first.phone());

        assertThat(model.stateProperty().get()).isEqualTo(AccountSearchViewModel.State.FOUND);
        assertThat(model.results()).singleElement().satisfies(row -> {
            assertThat(row.accountNo()).isEqualTo("3300000001");
            assertThat(row.phone()).isEqualTo(Masking.phone(first.phone())).contains("****");
            assertThat(row.holderName()).isEqualTo(first.holderName());
        });
        assertThat(model.statusProperty().get()).isEqualTo("找到 1 户");

        model.submit();
        assertThat(opened).containsExactly(first.id());
    }

    @Test
    void severalResultsMoveTheCashierIntoTheListInsteadOfGuessing() {
        AccountSearchViewModel model = model(new CurrentThreadTaskExecutor());

        model.queryProperty().set("330000000");
        assertThat(model.results()).hasSizeGreaterThan(1);
        assertThat(model.selectedProperty().get()).isEqualTo(model.results().get(0));

        model.submit();
        assertThat(opened).isEmpty();
        assertThat(focusRequests).isEqualTo(1);

        model.selectedProperty().set(model.results().get(2));
        model.openSelected();
        assertThat(opened).containsExactly(model.results().get(2).id());
    }

    @Test
    void findsByAnyPartOfTheAddress() {
        AccountSearchViewModel model = model(new CurrentThreadTaskExecutor());
        String street = first.address().substring(3, 6);

        model.queryProperty().set(street);

        assertThat(model.results()).isNotEmpty().allSatisfy(row -> assertThat(row.address() + row.holderName())
                .contains(street));
        assertThat(model.results()).allSatisfy(row -> assertThat(row.statusText()).isNotBlank());
    }

    @Test
    void nothingFoundSaysSoAndEnterOpensNothing() {
        AccountSearchViewModel model = model(new CurrentThreadTaskExecutor());

        model.queryProperty().set("没有这个人");
        model.submit();

        assertThat(model.stateProperty().get()).isEqualTo(AccountSearchViewModel.State.NOTHING_FOUND);
        assertThat(model.statusProperty().get()).contains("没有找到“没有这个人”");
        assertThat(opened).isEmpty();
    }

    @Test
    void typingWaitsForAPauseSoOnlyTheLastQueryIsSearched() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        AccountSearchViewModel model = model(executor);

        for (String typed : List.of("3", "33", "330", "3300", "33000", "330000", "3300000", "33000000", "330000000",
                "3300000001")) {
            model.queryProperty().set(typed);
        }
        assertThat(model.stateProperty().get()).isEqualTo(AccountSearchViewModel.State.SEARCHING);
        executor.runAll();

        assertThat(executor.tasksSubmitted()).isEqualTo(1);
        assertThat(model.results()).extracting(AccountRow::accountNo).containsExactly("3300000001");
    }

    @Test
    void aResultThatArrivesAfterTheQueryChangedIsThrownAway() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        AccountSearchViewModel model = model(executor);
        model.queryProperty().set("330000000");
        executor.runScheduled();
        assertThat(executor.pendingTasks()).isEqualTo(1);

        model.queryProperty().set(first.phone());
        executor.runNextTask();
        assertThat(model.results()).as("the stale search's rows").isEmpty();
        assertThat(model.stateProperty().get()).isEqualTo(AccountSearchViewModel.State.SEARCHING);

        executor.runAll();
        assertThat(model.results()).extracting(AccountRow::accountNo).containsExactly("3300000001");
    }

    @Test
    void enterWhileTheSearchIsStillWaitingStartsItAtOnceAndOpensTheResult() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        AccountSearchViewModel model = model(executor);
        model.queryProperty().set(first.phone());

        model.submit();
        assertThat(executor.pendingScheduled()).as("debounce skipped").isZero();
        executor.runNextTask();

        assertThat(opened).containsExactly(first.id());
    }

    @Test
    void escapeClearsTheQueryAndTheResults() {
        AccountSearchViewModel model = model(new CurrentThreadTaskExecutor());
        model.queryProperty().set("3300000001");

        assertThat(model.clear()).isTrue();

        assertThat(model.queryProperty().get()).isEmpty();
        assertThat(model.results()).isEmpty();
        assertThat(model.stateProperty().get()).isEqualTo(AccountSearchViewModel.State.EMPTY);
        assertThat(model.clear()).as("nothing left to clear").isFalse();
    }

    @Test
    void rowsCarryTheStatusForTheBadge() {
        AccountSearchViewModel model = model(new CurrentThreadTaskExecutor());
        model.queryProperty().set("3300000001");

        assertThat(model.results().get(0).status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(model.results().get(0).statusText()).isEqualTo("正常");
        assertThat(AccountFacts.badgeClass(AccountStatus.SUSPENDED)).isEqualTo("badge-suspended");
    }

    private AccountSearchViewModel model(TaskExecutor executor) {
        AccountSearchViewModel model = new AccountSearchViewModel(executor, desk.accounts(), cashier,
                AccountSearchViewModel.DEBOUNCE, opened::add);
        model.setOnFocusResults(() -> focusRequests++);
        return model;
    }
}
