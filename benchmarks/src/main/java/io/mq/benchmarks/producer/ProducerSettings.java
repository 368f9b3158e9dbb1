package io.mq.benchmarks.producer;

import java.time.Duration;

/**
 * The producer settings a workload varies; everything else stays at each engine's default.
 *
 * @param acks       {@code "1"} or {@code "all"}
 * @param idempotent whether the producer is idempotent (requires {@code acks=all})
 * @param linger     how long a batch waits for more records
 * @param batchSize  the size a batch is filled to, in bytes
 */
public record ProducerSettings(String acks, boolean idempotent, Duration linger, int batchSize) {

    public ProducerSettings {
        if (!acks.equals("1") && !acks.equals("all")) {
            throw new IllegalArgumentException("acks must be 1 or all: " + acks);
        }
        if (idempotent && !acks.equals("all")) {
            throw new IllegalArgumentException("an idempotent producer needs acks=all");
        }
    }

    /** acks=1, not idempotent, linger 5 ms, batch 64 KiB: the throughput cases' settings. */
    public static ProducerSettings acksOne() {
        return new ProducerSettings("1", false, Duration.ofMillis(5), 64 * 1024);
    }

    /** acks=all, idempotent, linger 5 ms, batch 64 KiB. */
    public static ProducerSettings acksAllIdempotent() {
        return new ProducerSettings("all", true, Duration.ofMillis(5), 64 * 1024);
    }

    /** These settings with {@code linger}. */
    public ProducerSettings withLinger(Duration linger) {
        return new ProducerSettings(acks, idempotent, linger, batchSize);
    }

    /** A short description for the report, e.g. {@code acks=1 linger 5 ms batch 64 KiB}. */
    public String describe() {
        return "acks=" + acks + (idempotent ? " idempotent" : "") + " linger " + linger.toMillis() + " ms batch "
                + batchSize / 1024 + " KiB";
    }
}
