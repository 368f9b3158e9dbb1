package io.mq.producer;

import java.util.Map;

/**
 * A producer's metrics as plain numbers: monotonic counters, gauges read on demand, and summaries (count, total,
 * max) that a metrics library can bind to, e.g. Micrometer's {@code FunctionCounter}, {@code Gauge} and
 * {@code FunctionTimer}. Reading is cheap and thread-safe; values are live, not snapshots.
 */
public interface ProducerMetrics {

    /** Records acknowledged by a broker (or sent, with {@code acks=0}). */
    long recordsSent();

    /** Bytes of record batches acknowledged (or sent, with {@code acks=0}), as sent on the wire. */
    long bytesSent();

    /** Records whose send failed for good. */
    long recordErrors();

    /**
     * Records failed, by {@link SendFailedException#code()}: a Kafka error name such as
     * {@code NOT_LEADER_OR_FOLLOWER} or a client code such as {@code BUFFER_EXHAUSTED}. A copy.
     */
    Map<String, Long> recordErrorsByCode();

    /**
     * Records that failed for good and were forwarded to the dead-letter topic (they are counted in
     * {@link #recordErrorsByCode()} as well, under the error that ended them).
     */
    long recordsDeadLettered();

    /** Batches sent again after a retriable failure. */
    long retries();

    /** Size in bytes of each batch when first sent. */
    Summary batchSizeBytes();

    /** Records in each batch when first sent. */
    Summary recordsPerBatch();

    /** Time from a batch's creation to its first send: how long its first record waited in memory. */
    Summary recordQueueTimeNanos();

    /** Time from writing a produce request to its response. */
    Summary requestLatencyNanos();

    /** Buffer memory free for new batches, in bytes. */
    long bufferAvailableBytes();

    /** Total buffer memory, in bytes. */
    long bufferTotalBytes();

    /** Produce requests written and not yet answered. */
    int inFlightRequests();

    /** Open broker connections. */
    int connections();

    /** Milliseconds since metadata was last refreshed, or -1 before the first refresh. */
    long metadataAgeMillis();

    /**
     * Adds a listener told of each batch sent, each request latency and each failed record as they are recorded, for
     * what the summaries cannot give (percentile histograms, recent maxima, counters per error code as codes appear).
     * Adding the same listener twice has no effect.
     */
    void addListener(Listener listener);

    /** Removes a listener added with {@link #addListener}; unknown listeners are ignored. */
    void removeListener(Listener listener);

    /**
     * Receives individual measurements. Called on engine threads (often a Netty event loop): implementations must be
     * quick and must never block. An exception thrown is logged and otherwise ignored.
     */
    interface Listener {

        /**
         * A batch is sent for the first time (as in {@link #batchSizeBytes()}, {@link #recordsPerBatch()} and
         * {@link #recordQueueTimeNanos()}).
         */
        default void onBatchSent(int bytes, int records, long queueTimeNanos) {
        }

        /** A produce request was answered {@code nanos} after it was written. */
        default void onRequestLatency(long nanos) {
        }

        /** {@code records} records failed for good with {@code code} (as in {@link #recordErrorsByCode()}). */
        default void onRecordErrors(String code, int records) {
        }
    }

    /** A distribution reduced to count, total and maximum. */
    interface Summary {

        /** How many values were recorded. */
        long count();

        /** The sum of the values. */
        long total();

        /** The largest value recorded, or 0 if none. */
        long max();

        /** The mean, or 0 if nothing was recorded. */
        default double mean() {
            long count = count();
            return count == 0 ? 0.0 : (double) total() / count;
        }
    }
}
