package io.mq.producer.partitioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundRobinPartitionerTest {

    @Test
    void spreadsRecordsEvenlyOverPartitionsWithALeader() {
        FakePartitionView view = new FakePartitionView(4);
        view.leaderless(1);
        RoundRobinPartitioner partitioner = new RoundRobinPartitioner();
        Map<Integer, Integer> counts = new HashMap<>();

        for (int i = 0; i < 300; i++) {
            counts.merge(partitioner.partition("t", "same-key".getBytes(), null, view), 1, Integer::sum);
        }

        assertThat(counts).containsOnlyKeys(0, 2, 3).containsValues(100, 100, 100);
    }

    @Test
    void usesAllPartitionsWhenNoneHasALeader() {
        FakePartitionView view = new FakePartitionView(2);
        view.leaderless(0);
        view.leaderless(1);
        RoundRobinPartitioner partitioner = new RoundRobinPartitioner();

        assertThat(partitioner.partition("t", null, null, view)).isBetween(0, 1);
    }
}
