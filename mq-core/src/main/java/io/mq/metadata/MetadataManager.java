package io.mq.metadata;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps a cached {@link Cluster} snapshot fresh: fetched from the bootstrap brokers at start, refreshed when older than
 * the metadata max age and immediately on {@link #requestUpdate()} (after NOT_LEADER_OR_FOLLOWER,
 * UNKNOWN_TOPIC_OR_PARTITION, LEADER_NOT_AVAILABLE or a disconnect). Concurrent refresh requests are coalesced.
 * Nothing blocks: every wait is a future, completed on a client event loop, so callbacks must not block either.
 */
public interface MetadataManager extends AutoCloseable {

    /** Starts the first refresh and the periodic refresh; the future completes with the first metadata. */
    CompletableFuture<Cluster> start();

    /** The current snapshot (bootstrap addresses only until the first refresh succeeds). */
    Cluster cluster();

    /**
     * Asks for a refresh as soon as the refresh backoff allows. Calls made while a refresh is running are coalesced
     * into one follow-up refresh, whose result the returned future carries.
     */
    CompletableFuture<Cluster> requestUpdate();

    /**
     * Tracks {@code topic} (later refreshes include it) and completes once metadata shows it with a leader for every
     * partition, refreshing as needed. Fails with {@link io.mq.client.UnknownTopicException} when that has not
     * happened within {@code bound}, or at once with a {@link io.mq.client.FatalMqException} when the broker
     * rejects the topic (an invalid name, no authorization).
     */
    CompletableFuture<Cluster> awaitTopic(String topic, Duration bound);

    /** Milliseconds since the current metadata was received, or -1 before the first refresh succeeded. */
    long metadataAgeMillis();

    /** Stops refreshing and fails pending waits; does not close the connections it used. */
    @Override
    void close();
}
