package io.mq.broker.storage;

import io.mq.protocol.ProtocolException;
import io.mq.protocol.record.RecordBatch;
import io.mq.protocol.types.WireReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * ListOffsets by timestamp: the partition index picks the batch, which is read from its segment and scanned.
 * Uncompressed batches are walked record by record (decoding only each record's length, timestamp delta and
 * offset delta). For compressed, empty, log-append-time or malformed batches the answer is batch-level: the
 * batch's base offset with its max timestamp, which never skips a matching record.
 */
final class RecordTimestamps {

    private RecordTimestamps() {
    }

    /** The first record of the partition with a timestamp of at least {@code target}. */
    static Optional<TimestampOffset> firstAtLeast(CommitLog commitLog, PartitionIndex index, long target) {
        return locate(commitLog, () -> index.firstWithTimestampAtLeast(target), batch -> scan(batch, target, false));
    }

    /** The first record of the partition holding its largest timestamp. */
    static Optional<TimestampOffset> max(CommitLog commitLog, PartitionIndex index) {
        return locate(commitLog, index::firstWithMaxTimestamp, batch -> scan(batch, batch.maxTimestamp(), true));
    }

    /** Reads the batch the index points to and scans it; looks again if retention deleted its segment meanwhile. */
    private static Optional<TimestampOffset> locate(CommitLog commitLog,
            Supplier<Optional<PartitionIndex.Entry>> find, Function<RecordBatch, TimestampOffset> within) {
        PartitionIndex.Entry missing = null;
        while (true) {
            Optional<PartitionIndex.Entry> found = find.get();
            if (found.isEmpty()) {
                return Optional.empty();
            }
            PartitionIndex.Entry entry = found.get();
            Segment segment = commitLog.acquire(entry.position());
            if (segment == null) {
                if (entry.equals(missing)) {
                    throw new StorageException("no commit-log segment holds position " + entry.position());
                }
                missing = entry; // normally retention deleted it and the index has moved on: look again
                continue;
            }
            ByteBuffer bytes = ByteBuffer.allocate(entry.size());
            try {
                segment.readFully(bytes, entry.position() - segment.start());
            } catch (IOException e) {
                throw new StorageException("cannot read " + segment.path() + ": " + e.getMessage(), e);
            } finally {
                segment.release();
            }
            ByteBuf batch = Unpooled.wrappedBuffer(bytes.flip());
            try {
                return Optional.of(within.apply(new RecordBatch(batch, 0)));
            } finally {
                batch.release();
            }
        }
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
