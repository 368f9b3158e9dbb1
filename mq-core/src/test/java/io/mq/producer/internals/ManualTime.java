package io.mq.producer.internals;

import java.time.Duration;

/** Clocks a test moves by hand. */
final class ManualTime implements Time {

    private long nanos = 1_000_000_000L;
    private long millis = 1_700_000_000_000L;

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized long currentTimeMillis() {
        return millis;
    }

    synchronized void advance(Duration duration) {
        nanos += duration.toNanos();
        millis += duration.toMillis();
    }
}
