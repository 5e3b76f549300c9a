package io.counterdesk.ui;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The counter's key assignments, in one place so no two screens give a key different meanings by
 * accident. F-keys as is usual at counters; later businesses take the free ones (F3–F9, F11, F12).
 */
public final class CounterKeys {

    public static final KeyCombination KEY_MAP = new KeyCodeCombination(KeyCode.F1);
    public static final KeyCombination FOCUS_SEARCH = new KeyCodeCombination(KeyCode.F2);
    public static final KeyCombination OPEN_TILL = new KeyCodeCombination(KeyCode.F10);
    public static final KeyCombination BACK = new KeyCodeCombination(KeyCode.ESCAPE);
    /** Control, not Shortcut: counter PCs run Windows or Linux, and Ctrl reads the same on both. */
    public static final KeyCombination LOCK = new KeyCodeCombination(KeyCode.L, KeyCombination.CONTROL_DOWN);

    public static final String GROUP_GENERAL = "ui.keys.group.general";
    public static final String GROUP_TILL = "ui.keys.group.till";
    public static final String GROUP_SEARCH = "ui.keys.group.search";

    private CounterKeys() {
    }
}
