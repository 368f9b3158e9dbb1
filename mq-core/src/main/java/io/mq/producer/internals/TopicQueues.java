package io.mq.producer.internals;

import io.mq.metadata.TopicPartition;
import java.util.Arrays;

/**
 * A topic's partition queues, indexed by partition: a record's queue is found with one map lookup (by topic) and one
 * array read, without allocating. The array grows when a higher partition appears.
 */
final class TopicQueues {

    final String topic;
    private volatile PartitionQueue[] partitions = new PartitionQueue[0];

    TopicQueues(String topic) {
        this.topic = topic;
    }

    /** The queue of {@code partition}, created on first use. */
    PartitionQueue queue(int partition) {
        PartitionQueue[] current = partitions;
        if (partition < current.length) {
            PartitionQueue queue = current[partition];
            if (queue != null) {
                return queue;
            }
        }
        return create(partition);
    }

    /** The queue of {@code partition}, or null if it never had one. */
    PartitionQueue queueIfPresent(int partition) {
        PartitionQueue[] current = partitions;
        return partition < current.length ? current[partition] : null;
    }

    /** Batches of {@code partition} closed to appends so far. */
    long completedBatches(int partition) {
        PartitionQueue queue = queueIfPresent(partition);
        return queue == null ? 0 : queue.completedBatches;
    }

    /** The queues that exist now (entries may be null). */
    PartitionQueue[] snapshot() {
        return partitions;
    }

    private synchronized PartitionQueue create(int partition) {
        PartitionQueue[] current = partitions;
        if (partition < current.length && current[partition] != null) {
            return current[partition];
        }
        PartitionQueue[] grown = partition < current.length ? current.clone()
                : Arrays.copyOf(current, partition + 1);
        PartitionQueue queue = new PartitionQueue(new TopicPartition(topic, partition));
        grown[partition] = queue;
        partitions = grown;
        return queue;
    }
}
