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
