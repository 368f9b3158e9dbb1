package io.mq.producer;

import java.time.Duration;

/**
 * How long to wait before sending a failed batch again: a function of how many attempts have failed so far. The
 * engine does not sleep: its sender schedules the retry on a timer. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface BackoffPolicy {

    /**
     * The delay before the next attempt.
     *
     * @param failedAttempts attempts that have failed so far, from 1
     * @return a non-negative delay
     */
    Duration delay(int failedAttempts);

    /** The same delay after every failure. */
    static BackoffPolicy fixed(Duration delay) {
        return new FixedBackoff(delay);
    }

    /**
     * Delays growing by {@code multiplier} from {@code initial} up to {@code max}, each varied randomly by up to
     * ±{@code jitter} (a fraction, 0 for none) so that many clients do not retry in step.
     */
    static BackoffPolicy exponential(Duration initial, double multiplier, Duration max, double jitter) {
        return new ExponentialBackoff(initial, multiplier, max, jitter);
    }
}
