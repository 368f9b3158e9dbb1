package io.mq.benchmarks.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesUseTheNearestRankOfTheSortedSamples() {
        Latencies latencies = new Latencies(4);
        for (long value = 1000; value >= 1; value--) {
            latencies.record(value);
        }

        assertThat(latencies.count()).isEqualTo(1000);
        assertThat(latencies.percentile(50)).isEqualTo(500);
        assertThat(latencies.percentile(99)).isEqualTo(990);
        assertThat(latencies.percentile(99.9)).isEqualTo(999);
        assertThat(latencies.percentile(100)).isEqualTo(1000);
    }

    @Test
    void wrappedArrayCountsOnlyItsFilledPrefix() {
        Latencies latencies = Latencies.of(new long[] {5, 1, 3, 99, 99}, 3);

        assertThat(latencies.percentile(100)).isEqualTo(5);
        assertThat(latencies.percentile(50)).isEqualTo(3);
    }

    @Test
    void withoutSamplesPercentilesAreUnknown() {
        assertThat(new Latencies(0).percentile(50)).isEqualTo(-1);
    }

    @Test
    void percentileOutsideZeroToHundredIsRejected() {
        assertThatThrownBy(() -> new Latencies(1).percentile(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
