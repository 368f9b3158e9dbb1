package io.mq.broker.network;

import io.mq.broker.storage.FileRecords;
import io.mq.protocol.record.Records;
import io.mq.protocol.types.WireWriter;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Collections;
import java.util.IdentityHashMap;

/**
 * Encodes one frame as a sequence of chunks: slices of a single pre-sized buffer, interleaved with zero-copy file
 * regions for the record sets chosen for zero-copy. Other record sets are copied into the buffer.
 */
final class ChunkedFrameWriter extends WireWriter {

    private final ByteBuf buffer;
    private final Set<FileRecords> zeroCopy = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Object> chunks = new ArrayList<>();
    private int chunkStart;

    /** Writes into {@code buffer} (taking ownership of it); {@code zeroCopy} record sets become file regions. */
    ChunkedFrameWriter(ByteBuf buffer, List<FileRecords> zeroCopy) {
        this.buffer = buffer;
        this.chunkStart = buffer.writerIndex();
        this.zeroCopy.addAll(zeroCopy);
    }

    @Override
    public void writeInt8(byte value) {
        buffer.writeByte(value);
    }

    @Override
    public void writeInt16(short value) {
        buffer.writeShort(value);
    }

    @Override
    public void writeInt32(int value) {
        buffer.writeInt(value);
    }

    @Override
    public void writeInt64(long value) {
        buffer.writeLong(value);
    }

    @Override
    public void writeFloat64(double value) {
        buffer.writeDouble(value);
    }

    @Override
    public void writeRaw(byte[] bytes) {
        buffer.writeBytes(bytes);
    }

    @Override
    protected void writeUtf8(CharSequence value, int utf8Length) {
        buffer.writeCharSequence(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    protected void writeRecordsBody(Records records) {
        if (records instanceof FileRecords file && zeroCopy.contains(file)) {
            cutChunk();
            chunks.addAll(file.toFileRegions());
        } else {
            records.writeTo(buffer);
        }
    }

    /** The chunks in write order; the caller owns them. */
    List<Object> finish() {
        cutChunk();
        buffer.release();
        return chunks;
    }

    /** Releases everything written so far after a failure. */
    void discard() {
        chunks.forEach(io.netty.util.ReferenceCountUtil::release);
        chunks.clear();
        buffer.release();
    }

    private void cutChunk() {
        if (buffer.writerIndex() > chunkStart) {
            chunks.add(buffer.retainedSlice(chunkStart, buffer.writerIndex() - chunkStart));
            chunkStart = buffer.writerIndex();
        }
    }
}
