package io.mq.broker.storage;

import io.mq.protocol.ProtocolException;
import io.mq.protocol.record.RecordBatch;
import io.mq.protocol.types.WireReader;
import io.netty.buffer.ByteBuf;

/**
 * Finds records by timestamp inside one batch. Uncompressed batches are walked record by record (only the
 * length, timestamp delta and offset delta of each record are decoded). For compressed or empty batches the
 * answer (also for log-append-time or malformed batches) is batch-level: the batch's base offset with its max timestamp, which never skips a matching record.
 */
final class RecordTimestamps {

    private RecordTimestamps() {
    }

    /** The first record with a timestamp of at least {@code target}; the batch's max timestamp must reach it. */
    static TimestampOffset firstAtLeast(RecordBatch batch, long target) {
        return scan(batch, target, false);
    }

    /** The first record holding the batch's max timestamp. */
    static TimestampOffset max(RecordBatch batch) {
        return scan(batch, batch.maxTimestamp(), true);
    }

    private static TimestampOffset scan(RecordBatch batch, long target, boolean exact) {
        TimestampOffset batchLevel = new TimestampOffset(batch.maxTimestamp(), batch.baseOffset());
        if (batch.isLogAppendTime() || batch.compressionId() != 0 || batch.recordsCount() <= 0) {
            return batchLevel;
        }
        ByteBuf records = batch.buffer().slice(batch.start() + RecordBatch.HEADER_SIZE,
                batch.sizeInBytes() - RecordBatch.HEADER_SIZE);
        WireReader in = new WireReader(records);
        try {
            for (int i = 0; i < batch.recordsCount(); i++) {
                int length = in.readVarint();
                int recordStart = records.readerIndex();
                in.readInt8();
                long timestamp = batch.baseTimestamp() + in.readVarlong();
                long offset = batch.baseOffset() + in.readVarint();
                if (exact ? timestamp == target : timestamp >= target) {
                    return new TimestampOffset(timestamp, offset);
                }
                records.readerIndex(recordStart + length);
            }
        } catch (ProtocolException | IndexOutOfBoundsException e) {
            return batchLevel;
        }
        return batchLevel;
    }
}
