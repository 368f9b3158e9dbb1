package io.mq.broker.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One partition's in-memory index: for each live batch its offsets, where it lies in the commit log and its max
 * timestamp, plus a running max timestamp (the time index behind ListOffsets by timestamp). Also holds the log
 * start and end offsets. Thread-safe: appends, reads and retention synchronize on the index briefly.
 */
final class PartitionIndex {

    /**
     * One batch.
     *
     * @param baseOffset      offset of its first record
     * @param lastOffsetDelta last record's offset minus {@code baseOffset}
     * @param position        commit-log position of the batch (just past its entry header)
     * @param size            batch size in bytes
     * @param maxTimestamp    the batch's max timestamp
     */
    record Entry(long baseOffset, int lastOffsetDelta, long position, int size, long maxTimestamp) {

        long lastOffset() {
            return baseOffset + lastOffsetDelta;
        }

        long nextOffset() {
            return lastOffset() + 1;
        }
    }

    private Entry[] entries = new Entry[16];
    private long[] runningMax = new long[16];
    private int head;
    private int tail;
    private long logStartOffset;
    private long logEndOffset;
    private long liveBytes;

    /** An index with no entries. */
    PartitionIndex(long logStartOffset, long logEndOffset) {
        this.logStartOffset = logStartOffset;
        this.logEndOffset = logEndOffset;
    }

    /** Restores an index from persisted entries, which must be contiguous and end at {@code logEndOffset}. */
    static PartitionIndex of(long logStartOffset, long logEndOffset, List<Entry> loaded) {
        PartitionIndex index = new PartitionIndex(logStartOffset, logStartOffset);
        loaded.forEach(index::add);
        if (index.logEndOffset != logEndOffset) {
            throw new IllegalStateException("index ends at " + index.logEndOffset + ", expected " + logEndOffset);
        }
        return index;
    }

    /** Adds the batch at the log end; its base offset must equal the current log end offset. */
    synchronized void add(Entry entry) {
        if (entry.baseOffset() != logEndOffset) {
            throw new IllegalStateException("batch at " + entry.baseOffset() + " does not follow log end " + logEndOffset);
        }
        if (tail == entries.length) {
            makeRoom();
        }
        long previousMax = tail > head ? runningMax[tail - 1] : Long.MIN_VALUE;
        entries[tail] = entry;
        runningMax[tail] = Math.max(previousMax, entry.maxTimestamp());
        tail++;
        logEndOffset = entry.nextOffset();
        liveBytes += entry.size();
    }

    private void makeRoom() {
        int live = tail - head;
        int capacity = live * 2 <= entries.length ? entries.length : entries.length * 2;
        Entry[] newEntries = new Entry[capacity];
        long[] newMax = new long[capacity];
        System.arraycopy(entries, head, newEntries, 0, live);
        System.arraycopy(runningMax, head, newMax, 0, live);
        entries = newEntries;
        runningMax = newMax;
        head = 0;
        tail = live;
    }

    synchronized long logStartOffset() {
        return logStartOffset;
    }

    synchronized long logEndOffset() {
        return logEndOffset;
    }

    /** Bytes of the live batches. */
    synchronized long liveBytes() {
        return liveBytes;
    }

    /** Commit-log position of the oldest live batch, or {@code Long.MAX_VALUE} if none. */
    synchronized long firstPosition() {
        return tail > head ? entries[head].position() : Long.MAX_VALUE;
    }

    /**
     * A consistent read: the log start and end offsets and the batches to return.
     *
     * @param batches whole batches starting with the one holding the fetch offset; empty if it is out of range
     */
    record Slice(long logStartOffset, long logEndOffset, List<Entry> batches) {
    }

    /**
     * Whole batches starting with the one holding {@code offset}, as many as fit in {@code maxBytes} but at least
     * one, with the offsets they were read at.
     */
    synchronized Slice slice(long offset, int maxBytes) {
        List<Entry> batches = new ArrayList<>();
        if (offset >= logStartOffset && offset < logEndOffset && tail > head) {
            long bytes = 0;
            for (int i = find(offset); i < tail; i++) {
                bytes += entries[i].size();
                if (bytes > maxBytes && !batches.isEmpty()) {
                    break;
                }
                batches.add(entries[i]);
            }
        }
        return new Slice(logStartOffset, logEndOffset, batches);
    }

    /** Index of the last entry whose base offset is at most {@code offset} (there must be one). */
    private int find(long offset) {
        int low = head;
        int high = tail - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (entries[mid].baseOffset() <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /** The first batch with a max timestamp of at least {@code timestamp}. */
    synchronized Optional<Entry> firstWithTimestampAtLeast(long timestamp) {
        int low = head;
        int high = tail;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (runningMax[mid] >= timestamp) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low < tail ? Optional.of(entries[low]) : Optional.empty();
    }

    /** The first batch holding the largest timestamp of the partition. */
    synchronized Optional<Entry> firstWithMaxTimestamp() {
        return tail > head ? firstWithTimestampAtLeast(runningMax[tail - 1]) : Optional.empty();
    }

    /** Live batches with base offsets in [{@code from}, {@code to}). */
    synchronized List<Entry> entriesBetween(long from, long to) {
        List<Entry> result = new ArrayList<>();
        for (int i = head; i < tail && entries[i].baseOffset() < to; i++) {
            if (entries[i].baseOffset() >= from) {
                result.add(entries[i]);
            }
        }
        return result;
    }

    /** Live batch count. */
    synchronized int size() {
        return tail - head;
    }

    /** Retention by time: drops leading batches whose max timestamp is below {@code cutoff}; true if any. */
    synchronized boolean trimOlderThan(long cutoff) {
        int from = head;
        while (head < tail && entries[head].maxTimestamp() < cutoff) {
            dropHead();
        }
        return afterTrim(from);
    }

    /** Retention by size: drops leading batches while live bytes exceed {@code maxBytes}; true if any. */
    synchronized boolean trimToBytes(long maxBytes) {
        int from = head;
        while (head < tail && liveBytes > maxBytes) {
            dropHead();
        }
        return afterTrim(from);
    }

    /** Drops leading batches that end before {@code offset} (the batch holding it stays); true if any. */
    synchronized boolean trimBefore(long offset) {
        int from = head;
        while (head < tail && entries[head].nextOffset() <= offset) {
            dropHead();
        }
        return afterTrim(from);
    }

    private void dropHead() {
        liveBytes -= entries[head].size();
        entries[head++] = null;
    }

    private boolean afterTrim(int previousHead) {
        if (head == previousHead) {
            return false;
        }
        logStartOffset = head < tail ? entries[head].baseOffset() : logEndOffset;
        long max = Long.MIN_VALUE;
        for (int i = head; i < tail; i++) {
            max = Math.max(max, entries[i].maxTimestamp());
            runningMax[i] = max;
        }
        if (head == tail) {
            Arrays.fill(entries, null);
            head = 0;
            tail = 0;
        }
        return true;
    }
}
