package io.counterdesk.ui;

import io.counterdesk.shared.I18n;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * One thing the cashier can do with a key, listed in the key map (F1). A screen that adds a
 * business (payment, card top-up …) registers its own actions with {@link CounterActions}; the
 * key map shows them without further work.
 *
 * <p>A <em>hint</em> has no handler: the key is handled by the focused control (Enter in the search
 * field, arrow keys in the result table) and is only listed so the key map is complete.
 *
 * @param id        stable identifier (for tests and logs), e.g. {@code "search.focus"}
 * @param key       the key combination that triggers it; {@code null} for a hint
 * @param keyLabel  how the key is printed on the key cap: "F2", "Ctrl+L", "↑ ↓"
 * @param groupKey  text key of the key map section, e.g. {@code ui.keys.group.general}
 * @param textKey   text key of what it does
 * @param available whether it can be used now (unavailable actions are neither run nor listed)
 * @param handler   what it does, on the UI thread; {@code null} for a hint
 */
public record CounterAction(String id, KeyCombination key, String keyLabel, String groupKey, String textKey,
                            BooleanSupplier available, Runnable handler) {

    private static final BooleanSupplier ALWAYS = () -> true;

    public CounterAction {
        Objects.requireNonNull(id);
        Objects.requireNonNull(keyLabel);
        Objects.requireNonNull(groupKey);
        Objects.requireNonNull(textKey);
        Objects.requireNonNull(available);
        if ((key == null) != (handler == null)) {
            throw new IllegalArgumentException("an action has both a key and a handler; a hint has neither: " + id);
        }
    }

    /** An action that is always available. */
    public static CounterAction of(String id, KeyCombination key, String keyLabel, String groupKey, String textKey,
                                   Runnable handler) {
        return new CounterAction(id, key, keyLabel, groupKey, textKey, ALWAYS, handler);
    }

    /** A key handled by the focused control, listed in the key map only. */
    public static CounterAction hint(String id, String keyLabel, String groupKey, String textKey) {
        return new CounterAction(id, null, keyLabel, groupKey, textKey, ALWAYS, null);
    }

    /** The same action, available only while {@code condition} holds. */
    public CounterAction when(BooleanSupplier condition) {
        BooleanSupplier before = available;
        return new CounterAction(id, key, keyLabel, groupKey, textKey,
                () -> before.getAsBoolean() && condition.getAsBoolean(), handler);
    }

    public boolean isHint() {
        return handler == null;
    }

    boolean matches(KeyEvent event) {
        return key != null && key.match(event);
    }

    /** What it does, in the current language. */
    public String text() {
        return I18n.text(textKey);
    }

    /**
     * What it does, without the key map's parenthesised note ("停气（非居民逾期超过 15 天）" → "停气"):
     * for a screen's own line of keys.
     */
    public String shortText() {
        String text = text();
        int note = text.indexOf('（');
        int latinNote = text.indexOf(" (");
        if (latinNote >= 0 && (note < 0 || latinNote < note)) {
            note = latinNote;
        }
        return note > 0 ? text.substring(0, note).strip() : text;
    }
}
