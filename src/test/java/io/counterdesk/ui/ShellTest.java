package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The window's key handling and the shell's screen stack, on the FX thread without a running program. */
class ShellTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aHeldKeyRunsItsActionOncePerPress() {
        AtomicInteger runs = new AtomicInteger();
        CounterDriver.onFx(() -> {
            MainWindow window = newWindow();
            window.actions().register(CounterAction.of("search.focus", CounterKeys.FOCUS_SEARCH, "F2",
                    CounterKeys.GROUP_GENERAL, "ui.keys.focusSearch", runs::incrementAndGet));
            for (int i = 0; i < 5; i++) {
                key(window, KeyEvent.KEY_PRESSED, KeyCode.F2);
            }
            key(window, KeyEvent.KEY_RELEASED, KeyCode.F2);
            key(window, KeyEvent.KEY_PRESSED, KeyCode.F2);
            return null;
        });

        assertThat(runs).hasValue(2);
    }

    @Test
    void f1ShowsTheKeyMapAndEscapeClosesItWithoutReachingTheActionsBehind() {
        AtomicInteger backs = new AtomicInteger();
        List<Boolean> showing = CounterDriver.onFx(() -> {
            MainWindow window = newWindow();
            window.actions().register(CounterAction.of("back", CounterKeys.BACK, "Esc", CounterKeys.GROUP_GENERAL,
                    "ui.keys.back", backs::incrementAndGet));
            List<Boolean> states = new ArrayList<>();
            tap(window, KeyCode.F1);
            states.add(window.overlayShowing());
            tap(window, KeyCode.ESCAPE);
            states.add(window.overlayShowing());
            tap(window, KeyCode.F1);
            tap(window, KeyCode.F1);
            states.add(window.overlayShowing());
            return states;
        });

        assertThat(showing).containsExactly(true, false, false);
        assertThat(backs).as("Esc closed the key map only").hasValue(0);
    }

    @Test
    void escapeAsksTheScreenFirstThenGoesBackAndTheScreensKeysComeAndGo() {
        List<String> log = new ArrayList<>();
        CounterDriver.onFx(() -> {
            MainWindow window = newWindow();
            CounterShell shell = new CounterShell(window.actions(), new StatusBarModel(Clock.systemUTC()), "HZ01");
            window.showPage(shell.node());
            TestScreen search = new TestScreen("search", true, log);
            TestScreen detail = new TestScreen("detail", false, log);
            shell.setRoot(search);
            shell.push(detail);
            log.add("keys " + window.actions().available().stream().map(CounterAction::id).toList());
            shell.escape();
            log.add("current " + shell.current().map(Screen::title).orElse("-"));
            log.add("keys " + window.actions().available().stream().map(CounterAction::id).toList());
            shell.escape();
            log.add("current " + shell.current().map(Screen::title).orElse("-"));
            shell.dispose();
            return null;
        });

        assertThat(log).containsExactly(
                "shown search", "shown detail",
                "keys [keymap, detail.hint]",
                "escape detail", "closed detail", "shown search",
                "current search",
                "keys [keymap, search.hint]",
                "escape search",
                "current search",
                "closed search");
    }

    @Test
    void errorsStayUntilTheNextScreenAndConfirmationsAreShownToo() {
        List<String> seen = CounterDriver.onFx(() -> {
            MainWindow window = newWindow();
            CounterShell shell = new CounterShell(window.actions(), new StatusBarModel(Clock.systemUTC()), "HZ01");
            List<String> log = new ArrayList<>();
            shell.setRoot(new TestScreen("search", true, new ArrayList<>()));
            shell.showError("数据库错误");
            log.add(shell.messageText());
            shell.push(new TestScreen("detail", false, new ArrayList<>()));
            log.add(shell.messageText());
            shell.showInfo("已开班");
            log.add(shell.messageText());
            shell.dispose();
            return log;
        });

        assertThat(seen).containsExactly("数据库错误", "", "已开班");
    }

    @Test
    void aLongKeyMapGoesOnInASecondColumnBalancedByLines() {
        assertThat(KeyMapOverlay.split(new int[] {4, 3})).as("fits one column").isEqualTo(2);
        assertThat(KeyMapOverlay.split(new int[] {5, 15})).isEqualTo(1);
        assertThat(KeyMapOverlay.split(new int[] {3, 4, 10})).isEqualTo(2);
        assertThat(KeyMapOverlay.split(new int[] {20})).isEqualTo(1);
    }

    @Test
    void aHeldFunctionKeyDoesNotRepeatIntoADialog() {
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger reachedDialog = new AtomicInteger();
        Label dialog = CounterDriver.onFx(() -> new Label("dialog"));
        CounterDriver.onFx(() -> {
            MainWindow window = newWindow();
            dialog.addEventHandler(KeyEvent.KEY_PRESSED, e -> reachedDialog.incrementAndGet());
            window.actions().register(CounterAction.of("pay.confirm", CounterKeys.PAY_CONFIRM, "F12",
                    CounterKeys.GROUP_PAYMENT, "ui.keys.pay.confirm", () -> {
                        opened.incrementAndGet();
                        window.showOverlay(dialog, window::closeOverlay);
                    }));
            key(window, KeyEvent.KEY_PRESSED, KeyCode.F12);
            // the keyboard's auto-repeat while F12 is held, now aimed at the dialog
            Event.fireEvent(dialog, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.F12, false, false, false, false));
            Event.fireEvent(dialog, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.F12, false, false, false, false));
            Event.fireEvent(dialog, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
            return null;
        });

        assertThat(opened).hasValue(1);
        assertThat(reachedDialog).as("the auto-repeat is swallowed; a new key gets through").hasValue(1);
    }

    @Test
    void aKeyWhoseReleaseWentElsewhereWorksAgainOnItsNextPress() {
        AtomicInteger counted = new AtomicInteger();
        long[] now = {0};
        CounterDriver.onFx(() -> {
            MainWindow window = new MainWindow(() -> now[0]);
            window.install(new Scene(window.root(), 800, 600));
            window.actions().register(CounterAction.of("dayClose.count", CounterKeys.DAY_CLOSE_COUNT, "F4",
                    CounterKeys.GROUP_DAY_CLOSE, "ui.keys.dayClose.count", counted::incrementAndGet));
            key(window, KeyEvent.KEY_PRESSED, KeyCode.F4);
            // held: the repeats come at once and are swallowed
            now[0] += 500_000_000L;
            key(window, KeyEvent.KEY_PRESSED, KeyCode.F4);
            now[0] += 50_000_000L;
            key(window, KeyEvent.KEY_PRESSED, KeyCode.F4);
            // the release went to another window; seconds later the cashier presses F4 again
            now[0] += 3_000_000_000L;
            key(window, KeyEvent.KEY_PRESSED, KeyCode.F4);
            return null;
        });

        assertThat(counted).as("the first press and the later one; not the repeats").hasValue(2);
    }

    private static MainWindow newWindow() {
        MainWindow window = new MainWindow();
        window.install(new Scene(window.root(), 800, 600));
        return window;
    }

    private static void tap(MainWindow window, KeyCode code) {
        key(window, KeyEvent.KEY_PRESSED, code);
        key(window, KeyEvent.KEY_RELEASED, code);
    }

    private static void key(MainWindow window, javafx.event.EventType<KeyEvent> type, KeyCode code) {
        Event.fireEvent(window.root(), new KeyEvent(type, "", "", code, false, false, false, false));
    }

    /** A screen that records what the shell does to it; {@code handlesEscape} like the search screen. */
    private record TestScreen(String name, boolean handlesEscape, List<String> log) implements Screen {
        @Override
        public Node node() {
            return new Label(name);
        }

        @Override
        public String title() {
            return name;
        }

        @Override
        public void shown() {
            log.add("shown " + name);
        }

        @Override
        public boolean escape() {
            log.add("escape " + name);
            return handlesEscape;
        }

        @Override
        public List<CounterAction> actions() {
            return List.of(CounterAction.hint(name + ".hint", "Enter", CounterKeys.GROUP_SEARCH, "ui.keys.search.open"));
        }

        @Override
        public void closed() {
            log.add("closed " + name);
        }
    }
}
