package io.mq.broker.network;

import io.mq.protocol.codec.Frames;
import io.mq.protocol.message.ApiMessage;
import io.netty.channel.ChannelHandlerContext;

/** Writes a response frame (header + body) to a connection without flushing. */
final class ResponseEncoder {

    private ResponseEncoder() {
    }

    static void write(ChannelHandlerContext ctx, int correlationId, short version, ApiMessage body) {
        ctx.write(Frames.encodeResponse(ctx.alloc(), correlationId, version, body), ctx.voidPromise());
    }
}
