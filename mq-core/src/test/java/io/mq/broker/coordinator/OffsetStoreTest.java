package io.mq.broker.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.storage.CommitLogStore;
import io.mq.broker.storage.FlushMode;
import io.mq.broker.storage.PartitionId;
import io.mq.broker.storage.Retention;
import io.mq.broker.storage.StorageOptions;
import io.mq.protocol.Errors;
import io.mq.protocol.record.CompressionType;
import io.mq.protocol.record.Header;
import io.mq.protocol.record.RecordBatchBuilder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Persistence of committed offsets in the offsets topic: replay, tombstones, self-compaction, bad records. */
class OffsetStoreTest {

    private static final int SLACK = 10;
    private static final TopicPartition T0 = new TopicPartition("t", 0);
    private static final TopicPartition T1 = new TopicPartition("t", 1);

    @TempDir
    Path dir;
    private CommitLogStore log;
    private OffsetStore store;

    @BeforeEach
    void open() {
        log = CommitLogStore.open(StorageOptions.builder(dir).flushInterval(Duration.ofHours(1))
                .retentionCheckInterval(Duration.ofHours(1)).build(), id -> Retention.UNLIMITED);
        CoordinatorFixture.partitions().forEach(log::createPartition);
        store = load();
    }

    @AfterEach
    void close() {
        log.close();
    }

    private OffsetStore load() {
        return OffsetStore.load(log, CoordinatorFixture.partitions(), Runnable::run, ByteBufAllocator.DEFAULT, SLACK);
    }

    private static CommittedOffset offset(long offset) {
        return new CommittedOffset(offset, 3, "m" + offset, 1_000 + offset);
    }

    @Test
    void replayRestoresTheLatestOffsetOfEveryPartition() {
        store.commit("g", Map.of(T0, offset(1), T1, offset(2)));
        store.commit("g", Map.of(T0, offset(5)));
        store.commit("h", Map.of(T1, offset(9)));

        OffsetStore replayed = load();

        assertThat(replayed.groupIds()).containsExactlyInAnyOrder("g", "h");
        assertThat(replayed.offsets("g")).isEqualTo(Map.of(T0, offset(5), T1, offset(2)));
        assertThat(replayed.offset("h", T1)).isEqualTo(offset(9));
    }

    @Test
    void commitCompletesWithNoneOnceDurable() {
        assertThat(store.commit("g", Map.of(T0, offset(1))).join()).isEqualTo(Errors.NONE);
    }

    @Test
    void tombstonesDeleteOffsetsAcrossAReplay() {
        store.commit("g", Map.of(T0, offset(1), T1, offset(2)));

        assertThat(store.delete("g", List.of(T0, new TopicPartition("never", 0)), 5_000).join())
                .isEqualTo(Errors.NONE);

        assertThat(store.offsets("g")).containsOnlyKeys(T1);
        assertThat(load().offsets("g")).containsOnlyKeys(T1);
    }

    @Test
    void deletingTheLastOffsetForgetsTheGroup() {
        store.commit("g", Map.of(T0, offset(1)));

        store.delete("g", List.of(T0), 5_000);

        assertThat(store.groupIds()).isEmpty();
        assertThat(load().groupIds()).isEmpty();
    }

    @Test
    void aPartitionFullOfSupersededCommitsIsCompactedToItsLiveOffsets() {
        PartitionId partition = CoordinatorFixture.partitions().get(store.partitionFor("g"));
        for (long i = 0; i < 200; i++) {
            store.commit("g", Map.of(T0, offset(i), T1, offset(i + 1_000)));
        }

        long records = log.logEndOffset(partition) - log.logStartOffset(partition);
        assertThat(log.logStartOffset(partition)).isPositive();
        assertThat(records).isLessThanOrEqualTo(2L * 2 + SLACK + 2);
        assertThat(load().offsets("g")).isEqualTo(Map.of(T0, offset(199), T1, offset(1_199)));
    }

    @Test
    void aPartitionWhoseOffsetsWereAllDeletedIsEmptiedByCompaction() {
        PartitionId partition = CoordinatorFixture.partitions().get(store.partitionFor("g"));
        long commits = 2 + SLACK;
        for (long i = 0; i < commits; i++) {
            store.commit("g", Map.of(T0, offset(i)));
        }
        assertThat(log.logStartOffset(partition)).as("not compacted while one offset is live").isZero();

        store.delete("g", List.of(T0), 5_000);


        assertThat(log.logStartOffset(partition)).isEqualTo(log.logEndOffset(partition));
        assertThat(load().groupIds()).isEmpty();
    }

    @Test
    void unreadableRecordsAreSkippedOnReplay() {
        store.commit("g", Map.of(T0, offset(1)));
        PartitionId partition = CoordinatorFixture.partitions().get(store.partitionFor("g"));
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBufAllocator.DEFAULT, CompressionType.NONE, 0, 1 << 20);
        builder.tryAppend(1L, new byte[] {0, 1, 0}, new byte[] {1}, (Header[]) null);
        builder.tryAppend(1L, null, new byte[] {1}, (Header[]) null);
        builder.tryAppend(1L, OffsetRecords.key("g", T1), new byte[] {0, 9}, (Header[]) null);
        ByteBuf garbage = builder.build();
        try {
            assertThat(log.append(partition, garbage).error()).isEqualTo(Errors.NONE);
        } finally {
            garbage.release();
        }
        store.commit("g", Map.of(T0, offset(2)));

        assertThat(load().offsets("g")).isEqualTo(Map.of(T0, offset(2)));
    }

    @Test
    void inSyncFlushModeCommitsCompleteAfterTheFsyncAndCompactionStillTrims(@TempDir Path syncDir) {
        try (CommitLogStore syncLog = CommitLogStore.open(StorageOptions.builder(syncDir).flushMode(FlushMode.SYNC)
                .retentionCheckInterval(Duration.ofHours(1)).build(), id -> Retention.UNLIMITED);
                DefaultCoordinatorScheduler thread = new DefaultCoordinatorScheduler()) {
            CoordinatorFixture.partitions().forEach(syncLog::createPartition);
            OffsetStore syncStore = OffsetStore.load(syncLog, CoordinatorFixture.partitions(), thread::execute,
                    ByteBufAllocator.DEFAULT, SLACK);
            PartitionId partition = CoordinatorFixture.partitions().get(syncStore.partitionFor("g"));

            for (long i = 0; i < 100; i++) {
                long offset = i;
                Errors error = CompletableFuture.supplyAsync(() -> syncStore.commit("g", Map.of(T0, offset(offset))),
                        thread::execute).thenCompose(durable -> durable).join();
                assertThat(error).isEqualTo(Errors.NONE);
            }

            assertThat(CompletableFuture.supplyAsync(() -> syncLog.logStartOffset(partition), thread::execute).join())
                    .isPositive();
        }
    }

    @Test
    void aGroupAlwaysMapsToTheSamePartition() {
        assertThat(store.partitionFor("g")).isEqualTo(Math.floorMod("g".hashCode(), CoordinatorFixture.OFFSETS_PARTITIONS));
        assertThat(store.partitionFor("another group")).isBetween(0, CoordinatorFixture.OFFSETS_PARTITIONS - 1);
    }
}
