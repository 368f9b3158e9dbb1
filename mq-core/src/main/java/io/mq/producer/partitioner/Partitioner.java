package io.mq.producer.partitioner;

/**
 * Chooses the partition of a record that does not name one (a record's own partition always wins). Called on the
 * sending thread for every such record, so it must be fast, allocation-free on its common path and thread-safe.
 *
 * <p>Built-ins: {@link DefaultPartitioner} (key hash, else sticky), {@link KeyHashPartitioner},
 * {@link RoundRobinPartitioner}, {@link StickyPartitioner} and {@link LatencyAwarePartitioner}. A partitioner that
 * also implements {@link NodeObserver} is told how each broker answers.
 */
public interface Partitioner {

    /**
     * The partition for a record.
     *
     * @param topic      the record's topic
     * @param key        the record's key, or null
     * @param value      the record's value, or null
     * @param partitions the topic's partitions as the producer sees them now
     * @return a partition in {@code [0, partitions.partitionCount())}
     */
    int partition(String topic, byte[] key, byte[] value, PartitionView partitions);

    /**
     * Whether the producer should ask again when the chosen partition's current batch is full, instead of starting a
     * new batch there. Sticky partitioners say yes: the record that would overflow goes to the next sticky partition,
     * so no partition is left with a batch of one record. Default: no.
     */
    default boolean repartitionOnNewBatch() {
        return false;
    }
}
