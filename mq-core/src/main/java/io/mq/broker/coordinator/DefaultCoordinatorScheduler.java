package io.mq.broker.coordinator;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link CoordinatorScheduler} on one daemon thread, {@code mq-group-coordinator}, with the system clock. */
public final class DefaultCoordinatorScheduler implements CoordinatorScheduler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DefaultCoordinatorScheduler.class);

    private final ScheduledThreadPoolExecutor executor;

    public DefaultCoordinatorScheduler() {
        executor = new ScheduledThreadPoolExecutor(1, new DefaultThreadFactory("mq-group-coordinator", true));
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public long nowMs() {
        return System.currentTimeMillis();
    }

    /** @throws java.util.concurrent.RejectedExecutionException after {@link #close()} */
    @Override
    public void execute(Runnable task) {
        executor.execute(() -> runLogged(task));
    }

    /** After {@link #close()} the task is dropped (timers do not outlive the coordinator). */
    @Override
    public Cancellable schedule(Runnable task, long delayMs) {
        try {
            ScheduledFuture<?> future = executor.schedule(() -> runLogged(task), Math.max(0, delayMs),
                    TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> { };
        }
    }

    /**
     * Stops the thread once the tasks already submitted have run (without interrupting them: a task may be writing
     * to the commit log); pending timers are dropped.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("The group coordinator thread did not stop within 5 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("Group coordinator task failed", e);
        }
    }
}
