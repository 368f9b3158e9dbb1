package io.mq.producer.partitioner;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Each record of a topic goes to the next partition that has a leader, whatever its key, so partitions receive equal
 * numbers of records. Every record moves, so batches fill slowly: prefer {@link StickyPartitioner} for throughput.
 * Each topic's rotation starts at a random partition so that many producers do not move in step.
 */
public final class RoundRobinPartitioner implements Partitioner {

    private final ConcurrentHashMap<String, AtomicInteger> counters = new ConcurrentHashMap<>();

    @Override
    public int partition(String topic, byte[] key, byte[] value, PartitionView partitions) {
        int next = counter(topic).getAndIncrement() & Integer.MAX_VALUE;
        int available = partitions.availablePartitionCount();
        return available > 0 ? partitions.availablePartition(next % available) : next % partitions.partitionCount();
    }

    private AtomicInteger counter(String topic) {
        AtomicInteger counter = counters.get(topic);
        return counter != null ? counter
                : counters.computeIfAbsent(topic, t -> new AtomicInteger(ThreadLocalRandom.current().nextInt()));
    }
}
