package io.mq.broker.storage;

import static io.mq.broker.storage.StoreFixture.P0;
import static io.mq.broker.storage.StoreFixture.P1;
import static io.mq.broker.storage.StoreFixture.P2;
import static io.mq.broker.storage.StoreFixture.append;
import static io.mq.broker.storage.StoreFixture.appendOk;
import static io.mq.broker.storage.StoreFixture.open;
import static io.mq.broker.storage.StoreFixture.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.Errors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.FileRegion;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.apache.kafka.common.record.RecordBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitLogStoreReadWriteTest {

    @AfterAll
    static void noFileRecordsLeaked() throws InterruptedException {
        StoreFixture.reportLeakedFileRecords();
    }

    @TempDir
    Path dir;

    CommitLogStore store;

    @BeforeEach
    void openStore() {
        store = open(options(dir).segmentBytes(1024));
        store.createPartition(P0);
        store.createPartition(P1);
        store.createPartition(P2);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void batchesOfSeveralPartitionsRoundTripAcrossSegments() {
        Map<PartitionId, List<String>> expected = Map.of(P0, new ArrayList<>(), P1, new ArrayList<>(), P2,
                new ArrayList<>());
        for (int i = 0; i < 30; i++) {
            for (PartitionId id : List.of(P0, P1, P2)) {
                String a = id.partition() + "-" + id.topicId().getMostSignificantBits() + "-a" + i;
                String b = id.partition() + "-" + id.topicId().getMostSignificantBits() + "-b" + i;
                appendOk(store, id, Batches.batch(1000 + i, a, b));
                expected.get(id).addAll(List.of(a, b));
            }
        }

        assertThat(store.stats().segmentCount()).isGreaterThan(3);
        assertThat(StoreFixture.segmentFiles(dir)).hasSize(store.stats().segmentCount());
        for (PartitionId id : List.of(P0, P1, P2)) {
            List<RecordBatch> batches = StoreFixture.readAll(store, id, 300);
            assertThat(Batches.values(batches)).isEqualTo(expected.get(id));
            assertThat(Batches.offsets(batches)).containsExactlyElementsOf(LongStream.range(0, 60).boxed().toList());
            assertThat(store.logEndOffset(id)).isEqualTo(60);
        }
        assertThat(store.stats().appendedRecords()).isEqualTo(180);
    }

    @Test
    void appendAssignsContiguousOffsetsPerPartition() {
        assertThat(appendOk(store, P0, Batches.batch(1, "a", "b", "c"))).isZero();
        assertThat(appendOk(store, P1, Batches.batch(1, "x"))).isZero();
        assertThat(appendOk(store, P0, Batches.batch(1, "d", "e"))).isEqualTo(3);
        assertThat(appendOk(store, P0, Batches.batch(1, "f"))).isEqualTo(5);

        assertThat(store.logStartOffset(P0)).isZero();
        assertThat(store.logEndOffset(P0)).isEqualTo(6);
        assertThat(store.logEndOffset(P1)).isEqualTo(1);
    }

    @Test
    void appendLeavesTheCallersBufferUntouched() {
        ByteBuf batch = Batches.batch(1, "a");
        appendOk(store, P0, Batches.batch(1, "first"));
        ByteBuf before = batch.copy();
        try {
            AppendResult result = store.append(P0, batch);

            assertThat(result.baseOffset()).isEqualTo(1);
            assertThat(batch.refCnt()).isEqualTo(1);
            assertThat(batch).isEqualTo(before);
        } finally {
            batch.release();
            before.release();
        }
    }

    @Test
    void appendRejectsBytesThatAreNotExactlyOneBatch() {
        ByteBuf two = Unpooled.buffer();
        ByteBuf one = Batches.batch(1, "a");
        try {
            two.writeBytes(one, one.readerIndex(), one.readableBytes()).writeBytes(one, one.readerIndex(),
                    one.readableBytes());
            assertThatThrownBy(() -> store.append(P0, two)).isInstanceOf(IllegalArgumentException.class);
        } finally {
            one.release();
            two.release();
        }
    }

    @Test
    void readFromTheMiddleOfABatchStartsWithThatBatch() {
        appendOk(store, P0, Batches.batch(1, "a", "b", "c"));
        appendOk(store, P0, Batches.batch(1, "d", "e"));

        FetchSlice slice = store.read(P0, 1, Integer.MAX_VALUE);
        try {
            List<RecordBatch> batches = Batches.decode(slice.records());
            assertThat(slice.error()).isEqualTo(Errors.NONE);
            assertThat(batches).extracting(RecordBatch::baseOffset).containsExactly(0L, 3L);
            assertThat(slice.highWatermark()).isEqualTo(5);
            assertThat(slice.logStartOffset()).isZero();
        } finally {
            slice.records().release();
        }
    }

    @Test
    void readReturnsAtLeastOneBatchEvenWhenItExceedsMaxBytes() {
        appendOk(store, P0, Batches.batch(1, "a", "b"));
        appendOk(store, P0, Batches.batch(1, "c"));
        appendOk(store, P0, Batches.batch(1, "d"));

        FetchSlice tiny = store.read(P0, 0, 1);
        int firstSize = tiny.records().regions().get(0).length();
        int secondSize;
        FetchSlice second = store.read(P0, 2, 1);
        secondSize = second.records().sizeInBytes();
        second.records().release();
        FetchSlice two = store.read(P0, 0, firstSize + secondSize);
        try {
            assertThat(Batches.decode(tiny.records())).extracting(RecordBatch::baseOffset).containsExactly(0L);
            assertThat(Batches.decode(two.records())).extracting(RecordBatch::baseOffset).containsExactly(0L, 2L);
        } finally {
            tiny.records().release();
            two.records().release();
        }
    }

    @Test
    void readOutsideTheLogFailsWithOffsetOutOfRangeAndAtTheEndIsEmpty() {
        appendOk(store, P0, Batches.batch(1, "a", "b"));

        FetchSlice beyond = store.read(P0, 3, 1000);
        FetchSlice negative = store.read(P0, -1, 1000);
        FetchSlice atEnd = store.read(P0, 2, 1000);

        assertThat(beyond.error()).isEqualTo(Errors.OFFSET_OUT_OF_RANGE);
        assertThat(beyond.highWatermark()).isEqualTo(2);
        assertThat(negative.error()).isEqualTo(Errors.OFFSET_OUT_OF_RANGE);
        assertThat(atEnd.error()).isEqualTo(Errors.NONE);
        assertThat(atEnd.records().sizeInBytes()).isZero();
        for (FetchSlice slice : List.of(beyond, negative, atEnd)) {
            assertThat(slice.records().release()).isTrue();
        }
    }

    @Test
    void unknownPartitionIsReportedOnAppendAndRead() {
        PartitionId unknown = new PartitionId(java.util.UUID.randomUUID(), 0);

        assertThat(append(store, unknown, Batches.batch(1, "a")).error()).isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION);
        FetchSlice slice = store.read(unknown, 0, 100);
        slice.records().release();
        assertThat(slice.error()).isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION);
        assertThat(store.hasPartition(unknown)).isFalse();
        assertThat(store.logEndOffset(unknown)).isEqualTo(-1);
    }

    @Test
    void createPartitionIsIdempotent() {
        appendOk(store, P0, Batches.batch(1, "a"));

        store.createPartition(P0);

        assertThat(store.logEndOffset(P0)).isEqualTo(1);
        assertThat(store.stats().partitionCount()).isEqualTo(3);
        assertThat(store.partitions()).containsExactlyInAnyOrder(P0, P1, P2);
    }

    @Test
    void offsetForTimestampFindsTheFirstRecordAtOrAfterIt() {
        appendOk(store, P0, Batches.withTimestamps(100, 200, 300));
        appendOk(store, P0, Batches.withTimestamps(400, 500));

        assertThat(store.offsetForTimestamp(P0, 50)).contains(new TimestampOffset(100, 0));
        assertThat(store.offsetForTimestamp(P0, 250)).contains(new TimestampOffset(300, 2));
        assertThat(store.offsetForTimestamp(P0, 400)).contains(new TimestampOffset(400, 3));
        assertThat(store.offsetForTimestamp(P0, 450)).contains(new TimestampOffset(500, 4));
        assertThat(store.offsetForTimestamp(P0, 501)).isEmpty();
        assertThat(store.offsetForTimestamp(P1, 0)).isEmpty();
    }

    @Test
    void timestampLookupsFollowOffsetOrderWhenTimestampsAreNotMonotonic() {
        appendOk(store, P0, Batches.withTimestamps(100, 900, 200));
        appendOk(store, P0, Batches.withTimestamps(300, 900));

        assertThat(store.offsetForTimestamp(P0, 250)).contains(new TimestampOffset(900, 1));
        assertThat(store.maxTimestampOffset(P0)).contains(new TimestampOffset(900, 1));
        assertThat(store.maxTimestampOffset(P1)).isEmpty();
    }

    @Test
    void timestampLookupInACompressedBatchAnswersItsBaseOffset() {
        appendOk(store, P0, Batches.batch(100, "a"));
        appendOk(store, P0, Batches.gzipped(500, "b", "c"));

        assertThat(store.offsetForTimestamp(P0, 200)).contains(new TimestampOffset(500, 1));
        assertThat(StoreFixture.values(store, P0)).containsExactly("a", "b", "c");
    }

    @Test
    void appendListenersHearEveryAppend() {
        List<PartitionId> heard = new ArrayList<>();
        store.addAppendListener(heard::add);

        appendOk(store, P0, Batches.batch(1, "a"));
        appendOk(store, P2, Batches.batch(1, "b"));

        assertThat(heard).containsExactly(P0, P2);
    }

    @Test
    void fileRegionsTransferTheSameBytesAsWriteTo() throws Exception {
        for (int i = 0; i < 10; i++) {
            appendOk(store, P0, Batches.batch(i, "value-" + i));
            appendOk(store, P1, Batches.batch(i, "other-" + i));
        }
        FetchSlice slice = store.read(P0, 0, Integer.MAX_VALUE);
        ByteBuf copied = Unpooled.buffer();
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        try (WritableByteChannel target = Channels.newChannel(sent)) {
            slice.records().writeTo(copied);
            List<FileRegion> regions = slice.records().toFileRegions();
            assertThat(regions).hasSize(10);
            for (FileRegion region : regions) {
                while (region.transferred() < region.count()) {
                    region.transferTo(target, region.transferred());
                }
                assertThat(region.release()).isTrue();
            }
            byte[] expected = new byte[copied.readableBytes()];
            copied.getBytes(0, expected);
            assertThat(sent.toByteArray()).isEqualTo(expected);
            assertThat(slice.records().sizeInBytes()).isEqualTo(expected.length);
        } finally {
            copied.release();
            slice.records().release();
        }
    }

    @Test
    void statsCountAppendsAndSegments() {
        appendOk(store, P0, Batches.batch(1, "a", "b"));

        StorageStats stats = store.stats();

        assertThat(stats.partitionCount()).isEqualTo(3);
        assertThat(stats.segmentCount()).isEqualTo(1);
        assertThat(stats.appendedRecords()).isEqualTo(2);
        assertThat(stats.appendedBytes()).isPositive();
        assertThat(stats.totalBytes()).isEqualTo(stats.appendedBytes() + EntryHeader.SIZE);
    }

    @Test
    void optionalResultsAreEmptyForUnknownPartitions() {
        PartitionId unknown = new PartitionId(java.util.UUID.randomUUID(), 3);
        assertThat(store.offsetForTimestamp(unknown, 0)).isEqualTo(Optional.empty());
        assertThat(store.maxTimestampOffset(unknown)).isEmpty();
    }
}
