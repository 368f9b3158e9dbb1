package io.mq.benchmarks.measure;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/** The values one run of one side produced, by metric. */
public final class Measurement {

    private final Map<Metric, Double> values;

    private Measurement(Map<Metric, Double> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The value of {@code metric}, when this run reported it. */
    public OptionalDouble get(Metric metric) {
        Double value = values.get(metric);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** Every value. */
    public Map<Metric, Double> values() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects values; metrics with a NaN or negative (unknown) value are left out. */
    public static final class Builder {
        private final Map<Metric, Double> values = new EnumMap<>(Metric.class);

        private Builder() {
        }

        /** Sets {@code metric} unless {@code value} is NaN or negative (unknown). */
        public Builder put(Metric metric, double value) {
            if (!Double.isNaN(value) && value >= 0) {
                values.put(metric, value);
            }
            return this;
        }

        /** Adds the usage of the process under test: CPU seconds (and per record), peak heap and threads. */
        public Builder usage(ProcessUsage usage, long records) {
            put(Metric.CPU_SECONDS, usage.cpuSeconds());
            if (records > 0) {
                put(Metric.CPU_MICROS_PER_RECORD, usage.cpuSeconds() * 1e6 / records);
            }
            put(Metric.PEAK_HEAP_MIB, usage.peakHeapBytes() / (1024.0 * 1024.0));
            put(Metric.THREADS, usage.peakThreads());
            return this;
        }

        /** Adds records/s and payload MB/s (10^6 bytes) for {@code records} of {@code payloadBytes} in total. */
        public Builder throughput(long records, long payloadBytes, long elapsedNanos) {
            double seconds = elapsedNanos / 1e9;
            put(Metric.RECORDS_PER_SEC, records / seconds);
            put(Metric.MB_PER_SEC, payloadBytes / 1e6 / seconds);
            return this;
        }

        /** The measurement. */
        public Measurement build() {
            return new Measurement(new EnumMap<>(values));
        }
    }
}
