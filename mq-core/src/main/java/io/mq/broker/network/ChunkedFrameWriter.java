package io.mq.broker.network;

import io.mq.broker.storage.FileRecords;
import io.mq.protocol.record.Records;
import io.mq.protocol.types.ByteBufWriter;
import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Encodes one frame as a sequence of chunks: slices of a single pre-sized buffer, interleaved with zero-copy file
 * regions for the record sets chosen for zero-copy. Other record sets are copied into the buffer.
 */
final class ChunkedFrameWriter extends ByteBufWriter {

    private final Set<FileRecords> zeroCopy = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Object> chunks = new ArrayList<>();
    private int chunkStart;

    /** Writes into {@code buffer} (taking ownership of it); {@code zeroCopy} record sets become file regions. */
    ChunkedFrameWriter(ByteBuf buffer, List<FileRecords> zeroCopy) {
        super(buffer);
        this.chunkStart = buffer.writerIndex();
        this.zeroCopy.addAll(zeroCopy);
    }

    @Override
    protected void writeRecordsBody(Records records) {
        if (records instanceof FileRecords file && zeroCopy.contains(file)) {
            cutChunk();
            chunks.addAll(file.toFileRegions());
        } else {
            super.writeRecordsBody(records);
        }
    }

    /** The chunks in write order; the caller owns them. */
    List<Object> finish() {
        cutChunk();
        buffer().release();
        return chunks;
    }

    /** Releases everything written so far after a failure. */
    void discard() {
        chunks.forEach(ReferenceCountUtil::release);
        chunks.clear();
        buffer().release();
    }

    private void cutChunk() {
        ByteBuf buffer = buffer();
        if (buffer.writerIndex() > chunkStart) {
            chunks.add(buffer.retainedSlice(chunkStart, buffer.writerIndex() - chunkStart));
            chunkStart = buffer.writerIndex();
        }
    }
}
