package io.mq.protocol.record;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * A view over one record batch v2 (magic 2) stored in a buffer at a given index. The view does not own or
 * retain the buffer. Header layout (61 bytes): baseOffset i64, batchLength i32 (bytes after this field),
 * partitionLeaderEpoch i32, magic i8, crc u32, attributes i16, lastOffsetDelta i32, baseTimestamp i64,
 * maxTimestamp i64, producerId i64, producerEpoch i16, baseSequence i32, recordsCount i32, then the records.
 * The CRC-32C covers attributes to the end, so baseOffset and partitionLeaderEpoch can be rewritten in place.
 */
public final class RecordBatch {

    public static final int BASE_OFFSET_OFFSET = 0;
    public static final int BATCH_LENGTH_OFFSET = 8;
    public static final int PARTITION_LEADER_EPOCH_OFFSET = 12;
    public static final int MAGIC_OFFSET = 16;
    public static final int CRC_OFFSET = 17;
    public static final int ATTRIBUTES_OFFSET = 21;
    public static final int LAST_OFFSET_DELTA_OFFSET = 23;
    public static final int BASE_TIMESTAMP_OFFSET = 27;
    public static final int MAX_TIMESTAMP_OFFSET = 35;
    public static final int PRODUCER_ID_OFFSET = 43;
    public static final int PRODUCER_EPOCH_OFFSET = 51;
    public static final int BASE_SEQUENCE_OFFSET = 53;
    public static final int RECORDS_COUNT_OFFSET = 57;
    /** Size of the batch header; the records start here. */
    public static final int HEADER_SIZE = 61;
    /** Bytes before the batch length field's coverage starts (baseOffset + batchLength). */
    public static final int LOG_OVERHEAD = 12;
    /** The only magic value mq reads or writes. */
    public static final byte MAGIC = 2;

    /** No producer id: the batch is not idempotent. */
    public static final long NO_PRODUCER_ID = -1L;
    public static final short NO_PRODUCER_EPOCH = -1;
    public static final int NO_SEQUENCE = -1;

    private static final int COMPRESSION_MASK = 0x07;
    private static final int TIMESTAMP_TYPE_MASK = 0x08;
    private static final int TRANSACTIONAL_MASK = 0x10;
    private static final int CONTROL_MASK = 0x20;

    private final ByteBuf buffer;
    private final int start;

    /** A view of the batch starting at {@code start} in {@code buffer}. Call {@link #sizeInBytes()} only after checking the header is readable. */
    public RecordBatch(ByteBuf buffer, int start) {
        this.buffer = buffer;
        this.start = start;
    }

    /** A view of the batch at the buffer's reader index. */
    public static RecordBatch at(ByteBuf buffer) {
        return new RecordBatch(buffer, buffer.readerIndex());
    }

    public ByteBuf buffer() {
        return buffer;
    }

    /** Index of the batch's first byte in {@link #buffer()}. */
    public int start() {
        return start;
    }

    /** Total size of the batch including the offset and length fields. */
    public int sizeInBytes() {
        return LOG_OVERHEAD + batchLength();
    }

    public long baseOffset() {
        return buffer.getLong(start + BASE_OFFSET_OFFSET);
    }

    public int batchLength() {
        return buffer.getInt(start + BATCH_LENGTH_OFFSET);
    }

    public int partitionLeaderEpoch() {
        return buffer.getInt(start + PARTITION_LEADER_EPOCH_OFFSET);
    }

    public byte magic() {
        return buffer.getByte(start + MAGIC_OFFSET);
    }

    /** The stored CRC-32C, as an unsigned value. */
    public long checksum() {
        return buffer.getUnsignedInt(start + CRC_OFFSET);
    }

    public short attributes() {
        return buffer.getShort(start + ATTRIBUTES_OFFSET);
    }

    /** The compression codec id in bits 0-2 of the attributes. */
    public int compressionId() {
        return attributes() & COMPRESSION_MASK;
    }

    /** Whether timestamps are broker log-append times (attribute bit 3). */
    public boolean isLogAppendTime() {
        return (attributes() & TIMESTAMP_TYPE_MASK) != 0;
    }

    public boolean isTransactional() {
        return (attributes() & TRANSACTIONAL_MASK) != 0;
    }

    public boolean isControl() {
        return (attributes() & CONTROL_MASK) != 0;
    }

    public int lastOffsetDelta() {
        return buffer.getInt(start + LAST_OFFSET_DELTA_OFFSET);
    }

    /** Offset of the batch's last record. */
    public long lastOffset() {
        return baseOffset() + lastOffsetDelta();
    }

    public long baseTimestamp() {
        return buffer.getLong(start + BASE_TIMESTAMP_OFFSET);
    }

    public long maxTimestamp() {
        return buffer.getLong(start + MAX_TIMESTAMP_OFFSET);
    }

    public long producerId() {
        return buffer.getLong(start + PRODUCER_ID_OFFSET);
    }

    public short producerEpoch() {
        return buffer.getShort(start + PRODUCER_EPOCH_OFFSET);
    }

    public int baseSequence() {
        return buffer.getInt(start + BASE_SEQUENCE_OFFSET);
    }

    /** Sequence of the last record; sequences wrap to 0 after {@link Integer#MAX_VALUE}. */
    public int lastSequence() {
        int base = baseSequence();
        if (base == NO_SEQUENCE) {
            return NO_SEQUENCE;
        }
        long last = (long) base + lastOffsetDelta();
        return (int) (last > Integer.MAX_VALUE ? last - Integer.MAX_VALUE - 1 : last);
    }

    public int recordsCount() {
        return buffer.getInt(start + RECORDS_COUNT_OFFSET);
    }

    /** Rewrites the base offset in place; it lies outside the CRC. */
    public void setBaseOffset(long baseOffset) {
        buffer.setLong(start + BASE_OFFSET_OFFSET, baseOffset);
    }

    /** Rewrites the partition leader epoch in place; it lies outside the CRC. */
    public void setPartitionLeaderEpoch(int epoch) {
        buffer.setInt(start + PARTITION_LEADER_EPOCH_OFFSET, epoch);
    }

    /** CRC-32C of the bytes from the attributes to the end of the batch. */
    public long computeChecksum() {
        return crc32c(buffer, start + ATTRIBUTES_OFFSET, sizeInBytes() - ATTRIBUTES_OFFSET);
    }

    /** Whether the stored CRC matches the batch's bytes. */
    public boolean isChecksumValid() {
        return checksum() == computeChecksum();
    }

    /** CRC-32C of {@code length} bytes of {@code buffer} from {@code index}, without copying direct buffers. */
    public static long crc32c(ByteBuf buffer, int index, int length) {
        CRC32C crc = new CRC32C();
        if (buffer.nioBufferCount() == 1) {
            crc.update(buffer.nioBuffer(index, length));
        } else {
            for (ByteBuffer part : buffer.nioBuffers(index, length)) {
                crc.update(part);
            }
        }
        return crc.getValue();
    }
}
