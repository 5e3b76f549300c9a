package io.counterdesk.ui;

import java.time.Duration;

/**
 * Runs every task at once on the calling thread and ignores delays: a view model driven by it is
 * synchronous, so its tests need no waiting. Never used by the running program.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> Cancellable execute(BackgroundTask<T> task) {
        task.runHere();
        return Cancellable.NONE;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        action.run();
        return Cancellable.NONE;
    }

    @Override
    public void shutdown() {
        // nothing runs in the background
    }
}
