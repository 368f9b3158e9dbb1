package io.mq.producer;

import io.mq.client.MqConfigurationException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays that grow geometrically: {@code initial × multiplier^(failedAttempts-1)}, varied randomly by up to
 * ±{@code jitter} of itself, and never above {@code max}. Kafka's producer defaults are
 * {@link #KAFKA_DEFAULT}: 100 ms, ×2, up to 1 s, ±20%.
 *
 * @param initial    the delay after the first failure, positive
 * @param multiplier the growth per failure, at least 1
 * @param max        the largest delay, at least {@code initial}
 * @param jitter     the random variation as a fraction of the delay, in [0, 1)
 */
public record ExponentialBackoff(Duration initial, double multiplier, Duration max, double jitter)
        implements BackoffPolicy {

    /** 100 ms doubling up to 1 s with ±20% jitter, as Kafka's {@code retry.backoff.ms} and {@code retry.backoff.max.ms}. */
    public static final ExponentialBackoff KAFKA_DEFAULT =
            new ExponentialBackoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), 0.2);

    public ExponentialBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new MqConfigurationException("exponential backoff initial delay must be > 0, was " + initial);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new MqConfigurationException("exponential backoff multiplier must be a finite number >= 1, was "
                    + multiplier);
        }
        if (max.compareTo(initial) < 0) {
            throw new MqConfigurationException("exponential backoff max (" + max + ") must be >= initial (" + initial
                    + ")");
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new MqConfigurationException("exponential backoff jitter must be in [0, 1), was " + jitter);
        }
    }

    @Override
    public Duration delay(int failedAttempts) {
        return delay(failedAttempts, ThreadLocalRandom.current().nextDouble());
    }

    /**
     * The delay for a given random draw: a pure function, for tests and for callers with their own randomness.
     *
     * @param failedAttempts attempts that have failed so far, from 1
     * @param unitRandom     a number in [0, 1); 0.5 gives the delay without jitter
     */
    public Duration delay(int failedAttempts, double unitRandom) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be >= 1, was " + failedAttempts);
        }
        double maxNanos = max.toNanos();
        double nanos = Math.min(maxNanos, initial.toNanos() * Math.pow(multiplier, failedAttempts - 1));
        nanos *= 1.0 + jitter * (2.0 * unitRandom - 1.0);
        return Duration.ofNanos((long) Math.min(maxNanos, nanos));
    }
}
