package io.mq.benchmarks.cases;

import java.time.Duration;

/** Record counts, rates and time bounds of the cases, at full size (the figures). */
final class Sizes {

    /** 2,000,000 records: the 100-byte throughput cases and the consume topic. */
    static final long SMALL_RECORDS = 2_000_000;
    /** 100-byte values. */
    static final int SMALL_SIZE = 100;
    /** 500,000 records: the 1 KiB throughput case. */
    static final long LARGE_RECORDS = 500_000;
    /** 1 KiB values. */
    static final int LARGE_SIZE = 1024;
    /** 100,000 records: the fixed-rate latency cases. */
    static final long LATENCY_RECORDS = 100_000;
    /** 20,000 records/s: the fixed rate. */
    static final int LATENCY_RATE = 20_000;
    /** 10 s of synchronous sends. */
    static final Duration SYNC_DURATION = Duration.ofSeconds(10);
    /** 1,000,000 records shared by the producers of a durability case. */
    static final long DURABILITY_RECORDS = 1_000_000;
    /** Records each producer of a scale case sends (to open its connections and fetch metadata). */
    static final long SCALE_RECORDS_PER_PRODUCER = 10;
    /** Bound of any measured phase. */
    static final Duration PHASE_BOUND = Duration.ofSeconds(120);
    /** The preload of the consume topic may take longer than a measured phase. */
    static final Duration PRELOAD_BOUND = Duration.ofSeconds(300);

    private Sizes() {
    }

    /** Records a worker sends (or reads) before its measured phase: a tenth, at most 200,000. */
    static long inWorkerWarmup(long records) {
        return Math.min(records / 10, 200_000);
    }

    /** A case-level warm-up run is a quarter of a measured one. */
    static long warmupRun(long records, boolean warmUp) {
        return warmUp ? Math.max(1, records / 4) : records;
    }
}
