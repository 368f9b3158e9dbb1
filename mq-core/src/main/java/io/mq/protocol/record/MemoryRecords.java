package io.mq.protocol.record;

import io.netty.buffer.ByteBuf;

/**
 * Record batches held in a buffer. This view does not own the buffer: whoever created the buffer
 * releases it (for decoded requests, the frame's owner after the request has been handled).
 */
public final class MemoryRecords implements Records {

    private final ByteBuf buffer;

    public MemoryRecords(ByteBuf buffer) {
        this.buffer = buffer;
    }

    /** The batches' bytes, from the buffer's reader index to its writer index. */
    public ByteBuf buffer() {
        return buffer;
    }

    @Override
    public int sizeInBytes() {
        return buffer.readableBytes();
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeBytes(buffer, buffer.readerIndex(), buffer.readableBytes());
    }
}
