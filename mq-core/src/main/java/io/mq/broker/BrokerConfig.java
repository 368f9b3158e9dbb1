package io.mq.broker;

import io.mq.broker.storage.FlushMode;
import io.mq.broker.storage.StorageOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of an {@link EmbeddedBroker}. Built by {@link EmbeddedBroker.Builder}; every default is a
 * {@code DEFAULT_*} constant here and every value is validated when the broker is built.
 *
 * @param host                  interface to bind, 127.0.0.1 by default
 * @param port                  port to bind; 0 picks a free port
 * @param dataDir               where the commit log lives; {@code null} means a temp dir removed on close
 * @param brokerId              node id reported in metadata
 * @param clusterId             cluster id reported in metadata
 * @param segmentBytes          size at which the commit log rolls to a new segment
 * @param flushMode             {@code SYNC}: acknowledge after an fsync (group commit); {@code ASYNC}: periodic
 * @param flushInterval         how often the async flusher forces the log
 * @param flushDirtyBytes       unflushed bytes that trigger an async flush early
 * @param retention             default retention time for topics; {@code null} keeps data forever
 * @param retentionBytes        default retention size per partition; -1 is unlimited
 * @param retentionCheckInterval how often retention runs
 * @param defaultPartitions     partition count of auto-created topics and of CreateTopics with -1
 * @param autoCreateTopics      whether Metadata requests may create unknown topics
 * @param maxMessageBytes       default largest record batch a topic accepts
 * @param maxFrameBytes         largest request frame accepted before the connection is closed
 * @param connectionsMaxIdle    idle time after which a connection is closed
 * @param groupInitialRebalanceDelay how long the first rebalance of an empty group waits for more members to join
 *                              (Kafka's {@code group.initial.rebalance.delay.ms}; short by default, for tests)
 * @param groupMinSessionTimeout smallest session timeout a group member may ask for (INVALID_SESSION_TIMEOUT below)
 * @param groupMaxSessionTimeout largest session timeout a group member may ask for (INVALID_SESSION_TIMEOUT above)
 * @param offsetsRetention      how long the committed offsets of an empty group are kept
 * @param offsetsRetentionCheckInterval how often expired offsets are looked for
 * @param offsetsTopicPartitions partition count of the internal {@code __consumer_offsets} topic when it is created
 *                              (an existing topic keeps its count)
 */
public record BrokerConfig(String host, int port, Path dataDir, int brokerId, String clusterId, long segmentBytes,
        FlushMode flushMode, Duration flushInterval, long flushDirtyBytes, Duration retention, long retentionBytes,
        Duration retentionCheckInterval, int defaultPartitions, boolean autoCreateTopics, int maxMessageBytes,
        int maxFrameBytes, Duration connectionsMaxIdle, Duration groupInitialRebalanceDelay,
        Duration groupMinSessionTimeout, Duration groupMaxSessionTimeout, Duration offsetsRetention,
        Duration offsetsRetentionCheckInterval, int offsetsTopicPartitions) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 0;
    public static final int DEFAULT_BROKER_ID = 0;
    public static final String DEFAULT_CLUSTER_ID = "mq-embedded";
    public static final long DEFAULT_SEGMENT_BYTES = StorageOptions.DEFAULT_SEGMENT_BYTES;
    public static final FlushMode DEFAULT_FLUSH_MODE = StorageOptions.DEFAULT_FLUSH_MODE;
    public static final Duration DEFAULT_FLUSH_INTERVAL = StorageOptions.DEFAULT_FLUSH_INTERVAL;
    public static final long DEFAULT_FLUSH_DIRTY_BYTES = StorageOptions.DEFAULT_FLUSH_DIRTY_BYTES;
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    public static final long DEFAULT_RETENTION_BYTES = -1;
    public static final Duration DEFAULT_RETENTION_CHECK_INTERVAL = StorageOptions.DEFAULT_RETENTION_CHECK_INTERVAL;
    public static final int DEFAULT_PARTITIONS = 1;
    public static final boolean DEFAULT_AUTO_CREATE_TOPICS = true;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024 + 12;
    public static final int DEFAULT_MAX_FRAME_BYTES = 100 * 1024 * 1024;
    public static final Duration DEFAULT_CONNECTIONS_MAX_IDLE = Duration.ofMinutes(10);
    /** Kafka's default is 3 s; an embedded (test) broker wants groups to form quickly. */
    public static final Duration DEFAULT_GROUP_INITIAL_REBALANCE_DELAY = Duration.ofMillis(100);
    public static final Duration DEFAULT_GROUP_MIN_SESSION_TIMEOUT = Duration.ofSeconds(6);
    public static final Duration DEFAULT_GROUP_MAX_SESSION_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration DEFAULT_OFFSETS_RETENTION = Duration.ofDays(7);
    public static final Duration DEFAULT_OFFSETS_RETENTION_CHECK_INTERVAL = Duration.ofMinutes(10);
    public static final int DEFAULT_OFFSETS_TOPIC_PARTITIONS = 8;

    /** Validates every setting; the message names the setting and the accepted range. */
    public BrokerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(flushMode, "flushMode");
        require(port >= 0 && port <= 65535, "port must be 0..65535, was " + port);
        require(brokerId >= 0, "brokerId must be >= 0, was " + brokerId);
        require(!clusterId.isBlank(), "clusterId must not be blank");
        require(segmentBytes >= 1024, "segmentBytes must be >= 1024, was " + segmentBytes);
        require(positive(flushInterval), "flushInterval must be positive, was " + flushInterval);
        require(flushDirtyBytes > 0, "flushDirtyBytes must be positive, was " + flushDirtyBytes);
        require(retention == null || positive(retention), "retention must be positive or null, was " + retention);
        require(retentionBytes == -1 || retentionBytes > 0, "retentionBytes must be -1 or positive, was " + retentionBytes);
        require(positive(retentionCheckInterval), "retentionCheckInterval must be positive, was " + retentionCheckInterval);
        require(defaultPartitions >= 1, "defaultPartitions must be >= 1, was " + defaultPartitions);
        require(maxMessageBytes > 0, "maxMessageBytes must be positive, was " + maxMessageBytes);
        require(maxFrameBytes >= 1024, "maxFrameBytes must be >= 1024, was " + maxFrameBytes);
        require(positive(connectionsMaxIdle), "connectionsMaxIdle must be positive, was " + connectionsMaxIdle);
        require(groupInitialRebalanceDelay != null && !groupInitialRebalanceDelay.isNegative(),
                "groupInitialRebalanceDelay must be >= 0, was " + groupInitialRebalanceDelay);
        require(positive(groupMinSessionTimeout), "groupMinSessionTimeout must be positive, was "
                + groupMinSessionTimeout);
        require(positive(groupMaxSessionTimeout) && groupMaxSessionTimeout.compareTo(groupMinSessionTimeout) >= 0,
                "groupMaxSessionTimeout must be >= groupMinSessionTimeout (" + groupMinSessionTimeout + "), was "
                        + groupMaxSessionTimeout);
        require(groupMaxSessionTimeout.toMillis() <= Integer.MAX_VALUE,
                "groupMaxSessionTimeout must fit in an int of milliseconds, was " + groupMaxSessionTimeout);
        require(positive(offsetsRetention), "offsetsRetention must be positive, was " + offsetsRetention);
        require(positive(offsetsRetentionCheckInterval), "offsetsRetentionCheckInterval must be positive, was "
                + offsetsRetentionCheckInterval);
        require(offsetsTopicPartitions >= 1 && offsetsTopicPartitions <= 1000,
                "offsetsTopicPartitions must be 1..1000, was " + offsetsTopicPartitions);
    }

    /** Default retention in milliseconds, -1 when unlimited (the Kafka topic-config convention). */
    public long retentionMs() {
        return retention == null ? -1 : retention.toMillis();
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("invalid broker setting: " + message);
        }
    }
}
