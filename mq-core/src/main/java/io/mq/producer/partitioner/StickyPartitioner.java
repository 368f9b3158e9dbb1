package io.mq.producer.partitioner;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends every record of a topic to one partition until that partition's batch is complete (full, or taken for
 * sending), then picks another partition with a leader at random, as Kafka's producer does for keyless records. Whole
 * batches instead of one record per partition per linger: fewer, larger requests, less CPU. Keys are ignored; use
 * {@link DefaultPartitioner} to keep keyed records together.
 */
public final class StickyPartitioner implements Partitioner {

    private final ConcurrentHashMap<String, Choice> choices = new ConcurrentHashMap<>();

    @Override
    public int partition(String topic, byte[] key, byte[] value, PartitionView partitions) {
        Choice current = choices.get(topic);
        if (current != null && stillFilling(current, partitions)) {
            return current.partition;
        }
        return switchFrom(topic, current, partitions);
    }

    @Override
    public boolean repartitionOnNewBatch() {
        return true;
    }

    private static boolean stillFilling(Choice choice, PartitionView partitions) {
        int partition = choice.partition;
        return partition < partitions.partitionCount()
                && partitions.completedBatches(partition) == choice.completedBatches
                && partitions.leader(partition) != PartitionView.NO_LEADER;
    }

    private int switchFrom(String topic, Choice current, PartitionView partitions) {
        int partition = pick(current == null ? -1 : current.partition, partitions);
        Choice next = new Choice(partition, partitions.completedBatches(partition));
        boolean won = current == null ? choices.putIfAbsent(topic, next) == null : choices.replace(topic, current, next);
        if (won) {
            return partition;
        }
        Choice winner = choices.get(topic); // another thread switched first: follow it
        return winner != null ? winner.partition : partition;
    }

    private static int pick(int previous, PartitionView partitions) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int available = partitions.availablePartitionCount();
        if (available == 0) {
            return random.nextInt(partitions.partitionCount());
        }
        if (available == 1) {
            return partitions.availablePartition(0);
        }
        int index = random.nextInt(available);
        int partition = partitions.availablePartition(index);
        return partition != previous ? partition : partitions.availablePartition((index + 1) % available);
    }

    /** The partition being filled and its completed-batch count when it was chosen. */
    private record Choice(int partition, long completedBatches) {
    }
}
