package io.counterdesk.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.app.CounterDesk;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import io.counterdesk.ui.CurrentThreadTaskExecutor;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.TestBackend;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangePasswordViewModelTest {

    @TempDir
    static Path directory;
    static CounterDesk desk;

    private final AtomicInteger changed = new AtomicInteger();
    private final AtomicReference<Operator> changedTo = new AtomicReference<>();

    @BeforeAll
    static void openDatabase() {
        desk = TestBackend.start(directory);
    }

    @AfterAll
    static void closeDatabase() {
        desk.close();
    }

    @Test
    void aNewOperatorChangesTheInitialPasswordAndCanLogInWithTheNewOne() {
        Operator fresh = newOperator("1101");
        assertThat(fresh.mustChangePassword()).isTrue();
        ChangePasswordViewModel model = model(fresh);
        model.currentProperty().set("start1101");
        model.replacementProperty().set("counter2025");
        model.repeatProperty().set("counter2025");

        model.change();

        assertThat(changed).hasValue(1);
        assertThat(changedTo.get().mustChangePassword()).as("work goes on with the operator as now stored").isFalse();
        assertThat(changedTo.get().staffNo()).isEqualTo("1101");
        assertThat(desk.accounts().search(changedTo.get(), "3300000001")).as("services accept the updated operator")
                .hasSize(1);
        assertThat(model.currentProperty().get()).isEmpty();
        Operator again = desk.auth().login("1101", "counter2025".toCharArray());
        assertThat(again.mustChangePassword()).isFalse();
    }

    @Test
    void theNewPasswordMustBeTypedTheSameTwice() {
        ChangePasswordViewModel model = model(newOperator("1102"));
        model.currentProperty().set("start1102");
        model.replacementProperty().set("counter2025");
        model.repeatProperty().set("counter2052");

        model.change();

        assertThat(changed).hasValue(0);
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).contains("不一致");
        assertThat(model.repeatProperty().get()).isEmpty();
    }

    @Test
    void theServicesPasswordRulesAreShown() {
        ChangePasswordViewModel model = model(newOperator("1103"));
        model.currentProperty().set("start1103");
        model.replacementProperty().set("short1");
        model.repeatProperty().set("short1");

        model.change();

        assertThat(changed).hasValue(0);
        assertThat(model.messageProperty().get()).isEqualTo("密码至少 8 位");
    }

    @Test
    void aWrongCurrentPasswordIsRefused() {
        ChangePasswordViewModel model = model(newOperator("1104"));
        model.currentProperty().set("wrong1104");
        model.replacementProperty().set("counter2025");
        model.repeatProperty().set("counter2025");

        model.change();

        assertThat(changed).hasValue(0);
        assertThat(model.messageProperty().get()).isEqualTo("原密码不对");
    }

    private ChangePasswordViewModel model(Operator operator) {
        return new ChangePasswordViewModel(new CurrentThreadTaskExecutor(), desk.auth(), operator, updated -> {
            changed.incrementAndGet();
            changedTo.set(updated);
        });
    }

    private static Operator newOperator(String staffNo) {
        Operator admin = TestBackend.login(desk, "9001");
        desk.auth().createOperator(admin, staffNo, "新员工" + staffNo, Role.CASHIER, ("start" + staffNo).toCharArray());
        return desk.auth().login(staffNo, ("start" + staffNo).toCharArray());
    }
}
