package io.mq.benchmarks.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeasurementTest {

    @Test
    void throughputAndUsageDeriveRatesAndCpuPerRecord() {
        Measurement measurement = Measurement.builder()
                .throughput(1_000_000, 100_000_000, 2_000_000_000L)
                .usage(new ProcessUsage(3.0, 64L * 1024 * 1024, 12), 1_000_000)
                .build();

        assertThat(measurement.get(Metric.RECORDS_PER_SEC)).hasValue(500_000.0);
        assertThat(measurement.get(Metric.MB_PER_SEC)).hasValue(50.0);
        assertThat(measurement.get(Metric.CPU_SECONDS)).hasValue(3.0);
        assertThat(measurement.get(Metric.CPU_MICROS_PER_RECORD)).hasValue(3.0);
        assertThat(measurement.get(Metric.PEAK_HEAP_MIB)).hasValue(64.0);
        assertThat(measurement.get(Metric.THREADS)).hasValue(12.0);
    }

    @Test
    void unknownValuesAreLeftOut() {
        Measurement measurement = Measurement.builder()
                .put(Metric.P50_MS, -1 / 1e6)
                .put(Metric.P99_MS, Double.NaN)
                .build();

        assertThat(measurement.values()).isEmpty();
    }
}
