package io.mq.producer.partitioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StickyPartitionerTest {

    private final StickyPartitioner partitioner = new StickyPartitioner();

    @Test
    void staysOnOnePartitionUntilItsBatchCompletes() {
        FakePartitionView view = new FakePartitionView(5);
        int first = partitioner.partition("t", null, null, view);
        for (int i = 0; i < 100; i++) {
            assertThat(partitioner.partition("t", null, null, view)).isEqualTo(first);
        }

        view.completeBatch(first);
        int second = partitioner.partition("t", null, null, view);

        assertThat(second).isNotEqualTo(first);
        assertThat(partitioner.partition("t", null, null, view)).isEqualTo(second);
    }

    @Test
    void otherPartitionsCompletingDoNotMoveIt() {
        FakePartitionView view = new FakePartitionView(3);
        int first = partitioner.partition("t", null, null, view);
        view.completeBatch((first + 1) % 3);

        assertThat(partitioner.partition("t", null, null, view)).isEqualTo(first);
    }

    @Test
    void movesOffAPartitionThatLostItsLeaderAndOnlyPicksLedOnes() {
        FakePartitionView view = new FakePartitionView(4);
        int first = partitioner.partition("t", null, null, view);
        view.leaderless(first);

        Set<Integer> chosen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int p = partitioner.partition("t", null, null, view);
            chosen.add(p);
            view.completeBatch(p);
        }

        assertThat(chosen).doesNotContain(first).hasSizeGreaterThan(1);
    }

    @Test
    void topicsStickIndependently() {
        FakePartitionView viewA = new FakePartitionView(8);
        FakePartitionView viewB = new FakePartitionView(8);
        int a = partitioner.partition("a", null, null, viewA);
        int b = partitioner.partition("b", null, null, viewB);

        viewB.completeBatch(b);

        assertThat(partitioner.partition("a", null, null, viewA)).isEqualTo(a);
        assertThat(partitioner.partition("b", null, null, viewB)).isNotEqualTo(b);
    }
}
