package io.mq.producer.partitioner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultPartitionerTest {

    @Test
    void keyedRecordsAreHashedAndKeylessRecordsStick() {
        DefaultPartitioner partitioner = new DefaultPartitioner();
        FakePartitionView view = new FakePartitionView(6);
        byte[] key = "k".getBytes();

        assertThat(partitioner.partition("t", key, null, view)).isEqualTo(KeyHashPartitioner.partitionForKey(key, 6));
        int sticky = partitioner.partition("t", null, null, view);
        assertThat(partitioner.partition("t", null, null, view)).isEqualTo(sticky);
        assertThat(partitioner.repartitionOnNewBatch()).isTrue();
    }
}
