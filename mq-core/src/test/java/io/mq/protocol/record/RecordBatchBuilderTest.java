package io.mq.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecordBatchBuilderTest {

    private static final byte[] VALUE = new byte[100];

    private final TrackingAllocator allocator = new TrackingAllocator();

    @AfterEach
    void everyBufferReleased() {
        allocator.assertAllReleased();
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void appendStopsAtTheSizeLimitAndTheBatchStaysWithinIt(CompressionType type) {
        RecordBatchBuilder builder = new RecordBatchBuilder(allocator, type, level(type), 1000);
        int appended = 0;
        while (builder.tryAppend(1000L + appended, null, VALUE, (Header[]) null)) {
            appended++;
            assertThat(builder.estimatedSizeInBytes()).isLessThanOrEqualTo(1000);
        }

        ByteBuf batch = builder.build();
        try {
            assertThat(appended).isEqualTo(builder.recordCount()).isBetween(2, 9);
            assertThat(batch.readableBytes()).isLessThanOrEqualTo(1000);
            assertThat(RecordBatch.at(batch).records()).hasSize(appended);
        } finally {
            batch.release();
        }
    }

    @Test
    void firstRecordAlwaysFitsEvenOverTheLimit() {
        RecordBatchBuilder builder = new RecordBatchBuilder(allocator, CompressionType.NONE, 0, 100);

        assertThat(builder.tryAppend(1L, null, new byte[500], (Header[]) null)).isTrue();
        assertThat(builder.tryAppend(1L, null, new byte[1], (Header[]) null)).isFalse();

        ByteBuf batch = builder.build();
        assertThat(batch.readableBytes()).isGreaterThan(500);
        batch.release();
    }

    @Test
    void uncompressedEstimateIsTheExactBuiltSize() {
        RecordBatchBuilder builder = new RecordBatchBuilder(allocator, CompressionType.NONE, 0, 1 << 20);
        assertThat(builder.estimatedSizeInBytes()).isEqualTo(RecordBatch.HEADER_SIZE);
        for (Record record : KafkaRecords.sample(50, 9)) {
            builder.tryAppend(record.timestamp(), record.key(), record.value(), record.headers());
        }
        int estimate = builder.estimatedSizeInBytes();

        ByteBuf batch = builder.build();
        assertThat(batch.readableBytes()).isEqualTo(estimate);
        assertThat(RecordBatch.at(batch).sizeInBytes()).isEqualTo(estimate);
        batch.release();
    }

    @Test
    void aSmallInitialCapacityGrowsAndBuildsTheSameBytes() {
        RecordBatchBuilder small = new RecordBatchBuilder(allocator, CompressionType.NONE, 0, 1 << 20)
                .initialCapacity(64);
        RecordBatchBuilder full = new RecordBatchBuilder(allocator, CompressionType.NONE, 0, 1 << 20);
        for (Record record : KafkaRecords.sample(200, 5)) {
            small.tryAppend(record.timestamp(), record.key(), record.value(), record.headers());
            full.tryAppend(record.timestamp(), record.key(), record.value(), record.headers());
        }

        ByteBuf grown = small.build();
        ByteBuf reference = full.build();
        try {
            assertThat(ByteBufUtil.equals(grown, reference)).isTrue();
            RecordBatch.at(grown).ensureValid();
        } finally {
            grown.release();
            reference.release();
        }
    }

    @Test
    void producerStateCanBeSetJustBeforeBuilding() {
        RecordBatchBuilder builder = new RecordBatchBuilder(allocator, CompressionType.NONE, 0, 1 << 20);
        builder.tryAppend(5L, null, VALUE, List.of());
        builder.tryAppend(7L, null, VALUE, List.of());
        builder.setProducerState(99L, (short) 2, Integer.MAX_VALUE);

        ByteBuf buffer = builder.build();
        try {
            RecordBatch batch = RecordBatch.at(buffer);
            batch.ensureValid();
            assertThat(batch.producerId()).isEqualTo(99L);
            assertThat(batch.producerEpoch()).isEqualTo((short) 2);
            assertThat(batch.baseSequence()).isEqualTo(Integer.MAX_VALUE);
            assertThat(batch.lastSequence()).isZero();
            assertThat(batch.baseTimestamp()).isEqualTo(5L);
            assertThat(batch.maxTimestamp()).isEqualTo(7L);
        } finally {
            buffer.release();
        }
    }

    @Test
    void recordsWithoutTimestampsKeepMinusOne() {
        RecordBatchBuilder builder = new RecordBatchBuilder(allocator, CompressionType.NONE, 0, 1 << 20);
        builder.tryAppend(RecordBatch.NO_TIMESTAMP, null, VALUE, (Header[]) null);

        ByteBuf buffer = builder.build();
        assertThat(RecordBatch.at(buffer).records()).singleElement()
                .satisfies(r -> assertThat(r.timestamp()).isEqualTo(RecordBatch.NO_TIMESTAMP));
        assertThat(RecordBatch.at(buffer).maxTimestamp()).isEqualTo(RecordBatch.NO_TIMESTAMP);
        buffer.release();
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void builtBatchIsTheOnlyBufferLeftAndAbandonedBuildersReleaseTheirs(CompressionType type) {
        RecordBatchBuilder built = new RecordBatchBuilder(allocator, type, level(type), 1 << 20);
        built.tryAppend(1L, new byte[] {1}, VALUE, (Header[]) null);
        ByteBuf batch = built.build();
        RecordBatchBuilder abandoned = new RecordBatchBuilder(allocator, type, level(type), 1 << 20);
        abandoned.tryAppend(1L, new byte[] {1}, VALUE, (Header[]) null);
        abandoned.release();

        assertThat(batch.refCnt()).isEqualTo(1);
        batch.release();
        // everyBufferReleased() checks the intermediate buffers
    }

    @Test
    void worksWithThePooledAllocator() {
        RecordBatchBuilder builder = new RecordBatchBuilder(PooledByteBufAllocator.DEFAULT, CompressionType.LZ4, 9,
                1 << 16);
        List<Record> records = KafkaRecords.sample(100, 3);
        for (Record record : records) {
            assertThat(builder.tryAppend(record.timestamp(), record.key(), record.value(), record.headers())).isTrue();
        }
        ByteBuf batch = builder.build();
        try {
            assertThat(RecordBatch.at(batch).records()).containsExactlyElementsOf(records);
        } finally {
            assertThat(batch.release()).isTrue();
        }
    }

    @Test
    void misuseFailsClearly() {
        RecordBatchBuilder builder = new RecordBatchBuilder(allocator, CompressionType.NONE, 0, 1000);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least one record");
        assertThatThrownBy(() -> builder.tryAppend(-2L, null, null, (Header[]) null))
                .isInstanceOf(IllegalArgumentException.class);
        builder.tryAppend(0L, null, null, (Header[]) null);
        builder.build().release();

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.tryAppend(0L, null, null, (Header[]) null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new RecordBatchBuilder(allocator, CompressionType.LZ4, 18, 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..17");
        assertThatThrownBy(() -> new RecordBatchBuilder(allocator, CompressionType.NONE, 0, 60))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void batchesBelowTheCompressionThresholdAreWrittenUncompressed(CompressionType type) {
        RecordBatchBuilder small = new RecordBatchBuilder(allocator, type, level(type), 1 << 20, 1000);
        small.tryAppend(1L, null, VALUE, (Header[]) null);
        RecordBatchBuilder large = new RecordBatchBuilder(allocator, type, level(type), 1 << 20, 1000);
        for (int i = 0; i < 20; i++) {
            large.tryAppend(1L, null, VALUE, (Header[]) null);
        }

        ByteBuf plain = small.build();
        ByteBuf compressed = large.build();
        try {
            RecordBatch plainBatch = RecordBatch.at(plain);
            plainBatch.ensureValid();
            assertThat(plainBatch.compressionType()).isEqualTo(CompressionType.NONE);
            assertThat(plainBatch.records()).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo(VALUE));
            RecordBatch compressedBatch = RecordBatch.at(compressed);
            compressedBatch.ensureValid();
            assertThat(compressedBatch.compressionType()).isEqualTo(type);
            assertThat(compressedBatch.records()).hasSize(20);
        } finally {
            plain.release();
            compressed.release();
        }
    }

    @Test
    void rewritingTheProducerStateKeepsTheBatchValid() {
        RecordBatchBuilder builder = new RecordBatchBuilder(allocator, CompressionType.NONE, 0, 1 << 20);
        builder.tryAppend(1L, null, VALUE, (Header[]) null);
        builder.setProducerState(5L, (short) 0, 10);
        ByteBuf buffer = builder.build();
        try {
            RecordBatch batch = RecordBatch.at(buffer);

            batch.rewriteProducerState(6L, (short) 1, 0);

            batch.ensureValid();
            assertThat(batch.producerId()).isEqualTo(6L);
            assertThat(batch.producerEpoch()).isEqualTo((short) 1);
            assertThat(batch.baseSequence()).isZero();
        } finally {
            buffer.release();
        }
    }

    private static int level(CompressionType type) {
        return type.hasLevels() ? type.defaultLevel() : 0;
    }
}
