package io.mq.broker.coordinator;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A {@link CoordinatorScheduler} for tests: tasks run on the calling thread, in submission order, and timers run
 * only when the test advances the clock. Not thread-safe (tests drive it from one thread).
 */
final class ManualScheduler implements CoordinatorScheduler {

    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            Comparator.comparingLong(Timer::due).thenComparingLong(Timer::sequence));
    private long now = 1_700_000_000_000L;
    private long sequence;
    private boolean running;

    private record Timer(long due, long sequence, Runnable task) {
    }

    @Override
    public long nowMs() {
        return now;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        drain();
    }

    @Override
    public Cancellable schedule(Runnable task, long delayMs) {
        Timer timer = new Timer(now + Math.max(0, delayMs), sequence++, task);
        timers.add(timer);
        return () -> timers.remove(timer);
    }

    /** Moves the clock forward by {@code millis}, running every timer that falls due, in time order. */
    void advance(long millis) {
        long target = now + millis;
        while (!timers.isEmpty() && timers.peek().due() <= target) {
            Timer timer = timers.poll();
            now = Math.max(now, timer.due());
            tasks.add(timer.task());
            drain();
        }
        now = target;
    }

    private void drain() {
        if (running) {
            return;
        }
        running = true;
        try {
            while (true) {
                Runnable task = tasks.poll();
                if (task == null && !timers.isEmpty() && timers.peek().due() <= now) {
                    task = timers.poll().task();
                }
                if (task == null) {
                    return;
                }
                task.run();
            }
        } finally {
            running = false;
        }
    }
}
