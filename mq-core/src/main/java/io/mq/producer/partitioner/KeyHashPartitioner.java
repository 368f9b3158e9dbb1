package io.mq.producer.partitioner;

import java.util.Objects;

/**
 * Keyed records go to {@code toPositive(murmur2(key)) % partitionCount}, exactly as with Kafka's Java producer, so
 * records with equal keys stay in order in one partition and mixed mq/Kafka producers agree. The hash spans all
 * partitions, available or not: a key never moves while its partition is leaderless. Keyless records go to another
 * partitioner, {@link RoundRobinPartitioner} unless given.
 */
public final class KeyHashPartitioner implements Partitioner {

    private final Partitioner keyless;

    /** Key hash, and round-robin for keyless records. */
    public KeyHashPartitioner() {
        this(new RoundRobinPartitioner());
    }

    /** Key hash, and {@code keyless} for records without a key. */
    public KeyHashPartitioner(Partitioner keyless) {
        this.keyless = Objects.requireNonNull(keyless, "keyless");
    }

    @Override
    public int partition(String topic, byte[] key, byte[] value, PartitionView partitions) {
        return key == null ? keyless.partition(topic, null, value, partitions)
                : partitionForKey(key, partitions.partitionCount());
    }

    @Override
    public boolean repartitionOnNewBatch() {
        return keyless.repartitionOnNewBatch();
    }

    /** The partition of {@code key} among {@code partitionCount} partitions. */
    public static int partitionForKey(byte[] key, int partitionCount) {
        return Murmur2.toPositive(Murmur2.hash(key)) % partitionCount;
    }
}
