package io.mq.protocol.record;

import io.netty.buffer.ByteBuf;

/**
 * A set of record batches as carried in Produce requests and Fetch responses. Implementations hold the
 * bytes in memory ({@link MemoryRecords}) or refer to a region of a file (the broker's zero-copy reads).
 */
public interface Records {

    /** Total size of the batches in bytes. */
    int sizeInBytes();

    /** Copies the batches' bytes into {@code out}. */
    void writeTo(ByteBuf out);
}
