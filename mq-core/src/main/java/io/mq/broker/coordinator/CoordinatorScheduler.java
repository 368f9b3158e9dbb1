package io.mq.broker.coordinator;

/**
 * The one thread that owns all group state, with its clock and timers. Everything the coordinator does to a group
 * runs through {@link #execute} or a timer, never concurrently. Tests substitute a manual implementation whose
 * clock they advance.
 */
public interface CoordinatorScheduler {

    /** The current time in milliseconds since the epoch. */
    long nowMs();

    /** Runs {@code task} on the coordinator thread, after the tasks submitted before it. */
    void execute(Runnable task);

    /** Runs {@code task} on the coordinator thread after {@code delayMs}, unless cancelled first. */
    Cancellable schedule(Runnable task, long delayMs);

    /** A scheduled task that may still be cancelled. */
    @FunctionalInterface
    interface Cancellable {

        /** Stops the task from running; does nothing if it ran or was cancelled already. */
        void cancel();
    }
}
