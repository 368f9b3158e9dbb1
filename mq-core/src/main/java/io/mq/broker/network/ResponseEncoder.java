package io.mq.broker.network;

import io.mq.broker.storage.FileRecords;
import io.mq.protocol.ResponseHeader;
import io.mq.protocol.codec.Frames;
import io.mq.protocol.message.ApiMessage;
import io.mq.protocol.types.WireSizer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import java.util.List;

/**
 * Writes a response frame (header + body) to a connection without flushing, then releases what the response held.
 * Record sets read from the commit log go out as zero-copy file regions (sendfile) unless the connection is TLS or
 * their batches are so small that copying is cheaper; everything else is encoded into one exactly-sized buffer.
 */
final class ResponseEncoder {

    /** Below this average batch size a copy beats one sendfile call per batch. */
    static final int MIN_ZERO_COPY_BATCH_BYTES = 8 * 1024;

    private ResponseEncoder() {
    }

    static void write(ChannelHandlerContext ctx, int correlationId, short version, ApiMessage body) {
        try {
            List<FileRecords> zeroCopy = zeroCopyRecords(ctx, body);
            if (zeroCopy.isEmpty()) {
                ctx.write(Frames.encodeResponse(ctx.alloc(), correlationId, version, body), ctx.voidPromise());
            } else {
                writeChunked(ctx, correlationId, version, body, zeroCopy);
            }
        } finally {
            ResponseResources.release(body);
        }
    }

    private static void writeChunked(ChannelHandlerContext ctx, int correlationId, short version, ApiMessage body,
            List<FileRecords> zeroCopy) {
        short headerVersion = body.apiKey().responseHeaderVersion(version);
        ResponseHeader header = new ResponseHeader(correlationId);
        WireSizer sizer = new WireSizer();
        header.write(sizer, headerVersion);
        body.write(sizer, version);
        int fileBytes = zeroCopy.stream().mapToInt(FileRecords::sizeInBytes).sum();
        ByteBuf buffer = ctx.alloc().buffer(4 + sizer.size() - fileBytes);
        ChunkedFrameWriter out = new ChunkedFrameWriter(buffer, zeroCopy);
        try {
            out.writeInt32(sizer.size());
            header.write(out, headerVersion);
            body.write(out, version);
        } catch (RuntimeException e) {
            out.discard();
            throw e;
        }
        for (Object chunk : out.finish()) {
            ctx.write(chunk, ctx.voidPromise());
        }
    }

    private static List<FileRecords> zeroCopyRecords(ChannelHandlerContext ctx, ApiMessage body) {
        List<FileRecords> records = ResponseResources.fileRecords(body);
        if (records.isEmpty() || ctx.pipeline().get(SslHandler.class) != null) {
            return List.of();
        }
        return records.stream()
                .filter(r -> !r.regions().isEmpty() && r.sizeInBytes() / r.regions().size() >= MIN_ZERO_COPY_BATCH_BYTES)
                .toList();
    }
}
