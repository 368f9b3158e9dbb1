package io.mq.producer.partitioner;

import java.util.Arrays;
import java.util.stream.IntStream;

/** A partition view for partitioner tests: leaders and completed-batch counts set by the test. */
final class FakePartitionView implements PartitionView {

    /** The batch size the view reports: 1,000 bytes. */
    static final int BATCH_SIZE = 1000;

    private final int[] leaders;
    private final long[] completed;

    /** {@code count} partitions, partition {@code p} led by node {@code p + 1}. */
    FakePartitionView(int count) {
        this(IntStream.range(0, count).map(p -> p + 1).toArray());
    }

    FakePartitionView(int[] leaders) {
        this.leaders = leaders.clone();
        this.completed = new long[leaders.length];
    }

    void leaderless(int partition) {
        leaders[partition] = NO_LEADER;
    }

    void completeBatch(int partition) {
        completed[partition]++;
    }

    @Override
    public String topic() {
        return "t";
    }

    @Override
    public int partitionCount() {
        return leaders.length;
    }

    @Override
    public int availablePartitionCount() {
        return (int) Arrays.stream(leaders).filter(l -> l != NO_LEADER).count();
    }

    @Override
    public int availablePartition(int index) {
        return IntStream.range(0, leaders.length).filter(p -> leaders[p] != NO_LEADER).toArray()[index];
    }

    @Override
    public int leader(int partition) {
        return leaders[partition];
    }

    @Override
    public long completedBatches(int partition) {
        return completed[partition];
    }

    @Override
    public int batchSize() {
        return BATCH_SIZE;
    }
}
