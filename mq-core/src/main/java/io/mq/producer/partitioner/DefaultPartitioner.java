package io.mq.producer.partitioner;

/**
 * The producer's default: keyed records by {@link KeyHashPartitioner key hash} (Kafka-compatible placement), keyless
 * records {@link StickyPartitioner sticky} (one partition until its batch is complete and half a batch size of bytes
 * went to it).
 */
public final class DefaultPartitioner implements Partitioner {

    private final KeyHashPartitioner delegate = new KeyHashPartitioner(new StickyPartitioner());

    @Override
    public int partition(String topic, byte[] key, byte[] value, PartitionView partitions) {
        return delegate.partition(topic, key, value, partitions);
    }

    @Override
    public boolean repartitionOnNewBatch() {
        return true;
    }
}
