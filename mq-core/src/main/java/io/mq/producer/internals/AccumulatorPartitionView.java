package io.mq.producer.internals;

import io.mq.producer.partitioner.PartitionView;
import java.util.stream.IntStream;

/** A {@link PartitionView} over a metadata snapshot of leaders and the accumulator's batch counts. */
final class AccumulatorPartitionView implements PartitionView {

    private final TopicQueues queues;
    private final int[] leaders;
    private final int[] available;
    private final int batchSize;

    AccumulatorPartitionView(TopicQueues queues, int[] leaders, int batchSize) {
        this.queues = queues;
        this.batchSize = batchSize;
        this.leaders = leaders.clone();
        this.available = IntStream.range(0, leaders.length)
                .filter(p -> leaders[p] != NO_LEADER).toArray();
    }

    /** The accumulator's queues of the topic. */
    TopicQueues queues() {
        return queues;
    }

    @Override
    public String topic() {
        return queues.topic;
    }

    @Override
    public int partitionCount() {
        return leaders.length;
    }

    @Override
    public int availablePartitionCount() {
        return available.length;
    }

    @Override
    public int availablePartition(int index) {
        return available[index];
    }

    @Override
    public int leader(int partition) {
        return leaders[partition];
    }

    @Override
    public long completedBatches(int partition) {
        return queues.completedBatches(partition);
    }

    @Override
    public int batchSize() {
        return batchSize;
    }
}
