package io.counterdesk.ui;

import java.time.Duration;

/**
 * Runs work off the UI thread and brings its outcome back onto it (after JabRef's
 * {@code TaskExecutor}). Database, card, printer and network work never runs on the JavaFX
 * application thread: a frozen counter screen is a queue at the hall.
 *
 * <p>{@link FxTaskExecutor} is the real one; {@link CurrentThreadTaskExecutor} runs everything at
 * once on the caller's thread, for view-model tests.
 */
public interface TaskExecutor {

    /** Runs the task's work in the background, then its success or failure handler on the UI thread. */
    <T> Cancellable execute(BackgroundTask<T> task);

    /** Runs {@code action} on the UI thread after {@code delay} (debouncing, timeouts). */
    Cancellable schedule(Duration delay, Runnable action);

    /** Stops accepting work; running work is allowed to finish. */
    void shutdown();
}
