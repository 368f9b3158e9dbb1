package io.mq.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {

    @Test
    void fixedBackoffIsTheSameEveryTime() {
        BackoffPolicy fixed = BackoffPolicy.fixed(Duration.ofMillis(250));

        assertThat(fixed.delay(1)).isEqualTo(fixed.delay(50)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void exponentialBackoffGrowsByTheMultiplierUpToTheMax() {
        ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), 0.2);

        assertThat(backoff.delay(1, 0.5)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delay(2, 0.5)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delay(4, 0.5)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.delay(5, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(1000, 0.5)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void jitterStaysWithinItsFractionAndNeverExceedsTheMax() {
        ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), 0.2);

        assertThat(backoff.delay(1, 0.0)).isEqualTo(Duration.ofMillis(80));
        assertThat(backoff.delay(1, 0.999999)).isBetween(Duration.ofMillis(119), Duration.ofMillis(120));
        assertThat(backoff.delay(10, 0.999999)).isEqualTo(Duration.ofSeconds(1));
        for (int attempt = 1; attempt < 20; attempt++) {
            assertThat(backoff.delay(attempt)).isBetween(Duration.ofMillis(80), Duration.ofSeconds(1));
        }
    }

    @Test
    void invalidParametersAreRejected() {
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ZERO, 2, Duration.ofSeconds(1), 0))
                .hasMessageContaining("initial delay must be > 0");
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ofMillis(1), 0.5, Duration.ofSeconds(1), 0))
                .hasMessageContaining("multiplier must be a finite number >= 1, was 0.5");
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ofSeconds(2), 2, Duration.ofSeconds(1), 0))
                .hasMessageContaining("max (PT1S) must be >= initial (PT2S)");
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ofMillis(1), 2, Duration.ofSeconds(1), 1.0))
                .hasMessageContaining("jitter must be in [0, 1), was 1.0");
        assertThatThrownBy(() -> BackoffPolicy.fixed(Duration.ofMillis(-1))).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> ExponentialBackoff.KAFKA_DEFAULT.delay(0)).hasMessageContaining(">= 1");
    }
}
