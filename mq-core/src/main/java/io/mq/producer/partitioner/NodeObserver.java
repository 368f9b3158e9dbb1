package io.mq.producer.partitioner;

/**
 * Told by the producer's sender how each broker answers produce requests. A {@link Partitioner} implementing it (such
 * as {@link LatencyAwarePartitioner}) uses this to steer records away from slow or failing brokers. Called on the
 * engine's I/O thread: implementations must be fast and thread-safe.
 */
public interface NodeObserver {

    /** A produce request to {@code nodeId} was answered after {@code latencyNanos}. */
    void onRequestCompleted(int nodeId, long latencyNanos);

    /**
     * A produce request to {@code nodeId} failed without a usable answer: a timeout, a lost connection, or a
     * retriable broker error such as NOT_ENOUGH_REPLICAS.
     */
    void onRequestFailed(int nodeId);
}
