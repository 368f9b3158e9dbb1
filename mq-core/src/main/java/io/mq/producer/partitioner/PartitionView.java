package io.mq.producer.partitioner;

/**
 * What a partitioner may know about a topic's partitions: how many there are, which have a leader, who leads each,
 * how many batches each has completed, and the batch size (sticky partitioners switch on those). Implementations are cheap to
 * query and never allocate; the producer hands the same view to every record of a topic until metadata changes.
 */
public interface PartitionView {

    /** Leader of a partition that has none right now. */
    int NO_LEADER = -1;

    /** The topic. */
    String topic();

    /** The number of partitions; partition indexes are {@code 0..partitionCount()-1}. */
    int partitionCount();

    /** How many partitions have a leader. */
    int availablePartitionCount();

    /** The {@code index}-th partition that has a leader, for {@code 0 <= index < availablePartitionCount()}. */
    int availablePartition(int index);

    /** The broker (node id) leading {@code partition}, or {@link #NO_LEADER}. */
    int leader(int partition);

    /**
     * How many batches of {@code partition} have been closed to new records so far (filled, or taken for sending).
     * Only ever grows; a sticky partitioner moves on when it changes.
     */
    long completedBatches(int partition);

    /** The producer's batch size in bytes: a sticky partitioner sends at least about this much to a partition. */
    int batchSize();
}
