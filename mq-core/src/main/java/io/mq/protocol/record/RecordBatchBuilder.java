package io.mq.protocol.record;

import static io.mq.protocol.record.RecordBatch.HEADER_SIZE;
import static io.mq.protocol.record.Varints.sizeOfVarint;
import static io.mq.protocol.record.Varints.sizeOfVarlong;
import static io.mq.protocol.record.Varints.writeVarint;
import static io.mq.protocol.record.Varints.writeVarlong;

import io.mq.protocol.record.compression.CompressionCodec;
import io.mq.protocol.record.compression.CompressionCodecs;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.util.List;
import java.util.Objects;

/**
 * Builds one record batch v2 for the producer: records are encoded straight into a pooled buffer as they are
 * appended, and {@link #build()} fills in the header and CRC (compressing the records first if asked). The batch
 * starts at offset 0 with partition leader epoch -1, create-time timestamps and the first record's timestamp as base
 * timestamp, as Kafka's producer writes it.
 *
 * <p>The size limit applies to the uncompressed batch ({@link #estimatedSizeInBytes()}); a compressed batch usually
 * comes out smaller. The first record is always accepted, whatever its size. With a compression threshold, a batch
 * whose records take fewer bytes than the threshold is written uncompressed: compressing a few small records costs
 * CPU and saves nothing.
 *
 * <p>Not thread-safe. The builder owns its buffer until {@link #build()} hands the batch to the caller; a builder
 * abandoned before that must be {@link #release() released}.
 */
public final class RecordBatchBuilder {

    private static final int MAX_INITIAL_CAPACITY = 1024 * 1024;
    private static final Header[] NO_HEADERS = {};

    private final ByteBufAllocator allocator;
    private final CompressionType compression;
    private final CompressionCodec codec;
    private final int compressionLevel;
    private final int maxBatchSize;
    private final int compressionThreshold;
    private int initialCapacity;

    /** Uncompressed: the batch itself, header space first. Compressed: the records alone, compressed at build. */
    private ByteBuf buffer;
    private int recordCount;
    private long baseTimestamp = RecordBatch.NO_TIMESTAMP;
    private long maxTimestamp = RecordBatch.NO_TIMESTAMP;
    private long producerId = RecordBatch.NO_PRODUCER_ID;
    private short producerEpoch = RecordBatch.NO_PRODUCER_EPOCH;
    private int baseSequence = RecordBatch.NO_SEQUENCE;
    private boolean closed;

    /**
     * A builder for one batch.
     *
     * @param allocator        allocates the batch buffer (and, when compressing, a temporary heap buffer)
     * @param compression      the codec to compress the records with
     * @param compressionLevel a level valid for {@code compression} (e.g. {@link CompressionType#defaultLevel()});
     *                         ignored by codecs without levels
     * @param maxBatchSize     the size in bytes an append may not take the batch past, once it holds a record
     * @throws IllegalArgumentException if the level is out of range or the size cannot hold a batch header
     * @throws io.mq.protocol.record.compression.MissingCodecException if the codec's library is missing
     */
    public RecordBatchBuilder(ByteBufAllocator allocator, CompressionType compression, int compressionLevel,
            int maxBatchSize) {
        this(allocator, compression, compressionLevel, maxBatchSize, 0);
    }

    /**
     * A builder for one batch that skips compression when the records are small.
     *
     * @param compressionThreshold records taking fewer bytes than this (uncompressed) are written uncompressed;
     *                             0 always compresses
     * @see #RecordBatchBuilder(ByteBufAllocator, CompressionType, int, int)
     */
    public RecordBatchBuilder(ByteBufAllocator allocator, CompressionType compression, int compressionLevel,
            int maxBatchSize, int compressionThreshold) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.compression = Objects.requireNonNull(compression, "compression");
        if (!compression.isValidLevel(compressionLevel)) {
            throw new IllegalArgumentException(compression.configName() + " compression level " + compressionLevel
                    + " is outside " + compression.minLevel() + ".." + compression.maxLevel());
        }
        if (maxBatchSize < HEADER_SIZE) {
            throw new IllegalArgumentException("maxBatchSize " + maxBatchSize + " is below the batch header size "
                    + HEADER_SIZE);
        }
        if (compressionThreshold < 0) {
            throw new IllegalArgumentException("compressionThreshold " + compressionThreshold + " is negative");
        }
        this.codec = compression == CompressionType.NONE ? null : CompressionCodecs.forType(compression);
        this.compressionLevel = compressionLevel;
        this.maxBatchSize = maxBatchSize;
        this.compressionThreshold = compressionThreshold;
        this.initialCapacity = Math.min(maxBatchSize, MAX_INITIAL_CAPACITY);
    }

    /** How large the buffer starts, in bytes (see {@link #initialCapacity(int)}). */
    public int initialCapacity() {
        return initialCapacity;
    }

    /**
     * Sets how large the buffer starts (it grows as records are appended), e.g. the size the partition's previous
     * batch reached, so that a batch of a few records does not take a buffer of the full batch size. Default: the
     * max batch size, at most 1 MiB. Call before the first append.
     *
     * @return this builder
     */
    public RecordBatchBuilder initialCapacity(int bytes) {
        this.initialCapacity = Math.max(HEADER_SIZE, Math.min(bytes, Math.min(maxBatchSize, MAX_INITIAL_CAPACITY)));
        return this;
    }

    /**
     * Sets the idempotent producer fields written into the header; may be called at any time before
     * {@link #build()}, so the base sequence can be assigned when the batch is drained. Defaults: no producer (-1).
     */
    public RecordBatchBuilder setProducerState(long producerId, short producerEpoch, int baseSequence) {
        ensureOpen();
        this.producerId = producerId;
        this.producerEpoch = producerEpoch;
        this.baseSequence = baseSequence;
        return this;
    }

    /**
     * Appends a record unless it would take the batch past the size limit; the first record always fits.
     *
     * @param timestamp create time in milliseconds, or {@link RecordBatch#NO_TIMESTAMP}
     * @param key       the key, or {@code null}
     * @param value     the value, or {@code null}
     * @param headers   the headers, or {@code null} for none
     * @return whether the record was appended
     * @throws IllegalArgumentException if the timestamp is negative (other than -1)
     * @throws IllegalStateException    if the batch was built or released
     */
    public boolean tryAppend(long timestamp, byte[] key, byte[] value, Header[] headers) {
        ensureOpen();
        if (timestamp < 0 && timestamp != RecordBatch.NO_TIMESTAMP) {
            throw new IllegalArgumentException("invalid negative timestamp " + timestamp);
        }
        Header[] recordHeaders = headers == null ? NO_HEADERS : headers;
        long base = recordCount == 0 ? timestamp : baseTimestamp;
        long timestampDelta = timestamp - base;
        int bodySize = 1 + sizeOfVarlong(timestampDelta) + sizeOfVarint(recordCount) + sizeOfBytes(key)
                + sizeOfBytes(value) + sizeOfHeaders(recordHeaders);
        int recordSize = sizeOfVarint(bodySize) + bodySize;
        if (recordCount > 0 && (long) estimatedSizeInBytes() + recordSize > maxBatchSize) {
            return false;
        }
        ByteBuf out = buffer(recordSize);
        int before = out.writerIndex();
        writeVarint(out, bodySize);
        out.writeByte(0); // record attributes: unused
        writeVarlong(out, timestampDelta);
        writeVarint(out, recordCount);
        writeBytes(out, key);
        writeBytes(out, value);
        writeVarint(out, recordHeaders.length);
        for (Header header : recordHeaders) {
            int keyLength = ByteBufUtil.utf8Bytes(header.key());
            writeVarint(out, keyLength);
            ByteBufUtil.reserveAndWriteUtf8(out, header.key(), keyLength);
            writeBytes(out, header.value());
        }
        if (out.writerIndex() - before != recordSize) {
            throw new IllegalStateException("record encoded to " + (out.writerIndex() - before) + " bytes, sized "
                    + recordSize);
        }
        baseTimestamp = base;
        maxTimestamp = Math.max(maxTimestamp, timestamp);
        recordCount++;
        return true;
    }

    /** {@link #tryAppend(long, byte[], byte[], Header[])} with the headers in a list. */
    public boolean tryAppend(long timestamp, byte[] key, byte[] value, List<Header> headers) {
        return tryAppend(timestamp, key, value, headers == null ? NO_HEADERS : headers.toArray(NO_HEADERS));
    }

    /** Records appended so far. */
    public int recordCount() {
        return recordCount;
    }

    /** Size of the batch if built uncompressed now: exact for {@link CompressionType#NONE}, an upper estimate otherwise. */
    public int estimatedSizeInBytes() {
        if (buffer == null) {
            return HEADER_SIZE;
        }
        return codec == null ? buffer.writerIndex() : HEADER_SIZE + buffer.writerIndex();
    }

    /**
     * Completes the batch: compresses the records if asked (and they reach the compression threshold), writes the
     * header and the CRC-32C. The returned buffer
     * holds exactly the batch and belongs to the caller; the builder keeps nothing and can no longer be used.
     *
     * @throws IllegalStateException if no record was appended, or the batch was built or released
     */
    public ByteBuf build() {
        ensureOpen();
        if (recordCount == 0) {
            throw new IllegalStateException("a record batch needs at least one record");
        }
        closed = true;
        boolean compress = codec != null && buffer.readableBytes() >= compressionThreshold;
        ByteBuf batch = codec == null ? buffer : compress ? compressRecords() : uncompressedRecords();
        buffer = null;
        int size = batch.writerIndex();
        batch.setLong(RecordBatch.BASE_OFFSET_OFFSET, 0L);
        batch.setInt(RecordBatch.BATCH_LENGTH_OFFSET, size - RecordBatch.LOG_OVERHEAD);
        batch.setInt(RecordBatch.PARTITION_LEADER_EPOCH_OFFSET, RecordBatch.NO_PARTITION_LEADER_EPOCH);
        batch.setByte(RecordBatch.MAGIC_OFFSET, RecordBatch.MAGIC);
        batch.setShort(RecordBatch.ATTRIBUTES_OFFSET, compress ? compression.id() : CompressionType.NONE.id());
        batch.setInt(RecordBatch.LAST_OFFSET_DELTA_OFFSET, recordCount - 1);
        batch.setLong(RecordBatch.BASE_TIMESTAMP_OFFSET, baseTimestamp);
        batch.setLong(RecordBatch.MAX_TIMESTAMP_OFFSET, maxTimestamp);
        batch.setLong(RecordBatch.PRODUCER_ID_OFFSET, producerId);
        batch.setShort(RecordBatch.PRODUCER_EPOCH_OFFSET, producerEpoch);
        batch.setInt(RecordBatch.BASE_SEQUENCE_OFFSET, baseSequence);
        batch.setInt(RecordBatch.RECORDS_COUNT_OFFSET, recordCount);
        long crc = RecordBatch.crc32c(batch, RecordBatch.ATTRIBUTES_OFFSET, size - RecordBatch.ATTRIBUTES_OFFSET);
        batch.setInt(RecordBatch.CRC_OFFSET, (int) crc);
        return batch;
    }

    /** Releases the buffer of a builder that will not be built; does nothing once built or released. */
    public void release() {
        closed = true;
        if (buffer != null) {
            ByteBuf held = buffer;
            buffer = null;
            held.release();
        }
    }

    private ByteBuf compressRecords() {
        ByteBuf records = buffer;
        try {
            ByteBuf batch = allocator.buffer(HEADER_SIZE + records.readableBytes() / 2 + 64);
            try {
                batch.writeZero(HEADER_SIZE);
                codec.compress(records, batch, compressionLevel);
                return batch;
            } catch (RuntimeException e) {
                batch.release();
                throw e;
            }
        } finally {
            records.release();
        }
    }

    /** The records, below the compression threshold, copied uncompressed after a header. */
    private ByteBuf uncompressedRecords() {
        ByteBuf records = buffer;
        try {
            ByteBuf batch = allocator.buffer(HEADER_SIZE + records.readableBytes());
            batch.writeZero(HEADER_SIZE);
            batch.writeBytes(records, records.readerIndex(), records.readableBytes());
            return batch;
        } finally {
            records.release();
        }
    }

    /** The buffer to append {@code recordSize} bytes to, allocated on first use. */
    private ByteBuf buffer(int recordSize) {
        if (buffer == null) {
            int header = codec == null ? HEADER_SIZE : 0;
            int capacity = Math.max(initialCapacity, header + recordSize);
            buffer = codec == null ? allocator.buffer(capacity) : allocator.heapBuffer(capacity);
            buffer.writeZero(header);
        }
        return buffer;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("record batch builder was already built or released");
        }
    }

    private static int sizeOfBytes(byte[] bytes) {
        return bytes == null ? 1 : sizeOfVarint(bytes.length) + bytes.length;
    }

    private static void writeBytes(ByteBuf out, byte[] bytes) {
        if (bytes == null) {
            writeVarint(out, -1);
        } else {
            writeVarint(out, bytes.length);
            out.writeBytes(bytes);
        }
    }

    private static int sizeOfHeaders(Header[] headers) {
        int size = sizeOfVarint(headers.length);
        for (Header header : headers) {
            int keyLength = ByteBufUtil.utf8Bytes(header.key());
            size += sizeOfVarint(keyLength) + keyLength + sizeOfBytes(header.value());
        }
        return size;
    }
}
