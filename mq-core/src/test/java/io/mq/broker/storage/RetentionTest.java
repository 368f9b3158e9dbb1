package io.mq.broker.storage;

import static io.mq.broker.storage.StoreFixture.P0;
import static io.mq.broker.storage.StoreFixture.P1;
import static io.mq.broker.storage.StoreFixture.appendOk;
import static io.mq.broker.storage.StoreFixture.crashCopy;
import static io.mq.broker.storage.StoreFixture.options;
import static io.mq.broker.storage.StoreFixture.segmentFiles;
import static io.mq.broker.storage.StoreFixture.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.Errors;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {

    @AfterAll
    static void noFileRecordsLeaked() throws InterruptedException {
        StoreFixture.reportLeakedFileRecords();
    }

    @TempDir
    Path dir;

    @TempDir
    Path crashed;

    private final Map<PartitionId, Retention> retention = new ConcurrentHashMap<>();
    /** Size of every batch made by {@link #batch(int)}. */
    private int batchSize;
    /** Segment size holding exactly three such entries. */
    private long segmentBytes;

    @BeforeEach
    void measureBatches() {
        ByteBuf probe = batch(0);
        batchSize = probe.readableBytes();
        probe.release();
        segmentBytes = 3L * (batchSize + EntryHeader.SIZE);
    }

    private static ByteBuf batch(int i) {
        return Batches.batch(1_000, String.format("value-%04d", i));
    }

    private CommitLogStore open(StorageOptions.Builder options) {
        return CommitLogStore.open(options.build(), id -> retention.getOrDefault(id, Retention.UNLIMITED));
    }

    private CommitLogStore openSmallSegments() {
        CommitLogStore store = open(options(dir).segmentBytes(segmentBytes));
        store.createPartition(P0);
        store.createPartition(P1);
        return store;
    }

    @Test
    void sizeRetentionAdvancesLogStartAndDeletesOnlySegmentsNobodyNeeds() throws IOException {
        try (CommitLogStore store = openSmallSegments()) {
            for (int i = 0; i < 12; i++) {
                appendOk(store, P0, batch(i));
            }
            appendOk(store, P1, batch(99));
            assertThat(segmentFiles(dir)).hasSize(5);
            retention.put(P0, new Retention(-1, 2L * batchSize));

            store.enforceRetention();

            assertThat(store.logStartOffset(P0)).isEqualTo(10);
            assertThat(segmentFiles(dir)).extracting(f -> f.getFileName().toString())
                    .containsExactly(Segment.fileName(3 * segmentBytes), Segment.fileName(4 * segmentBytes));
            assertThat(values(store, P0)).containsExactly("value-0010", "value-0011");
            assertThat(values(store, P1)).containsExactly("value-0099");
            FetchSlice gone = store.read(P0, 9, 1000);
            gone.records().release();
            assertThat(gone.error()).isEqualTo(Errors.OFFSET_OUT_OF_RANGE);
            assertThat(gone.logStartOffset()).isEqualTo(10);
        }
    }

    @Test
    void aPartitionWithoutRetentionKeepsSharedSegmentsAlive() throws IOException {
        try (CommitLogStore store = openSmallSegments()) {
            for (int i = 0; i < 6; i++) {
                appendOk(store, P0, batch(i));
                appendOk(store, P1, batch(i));
            }
            int segments = segmentFiles(dir).size();
            retention.put(P0, new Retention(-1, 0));

            store.enforceRetention();

            assertThat(store.logStartOffset(P0)).isEqualTo(6);
            assertThat(store.logEndOffset(P0)).isEqualTo(6);
            assertThat(segmentFiles(dir)).hasSize(segments);
            assertThat(values(store, P1)).hasSize(6);
        }
    }

    @Test
    void timeRetentionDropsBatchesOlderThanRetentionMs() throws IOException {
        long now = System.currentTimeMillis();
        retention.put(P0, new Retention(TimeUnit.HOURS.toMillis(1), -1));
        try (CommitLogStore store = openSmallSegments()) {
            appendOk(store, P0, Batches.batch(now - TimeUnit.HOURS.toMillis(3), "old-1"));
            appendOk(store, P0, Batches.batch(now - TimeUnit.HOURS.toMillis(2), "old-2", "old-3"));
            appendOk(store, P0, Batches.batch(now, "new-1"));
            appendOk(store, P0, Batches.batch(now - TimeUnit.HOURS.toMillis(5), "late-but-after-new"));

            store.enforceRetention();

            assertThat(store.logStartOffset(P0)).isEqualTo(3);
            assertThat(values(store, P0)).containsExactly("new-1", "late-but-after-new");
            assertThat(store.offsetForTimestamp(P0, 0)).contains(new TimestampOffset(now, 3));
        }
    }

    @Test
    void retentionMayEmptyAPartitionAndAppendsContinueAtTheLogEnd() throws IOException {
        try (CommitLogStore store = openSmallSegments()) {
            appendOk(store, P0, batch(0));
            appendOk(store, P0, batch(1));
            retention.put(P0, new Retention(-1, 0));

            store.enforceRetention();

            assertThat(store.logStartOffset(P0)).isEqualTo(2);
            FetchSlice empty = store.read(P0, 2, 1000);
            assertThat(empty.error()).isEqualTo(Errors.NONE);
            assertThat(empty.records().sizeInBytes()).isZero();
            empty.records().release();
            assertThat(store.maxTimestampOffset(P0)).isEmpty();
            assertThat(appendOk(store, P0, batch(2))).isEqualTo(2);
        }
    }

    @Test
    void fileRecordsStayReadableAfterRetentionDeletedTheirSegment() throws IOException {
        try (CommitLogStore store = openSmallSegments()) {
            for (int i = 0; i < 3; i++) {
                appendOk(store, P0, batch(i));
            }
            appendOk(store, P1, batch(9));
            Path first = segmentFiles(dir).get(0);
            FetchSlice slice = store.read(P0, 0, Integer.MAX_VALUE);
            try {
                retention.put(P0, new Retention(-1, 0));
                store.enforceRetention();

                Path marked = first.resolveSibling(first.getFileName() + Segment.DELETED_SUFFIX);
                assertThat(first).doesNotExist();
                assertThat(marked).exists();
                assertThat(Batches.values(Batches.decode(slice.records())))
                        .containsExactly("value-0000", "value-0001", "value-0002");
                slice.records().release();
                assertThat(marked).doesNotExist();
            } finally {
                if (slice.records().refCnt() > 0) {
                    slice.records().release();
                }
            }
        }
    }

    @Test
    void segmentsOfADeletedPartitionAreReclaimed() throws IOException {
        try (CommitLogStore store = openSmallSegments()) {
            for (int i = 0; i < 6; i++) {
                appendOk(store, P0, batch(i));
            }
            appendOk(store, P1, batch(9));
            store.deletePartition(P0);

            store.enforceRetention();

            assertThat(segmentFiles(dir)).extracting(f -> f.getFileName().toString())
                    .containsExactly(Segment.fileName(2 * segmentBytes));
            assertThat(values(store, P1)).containsExactly("value-0009");
        }
    }

    @Test
    void logStartOffsetsSurviveRestartsAndMostlyTrimmedIndexesAreRewritten() throws IOException {
        int batches = 1100;
        try (CommitLogStore store = open(options(dir))) {
            store.createPartition(P0);
            for (int i = 0; i < batches; i++) {
                appendOk(store, P0, batch(i));
            }
            store.enforceRetention();
            retention.put(P0, new Retention(-1, 5L * batchSize));
            store.enforceRetention();
            assertThat(store.logStartOffset(P0)).isEqualTo(batches - 5);
            crashCopy(dir, crashed);
        }
        Path index = dir.resolve(IndexFile.DIR);
        try (var files = Files.list(index)) {
            assertThat(files.toList()).singleElement()
                    .satisfies(file -> assertThat(Files.size(file)).isEqualTo(5L * IndexFile.ENTRY_BYTES));
        }

        for (Path restarted : List.of(dir, crashed)) {
            try (CommitLogStore store = open(options(restarted))) {
                assertThat(store.logStartOffset(P0)).isEqualTo(batches - 5);
                assertThat(store.logEndOffset(P0)).isEqualTo(batches);
                assertThat(values(store, P0)).hasSize(5).endsWith("value-1099");
            }
        }
    }

    @Test
    void theRetentionThreadEnforcesRetentionOnItsOwn() throws InterruptedException {
        retention.put(P0, new Retention(-1, 0));
        try (CommitLogStore store = open(options(dir).retentionCheckInterval(Duration.ofMillis(20)))) {
            store.createPartition(P0);
            appendOk(store, P0, batch(0));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (store.logStartOffset(P0) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(store.logStartOffset(P0)).isEqualTo(1);
        }
    }
}
