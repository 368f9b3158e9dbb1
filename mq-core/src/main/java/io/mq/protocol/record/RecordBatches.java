package io.mq.protocol.record;

import io.mq.protocol.Errors;
import io.netty.buffer.ByteBuf;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The record batches in a buffer region, such as a Produce request's partition records or a Fetch response's, plus
 * the checks a broker makes before appending a producer's batch. The region is the buffer's readable bytes when
 * {@link #of(ByteBuf)} is called; neither the buffer nor its indices are touched, and the views handed out are valid
 * only while the buffer is.
 */
public final class RecordBatches implements Iterable<RecordBatch> {

    /** Smallest batchLength a magic-2 batch can declare: the header after the length field. */
    private static final int MIN_BATCH_LENGTH = RecordBatch.HEADER_SIZE - RecordBatch.LOG_OVERHEAD;
    /** First Produce version allowed to carry zstd. */
    private static final short MIN_ZSTD_PRODUCE_VERSION = 7;

    private final ByteBuf buffer;
    private final int start;
    private final int end;

    private RecordBatches(ByteBuf buffer, int start, int end) {
        this.buffer = buffer;
        this.start = start;
        this.end = end;
    }

    /** The batches in the readable bytes of {@code buffer}. */
    public static RecordBatches of(ByteBuf buffer) {
        return new RecordBatches(buffer, buffer.readerIndex(), buffer.writerIndex());
    }

    /**
     * Iterates the complete batches in order. Iteration ends early at a trailing partial batch, as a Fetch response
     * cut at its size limit may hold; {@link #completeBytes()} tells how much was whole.
     *
     * @throws CorruptRecordException from {@code next()} if a batch declares a length below the header size
     */
    @Override
    public Iterator<RecordBatch> iterator() {
        return new Iterator<>() {
            private int position = start;

            @Override
            public boolean hasNext() {
                return completeBatchSizeAt(position) > 0;
            }

            @Override
            public RecordBatch next() {
                int size = completeBatchSizeAt(position);
                if (size <= 0) {
                    throw new NoSuchElementException();
                }
                RecordBatch batch = new RecordBatch(buffer, position);
                position += size;
                return batch;
            }
        };
    }

    /** Bytes from the region's start to the end of its last complete batch. */
    public int completeBytes() {
        int position = start;
        for (int size = completeBatchSizeAt(position); size > 0; size = completeBatchSizeAt(position)) {
            position += size;
        }
        return position - start;
    }

    /**
     * Checks a producer's records for one partition as the broker must before appending them, and says which error
     * to answer with. In order: magic 2 ({@code INVALID_RECORD}), a batch length of at least the header
     * ({@code CORRUPT_MESSAGE}), exactly one complete batch filling the region ({@code INVALID_RECORD}), a known codec
     * and zstd only from Produce v7 ({@code UNSUPPORTED_COMPRESSION_TYPE}), a batch of at most {@code maxBatchSize}
     * bytes ({@code MESSAGE_TOO_LARGE}), a matching CRC ({@code CORRUPT_MESSAGE}), then ({@code INVALID_RECORD}): no
     * control batch,
     * {@code lastOffsetDelta + 1 == recordsCount > 0}, a base sequence whenever there is a producer id, and a producer
     * id on a transactional batch.
     *
     * @param records        the partition's records (readable bytes); {@code null} counts as no batch
     * @param produceVersion the version of the Produce request carrying them
     * @param maxBatchSize   the topic's {@code max.message.bytes}
     */
    public static Validation validateProduce(ByteBuf records, short produceVersion, int maxBatchSize) {
        int available = records == null ? 0 : records.readableBytes();
        if (available < RecordBatch.LOG_OVERHEAD) {
            return Validation.invalid(Errors.INVALID_RECORD,
                    "produce records must hold exactly one record batch, got " + available + " bytes");
        }
        RecordBatch batch = RecordBatch.at(records);
        if (available > RecordBatch.MAGIC_OFFSET && batch.magic() != RecordBatch.MAGIC) {
            return Validation.invalid(Errors.INVALID_RECORD, "produce records must use magic 2, got " + batch.magic());
        }
        int batchLength = batch.batchLength();
        if (batchLength < MIN_BATCH_LENGTH) {
            return Validation.invalid(Errors.CORRUPT_MESSAGE, "record batch length " + batchLength
                    + " is below the minimum " + MIN_BATCH_LENGTH);
        }
        if ((long) batchLength + RecordBatch.LOG_OVERHEAD != available) {
            return Validation.invalid(Errors.INVALID_RECORD, "produce records must hold exactly one record batch: "
                    + "the batch declares " + (batchLength + (long) RecordBatch.LOG_OVERHEAD) + " bytes of "
                    + available);
        }
        if (batch.compressionId() > CompressionType.ZSTD.id()) {
            return Validation.invalid(Errors.UNSUPPORTED_COMPRESSION_TYPE,
                    "unknown compression codec id " + batch.compressionId());
        }
        if (batch.compressionId() == CompressionType.ZSTD.id() && produceVersion < MIN_ZSTD_PRODUCE_VERSION) {
            return Validation.invalid(Errors.UNSUPPORTED_COMPRESSION_TYPE,
                    "zstd compression needs Produce v" + MIN_ZSTD_PRODUCE_VERSION + ", got v" + produceVersion);
        }
        if (available > maxBatchSize) {
            return Validation.invalid(Errors.MESSAGE_TOO_LARGE, "record batch of " + available
                    + " bytes exceeds the maximum " + maxBatchSize);
        }
        if (!batch.isChecksumValid()) {
            return Validation.invalid(Errors.CORRUPT_MESSAGE, "record batch CRC " + batch.checksum()
                    + " does not match its content (" + batch.computeChecksum() + ")");
        }
        return validateHeader(batch);
    }

    private static Validation validateHeader(RecordBatch batch) {
        if (batch.isControl()) {
            return Validation.invalid(Errors.INVALID_RECORD, "clients may not write control batches");
        }
        int count = batch.recordsCount();
        if (count <= 0 || (long) batch.lastOffsetDelta() + 1 != count) {
            return Validation.invalid(Errors.INVALID_RECORD, "record batch declares " + count
                    + " records but lastOffsetDelta " + batch.lastOffsetDelta());
        }
        boolean hasProducerId = batch.producerId() != RecordBatch.NO_PRODUCER_ID;
        if (hasProducerId && batch.baseSequence() < 0) {
            return Validation.invalid(Errors.INVALID_RECORD, "record batch has producer id " + batch.producerId()
                    + " but no base sequence");
        }
        if (batch.isTransactional() && !hasProducerId) {
            return Validation.invalid(Errors.INVALID_RECORD, "transactional record batch has no producer id");
        }
        return Validation.VALID;
    }

    /** Size of the complete batch at {@code position}, or 0 if the region has no complete batch there. */
    private int completeBatchSizeAt(int position) {
        int remaining = end - position;
        if (remaining < RecordBatch.LOG_OVERHEAD) {
            return 0;
        }
        int batchLength = buffer.getInt(position + RecordBatch.BATCH_LENGTH_OFFSET);
        if (batchLength < MIN_BATCH_LENGTH) {
            throw new CorruptRecordException("record batch length " + batchLength + " at byte " + (position - start)
                    + " is below the minimum " + MIN_BATCH_LENGTH);
        }
        return batchLength > remaining - RecordBatch.LOG_OVERHEAD ? 0 : batchLength + RecordBatch.LOG_OVERHEAD;
    }

    /**
     * The outcome of {@link #validateProduce}: {@link Errors#NONE} or the error to answer the partition with, and a
     * message for the response and the log.
     *
     * @param error   the error code
     * @param message why the records were rejected, or {@code null} when valid
     */
    public record Validation(Errors error, String message) {

        /** Records that passed every check. */
        public static final Validation VALID = new Validation(Errors.NONE, null);

        static Validation invalid(Errors error, String message) {
            return new Validation(error, message);
        }

        /** Whether the records passed. */
        public boolean isValid() {
            return error == Errors.NONE;
        }
    }
}
