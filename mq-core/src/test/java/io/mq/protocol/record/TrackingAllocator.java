package io.mq.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * An allocator that remembers every buffer it hands out (including those allocated through a buffer's
 * {@code alloc()}), so a test can assert that all of them were released.
 */
final class TrackingAllocator extends AbstractByteBufAllocator {

    private final List<ByteBuf> allocated = new ArrayList<>();

    TrackingAllocator() {
        super(true);
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        return track(new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity));
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        return track(new UnpooledDirectByteBuf(this, initialCapacity, maxCapacity));
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    /** Buffers handed out so far. */
    int allocations() {
        return allocated.size();
    }

    void assertAllReleased() {
        assertThat(allocated).as("buffers still referenced").allSatisfy(buf -> assertThat(buf.refCnt()).isZero());
    }

    private ByteBuf track(ByteBuf buffer) {
        allocated.add(buffer);
        return buffer;
    }
}
