package io.mq.benchmarks.measure;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds, kept exactly (a run is bounded, so at most a few million longs), with percentiles
 * by the nearest-rank method.
 */
public final class Latencies {

    private long[] values;
    private int count;

    /** Room for {@code expected} samples; it grows if more arrive. */
    public Latencies(int expected) {
        this.values = new long[Math.max(16, expected)];
    }

    /** Latencies already collected in the first {@code count} entries of {@code values} (taken, not copied). */
    public static Latencies of(long[] values, int count) {
        if (count < 0 || count > values.length) {
            throw new IllegalArgumentException("count " + count + " outside 0.." + values.length);
        }
        Latencies latencies = new Latencies(0);
        latencies.values = values;
        latencies.count = count;
        return latencies;
    }

    /** Records one latency. Not thread-safe: one recording thread per instance. */
    public void record(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[count++] = nanos;
    }

    /** Samples recorded. */
    public int count() {
        return count;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) in nanoseconds, or -1 without samples. */
    public long percentile(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        if (count == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        // the epsilon keeps binary rounding (0.99 × 1000 = 990.0000000000001) from skipping a rank
        int rank = (int) Math.ceil(p * count / 100.0 - 1e-9);
        return sorted[Math.max(0, rank - 1)];
    }
}
