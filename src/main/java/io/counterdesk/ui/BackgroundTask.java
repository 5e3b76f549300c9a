package io.counterdesk.ui;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Work for a background thread, with what to do with its result on the UI thread. Built
 * fluently and handed to a {@link TaskExecutor}:
 *
 * <pre>{@code
 * BackgroundTask.of(() -> accounts.search(operator, query))
 *         .onSuccess(this::showResults)
 *         .onFailure(this::showError)
 *         .executeWith(executor);
 * }</pre>
 *
 * @param <T> the result type
 */
public final class BackgroundTask<T> {

    private final Callable<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<? super Throwable> onFailure = BackgroundTask::unhandled;

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    /** Runs on the UI thread with the result. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    /** Runs on the UI thread with whatever the work threw. Without one, failures are logged. */
    public BackgroundTask<T> onFailure(Consumer<? super Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    public Cancellable executeWith(TaskExecutor executor) {
        return executor.execute(this);
    }

    Callable<T> work() {
        return work;
    }

    void succeeded(T result) {
        onSuccess.accept(result);
    }

    void failed(Throwable error) {
        onFailure.accept(error);
    }

    /** Runs the work here and now and delivers the outcome; for executors that run on the caller's thread. */
    void runHere() {
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            failed(e);
            return;
        }
        succeeded(result);
    }

    private static void unhandled(Throwable error) {
        System.getLogger(BackgroundTask.class.getName())
                .log(System.Logger.Level.ERROR, "background task failed and nobody handled it", error);
    }
}
