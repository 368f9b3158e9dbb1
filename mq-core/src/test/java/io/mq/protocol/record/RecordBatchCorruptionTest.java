package io.mq.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mq.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Malformed batches fail with a ProtocolException (CorruptRecordException), never another exception. */
class RecordBatchCorruptionTest {

    private final TrackingAllocator allocator = new TrackingAllocator();

    @AfterEach
    void everyBufferReleased() {
        allocator.assertAllReleased();
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void aFlippedByteCoveredByTheCrcIsCaught(CompressionType type) {
        ByteBuf batch = build(type, 20);
        try {
            for (int index = RecordBatch.ATTRIBUTES_OFFSET; index < batch.writerIndex(); index++) {
                batch.setByte(index, batch.getByte(index) ^ 0x10);
                assertThat(RecordBatch.at(batch).isChecksumValid()).as("flip at %d", index).isFalse();
                assertThatThrownBy(RecordBatch.at(batch)::ensureValid).isInstanceOf(CorruptRecordException.class)
                        .hasMessageContaining("CRC");
                batch.setByte(index, batch.getByte(index) ^ 0x10);
            }
            RecordBatch.at(batch).ensureValid();
        } finally {
            batch.release();
        }
    }

    @Test
    void baseOffsetAndLeaderEpochLieOutsideTheCrc() {
        ByteBuf buffer = build(CompressionType.NONE, 3);
        try {
            RecordBatch batch = RecordBatch.at(buffer);
            batch.setBaseOffset(1000L);
            batch.setPartitionLeaderEpoch(7);

            batch.ensureValid();
            assertThat(batch.records()).extracting(Record::offset).containsExactly(1000L, 1001L, 1002L);
        } finally {
            buffer.release();
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void everyTruncationFailsAsCorrupt(CompressionType type) {
        ByteBuf batch = build(type, 5);
        try {
            for (int length = 0; length < batch.writerIndex(); length++) {
                ByteBuf truncated = batch.slice(0, length);
                assertThatThrownBy(() -> RecordBatch.at(truncated).records()).as("cut to %d bytes", length)
                        .isInstanceOf(CorruptRecordException.class);
                if (length >= RecordBatch.HEADER_SIZE) {
                    // the same prefix with a batch length that agrees: the records themselves end early
                    ByteBuf consistent = allocator.heapBuffer(length).writeBytes(batch, 0, length);
                    consistent.setInt(RecordBatch.BATCH_LENGTH_OFFSET, length - RecordBatch.LOG_OVERHEAD);
                    try {
                        assertThatThrownBy(() -> RecordBatch.at(consistent).records())
                                .as("records cut to %d bytes", length).isInstanceOf(CorruptRecordException.class);
                    } finally {
                        consistent.release();
                    }
                }
            }
        } finally {
            batch.release();
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void randomDamageToRecordsEitherDecodesOrFailsAsCorrupt(CompressionType type) {
        ByteBuf batch = build(type, 30);
        Random random = new Random(type.id());
        int failures = 0;
        try {
            for (int round = 0; round < 300; round++) {
                ByteBuf damaged = batch.copy();
                try {
                    for (int i = 0; i < 1 + random.nextInt(4); i++) {
                        int index = RecordBatch.HEADER_SIZE
                                + random.nextInt(damaged.writerIndex() - RecordBatch.HEADER_SIZE);
                        damaged.setByte(index, random.nextInt(256));
                    }
                    Throwable thrown = catchThrowable(() -> RecordBatch.at(damaged).records());
                    if (thrown != null) {
                        assertThat(thrown).as("round %d", round).isInstanceOf(ProtocolException.class);
                        failures++;
                    }
                } finally {
                    damaged.release();
                }
            }
        } finally {
            batch.release();
        }
        assertThat(failures).isPositive();
    }

    @Test
    void malformedRecordFieldsFailAsCorrupt() {
        // a valid record is [length 8, attributes, timestamp delta, offset delta, key length 1, 'k', value length 1,
        // 'v', header count 0], all varints zigzag-encoded (1 -> 2, 8 -> 16, -1 -> 1)
        assertCorrupt(record(18, 0, 0, 0, 2, 'k', 2, 'v', 0), "has length 9 with 8 bytes left");
        assertCorrupt(record(16, 0, 0, 0, 10, 'k', 2, 'v', 0), "field length 5 with 4 bytes left");
        assertCorrupt(record(16, 0, 0, 0, 2, 'k', 3, 'v', 0), "field length -2");
        assertCorrupt(record(16, 0, 0, 0, 2, 'k', 2, 'v', 5), "header count -3");
        assertCorrupt(record(16, 0, 0, 0, 2, 'k', 2, 'v', 8), "header count 4 does not fit");
        assertCorrupt(record(20, 0, 0, 0, 2, 'k', 2, 'v', 2, 1, 0), "header key length -1");
        assertCorrupt(record(18, 0, 0, 0, 2, 'k', 2, 'v', 0, 0), "1 bytes left over");
        assertCorrupt(record(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0), "varint longer than 5 bytes");
        assertCorrupt(record(0, 0, 0, 0, 0, 0, 0), "record ends early");
        ByteBuf valid = record(16, 0, 0, 0, 2, 'k', 2, 'v', 0);
        try {
            assertThat(RecordBatch.at(valid).records())
                    .containsExactly(new Record(0L, 0L, new byte[] {'k'}, new byte[] {'v'}, List.of()));
        } finally {
            valid.release();
        }
    }

    @Test
    void headerFieldsThatCannotBeTrueFailAsCorrupt() {
        assertCorruptAfter(b -> b.setInt(RecordBatch.RECORDS_COUNT_OFFSET, -1), "record count -1");
        assertCorruptAfter(b -> b.setInt(RecordBatch.RECORDS_COUNT_OFFSET, Integer.MAX_VALUE), "record count");
        assertCorruptAfter(b -> b.setInt(RecordBatch.RECORDS_COUNT_OFFSET, 1), "follow the batch's 1 records");
        assertCorruptAfter(b -> b.setShort(RecordBatch.ATTRIBUTES_OFFSET, 5), "unknown compression codec id 5");
        assertCorruptAfter(b -> b.setByte(RecordBatch.MAGIC_OFFSET, 1), "magic 1");
        assertCorruptAfter(b -> b.setInt(RecordBatch.BATCH_LENGTH_OFFSET, 48), "below the minimum");
        assertCorruptAfter(b -> b.setInt(RecordBatch.BATCH_LENGTH_OFFSET, -7), "below the minimum");
        assertCorruptAfter(b -> b.setInt(RecordBatch.BATCH_LENGTH_OFFSET, Integer.MAX_VALUE), "exceeds");
    }

    @Test
    void decompressedRecordsBeyondTheLimitFailAsCorrupt() {
        ByteBuf batch = build(CompressionType.ZSTD, 100);
        try {
            assertThatThrownBy(() -> RecordBatch.at(batch).records(1000)).isInstanceOf(CorruptRecordException.class)
                    .hasMessageContaining("more than 1000 bytes");
        } finally {
            batch.release();
        }
    }

    @Test
    void garbageFailsAsCorrupt() {
        Random random = new Random(1);
        for (int round = 0; round < 200; round++) {
            ByteBuf garbage = allocator.heapBuffer();
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            garbage.writeBytes(bytes);
            try {
                Throwable thrown = catchThrowable(() -> RecordBatch.at(garbage).records());
                assertThat(thrown).isInstanceOf(ProtocolException.class);
            } finally {
                garbage.release();
            }
        }
    }

    private void assertCorrupt(ByteBuf batch, String message) {
        try {
            assertThatThrownBy(() -> RecordBatch.at(batch).records()).isInstanceOf(CorruptRecordException.class)
                    .hasMessageContaining(message);
        } finally {
            batch.release();
        }
    }

    private void assertCorruptAfter(Consumer<ByteBuf> damage, String message) {
        ByteBuf batch = build(CompressionType.NONE, 2);
        damage.accept(batch);
        assertCorrupt(batch, message);
    }

    /** A batch of one record whose bytes are given. */
    private ByteBuf record(int... recordBytes) {
        ByteBuf batch = allocator.heapBuffer();
        batch.writeZero(RecordBatch.HEADER_SIZE);
        for (int b : recordBytes) {
            batch.writeByte(b);
        }
        batch.setInt(RecordBatch.BATCH_LENGTH_OFFSET, batch.writerIndex() - RecordBatch.LOG_OVERHEAD);
        batch.setByte(RecordBatch.MAGIC_OFFSET, RecordBatch.MAGIC);
        batch.setInt(RecordBatch.RECORDS_COUNT_OFFSET, 1);
        return batch;
    }

    private ByteBuf build(CompressionType type, int count) {
        RecordBatchBuilder builder = new RecordBatchBuilder(allocator, type,
                type.hasLevels() ? type.defaultLevel() : 0, Integer.MAX_VALUE);
        List<Record> records = KafkaRecords.sample(count, 5);
        for (Record record : records) {
            builder.tryAppend(record.timestamp(), record.key(), record.value(), record.headers());
        }
        return builder.build();
    }
}
