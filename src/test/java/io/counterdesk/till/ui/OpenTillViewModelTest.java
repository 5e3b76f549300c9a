package io.counterdesk.till.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.app.CounterDesk;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import io.counterdesk.till.TillSession;
import io.counterdesk.ui.CurrentThreadTaskExecutor;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.TestBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenTillViewModelTest {

    @TempDir
    static Path directory;
    static CounterDesk desk;

    private final List<String> events = new ArrayList<>();
    private final List<TillSession> sessions = new ArrayList<>();

    @BeforeAll
    static void openDatabase() {
        desk = TestBackend.start(directory);
    }

    @AfterAll
    static void closeDatabase() {
        desk.close();
    }

    @Test
    void aCashierWithoutATillTypesTheFloatAndOpensIt() {
        OpenTillViewModel model = model(TestBackend.login(desk, "1002"));
        model.start();
        assertThat(model.stateProperty().get()).isEqualTo(OpenTillViewModel.State.ENTERING);
        assertThat(events).isEmpty();

        model.floatTextProperty().set("500.00");
        assertThat(model.amountProperty().get()).isEqualTo("¥500.00");
        assertThat(model.amountInWordsProperty().get()).isEqualTo("伍佰元整");
        model.confirm();

        assertThat(events).containsExactly("opened");
        assertThat(sessions).singleElement()
                .satisfies(s -> assertThat(s.openingFloat()).isEqualTo(Money.ofYuan(500)));
        assertThat(model.stateProperty().get()).isEqualTo(OpenTillViewModel.State.DONE);
    }

    @Test
    void aCashierWhoseTillIsAlreadyOpenSkipsTheStep() {
        Operator cashier = TestBackend.login(desk, "2001");
        desk.tills().open(cashier, Money.ofYuan(300));
        OpenTillViewModel model = model(cashier);

        model.start();

        assertThat(events).containsExactly("already open");
        assertThat(sessions).singleElement()
                .satisfies(s -> assertThat(s.openingFloat()).isEqualTo(Money.ofYuan(300)));
    }

    @Test
    void anAdministratorNeedsNoTill() {
        OpenTillViewModel model = model(TestBackend.login(desk, "9001"));

        model.start();

        assertThat(events).containsExactly("without till");
    }

    @Test
    void escapeGoesOnWithoutATill() {
        OpenTillViewModel model = model(TestBackend.login(desk, "3001"));
        model.start();

        model.skip();

        assertThat(events).containsExactly("without till");
        assertThat(desk.tills().current(TestBackend.login(desk, "3001"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''        | 请输入备用金金额
            12.345    | 金额“12.345”格式不对
            abc       | 金额“abc”格式不对
            -5        | 备用金不能为负数
            10000.01  | 备用金超过上限 ¥10,000.00
            """)
    void aFloatThatIsNotValidIsRefusedBeforeItReachesTheDatabase(String typed, String message) {
        OpenTillViewModel model = model(TestBackend.login(desk, "1001"));
        model.start();

        model.floatTextProperty().set(typed);
        assertThat(model.validProperty().get()).isFalse();
        assertThat(model.amountProperty().get()).isEmpty();
        model.confirm();

        assertThat(events).isEmpty();
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).startsWith(message);
        assertThat(model.stateProperty().get()).isEqualTo(OpenTillViewModel.State.ENTERING);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            500       | 50000
            500.5     | 50050
            ¥1,000.00 | 100000
            ５００     | 50000
            0         | 0
            10000     | 1000000
            """)
    void readsTheFloatAsCashiersTypeIt(String typed, long fen) {
        assertThat(OpenTillViewModel.parse(typed)).isEqualTo(Money.ofFen(fen));
    }

    @Test
    void anEmptyFloatIsAMistakeNotZero() {
        assertThatThrownBy(() -> OpenTillViewModel.parse(" ")).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("ui.till.floatRequired");
    }

    private OpenTillViewModel model(Operator operator) {
        return new OpenTillViewModel(new CurrentThreadTaskExecutor(), desk.tills(), operator,
                new OpenTillViewModel.Listener() {
                    @Override
                    public void tillReady(TillSession session, boolean alreadyOpen) {
                        events.add(alreadyOpen ? "already open" : "opened");
                        sessions.add(session);
                    }

                    @Override
                    public void withoutTill() {
                        events.add("without till");
                    }
                });
    }
}
