package io.mq.protocol.record;

import static io.mq.protocol.record.KafkaRecords.bytes;
import static io.mq.protocol.record.KafkaRecords.compression;
import static io.mq.protocol.record.KafkaRecords.kafkaBatch;
import static io.mq.protocol.record.KafkaRecords.kafkaBatches;
import static io.mq.protocol.record.KafkaRecords.sample;
import static io.mq.protocol.record.KafkaRecords.toMq;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.record.MutableRecordBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Batches built by mq are read by kafka-clients and the other way round, for every codec. */
class RecordBatchInteropTest {

    private static final long PRODUCER_ID = 4711L;
    private static final short PRODUCER_EPOCH = 3;
    private static final int BASE_SEQUENCE = 42;

    private final TrackingAllocator allocator = new TrackingAllocator();

    @AfterEach
    void everyBufferReleased() {
        allocator.assertAllReleased();
    }

    static Stream<Arguments> batches() {
        List<Arguments> cases = new ArrayList<>();
        for (CompressionType type : CompressionType.values()) {
            for (int count : new int[] {1, 1000}) {
                cases.add(Arguments.of(type, count, false));
                cases.add(Arguments.of(type, count, true));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> levels() {
        return Stream.of(Arguments.of(CompressionType.GZIP, 1), Arguments.of(CompressionType.GZIP, 9),
                Arguments.of(CompressionType.LZ4, 1), Arguments.of(CompressionType.LZ4, 17),
                Arguments.of(CompressionType.ZSTD, -5), Arguments.of(CompressionType.ZSTD, 19));
    }

    @ParameterizedTest(name = "{0}, {1} records, idempotent={2}")
    @MethodSource("batches")
    void batchBuiltByMqIsReadByKafka(CompressionType type, int count, boolean idempotent) {
        List<Record> records = sample(count, count);
        ByteBuf batch = build(records, type, defaultLevel(type), idempotent);
        try {
            List<MutableRecordBatch> kafka = kafkaBatches(bytes(batch));

            assertThat(kafka).hasSize(1);
            MutableRecordBatch read = kafka.get(0);
            assertThat((int) read.compressionType().id).isEqualTo(type.id());
            assertThat(read.producerId()).isEqualTo(idempotent ? PRODUCER_ID : -1L);
            assertThat(read.producerEpoch()).isEqualTo(idempotent ? PRODUCER_EPOCH : (short) -1);
            assertThat(read.baseSequence()).isEqualTo(idempotent ? BASE_SEQUENCE : -1);
            assertThat(read.lastOffset()).isEqualTo(count - 1);
            assertThat(read.maxTimestamp()).isEqualTo(records.stream().mapToLong(Record::timestamp).max().orElseThrow());
            assertThat(toMq(read)).containsExactlyElementsOf(records);
        } finally {
            batch.release();
        }
    }

    @ParameterizedTest(name = "{0}, {1} records, idempotent={2}")
    @MethodSource("batches")
    void batchBuiltByKafkaIsDecodedByMq(CompressionType type, int count, boolean idempotent) {
        List<Record> records = sample(count, count);
        ByteBuf buffer = copy(kafkaBatch(records, compression(type, defaultLevel(type)),
                idempotent ? PRODUCER_ID : -1L, idempotent ? PRODUCER_EPOCH : -1, idempotent ? BASE_SEQUENCE : -1));
        try {
            RecordBatch batch = RecordBatch.at(buffer);
            batch.ensureValid();

            assertThat(batch.sizeInBytes()).isEqualTo(buffer.readableBytes());
            assertThat(batch.compressionType()).isEqualTo(type);
            assertThat(batch.producerId()).isEqualTo(idempotent ? PRODUCER_ID : -1L);
            assertThat(batch.producerEpoch()).isEqualTo(idempotent ? PRODUCER_EPOCH : (short) -1);
            assertThat(batch.baseSequence()).isEqualTo(idempotent ? BASE_SEQUENCE : -1);
            assertThat(batch.lastSequence()).isEqualTo(idempotent ? BASE_SEQUENCE + count - 1 : -1);
            assertThat(batch.records()).containsExactlyElementsOf(records);
        } finally {
            buffer.release();
        }
    }

    @ParameterizedTest(name = "{0} level {1}")
    @MethodSource("levels")
    void nonDefaultLevelsInteroperate(CompressionType type, int level) {
        List<Record> records = sample(300, level);
        ByteBuf ours = build(records, type, level, true);
        ByteBuf theirs = copy(kafkaBatch(records, compression(type, level), PRODUCER_ID, PRODUCER_EPOCH,
                BASE_SEQUENCE));
        try {
            assertThat(toMq(kafkaBatches(bytes(ours)).get(0))).containsExactlyElementsOf(records);
            assertThat(RecordBatch.at(theirs).records()).containsExactlyElementsOf(records);
        } finally {
            ours.release();
            theirs.release();
        }
    }

    @ParameterizedTest(name = "{0}, {1} records, idempotent={2}")
    @MethodSource("batches")
    void batchBytesEqualKafkas(CompressionType type, int count, boolean idempotent) {
        List<Record> records = sample(count, count + 1);
        ByteBuf ours = build(records, type, defaultLevel(type), idempotent);
        try {
            ByteBuffer theirs = kafkaBatch(records, compression(type, defaultLevel(type)),
                    idempotent ? PRODUCER_ID : -1L, idempotent ? PRODUCER_EPOCH : -1, idempotent ? BASE_SEQUENCE : -1);

            assertThat(bytes(ours)).isEqualTo(KafkaRecords.bytes(theirs));
        } finally {
            ours.release();
        }
    }

    private ByteBuf build(List<Record> records, CompressionType type, int level, boolean idempotent) {
        RecordBatchBuilder builder = new RecordBatchBuilder(allocator, type, level, Integer.MAX_VALUE);
        for (Record record : records) {
            assertThat(builder.tryAppend(record.timestamp(), record.key(), record.value(), record.headers())).isTrue();
        }
        if (idempotent) {
            builder.setProducerState(PRODUCER_ID, PRODUCER_EPOCH, BASE_SEQUENCE);
        }
        return builder.build();
    }

    private ByteBuf copy(ByteBuffer bytes) {
        ByteBuf buffer = allocator.directBuffer(bytes.remaining());
        buffer.writeBytes(bytes.duplicate());
        return buffer;
    }

    private static int defaultLevel(CompressionType type) {
        return type.hasLevels() ? type.defaultLevel() : 0;
    }
}
