package io.mq.broker.storage;

/**
 * How much of a partition to keep. Old batches are dropped when their max timestamp is older than
 * {@code retentionMs} or while the partition holds more than {@code retentionBytes}.
 *
 * @param retentionMs    age limit in milliseconds, {@code -1} for unlimited
 * @param retentionBytes size limit in bytes, {@code -1} for unlimited
 */
public record Retention(long retentionMs, long retentionBytes) {

    /** Keep everything. */
    public static final Retention UNLIMITED = new Retention(-1, -1);

    public Retention {
        if (retentionMs < -1) {
            throw new IllegalArgumentException("retentionMs must be >= -1, got " + retentionMs);
        }
        if (retentionBytes < -1) {
            throw new IllegalArgumentException("retentionBytes must be >= -1, got " + retentionBytes);
        }
    }
}
