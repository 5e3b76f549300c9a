package io.counterdesk.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * How long each step of opening the terminal took (issue 15 §3: the cold start to a usable log-in,
 * broken down): {@link Database#open} records its steps (key store, Flyway, acknowledgement mark,
 * compaction check) and the composition root adds its own. Printed by the start-up probe; read by
 * the bench. Thread-safe enough for one opener thread and a reader after it finished.
 */
public final class OpeningSteps {

    /** One step and its wall time in milliseconds. */
    public record Step(String name, double millis) {
    }

    private final List<Step> steps = new ArrayList<>();
    private long since = System.nanoTime();

    /** Ends the current step under {@code name} and starts the next one. */
    public synchronized void mark(String name) {
        long now = System.nanoTime();
        steps.add(new Step(name, (now - since) / 1e6));
        since = now;
    }

    /** Adds the steps of another recorder (the database's, inside the composition root's) and restarts the clock. */
    public synchronized void addAll(OpeningSteps other) {
        steps.addAll(other.steps());
        since = System.nanoTime();
    }

    public synchronized List<Step> steps() {
        return List.copyOf(steps);
    }
}
