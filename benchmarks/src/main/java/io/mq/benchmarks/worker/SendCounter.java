package io.mq.benchmarks.worker;

import io.mq.benchmarks.producer.ProducerUnderTest;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** Counts acknowledged and failed sends (callbacks may run on any thread) and keeps the first failure. */
final class SendCounter implements ProducerUnderTest.SendCallback {

    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();

    @Override
    public void completed(Throwable error) {
        if (error == null) {
            acknowledged.increment();
        } else {
            if (firstError.compareAndSet(null, error)) {
                System.err.println("first failed send: " + error);
            }
            failed.increment();
        }
    }

    long acknowledged() {
        return acknowledged.sum();
    }

    long failed() {
        return failed.sum();
    }

    /** Waits (polling, at most {@code timeoutMillis}) until {@code sent} sends have completed either way. */
    void awaitCompleted(long sent, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (acknowledged() + failed() < sent) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException((sent - acknowledged() - failed()) + " of " + sent
                        + " sends still incomplete after " + timeoutMillis + " ms");
            }
            Thread.sleep(1);
        }
    }
}
