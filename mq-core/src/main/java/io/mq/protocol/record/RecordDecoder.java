package io.mq.protocol.record;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the records section of a batch (after decompression). Every length is checked against the bytes left in
 * the enclosing record before anything is allocated; violations throw {@link CorruptRecordException}.
 */
final class RecordDecoder {

    /** Length varint, attributes, timestamp delta, offset delta, key and value lengths, header count: 1 byte each. */
    private static final int MIN_RECORD_SIZE = 7;

    private RecordDecoder() {
    }

    /**
     * Decodes the batch's declared number of records from the readable bytes of {@code in}, which must hold exactly
     * those records. Moves {@code in}'s indices; pass a buffer or slice the caller owns.
     */
    static List<Record> decode(RecordBatch batch, ByteBuf in) {
        int count = batch.recordsCount();
        if (count < 0 || count > in.readableBytes() / MIN_RECORD_SIZE) {
            throw new CorruptRecordException("record count " + count + " does not fit in " + in.readableBytes()
                    + " bytes of records");
        }
        long baseOffset = batch.baseOffset();
        long baseTimestamp = batch.baseTimestamp();
        boolean logAppendTime = batch.isLogAppendTime();
        long maxTimestamp = batch.maxTimestamp();
        List<Record> records = new ArrayList<>(count);
        int end = in.writerIndex();
        for (int i = 0; i < count; i++) {
            int length = readVarint(in);
            if (length < 0 || length > in.readableBytes()) {
                throw new CorruptRecordException("record " + i + " has length " + length + " with "
                        + in.readableBytes() + " bytes left");
            }
            in.writerIndex(in.readerIndex() + length);
            require(in, 1);
            in.skipBytes(1); // attributes: unused in record format v2
            long timestampDelta = readVarlong(in);
            int offsetDelta = readVarint(in);
            byte[] key = readNullableBytes(in);
            byte[] value = readNullableBytes(in);
            List<Header> headers = readHeaders(in);
            if (in.isReadable()) {
                throw new CorruptRecordException("record " + i + " has " + in.readableBytes() + " bytes left over");
            }
            in.writerIndex(end);
            long timestamp = logAppendTime ? maxTimestamp : baseTimestamp + timestampDelta;
            records.add(new Record(baseOffset + offsetDelta, timestamp, key, value, headers));
        }
        if (in.isReadable()) {
            throw new CorruptRecordException(in.readableBytes() + " bytes follow the batch's " + count + " records");
        }
        return records;
    }

    private static List<Header> readHeaders(ByteBuf in) {
        int count = readVarint(in);
        if (count == 0) {
            return List.of();
        }
        // a header takes at least 2 bytes: key length and value length
        if (count < 0 || count > in.readableBytes() / 2) {
            throw new CorruptRecordException("header count " + count + " does not fit in " + in.readableBytes()
                    + " bytes");
        }
        List<Header> headers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int keyLength = readVarint(in);
            if (keyLength < 0 || keyLength > in.readableBytes()) {
                throw new CorruptRecordException("header key length " + keyLength + " with " + in.readableBytes()
                        + " bytes left");
            }
            String key = in.toString(in.readerIndex(), keyLength, StandardCharsets.UTF_8);
            in.skipBytes(keyLength);
            headers.add(new Header(key, readNullableBytes(in)));
        }
        return headers;
    }

    private static byte[] readNullableBytes(ByteBuf in) {
        int length = readVarint(in);
        if (length == -1) {
            return null;
        }
        if (length < -1 || length > in.readableBytes()) {
            throw new CorruptRecordException("field length " + length + " with " + in.readableBytes()
                    + " bytes left");
        }
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return bytes;
    }

    private static int readVarint(ByteBuf in) {
        int raw = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            require(in, 1);
            byte b = in.readByte();
            raw |= (b & 0x7F) << shift;
            if (b >= 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new CorruptRecordException("varint longer than 5 bytes");
    }

    private static long readVarlong(ByteBuf in) {
        long raw = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            require(in, 1);
            byte b = in.readByte();
            raw |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new CorruptRecordException("varlong longer than 10 bytes");
    }

    private static void require(ByteBuf in, int length) {
        if (in.readableBytes() < length) {
            throw new CorruptRecordException("record ends early");
        }
    }
}
