package io.mq.broker.metadata;

import java.util.List;

/**
 * Where a topic's partitions are stored: the {@link TopicManager} calls it on its control thread right after a
 * registry change. A single broker stores every partition itself ({@link StorePartitions}); a test cluster chooses a
 * leader per partition ({@link io.mq.broker.cluster.ClusterController}).
 */
public interface PartitionPlacement {

    /** Brokers that can hold partitions (replication factors above it are refused). */
    int brokerCount();

    /**
     * Creates the storage of partitions {@code from} (inclusive) to {@code to} (exclusive) of {@code topic}.
     *
     * @param leaders the broker chosen for each of those partitions by a manual assignment, or {@code null} to let
     *                the placement choose
     */
    void create(Topic topic, int from, int to, List<Integer> leaders);

    /** Drops the data of every partition of a deleted topic. */
    void delete(Topic topic);
}
