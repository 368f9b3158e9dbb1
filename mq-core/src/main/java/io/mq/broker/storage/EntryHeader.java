package io.mq.broker.storage;

import io.mq.protocol.record.RecordBatch;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The 20-byte header in front of every batch in the commit log: marker i32, logId i64 (the partition's storage
 * id), batchSize i32, crc i32. The CRC-32C covers the first 16 header bytes and the batch's first 21 bytes
 * (baseOffset, batchLength, partitionLeaderEpoch, magic, crc): together with the batch's own CRC, which covers
 * attributes to the end, every stored byte is checked during recovery.
 */
final class EntryHeader {

    static final int SIZE = 20;
    /** "mqE1": tells a real entry from zeros or garbage in a torn tail. */
    static final int MARKER = 0x6D714531;
    /** Bytes of the batch covered by the header CRC. */
    static final int COVERED_BATCH_BYTES = RecordBatch.CRC_OFFSET + Integer.BYTES;

    private static final int LOG_ID_AT = 4;
    private static final int BATCH_SIZE_AT = 12;
    private static final int CRC_AT = 16;

    private EntryHeader() {
    }

    /**
     * Fills in the header at index 0 of {@code entry}, whose batch (already complete, base offset included)
     * starts at index {@link #SIZE}.
     */
    static void write(ByteBuffer entry, long logId, int batchSize) {
        entry.putInt(0, MARKER).putLong(LOG_ID_AT, logId).putInt(BATCH_SIZE_AT, batchSize);
        entry.putInt(CRC_AT, checksum(entry, entry, SIZE));
    }

    static boolean hasMarker(ByteBuffer header) {
        return header.getInt(0) == MARKER;
    }

    static long logId(ByteBuffer header) {
        return header.getLong(LOG_ID_AT);
    }

    static int batchSize(ByteBuffer header) {
        return header.getInt(BATCH_SIZE_AT);
    }

    /** Whether the stored CRC matches the header at index 0 of {@code header} and the batch prefix at {@code batchAt} of {@code batch}. */
    static boolean isChecksumValid(ByteBuffer header, ByteBuffer batch, int batchAt) {
        return header.getInt(CRC_AT) == checksum(header, batch, batchAt);
    }

    private static int checksum(ByteBuffer header, ByteBuffer batch, int batchAt) {
        CRC32C crc = new CRC32C();
        crc.update(header.slice(0, CRC_AT));
        crc.update(batch.slice(batchAt, COVERED_BATCH_BYTES));
        return (int) crc.getValue();
    }
}
