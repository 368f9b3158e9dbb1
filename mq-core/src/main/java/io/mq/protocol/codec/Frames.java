package io.mq.protocol.codec;

import io.mq.protocol.ApiKey;
import io.mq.protocol.RequestHeader;
import io.mq.protocol.ResponseHeader;
import io.mq.protocol.message.ApiMessage;
import io.mq.protocol.types.ByteBufWriter;
import io.mq.protocol.types.WireSizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Encodes header + body into one length-prefixed frame in a buffer allocated at its exact size. The caller
 * owns the returned buffer.
 */
public final class Frames {

    private Frames() {
    }

    /** A request frame. */
    public static ByteBuf encodeRequest(ByteBufAllocator alloc, RequestHeader header, ApiMessage body) {
        WireSizer sizer = new WireSizer();
        header.write(sizer);
        body.write(sizer, header.apiVersion());
        ByteBuf frame = alloc.buffer(4 + sizer.size());
        try {
            ByteBufWriter out = new ByteBufWriter(frame);
            out.writeInt32(sizer.size());
            header.write(out);
            body.write(out, header.apiVersion());
            checkSize(frame, sizer.size(), body.apiKey());
            return frame;
        } catch (RuntimeException e) {
            frame.release();
            throw e;
        }
    }

    /** A response frame, with the header version the api and version require. */
    public static ByteBuf encodeResponse(ByteBufAllocator alloc, int correlationId, short version, ApiMessage body) {
        return encodeResponse(alloc, correlationId, body.apiKey().responseHeaderVersion(version), version, body);
    }

    /** A response frame with an explicit header version (the ApiVersions v0 fallback needs it). */
    public static ByteBuf encodeResponse(ByteBufAllocator alloc, int correlationId, short headerVersion, short version,
            ApiMessage body) {
        ResponseHeader header = new ResponseHeader(correlationId);
        WireSizer sizer = new WireSizer();
        header.write(sizer, headerVersion);
        body.write(sizer, version);
        ByteBuf frame = alloc.buffer(4 + sizer.size());
        try {
            ByteBufWriter out = new ByteBufWriter(frame);
            out.writeInt32(sizer.size());
            header.write(out, headerVersion);
            body.write(out, version);
            checkSize(frame, sizer.size(), body.apiKey());
            return frame;
        } catch (RuntimeException e) {
            frame.release();
            throw e;
        }
    }

    private static void checkSize(ByteBuf frame, int computed, ApiKey apiKey) {
        if (frame.readableBytes() != 4 + computed) {
            throw new IllegalStateException(apiKey.displayName() + " wrote " + (frame.readableBytes() - 4)
                    + " bytes but its size computation said " + computed);
        }
    }
}
