package io.mq.producer;

import io.mq.client.MqConfigurationException;
import java.time.Duration;
import java.util.Objects;

/**
 * The same delay before every retry.
 *
 * @param interval the delay, zero or positive
 */
public record FixedBackoff(Duration interval) implements BackoffPolicy {

    public FixedBackoff {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new MqConfigurationException("backoff interval must be >= 0, was " + interval);
        }
    }

    @Override
    public Duration delay(int failedAttempts) {
        return interval;
    }
}
