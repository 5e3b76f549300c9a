package io.counterdesk.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.app.CounterDesk;
import io.counterdesk.persistence.StorageException;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import io.counterdesk.ui.CurrentThreadTaskExecutor;
import io.counterdesk.ui.ManualTaskExecutor;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.TestBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginViewModelTest {

    @TempDir
    static Path directory;
    static CounterDesk desk;

    private final List<Operator> loggedIn = new ArrayList<>();

    @BeforeAll
    static void openDatabase() {
        desk = TestBackend.start(directory);
    }

    @AfterAll
    static void closeDatabase() {
        desk.close();
    }

    @Test
    void logsInWithTheDocumentedDemoPassword() {
        LoginViewModel model = readyModel(new CurrentThreadTaskExecutor());
        model.staffNoProperty().set("1001");
        model.passwordProperty().set("demo1001");

        model.login();

        assertThat(loggedIn).singleElement().satisfies(op -> {
            assertThat(op.staffNo()).isEqualTo("1001");
            assertThat(op.role()).isEqualTo(Role.CASHIER);
        });
        assertThat(model.passwordProperty().get()).as("password not kept after use").isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aWrongPasswordShowsTheServicesRefusalAndKeepsTheStaffNumber() {
        LoginViewModel model = readyModel(new CurrentThreadTaskExecutor());
        model.staffNoProperty().set("1002");
        model.passwordProperty().set("wrong1002");

        model.login();

        assertThat(loggedIn).isEmpty();
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).startsWith("工号或密码不对");
        assertThat(model.staffNoProperty().get()).isEqualTo("1002");
        assertThat(model.passwordProperty().get()).isEmpty();
    }

    @Test
    void emptyFieldsAreRefusedWithoutAskingTheDatabase() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        LoginViewModel model = readyModel(executor);

        model.login();
        assertThat(model.messageProperty().get()).isEqualTo("请输入工号");

        model.staffNoProperty().set("1001");
        model.login();
        assertThat(model.messageProperty().get()).isEqualTo("请输入密码");
        assertThat(executor.tasksSubmitted()).isZero();
    }

    @Test
    void aLogInTypedBeforeTheDatabaseIsOpenWaitsForItAndThenGoesAhead() {
        LoginViewModel model = new LoginViewModel(new CurrentThreadTaskExecutor(), loggedIn::add);
        model.staffNoProperty().set("1001");
        model.passwordProperty().set("demo1001");

        model.login();
        assertThat(model.backendProperty().get()).isEqualTo(LoginViewModel.Backend.OPENING);
        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("数据库正在打开");
        assertThat(loggedIn).isEmpty();

        model.backendReady(desk.auth(), "杭州城西营业厅 · 1 号窗口（HZ01-T01）");

        assertThat(loggedIn).extracting(Operator::staffNo).containsExactly("1001");
        assertThat(model.placeProperty().get()).contains("杭州城西营业厅");
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsShownAndNobodyCanLogIn() {
        LoginViewModel model = new LoginViewModel(new CurrentThreadTaskExecutor(), loggedIn::add);
        model.staffNoProperty().set("1001");
        model.passwordProperty().set("demo1001");
        model.login();

        model.backendFailed(new StorageException("cannot open or migrate database /data/hall.mv.db",
                new IllegalStateException("Database may be already in use")));

        assertThat(model.backendProperty().get()).isEqualTo(LoginViewModel.Backend.FAILED);
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).contains("无法打开数据库");
        assertThat(model.backendProblemProperty().get()).contains("already in use");
        assertThat(model.busyProperty().get()).isFalse();

        model.login();
        assertThat(loggedIn).isEmpty();
    }

    @Test
    void escapeForgetsThePasswordAndAWaitingLogIn() {
        LoginViewModel model = new LoginViewModel(new CurrentThreadTaskExecutor(), loggedIn::add);
        model.staffNoProperty().set("1001");
        model.passwordProperty().set("demo1001");
        model.login();

        model.clearPassword();
        model.backendReady(desk.auth(), "");

        assertThat(loggedIn).isEmpty();
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void afterLogOutTheFormIsEmptyButForTheLastStaffNumber() {
        LoginViewModel model = readyModel(new CurrentThreadTaskExecutor());
        model.staffNoProperty().set("1001");
        model.passwordProperty().set("typo");
        model.login();

        model.reset("1001");

        assertThat(model.staffNoProperty().get()).isEqualTo("1001");
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.NONE);
    }

    private LoginViewModel readyModel(io.counterdesk.ui.TaskExecutor executor) {
        LoginViewModel model = new LoginViewModel(executor, loggedIn::add);
        model.backendReady(desk.auth(), "杭州城西营业厅");
        return model;
    }
}
