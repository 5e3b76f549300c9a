package io.counterdesk.ui;

/** A handle on submitted work: cancelling it means its result or scheduled action is never delivered. */
@FunctionalInterface
public interface Cancellable {

    /** Nothing to cancel (already done, or never started). */
    Cancellable NONE = () -> { };

    /**
     * Stops the delivery of the result to the screen. Work already running on a background
     * thread is not interrupted (an interrupted H2 connection closes its file): it finishes and
     * its result is thrown away.
     */
    void cancel();
}
