package io.mq.protocol.codec;

import io.mq.protocol.ApiKey;
import io.mq.protocol.RequestHeader;
import io.mq.protocol.ResponseHeader;
import io.mq.protocol.message.ApiMessage;
import io.mq.protocol.message.ProduceRequest;
import io.mq.protocol.message.ProduceRequest.PartitionProduceData;
import io.mq.protocol.message.ProduceRequest.TopicProduceData;
import io.mq.protocol.record.MemoryRecords;
import io.mq.protocol.record.Records;
import io.mq.protocol.types.ByteBufWriter;
import io.mq.protocol.types.WireSizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;

/**
 * Encodes header + body into one length-prefixed frame in a buffer allocated at its exact size. The caller
 * owns the returned buffer.
 *
 * <p>A Produce request's record sets of at least {@link #SHARED_RECORDS_MIN_BYTES} are not copied: the frame is then a
 * {@link CompositeByteBuf} of the encoded fields and retained slices of the record buffers, written out with one
 * gathering write.
 */
public final class Frames {

    private Frames() {
    }

    /** Record sets from this size on are shared with a request frame rather than copied into it. */
    public static final int SHARED_RECORDS_MIN_BYTES = 1024;

    /** A request frame. */
    public static ByteBuf encodeRequest(ByteBufAllocator alloc, RequestHeader header, ApiMessage body) {
        WireSizer sizer = new WireSizer();
        header.write(sizer);
        body.write(sizer, header.apiVersion());
        int shared = body instanceof ProduceRequest produce ? sharedRecordBytes(produce) : 0;
        if (shared > 0) {
            return encodeSharingRecords(alloc, header, body, sizer.size(), shared);
        }
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

    private static ByteBuf encodeSharingRecords(ByteBufAllocator alloc, RequestHeader header, ApiMessage body,
            int size, int shared) {
        SharingWriter out = new SharingWriter(alloc.buffer(4 + size - shared), alloc.compositeBuffer(Integer.MAX_VALUE));
        try {
            out.writeInt32(size);
            header.write(out);
            body.write(out, header.apiVersion());
            ByteBuf frame = out.finish();
            checkSize(frame, size, body.apiKey());
            return frame;
        } catch (RuntimeException e) {
            out.discard();
            throw e;
        }
    }

    /** Bytes of the request's record sets that {@link SharingWriter} shares instead of copying. */
    private static int sharedRecordBytes(ProduceRequest request) {
        long shared = 0;
        for (TopicProduceData topic : request.topicData()) {
            for (PartitionProduceData partition : topic.partitionData()) {
                if (isShared(partition.records())) {
                    shared += partition.records().sizeInBytes();
                }
            }
        }
        return (int) Math.min(shared, Integer.MAX_VALUE);
    }

    private static boolean isShared(Records records) {
        return records instanceof MemoryRecords && records.sizeInBytes() >= SHARED_RECORDS_MIN_BYTES;
    }

    /**
     * Writes the fields into one buffer and adds it, cut at each shared record set, to a composite buffer, with the
     * record sets as retained slices in between.
     */
    private static final class SharingWriter extends ByteBufWriter {

        private final CompositeByteBuf frame;
        private int chunkStart;

        SharingWriter(ByteBuf fields, CompositeByteBuf frame) {
            super(fields);
            this.frame = frame;
        }

        @Override
        protected void writeRecordsBody(Records records) {
            if (isShared(records)) {
                cutChunk();
                ByteBuf buffer = ((MemoryRecords) records).buffer();
                frame.addComponent(true, buffer.retainedSlice(buffer.readerIndex(), buffer.readableBytes()));
            } else {
                super.writeRecordsBody(records);
            }
        }

        ByteBuf finish() {
            cutChunk();
            buffer().release();
            return frame;
        }

        void discard() {
            frame.release();
            buffer().release();
        }

        private void cutChunk() {
            ByteBuf fields = buffer();
            if (fields.writerIndex() > chunkStart) {
                frame.addComponent(true, fields.retainedSlice(chunkStart, fields.writerIndex() - chunkStart));
                chunkStart = fields.writerIndex();
            }
        }
    }

    private static void checkSize(ByteBuf frame, int computed, ApiKey apiKey) {
        if (frame.readableBytes() != 4 + computed) {
            throw new IllegalStateException(apiKey.displayName() + " wrote " + (frame.readableBytes() - 4)
                    + " bytes but its size computation said " + computed);
        }
    }
}
