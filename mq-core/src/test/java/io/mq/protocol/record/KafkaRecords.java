package io.mq.protocol.record;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MutableRecordBatch;
import org.apache.kafka.common.record.SimpleRecord;
import org.apache.kafka.common.record.TimestampType;

/** Test data and conversions between mq's records and kafka-clients' (the oracle). */
final class KafkaRecords {

    static final long BASE_TIMESTAMP = 1_700_000_000_000L;

    private KafkaRecords() {
    }

    /**
     * {@code count} records with keys (some null), values (some null, some empty, sizes varying), headers (some with
     * null values and non-ASCII keys) and timestamps that go up and down around {@link #BASE_TIMESTAMP}. Offsets are
     * 0..count-1.
     */
    static List<Record> sample(int count, long seed) {
        Random random = new Random(seed);
        List<Record> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] key = i % 3 == 1 ? null : ("key-" + i).getBytes();
            byte[] value = i % 7 == 3 ? null : value(random, i % 11 == 0 ? 0 : random.nextInt(300));
            List<Header> headers = switch (i % 4) {
                case 0 -> List.of();
                case 1 -> List.of(new Header("trace", ("t" + i).getBytes()));
                case 2 -> List.of(new Header("null-value", null), new Header("clé-ü", new byte[0]));
                default -> List.of(new Header("a", new byte[] {1, 2, 3}), new Header("b", null),
                        new Header("c", value(random, 40)));
            };
            long timestamp = BASE_TIMESTAMP + (i * 7919L % 2000) - 1000;
            records.add(new Record(i, timestamp, key, value, headers));
        }
        return records;
    }

    /** Compressible bytes: text with some noise. */
    private static byte[] value(Random random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (random.nextInt(10) == 0 ? random.nextInt(256) : 'a' + i % 13);
        }
        return bytes;
    }

    /** Kafka's compression setting for {@code type} at {@code level} (ignored without levels). */
    static Compression compression(CompressionType type, int level) {
        return switch (type) {
            case NONE -> Compression.NONE;
            case GZIP -> Compression.gzip().level(level).build();
            case SNAPPY -> Compression.snappy().build();
            case LZ4 -> Compression.lz4().level(level).build();
            case ZSTD -> Compression.zstd().level(level).build();
        };
    }

    /** Kafka's batch of {@code records} (offsets from 0) with the given producer fields. */
    static ByteBuffer kafkaBatch(List<Record> records, Compression compression, long producerId, short epoch,
            int baseSequence) {
        SimpleRecord[] simple = records.stream().map(r -> new SimpleRecord(r.timestamp(), r.key(), r.value(),
                r.headers().stream().map(h -> new RecordHeader(h.key(), h.value()))
                        .toArray(org.apache.kafka.common.header.Header[]::new)))
                .toArray(SimpleRecord[]::new);
        return MemoryRecords.withRecords(org.apache.kafka.common.record.RecordBatch.MAGIC_VALUE_V2, 0L, compression,
                TimestampType.CREATE_TIME, producerId, epoch, baseSequence,
                org.apache.kafka.common.record.RecordBatch.NO_PARTITION_LEADER_EPOCH, false, simple).buffer();
    }

    /** Kafka's reading of the batches in {@code bytes}: each must pass {@code ensureValid()}. */
    static List<MutableRecordBatch> kafkaBatches(byte[] bytes) {
        List<MutableRecordBatch> batches = new ArrayList<>();
        for (MutableRecordBatch batch : MemoryRecords.readableRecords(ByteBuffer.wrap(bytes)).batches()) {
            batch.ensureValid();
            batches.add(batch);
        }
        return batches;
    }

    /** The records of a Kafka batch as mq records. */
    static List<Record> toMq(MutableRecordBatch batch) {
        List<Record> records = new ArrayList<>();
        for (org.apache.kafka.common.record.Record r : batch) {
            List<Header> headers = Arrays.stream(r.headers()).map(h -> new Header(h.key(), h.value())).toList();
            records.add(new Record(r.offset(), r.timestamp(), bytes(r.key()), bytes(r.value()), headers));
        }
        return records;
    }

    static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    static byte[] bytes(ByteBuf buffer) {
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.getBytes(buffer.readerIndex(), bytes);
        return bytes;
    }
}
