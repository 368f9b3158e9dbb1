package io.mq.broker.handler;

import io.mq.protocol.Errors;
import io.mq.protocol.record.RecordBatch;
import io.netty.buffer.ByteBuf;

/**
 * The checks a broker runs on a produced batch before appending it, each mapped to the error Kafka returns:
 * not exactly one magic-2 batch, a control batch, a record count that disagrees with the last offset delta → 
 * INVALID_RECORD; a bad CRC → CORRUPT_MESSAGE; larger than {@code max.message.bytes} → MESSAGE_TOO_LARGE;
 * zstd before Produce v7 or an unknown codec → UNSUPPORTED_COMPRESSION_TYPE.
 */
final class ProduceBatchValidator {

    private static final int ZSTD = 4;
    private static final short FIRST_ZSTD_VERSION = 7;

    private ProduceBatchValidator() {
    }

    /** Why a batch is rejected. */
    record Problem(Errors error, String message) {
    }

    /** Returns {@code null} when the batch may be appended. */
    static Problem validate(ByteBuf records, int maxMessageBytes, short produceVersion) {
        if (records == null || records.readableBytes() < RecordBatch.HEADER_SIZE) {
            return new Problem(Errors.INVALID_RECORD, "partition data must be exactly one record batch of magic 2");
        }
        RecordBatch batch = RecordBatch.at(records);
        if (batch.magic() != RecordBatch.MAGIC) {
            return new Problem(Errors.INVALID_RECORD, "record batch magic " + batch.magic() + " is not supported, only 2");
        }
        if (batch.batchLength() < RecordBatch.HEADER_SIZE - RecordBatch.LOG_OVERHEAD
                || batch.sizeInBytes() != records.readableBytes()) {
            return new Problem(Errors.INVALID_RECORD, "partition data must be exactly one record batch: batch length "
                    + batch.batchLength() + " does not match the " + records.readableBytes() + " bytes sent");
        }
        if (batch.sizeInBytes() > maxMessageBytes) {
            return new Problem(Errors.MESSAGE_TOO_LARGE, "record batch of " + batch.sizeInBytes()
                    + " bytes exceeds max.message.bytes " + maxMessageBytes);
        }
        if (!batch.isChecksumValid()) {
            return new Problem(Errors.CORRUPT_MESSAGE, "record batch CRC " + batch.checksum()
                    + " does not match its content (" + batch.computeChecksum() + ")");
        }
        if (batch.isControl()) {
            return new Problem(Errors.INVALID_RECORD, "clients may not produce control batches");
        }
        if (batch.recordsCount() <= 0 || batch.lastOffsetDelta() + 1 != batch.recordsCount()) {
            return new Problem(Errors.INVALID_RECORD, "record count " + batch.recordsCount()
                    + " does not match last offset delta " + batch.lastOffsetDelta());
        }
        int codec = batch.compressionId();
        if (codec > ZSTD || (codec == ZSTD && produceVersion < FIRST_ZSTD_VERSION)) {
            return new Problem(Errors.UNSUPPORTED_COMPRESSION_TYPE, "compression codec " + codec
                    + " is not allowed with Produce v" + produceVersion);
        }
        return null;
    }
}
