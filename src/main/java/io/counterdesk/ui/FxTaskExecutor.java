package io.counterdesk.ui;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * The program's {@link TaskExecutor}: a small pool of daemon worker threads for the work, and
 * {@link Platform#runLater} to bring results back to the JavaFX application thread.
 */
public final class FxTaskExecutor implements TaskExecutor {

    private static final System.Logger LOG = System.getLogger(FxTaskExecutor.class.getName());

    private final ExecutorService workers;
    private final ScheduledExecutorService timer;

    public FxTaskExecutor() {
        this(3);
    }

    public FxTaskExecutor(int threads) {
        this.workers = Executors.newFixedThreadPool(threads, daemonThreads("counterdesk-worker-"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("counterdesk-timer-"));
    }

    @Override
    public <T> Cancellable execute(BackgroundTask<T> task) {
        AtomicBoolean cancelled = new AtomicBoolean();
        workers.execute(() -> {
            if (cancelled.get()) {
                return;
            }
            T result;
            try {
                result = task.work().call();
            } catch (Exception | Error e) {
                LOG.log(System.Logger.Level.DEBUG, "background task failed", e);
                onFxThread(cancelled, () -> task.failed(e));
                return;
            }
            onFxThread(cancelled, () -> task.succeeded(result));
        });
        return () -> cancelled.set(true);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        AtomicBoolean cancelled = new AtomicBoolean();
        timer.schedule(() -> onFxThread(cancelled, action), delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> cancelled.set(true);
    }

    private static void onFxThread(AtomicBoolean cancelled, Runnable action) {
        Platform.runLater(() -> {
            if (!cancelled.get()) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "UI update after background work failed", e);
                }
            }
        });
    }

    @Override
    public void shutdown() {
        workers.shutdown();
        timer.shutdownNow();
    }

    /** Waits for running work to finish after {@link #shutdown()}; true if it did in time. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
