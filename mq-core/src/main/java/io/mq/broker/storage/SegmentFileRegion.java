package io.mq.broker.storage;

import io.netty.channel.DefaultFileRegion;

/**
 * A zero-copy region of a segment file for Netty. It is a {@link DefaultFileRegion}, so native transports use
 * sendfile, but releasing it drops a segment reference instead of closing the shared channel.
 */
final class SegmentFileRegion extends DefaultFileRegion {

    private final Segment segment;

    /** Takes over one reference to {@code segment}, which the caller has already retained. */
    SegmentFileRegion(Segment segment, long position, long count) {
        super(segment.channel(), position, count);
        this.segment = segment;
    }

    @Override
    protected void deallocate() {
        segment.release();
    }
}
