package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

class CounterActionsTest {

    private final CounterActions registry = new CounterActions();
    private final List<String> ran = new ArrayList<>();

    @Test
    void runsTheActionBoundToTheKey() {
        registry.register(action("search.focus", CounterKeys.FOCUS_SEARCH, "F2"));

        assertThat(registry.dispatch(press(KeyCode.F2, false))).isTrue();
        assertThat(registry.dispatch(press(KeyCode.F3, false))).isFalse();
        assertThat(ran).containsExactly("search.focus");
    }

    @Test
    void matchesModifiersExactly() {
        registry.register(action("lock", CounterKeys.LOCK, "Ctrl+L"));

        assertThat(registry.dispatch(press(KeyCode.L, false))).isFalse();
        assertThat(registry.dispatch(press(KeyCode.L, true))).isTrue();
        assertThat(ran).containsExactly("lock");
    }

    @Test
    void laterRegistrationWinsForTheSameKeyUntilRemoved() {
        registry.register(action("back", CounterKeys.BACK, "Esc"));
        CounterActions.Registration screen = registry.register(action("dialog.cancel", CounterKeys.BACK, "Esc"));

        registry.dispatch(press(KeyCode.ESCAPE, false));
        screen.remove();
        registry.dispatch(press(KeyCode.ESCAPE, false));

        assertThat(ran).containsExactly("dialog.cancel", "back");
    }

    @Test
    void unavailableActionsAreNeitherRunNorListed() {
        AtomicBoolean tillOpen = new AtomicBoolean(true);
        registry.register(action("till.open", CounterKeys.OPEN_TILL, "F10").when(() -> !tillOpen.get()));

        assertThat(registry.dispatch(press(KeyCode.F10, false))).isFalse();
        assertThat(registry.available()).isEmpty();

        tillOpen.set(false);
        assertThat(registry.dispatch(press(KeyCode.F10, false))).isTrue();
        assertThat(registry.available()).extracting(CounterAction::id).containsExactly("till.open");
    }

    @Test
    void hintsAreListedButNeverRun() {
        registry.register(CounterAction.hint("search.open", "Enter", CounterKeys.GROUP_SEARCH, "ui.keys.search.open"));

        assertThat(registry.dispatch(press(KeyCode.ENTER, false))).isFalse();
        assertThat(registry.available()).extracting(CounterAction::keyLabel).containsExactly("Enter");
        assertThat(registry.available().get(0).isHint()).isTrue();
    }

    @Test
    void theKeyMapListsOneEntryPerKeyInRegistrationOrder() {
        registry.register(action("keymap", CounterKeys.KEY_MAP, "F1"), action("back", CounterKeys.BACK, "Esc"),
                action("search.focus", CounterKeys.FOCUS_SEARCH, "F2"));
        registry.register(CounterAction.hint("search.clear", "Esc", CounterKeys.GROUP_SEARCH, "ui.keys.search.clear"));

        assertThat(registry.available()).extracting(CounterAction::id)
                .containsExactly("keymap", "search.focus", "search.clear");
    }

    @Test
    void anActionNeedsBothKeyAndHandlerOrNeither() {
        assertThatThrownBy(() -> new CounterAction("x", CounterKeys.KEY_MAP, "F1", CounterKeys.GROUP_GENERAL,
                "ui.keys.keyMap", () -> true, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private CounterAction action(String id, javafx.scene.input.KeyCombination key, String label) {
        return CounterAction.of(id, key, label, CounterKeys.GROUP_GENERAL, "ui.keys.keyMap", () -> ran.add(id));
    }

    private static KeyEvent press(KeyCode code, boolean control) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, control, false, false);
    }
}
