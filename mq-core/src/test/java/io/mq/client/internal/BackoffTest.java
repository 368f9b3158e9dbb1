package io.mq.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesPerFailureUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), 0);

        assertThat(backoff.delayNanos(0)).isZero();
        assertThat(backoff.delayNanos(1)).isEqualTo(Duration.ofMillis(50).toNanos());
        assertThat(backoff.delayNanos(2)).isEqualTo(Duration.ofMillis(100).toNanos());
        assertThat(backoff.delayNanos(5)).isEqualTo(Duration.ofMillis(800).toNanos());
        assertThat(backoff.delayNanos(6)).isEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(backoff.delayNanos(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void jitterSpreadsTheWaitWithinItsFraction() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(100), 0.2);
        long low = Long.MAX_VALUE;
        long high = 0;

        for (int i = 0; i < 1000; i++) {
            long delay = backoff.delayNanos(3);
            low = Math.min(low, delay);
            high = Math.max(high, delay);
        }

        assertThat(low).isBetween(Duration.ofMillis(80).toNanos(), Duration.ofMillis(100).toNanos());
        assertThat(high).isBetween(Duration.ofMillis(100).toNanos(), Duration.ofMillis(120).toNanos());
        assertThat(high).isGreaterThan(low);
    }
}
