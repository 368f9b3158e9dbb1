package io.mq.broker.storage;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.SimpleRecord;

/** Record batches built and decoded by kafka-clients, the oracle for what the store keeps. */
final class Batches {

    private Batches() {
    }

    /** A pooled direct buffer (tracked by the leak detector) holding one batch of {@code values}, all at {@code timestamp}. */
    static ByteBuf batch(long timestamp, String... values) {
        return copy(MemoryRecords.withRecords(Compression.NONE, records(timestamp, values)));
    }

    /** A batch with one record per timestamp, valued "t<timestamp>". */
    static ByteBuf withTimestamps(long... timestamps) {
        SimpleRecord[] records = new SimpleRecord[timestamps.length];
        for (int i = 0; i < timestamps.length; i++) {
            records[i] = new SimpleRecord(timestamps[i], null, ("t" + timestamps[i]).getBytes(UTF_8));
        }
        return copy(MemoryRecords.withRecords(Compression.NONE, records));
    }

    /** A gzip-compressed batch. */
    static ByteBuf gzipped(long timestamp, String... values) {
        return copy(MemoryRecords.withRecords(Compression.gzip().build(), records(timestamp, values)));
    }

    /** An idempotent batch of {@code producerId}/{@code epoch} whose first record has {@code baseSequence}. */
    static ByteBuf idempotent(long producerId, short epoch, int baseSequence, String... values) {
        return copy(MemoryRecords.withIdempotentRecords(Compression.NONE, producerId, epoch, baseSequence,
                records(System.currentTimeMillis(), values)));
    }

    private static SimpleRecord[] records(long timestamp, String... values) {
        SimpleRecord[] records = new SimpleRecord[values.length];
        for (int i = 0; i < values.length; i++) {
            records[i] = new SimpleRecord(timestamp, null, values[i].getBytes(UTF_8));
        }
        return records;
    }

    private static ByteBuf copy(MemoryRecords records) {
        ByteBuffer bytes = records.buffer();
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(bytes.remaining());
        buffer.writeBytes(bytes.duplicate());
        return buffer;
    }

    /** Copies {@code records} out with {@link FileRecords#writeTo} and decodes them; checks every batch's CRC. */
    static List<RecordBatch> decode(FileRecords records) {
        ByteBuf out = Unpooled.buffer(records.sizeInBytes());
        try {
            records.writeTo(out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            List<RecordBatch> batches = new ArrayList<>();
            for (RecordBatch batch : MemoryRecords.readableRecords(ByteBuffer.wrap(bytes)).batches()) {
                batch.ensureValid();
                batches.add(batch);
            }
            return batches;
        } finally {
            out.release();
        }
    }

    /** The string values of the decoded batches' records, in order. */
    static List<String> values(List<RecordBatch> batches) {
        List<String> values = new ArrayList<>();
        for (RecordBatch batch : batches) {
            for (Record record : batch) {
                values.add(UTF_8.decode(record.value()).toString());
            }
        }
        return values;
    }

    /** The offsets of the decoded batches' records, in order. */
    static List<Long> offsets(List<RecordBatch> batches) {
        List<Long> offsets = new ArrayList<>();
        for (RecordBatch batch : batches) {
            for (Record record : batch) {
                offsets.add(record.offset());
            }
        }
        return offsets;
    }
}
