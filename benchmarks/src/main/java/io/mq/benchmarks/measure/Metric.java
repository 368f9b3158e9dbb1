package io.mq.benchmarks.measure;

/** A quantity a run reports, its unit as shown in the table, and which direction is better. */
public enum Metric {
    RECORDS_PER_SEC("records/s", true, 0),
    MB_PER_SEC("MB/s (payload)", true, 1),
    SENDS_PER_SEC("sends/s", true, 0),
    CPU_SECONDS("CPU s", false, 2),
    CPU_MICROS_PER_RECORD("CPU µs/record", false, 2),
    PEAK_HEAP_MIB("peak heap MiB", false, 0),
    THREADS("threads (peak)", false, 0),
    P50_MS("p50 ms", false, 2),
    P99_MS("p99 ms", false, 2),
    P999_MS("p99.9 ms", false, 2),
    STARTUP_MS("launch → first ack ms", false, 0),
    HEAP_AFTER_START_MIB("heap used after start MiB", false, 1),
    RSS_AFTER_START_MIB("RSS after start MiB", false, 0),
    THREADS_AFTER_START("threads after start", false, 0),
    HEAP_AFTER_GC_MIB("heap after full GC MiB", false, 1),
    LIVE_THREADS("threads", false, 0);

    private final String label;
    private final boolean higherIsBetter;
    private final int decimals;

    Metric(String label, boolean higherIsBetter, int decimals) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
        this.decimals = decimals;
    }

    /** The name shown in the table, with its unit. */
    public String label() {
        return label;
    }

    /** Whether a larger value is the better one (throughput) rather than a smaller one (time, memory). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Decimals shown for values of this metric. */
    public int decimals() {
        return decimals;
    }
}
