package io.mq.benchmarks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.benchmarks.producer.ProducerSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkloadSpecTest {

    @Test
    void argumentsRoundTrip() {
        WorkloadSpec spec = new WorkloadSpec(WorkloadSpec.Kind.END_TO_END, "kafka-clients", "127.0.0.1:9092",
                "topic-r1", 100_000, 100, ProducerSettings.acksAllIdempotent().withLinger(Duration.ZERO), 4, 20_000,
                Duration.ofSeconds(120), 10_000);

        assertThat(WorkloadSpec.parse(spec.toArgs().toArray(String[]::new))).isEqualTo(spec);
    }

    @Test
    void fixedRateWorkloadNeedsARate() {
        assertThatThrownBy(() -> new WorkloadSpec(WorkloadSpec.Kind.FIXED_RATE, "kafka-clients", "b", "t", 1, 100,
                ProducerSettings.acksOne(), 1, 0, Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingArgumentIsNamed() {
        assertThatThrownBy(() -> WorkloadSpec.parse(new String[] {"kind=PRODUCE"}))
                .hasMessageContaining("missing argument");
    }

    @Test
    void resultLineRoundTrips() {
        WorkerResult result = new WorkerResult(10, 1000, 5_000_000, 1, 2, 3, 4, 5, 6, 7, 8, 0, true, -1, -1);

        assertThat(WorkerResult.parse(result.toLine())).isEqualTo(result);
    }
}
