package io.mq.broker.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.storage.PartitionIndex.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionIndexTest {

    private final PartitionIndex index = new PartitionIndex(0, 0);

    /** Adds a batch of {@code records} records and {@code size} bytes at the log end. */
    private Entry add(int records, int size, long maxTimestamp) {
        long base = index.logEndOffset();
        Entry entry = new Entry(base, records - 1, 1000 + base * 100, size, maxTimestamp);
        index.add(entry);
        return entry;
    }

    @Test
    void sliceStartsWithTheBatchHoldingTheOffsetAndReturnsAtLeastOneBatch() {
        Entry first = add(3, 100, 1);
        Entry second = add(2, 100, 2);
        Entry third = add(1, 100, 3);

        assertThat(index.slice(4, 10).batches()).containsExactly(second);
        assertThat(index.slice(1, 250).batches()).containsExactly(first, second);
        assertThat(index.slice(5, Integer.MAX_VALUE).batches()).containsExactly(third);
        assertThat(index.slice(6, 1000).batches()).isEmpty();
        assertThat(index.slice(6, 1000).logEndOffset()).isEqualTo(6);
    }

    @Test
    void addRejectsABatchThatDoesNotFollowTheLogEnd() {
        add(2, 10, 1);

        assertThatThrownBy(() -> index.add(new Entry(5, 0, 0, 10, 1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void growingAndTrimmingKeepsLookupsRight() {
        for (int i = 0; i < 100; i++) {
            add(1, 10, i);
        }
        index.trimToBytes(400);
        for (int i = 100; i < 200; i++) {
            add(1, 10, i);
        }

        assertThat(index.logStartOffset()).isEqualTo(60);
        assertThat(index.size()).isEqualTo(140);
        assertThat(index.liveBytes()).isEqualTo(1400);
        assertThat(index.slice(150, 1).batches()).singleElement().extracting(Entry::baseOffset).isEqualTo(150L);
        assertThat(index.slice(59, 1).batches()).isEmpty();
        assertThat(index.firstPosition()).isEqualTo(1000 + 60 * 100);
        assertThat(index.entriesBetween(195, 300)).extracting(Entry::baseOffset).containsExactly(195L, 196L, 197L,
                198L, 199L);
    }

    @Test
    void timeLookupsForgetTheTimestampsOfTrimmedBatches() {
        add(1, 10, 1_000);
        add(1, 10, 5);
        add(1, 10, 6);

        assertThat(index.firstWithTimestampAtLeast(6)).get().extracting(Entry::baseOffset).isEqualTo(0L);
        index.trimToBytes(20);

        assertThat(index.firstWithTimestampAtLeast(6)).get().extracting(Entry::baseOffset).isEqualTo(2L);
        assertThat(index.firstWithMaxTimestamp()).get().extracting(Entry::baseOffset).isEqualTo(2L);
        assertThat(index.firstWithTimestampAtLeast(7)).isEmpty();
    }

    @Test
    void trimByTimeStopsAtTheFirstBatchToKeep() {
        add(1, 10, 1);
        add(1, 10, 9);
        add(1, 10, 2);

        assertThat(index.trimOlderThan(5)).isTrue();
        assertThat(index.trimOlderThan(5)).isFalse();
        assertThat(index.logStartOffset()).isEqualTo(1);
    }

    @Test
    void trimmingEverythingMovesTheLogStartToTheLogEnd() {
        add(4, 10, 1);

        index.trimToBytes(0);

        assertThat(index.logStartOffset()).isEqualTo(4);
        assertThat(index.size()).isZero();
        assertThat(index.firstPosition()).isEqualTo(Long.MAX_VALUE);
        add(1, 10, 1);
        assertThat(index.slice(4, 1).batches()).hasSize(1);
    }

    @Test
    void restoringRequiresEntriesThatCoverTheCheckpointedRange() {
        List<Entry> entries = List.of(new Entry(5, 1, 0, 10, 1), new Entry(7, 0, 40, 10, 2));

        assertThat(PartitionIndex.of(5, 8, entries).slice(7, 1).batches()).hasSize(1);
        assertThatThrownBy(() -> PartitionIndex.of(5, 9, entries)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PartitionIndex.of(5, 8, List.of())).isInstanceOf(IllegalStateException.class);
        assertThat(PartitionIndex.of(8, 8, List.of()).logStartOffset()).isEqualTo(8);
    }
}
