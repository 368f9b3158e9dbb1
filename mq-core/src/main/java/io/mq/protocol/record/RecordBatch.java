package io.mq.protocol.record;

import io.mq.protocol.record.compression.CompressionCodecs;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.List;
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
    /** Partition leader epoch of a batch not yet appended by a leader. */
    public static final int NO_PARTITION_LEADER_EPOCH = -1;
    /** Timestamp of a record that has none. */
    public static final long NO_TIMESTAMP = -1L;
    /** Default bound on the decompressed size of one batch's records: {@value} bytes. */
    public static final int DEFAULT_MAX_DECOMPRESSED_SIZE = 256 * 1024 * 1024;

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

    /**
     * The compression type in the attributes.
     *
     * @throws CorruptRecordException if the codec id is not one Kafka defines (5-7)
     */
    public CompressionType compressionType() {
        int id = compressionId();
        if (id > CompressionType.ZSTD.id()) {
            throw new CorruptRecordException("unknown compression codec id " + id);
        }
        return CompressionType.forId(id);
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

    /**
     * Rewrites the idempotent producer fields (producer id, epoch, base sequence) in place and recomputes the CRC,
     * as a producer does when it re-sends a batch under a new epoch.
     */
    public void rewriteProducerState(long producerId, short producerEpoch, int baseSequence) {
        buffer.setLong(start + PRODUCER_ID_OFFSET, producerId);
        buffer.setShort(start + PRODUCER_EPOCH_OFFSET, producerEpoch);
        buffer.setInt(start + BASE_SEQUENCE_OFFSET, baseSequence);
        buffer.setInt(start + CRC_OFFSET, (int) computeChecksum());
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

    /**
     * Checks that the batch is complete within the buffer (up to its writer index), has magic 2 and a matching CRC.
     *
     * @throws CorruptRecordException if it is not
     */
    public void ensureValid() {
        ensureComplete();
        if (!isChecksumValid()) {
            throw new CorruptRecordException("record batch CRC mismatch: stored " + checksum() + ", computed "
                    + computeChecksum());
        }
    }

    /** Decodes the batch's records, decompressing them if needed, up to {@link #DEFAULT_MAX_DECOMPRESSED_SIZE}. */
    public List<Record> records() {
        return records(DEFAULT_MAX_DECOMPRESSED_SIZE);
    }

    /**
     * Decodes the batch's records, decompressing them if needed into a temporary heap buffer from the batch
     * buffer's allocator, released before returning. The CRC is not checked here; see {@link #ensureValid()}.
     *
     * @param maxDecompressedSize the most bytes compressed records may decompress to
     * @throws CorruptRecordException if the batch or its records are malformed, the compressed stream does not
     *                                decompress within the limit, or the records do not match the declared count
     * @throws io.mq.protocol.record.compression.MissingCodecException if the codec's library is missing
     */
    public List<Record> records(int maxDecompressedSize) {
        if (maxDecompressedSize < 0) {
            throw new IllegalArgumentException("maxDecompressedSize must not be negative: " + maxDecompressedSize);
        }
        ensureComplete();
        int recordsLength = sizeInBytes() - HEADER_SIZE;
        CompressionType type = compressionType();
        ByteBuf stored = buffer.slice(start + HEADER_SIZE, recordsLength);
        if (type == CompressionType.NONE) {
            return RecordDecoder.decode(this, stored);
        }
        int initialCapacity = (int) Math.min(maxDecompressedSize, Math.max(256L, 4L * recordsLength));
        ByteBuf plain = buffer.alloc().heapBuffer(initialCapacity);
        try {
            CompressionCodecs.forType(type).decompress(stored, plain, maxDecompressedSize);
            return RecordDecoder.decode(this, plain);
        } finally {
            plain.release();
        }
    }

    /** Checks the header is readable, the length fits the buffer's written bytes and the magic is 2. */
    private void ensureComplete() {
        int available = buffer.writerIndex() - start;
        if (start < 0 || available < HEADER_SIZE) {
            throw new CorruptRecordException("record batch needs " + HEADER_SIZE + " header bytes, " + available
                    + " available");
        }
        int length = batchLength();
        if (length < HEADER_SIZE - LOG_OVERHEAD) {
            throw new CorruptRecordException("record batch length " + length + " is below the minimum "
                    + (HEADER_SIZE - LOG_OVERHEAD));
        }
        if (length > available - LOG_OVERHEAD) {
            throw new CorruptRecordException("record batch length " + length + " exceeds the "
                    + (available - LOG_OVERHEAD) + " bytes available");
        }
        if (magic() != MAGIC) {
            throw new CorruptRecordException("record batch magic " + magic() + " is not " + MAGIC);
        }
    }
}
