package io.mq.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.Errors;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordBatchesTest {

    private static final short PRODUCE_V9 = 9;
    private static final int MAX = 1 << 20;

    private final TrackingAllocator allocator = new TrackingAllocator();

    @AfterEach
    void everyBufferReleased() {
        allocator.assertAllReleased();
    }

    @Test
    void iteratesEveryBatchInTheRegionAndIgnoresAPartialTail() {
        ByteBuf region = allocator.heapBuffer();
        List<Integer> sizes = new ArrayList<>();
        for (CompressionType type : CompressionType.values()) {
            ByteBuf batch = build(type, 3 + type.id(), -1L, -1);
            sizes.add(batch.readableBytes());
            region.writeBytes(batch);
            batch.release();
        }
        int complete = region.readableBytes();
        ByteBuf partial = build(CompressionType.NONE, 2, -1L, -1);
        region.writeBytes(partial, 0, partial.readableBytes() - 1);
        partial.release();
        region.readerIndex(0);
        try {
            RecordBatches batches = RecordBatches.of(region);
            List<Integer> seen = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            for (RecordBatch batch : batches) {
                batch.ensureValid();
                seen.add(batch.sizeInBytes());
                counts.add(batch.records().size());
            }

            assertThat(seen).isEqualTo(sizes);
            assertThat(counts).containsExactly(3, 4, 5, 6, 7);
            assertThat(batches.completeBytes()).isEqualTo(complete);
            assertThat(region.readerIndex()).isZero();
        } finally {
            region.release();
        }
    }

    @Test
    void aBatchLengthBelowTheHeaderStopsIteration() {
        ByteBuf region = build(CompressionType.NONE, 1, -1L, -1);
        region.setInt(RecordBatch.BATCH_LENGTH_OFFSET, 10);
        try {
            assertThatThrownBy(() -> RecordBatches.of(region).iterator().hasNext())
                    .isInstanceOf(CorruptRecordException.class).hasMessageContaining("below the minimum");
        } finally {
            region.release();
        }
    }

    @Test
    void aWellFormedProducerBatchIsValid() {
        assertValidation(build(CompressionType.LZ4, 10, 7L, 0), Errors.NONE);
        assertValidation(build(CompressionType.NONE, 1, -1L, -1), Errors.NONE);
    }

    @Test
    void producePartitionDataMustBeExactlyOneMagicTwoBatch() {
        assertThat(RecordBatches.validateProduce(null, PRODUCE_V9, MAX).error()).isEqualTo(Errors.INVALID_RECORD);
        assertValidation(allocator.heapBuffer(), Errors.INVALID_RECORD);
        ByteBuf two = build(CompressionType.NONE, 1, -1L, -1);
        ByteBuf second = build(CompressionType.NONE, 1, -1L, -1);
        two.writeBytes(second);
        second.release();
        assertValidation(two, Errors.INVALID_RECORD);
        ByteBuf truncated = build(CompressionType.NONE, 3, -1L, -1);
        truncated.writerIndex(truncated.writerIndex() - 1);
        assertValidation(truncated, Errors.INVALID_RECORD);
        assertValidation(rewritten(b -> b.setByte(RecordBatch.MAGIC_OFFSET, 1)), Errors.INVALID_RECORD);
    }

    @Test
    void aBadCrcOrImpossibleLengthIsCorrupt() {
        ByteBuf flipped = build(CompressionType.GZIP, 5, -1L, -1);
        flipped.setByte(flipped.writerIndex() - 1, flipped.getByte(flipped.writerIndex() - 1) ^ 1);
        assertValidation(flipped, Errors.CORRUPT_MESSAGE);
        ByteBuf shortLength = build(CompressionType.NONE, 1, -1L, -1);
        shortLength.setInt(RecordBatch.BATCH_LENGTH_OFFSET, 48);
        assertValidation(shortLength, Errors.CORRUPT_MESSAGE);
    }

    @Test
    void aBatchOverTheTopicMaximumIsTooLarge() {
        ByteBuf batch = build(CompressionType.NONE, 10, -1L, -1);
        Errors error = RecordBatches.validateProduce(batch, PRODUCE_V9, batch.readableBytes() - 1).error();
        batch.release();

        assertThat(error).isEqualTo(Errors.MESSAGE_TOO_LARGE);
    }

    @Test
    void controlBatchesAndInconsistentHeadersAreInvalidRecords() {
        assertValidation(rewritten(b -> b.setShort(RecordBatch.ATTRIBUTES_OFFSET, 0x20)), Errors.INVALID_RECORD);
        assertValidation(rewritten(b -> b.setInt(RecordBatch.LAST_OFFSET_DELTA_OFFSET, 1)), Errors.INVALID_RECORD);
        assertValidation(rewritten(b -> b.setInt(RecordBatch.RECORDS_COUNT_OFFSET, 0)), Errors.INVALID_RECORD);
        assertValidation(rewritten(b -> b.setLong(RecordBatch.PRODUCER_ID_OFFSET, 5L)), Errors.INVALID_RECORD);
        assertValidation(rewritten(b -> b.setShort(RecordBatch.ATTRIBUTES_OFFSET, 0x10)), Errors.INVALID_RECORD);
    }

    @Test
    void anUnknownCodecIsAnUnsupportedCompressionType() {
        assertValidation(rewritten(b -> b.setShort(RecordBatch.ATTRIBUTES_OFFSET, 6)),
                Errors.UNSUPPORTED_COMPRESSION_TYPE);
    }

    @Test
    void zstdNeedsProduceVersionSeven() {
        ByteBuf batch = build(CompressionType.ZSTD, 3, -1L, -1);
        try {
            RecordBatches.Validation old = RecordBatches.validateProduce(batch, (short) 6, MAX);
            assertThat(old.error()).isEqualTo(Errors.UNSUPPORTED_COMPRESSION_TYPE);
            assertThat(old.message()).contains("v7");
            assertThat(RecordBatches.validateProduce(batch, (short) 7, MAX).isValid()).isTrue();
        } finally {
            batch.release();
        }
    }

    /** Validates {@code records} as Produce v9 partition data, checks the error and releases the buffer. */
    private static void assertValidation(ByteBuf records, Errors expected) {
        try {
            RecordBatches.Validation validation = RecordBatches.validateProduce(records, PRODUCE_V9, MAX);
            assertThat(validation.error()).as(validation.message()).isEqualTo(expected);
            assertThat(validation.isValid()).isEqualTo(expected == Errors.NONE);
            assertThat(validation.message() == null).isEqualTo(expected == Errors.NONE);
        } finally {
            records.release();
        }
    }

    /** A one-record batch changed by {@code change}, with its CRC recomputed so only the change is wrong. */
    private ByteBuf rewritten(Consumer<ByteBuf> change) {
        ByteBuf batch = build(CompressionType.NONE, 1, -1L, -1);
        change.accept(batch);
        batch.setInt(RecordBatch.CRC_OFFSET, (int) RecordBatch.at(batch).computeChecksum());
        return batch;
    }

    private ByteBuf build(CompressionType type, int count, long producerId, int baseSequence) {
        RecordBatchBuilder builder = new RecordBatchBuilder(allocator, type,
                type.hasLevels() ? type.defaultLevel() : 0, MAX);
        for (Record record : KafkaRecords.sample(count, count)) {
            builder.tryAppend(record.timestamp(), record.key(), record.value(), record.headers());
        }
        builder.setProducerState(producerId, (short) (producerId < 0 ? -1 : 0), baseSequence);
        return builder.build();
    }
}
