package io.mq.client.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: after the n-th consecutive failure wait {@code initial * 2^(n-1)}, at most
 * {@code max}, spread randomly by ±{@code jitter} so many clients do not retry in lockstep.
 */
public final class Backoff {

    private final long initialNanos;
    private final long maxNanos;
    private final double jitter;

    /** Waits from {@code initial}, doubling up to {@code max}, spread by ±{@code jitter} (a fraction below 1). */
    public Backoff(Duration initial, Duration max, double jitter) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.jitter = jitter;
    }

    /** The wait after {@code failures} consecutive failures; 0 when there were none. */
    public long delayNanos(int failures) {
        if (failures <= 0) {
            return 0;
        }
        int doublings = Math.min(failures - 1, 62);
        long base = initialNanos > (maxNanos >> doublings) ? maxNanos : Math.min(maxNanos, initialNanos << doublings);
        double spread = jitter == 0 ? 1 : 1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Math.max(0, (long) (base * spread));
    }
}
