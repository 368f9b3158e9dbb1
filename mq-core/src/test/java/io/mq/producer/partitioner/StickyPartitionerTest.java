package io.mq.producer.partitioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StickyPartitionerTest {

    private final StickyPartitioner partitioner = new StickyPartitioner();

    @Test
    void staysOnOnePartitionUntilItsBatchCompletedAndHalfABatchSizeWentToIt() {
        FakePartitionView view = new FakePartitionView(5);
        byte[] tenth = new byte[FakePartitionView.BATCH_SIZE / 10];
        int first = partitioner.partition("t", null, tenth, view);
        for (int i = 0; i < 20; i++) {
            assertThat(partitioner.partition("t", null, tenth, view)).isEqualTo(first); // past the size, batch open
        }

        view.completeBatch(first);
        int second = partitioner.partition("t", null, tenth, view);

        assertThat(second).isNotEqualTo(first);
        assertThat(partitioner.partition("t", null, tenth, view)).isEqualTo(second);
    }

    @Test
    void aCompletedBatchDoesNotMoveItBeforeHalfABatchSizeWentToIt() {
        // linger 0: every batch leaves at once; switching on each would spread one-record batches everywhere
        FakePartitionView view = new FakePartitionView(5);
        byte[] tenth = new byte[FakePartitionView.BATCH_SIZE / 10];
        int first = partitioner.partition("t", null, tenth, view);
        for (int i = 0; i < 4; i++) {
            view.completeBatch(first);
            assertThat(partitioner.partition("t", null, tenth, view)).isEqualTo(first);
        }

        view.completeBatch(first); // five tenths went to it: half a batch size

        assertThat(partitioner.partition("t", null, tenth, view)).isNotEqualTo(first);
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
        byte[] full = new byte[FakePartitionView.BATCH_SIZE];
        for (int i = 0; i < 50; i++) {
            int p = partitioner.partition("t", null, full, view);
            chosen.add(p);
            view.completeBatch(p);
        }

        assertThat(chosen).doesNotContain(first).hasSizeGreaterThan(1);
    }

    @Test
    void topicsStickIndependently() {
        FakePartitionView viewA = new FakePartitionView(8);
        FakePartitionView viewB = new FakePartitionView(8);
        byte[] full = new byte[FakePartitionView.BATCH_SIZE];
        int a = partitioner.partition("a", null, null, viewA);
        int b = partitioner.partition("b", null, full, viewB);

        viewB.completeBatch(b);

        assertThat(partitioner.partition("a", null, null, viewA)).isEqualTo(a);
        assertThat(partitioner.partition("b", null, null, viewB)).isNotEqualTo(b);
    }
}
