package io.mq.producer.internals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionQueueTest {

    private static final int BATCH_SIZE = 64 * 1024;

    @Test
    void aNewBatchStartsAtTheBatchSizeUntilABatchHasClosed() {
        assertThat(PartitionQueue.initialBatchCapacity(0, 1024, BATCH_SIZE)).isEqualTo(BATCH_SIZE);
    }

    @Test
    void aNewBatchStartsAtThePowerOfTwoThatHeldTheLastClosedBatch() {
        assertThat(PartitionQueue.initialBatchCapacity(3070, 1024, BATCH_SIZE)).isEqualTo(4096);
        assertThat(PartitionQueue.initialBatchCapacity(4096, 1024, BATCH_SIZE)).isEqualTo(4096);
        assertThat(PartitionQueue.initialBatchCapacity(65_500, 1024, BATCH_SIZE)).isEqualTo(BATCH_SIZE);
    }

    @Test
    void theStartIsBoundedByTheMinimumAndTheBatchSize() {
        assertThat(PartitionQueue.initialBatchCapacity(170, 1024, BATCH_SIZE)).isEqualTo(1024);
        assertThat(PartitionQueue.initialBatchCapacity(200_000, 1024, BATCH_SIZE)).isEqualTo(BATCH_SIZE);
    }
}
