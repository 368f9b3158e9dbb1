package io.mq.producer.partitioner;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends every record of a topic to one partition until its batch is complete (full, or taken for sending) and at least
 * half a batch size of key and value bytes went to it, then picks another partition with a leader at random; it moves
 * at once off a partition that lost its leader. Like Kafka's producer since KIP-794 it counts bytes sent rather than
 * moving on every batch: with linger 0 each batch leaves at once, and moving on every batch would spread one-record
 * batches over all the partitions. Half a batch size of keys and values is less than any full batch holds, so a full
 * batch always moves it on. Whole batches instead of one record per partition per linger: fewer, larger requests,
 * less CPU. Keys are ignored; use {@link DefaultPartitioner} to keep keyed records together.
 */
public final class StickyPartitioner implements Partitioner {

    private final ConcurrentHashMap<String, Choice> choices = new ConcurrentHashMap<>();

    @Override
    public int partition(String topic, byte[] key, byte[] value, PartitionView partitions) {
        Choice current = choices.get(topic);
        int bytes = sizeOf(key) + sizeOf(value);
        if (current != null && stillFilling(current, bytes, partitions)) {
            return current.partition;
        }
        return switchFrom(topic, current, bytes, partitions);
    }

    @Override
    public boolean repartitionOnNewBatch() {
        return true;
    }

    /** Whether the record of {@code bytes} stays on the chosen partition (and counts toward its bytes). */
    private static boolean stillFilling(Choice choice, int bytes, PartitionView partitions) {
        int partition = choice.partition;
        if (partition >= partitions.partitionCount() || partitions.leader(partition) == PartitionView.NO_LEADER) {
            return false;
        }
        long before = choice.bytes.getAndAdd(bytes);
        return before < partitions.batchSize() / 2 || partitions.completedBatches(partition) == choice.completedBatches;
    }

    private static int sizeOf(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private int switchFrom(String topic, Choice current, int bytes, PartitionView partitions) {
        int partition = pick(current == null ? -1 : current.partition, partitions);
        Choice next = new Choice(partition, partitions.completedBatches(partition), new AtomicLong(bytes));
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

    /** The partition being filled, its completed-batch count when it was chosen, and the bytes sent to it since. */
    private record Choice(int partition, long completedBatches, AtomicLong bytes) {
    }
}
