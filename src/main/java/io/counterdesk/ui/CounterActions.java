package io.counterdesk.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.scene.input.KeyEvent;

/**
 * The registry of keyboard actions in force. The window asks it first for every key press; the
 * key map (F1) lists what it holds. Actions registered later win over earlier ones for the same
 * key, so a screen can give a key its own meaning while it is shown.
 */
public final class CounterActions {

    private final List<CounterAction> actions = new ArrayList<>();

    /** Adds actions; the returned registration removes exactly these again. */
    public Registration register(Collection<CounterAction> added) {
        List<CounterAction> copy = List.copyOf(added);
        actions.addAll(copy);
        return () -> copy.forEach(actions::remove);
    }

    public Registration register(CounterAction... added) {
        return register(List.of(added));
    }

    /**
     * Runs the newest available action whose key matches {@code event}.
     *
     * @return true if an action ran (the caller then consumes the event)
     */
    public boolean dispatch(KeyEvent event) {
        for (int i = actions.size() - 1; i >= 0; i--) {
            CounterAction action = actions.get(i);
            if (action.matches(event) && action.available().getAsBoolean()) {
                action.handler().run();
                return true;
            }
        }
        return false;
    }

    /** The actions and hints usable now, in registration order, one per key label (the newest wins). */
    public List<CounterAction> available() {
        List<CounterAction> out = new ArrayList<>();
        for (int i = actions.size() - 1; i >= 0; i--) {
            CounterAction action = actions.get(i);
            boolean shadowed = out.stream().anyMatch(a -> a.keyLabel().equals(action.keyLabel()));
            if (!shadowed && action.available().getAsBoolean()) {
                out.add(0, action);
            }
        }
        return out;
    }

    /** Undoes one {@link #register} call. */
    @FunctionalInterface
    public interface Registration {
        void remove();
    }
}
