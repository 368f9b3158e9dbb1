package io.mq.protocol.codec;

import io.mq.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the inbound stream into frames: an int32 size followed by that many bytes. The size is checked
 * against {@code maxFrameBytes} before anything is allocated; an incomplete frame leaves the reader index
 * untouched. Each frame is emitted as a retained slice that the next handler owns and must release.
 */
public final class FrameDecoder extends ByteToMessageDecoder {

    private final int maxFrameBytes;

    public FrameDecoder(int maxFrameBytes) {
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("maxFrameBytes must be positive, was " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        int size = in.getInt(in.readerIndex());
        if (size < 0 || size > maxFrameBytes) {
            in.skipBytes(in.readableBytes());
            throw new ProtocolException("frame size " + size + " is outside 0.." + maxFrameBytes);
        }
        if (in.readableBytes() < 4 + size) {
            return;
        }
        in.skipBytes(4);
        out.add(in.readRetainedSlice(size));
    }
}
