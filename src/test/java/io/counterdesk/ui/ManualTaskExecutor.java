package io.counterdesk.ui;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link TaskExecutor} for tests that decides when things happen: delays and background tasks
 * queue up until the test runs them, so a test can let a slow search finish after the query changed.
 */
public final class ManualTaskExecutor implements TaskExecutor {

    private final Deque<Job> scheduled = new ArrayDeque<>();
    private final Deque<Job> background = new ArrayDeque<>();
    private int tasksSubmitted;

    @Override
    public <T> Cancellable execute(BackgroundTask<T> task) {
        tasksSubmitted++;
        Job job = new Job(task::runHere);
        background.add(job);
        return job::cancel;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        Job job = new Job(action);
        scheduled.add(job);
        return job::cancel;
    }

    @Override
    public void shutdown() {
        scheduled.clear();
        background.clear();
    }

    /** Runs the delayed actions that are due (all of them: time is not modelled). */
    public void runScheduled() {
        while (!scheduled.isEmpty()) {
            scheduled.poll().run();
        }
    }

    /** Runs the oldest queued background task (work and delivery). */
    public void runNextTask() {
        Job job = background.poll();
        if (job == null) {
            throw new IllegalStateException("no background task queued");
        }
        job.run();
    }

    /** Runs everything queued, including what running it queues, until nothing is left. */
    public void runAll() {
        while (!scheduled.isEmpty() || !background.isEmpty()) {
            runScheduled();
            if (!background.isEmpty()) {
                runNextTask();
            }
        }
    }

    public int pendingTasks() {
        return background.size();
    }

    public int pendingScheduled() {
        return (int) scheduled.stream().filter(j -> !j.cancelled.get()).count();
    }

    /** How many background tasks were ever submitted. */
    public int tasksSubmitted() {
        return tasksSubmitted;
    }

    private static final class Job {
        private final Runnable action;
        private final AtomicBoolean cancelled = new AtomicBoolean();

        Job(Runnable action) {
            this.action = action;
        }

        void cancel() {
            cancelled.set(true);
        }

        void run() {
            if (!cancelled.get()) {
                action.run();
            }
        }
    }
}
