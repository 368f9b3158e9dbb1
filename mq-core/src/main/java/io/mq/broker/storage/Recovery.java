package io.mq.broker.storage;

import io.mq.protocol.record.RecordBatch;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the store back after open: loads each registered partition from the checkpoint and its index file, then
 * replays every commit-log entry after the checkpoint position, verifying the entry header CRC and the batch CRC.
 * The first bad entry (torn write, corruption, gap between segments) ends the log: it is truncated there with a
 * WARN naming the segment file and position. Entries of deleted partitions are skipped.
 */
final class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);
    private static final int PREFIX_BYTES = EntryHeader.SIZE + EntryHeader.COVERED_BATCH_BYTES;

    private final CommitLog commitLog;
    private final Map<Long, PartitionLog> byLogId;
    private final ByteBuffer prefix = ByteBuffer.allocate(PREFIX_BYTES);
    private ByteBuffer batchBuffer = ByteBuffer.allocate(64 * 1024);
    private long replayed;
    private long skipped;

    private Recovery(CommitLog commitLog, Map<Long, PartitionLog> byLogId) {
        this.commitLog = commitLog;
        this.byLogId = byLogId;
    }

    /** Loads the partitions in {@code registry} and replays the commit log after the checkpoint. */
    static Map<PartitionId, PartitionLog> recover(Path dataDir, CommitLog commitLog, PartitionRegistry registry,
            Checkpoint checkpoint) throws IOException {
        Path indexDir = Files.createDirectories(dataDir.resolve(IndexFile.DIR));
        Map<Long, PartitionLog> byLogId = new HashMap<>();
        for (Map.Entry<Long, PartitionId> entry : registry.partitions().entrySet()) {
            byLogId.put(entry.getKey(), load(indexDir, entry.getValue(), entry.getKey(),
                    checkpoint.partitions().get(entry.getKey())));
        }
        IndexFile.removeOrphans(indexDir, byLogId.keySet());
        new Recovery(commitLog, byLogId).replayFrom(checkpoint.position());
        Map<PartitionId, PartitionLog> partitions = new HashMap<>();
        byLogId.values().forEach(partition -> partitions.put(partition.id(), partition));
        return partitions;
    }

    private static PartitionLog load(Path indexDir, PartitionId id, long logId, Checkpoint.PartitionState state)
            throws IOException {
        if (state == null) {
            return PartitionLog.empty(id, logId, 0);
        }
        Path file = IndexFile.path(indexDir, logId);
        IndexFile.Loaded loaded = IndexFile.load(file, state.logStartOffset(), state.logEndOffset());
        PartitionIndex index;
        try {
            index = PartitionIndex.of(state.logStartOffset(), state.logEndOffset(), loaded.entries());
        } catch (IllegalStateException e) {
            throw new StorageException("index file " + file + " of partition " + id
                    + " does not match the checkpoint: " + e.getMessage(), e);
        }
        return new PartitionLog(id, logId, index, state.producers(), state.logEndOffset(), loaded.fileEntries());
    }

    private void replayFrom(long position) throws IOException {
        long end = commitLog.writePosition();
        if (position > end) {
            throw new StorageException("checkpoint position " + position + " is past the end of the commit log ("
                    + end + "): segment files were truncated or removed");
        }
        Segment previous = null;
        for (Segment segment : commitLog.segmentsFrom(position)) {
            if (previous != null && segment.start() != previous.end()) {
                truncate(previous, previous.size(), "gap before the next segment " + segment.path());
                break;
            }
            if (!replaySegment(segment, Math.max(position, segment.start()) - segment.start())) {
                break;
            }
            previous = segment;
        }
        log.info("Commit log recovered from position {} to {}: {} entries replayed, {} of deleted partitions skipped",
                position, commitLog.writePosition(), replayed, skipped);
    }

    /** Replays one segment from {@code offset}; false if it had to be truncated (nothing after it is valid). */
    private boolean replaySegment(Segment segment, long offset) throws IOException {
        long position = offset;
        while (position < segment.size()) {
            String problem = replayEntry(segment, position);
            if (problem != null) {
                truncate(segment, position, problem);
                return false;
            }
            position += EntryHeader.SIZE + EntryHeader.batchSize(prefix);
        }
        return true;
    }

    /** Verifies and applies the entry at {@code position}; a description of what is wrong, or null. */
    private String replayEntry(Segment segment, long position) throws IOException {
        long remaining = segment.size() - position;
        if (remaining < EntryHeader.SIZE + RecordBatch.HEADER_SIZE) {
            return "torn entry, only " + remaining + " bytes left";
        }
        segment.readFully(prefix.clear(), position);
        if (!EntryHeader.hasMarker(prefix)) {
            return "no entry marker";
        }
        if (!EntryHeader.isChecksumValid(prefix, prefix, EntryHeader.SIZE)) {
            return "entry header checksum mismatch";
        }
        int batchSize = EntryHeader.batchSize(prefix);
        if (batchSize < RecordBatch.HEADER_SIZE || batchSize > remaining - EntryHeader.SIZE) {
            return "torn batch of " + batchSize + " bytes, " + (remaining - EntryHeader.SIZE) + " left";
        }
        ByteBuffer bytes = batchBuffer(batchSize);
        segment.readFully(bytes, position + EntryHeader.SIZE);
        ByteBuf buffer = Unpooled.wrappedBuffer(bytes.flip());
        try {
            RecordBatch batch = new RecordBatch(buffer, 0);
            if (batch.magic() != RecordBatch.MAGIC || batch.sizeInBytes() != batchSize || !batch.isChecksumValid()) {
                return "batch checksum mismatch";
            }
            apply(EntryHeader.logId(prefix), batch, segment.start() + position + EntryHeader.SIZE);
            return null;
        } finally {
            buffer.release();
        }
    }

    private void apply(long logId, RecordBatch batch, long batchPosition) {
        PartitionLog partition = byLogId.get(logId);
        if (partition == null) {
            skipped++;
            return;
        }
        PartitionIndex index = partition.index();
        if (batch.baseOffset() != index.logEndOffset()) {
            log.warn("Skipping batch at commit-log position {} of partition {}: base offset {} does not follow log end {}",
                    batchPosition, partition.id(), batch.baseOffset(), index.logEndOffset());
            return;
        }
        index.add(new PartitionIndex.Entry(batch.baseOffset(), batch.lastOffsetDelta(), batchPosition,
                batch.sizeInBytes(), batch.maxTimestamp()));
        if (batch.producerId() >= 0) {
            partition.producers().record(batch.producerId(), batch.producerEpoch(),
                    new ProducerStateTable.BatchMetadata(batch.baseSequence(), batch.lastSequence(),
                            batch.baseOffset(), batch.lastOffset(), batchPosition + batch.sizeInBytes()));
        }
        replayed++;
    }

    private ByteBuffer batchBuffer(int size) {
        if (batchBuffer.capacity() < size) {
            batchBuffer = ByteBuffer.allocate(size);
        }
        return batchBuffer.clear().limit(size);
    }

    private void truncate(Segment segment, long position, String problem) throws IOException {
        long discarded = commitLog.writePosition() - segment.start() - position;
        log.warn("Truncating commit log at segment file {} position {}: {}; {} bytes discarded",
                segment.path(), position, problem, discarded);
        commitLog.truncate(segment.start() + position);
    }
}
