package io.mq.broker.storage;

/**
 * A point-in-time view of the store's counters, for metrics.
 *
 * @param partitionCount         live partitions
 * @param segmentCount           commit-log segment files
 * @param totalBytes             bytes in all segment files
 * @param appendedBytes          batch bytes appended since open
 * @param appendedRecords        records appended since open
 * @param flushCount             fsyncs of the commit log by the flush thread since open
 * @param lastFlushLatencyNanos  duration of the latest such fsync
 */
public record StorageStats(int partitionCount, int segmentCount, long totalBytes, long appendedBytes,
        long appendedRecords, long flushCount, long lastFlushLatencyNanos) {
}
