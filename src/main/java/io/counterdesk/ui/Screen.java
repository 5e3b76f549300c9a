package io.counterdesk.ui;

import java.util.List;
import javafx.scene.Node;

/** One screen of the counter shell (search, account detail, open till …). */
public interface Screen {

    /** The screen's content. */
    Node node();

    /** Shown in the window header, in the current language. */
    String title();

    /** Called each time the screen becomes the current one: put the focus where typing starts. */
    default void shown() {
    }

    /**
     * Esc on this screen. Return true if the screen handled it (e.g. cleared its input); false
     * lets the shell go back to the previous screen.
     */
    default boolean escape() {
        return false;
    }

    /**
     * What the cashier typed here that Esc would throw away (a form half filled), empty when nothing
     * would be lost: the shell then asks once before going back, and again after more typing.
     */
    default String typedInput() {
        return "";
    }

    /** The typed texts of {@code inputs} together, for {@link #typedInput()}. */
    static String typed(javafx.scene.control.TextInputControl... inputs) {
        StringBuilder all = new StringBuilder();
        for (javafx.scene.control.TextInputControl input : inputs) {
            String text = input.getText();
            if (text != null && !text.isBlank()) {
                all.append(input.getId()).append('=').append(text.strip()).append('\n');
            }
        }
        return all.toString();
    }

    /** Keys of this screen, registered while it is the current one and listed in the key map. */
    default List<CounterAction> actions() {
        return List.of();
    }

    /** Called when the screen leaves for good: cancel pending work. */
    default void closed() {
    }
}
