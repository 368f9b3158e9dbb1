package io.mq.broker.storage;

import io.mq.protocol.record.RecordBatch;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single commit log shared by all partitions: an ordered set of segment files addressed by a global byte
 * position. Entries ({@link EntryHeader} + batch) are appended to the active (last) segment, rolling to a new one
 * when an entry would push it past {@code segmentBytes}. Appending and truncating are not thread-safe (the store
 * serializes them); lookups, forcing and deleting old segments may run concurrently with appends.
 */
final class CommitLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommitLog.class);
    static final String DIR = "commitlog";

    private final Path dir;
    private final long segmentBytes;
    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    private volatile Segment active;
    private volatile boolean directoryDirty;
    private ByteBuffer scratch = ByteBuffer.allocateDirect(64 * 1024);

    private CommitLog(Path dir, long segmentBytes) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
    }

    /** Opens the segments under {@code dataDir/commitlog}, removing leftovers of deletions; creates segment 0 if none. */
    static CommitLog open(Path dataDir, long segmentBytes) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve(DIR));
        CommitLog commitLog = new CommitLog(dir, segmentBytes);
        try {
            commitLog.load();
        } catch (IOException | RuntimeException e) {
            commitLog.close();
            throw e;
        }
        return commitLog;
    }

    private void load() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(Segment.DELETED_SUFFIX)) {
                    Files.delete(file);
                } else if (Segment.parseStart(file) >= 0) {
                    long start = Segment.parseStart(file);
                    segments.put(start, Segment.open(dir, start));
                } else {
                    log.warn("Ignoring unexpected file {} in the commit log directory", file);
                }
            }
        }
        if (segments.isEmpty()) {
            segments.put(0L, Segment.open(dir, 0));
            directoryDirty = true;
        }
        active = segments.lastEntry().getValue();
    }

    /** Position just past the last appended byte: where the next entry goes. */
    long writePosition() {
        return active.end();
    }

    Segment activeSegment() {
        return active;
    }

    /** The live segments in position order (a snapshot). */
    List<Segment> segments() {
        return new ArrayList<>(segments.values());
    }

    /** The live segments from the one holding {@code position} on (a snapshot). */
    List<Segment> segmentsFrom(long position) {
        Long from = segments.floorKey(position);
        return new ArrayList<>((from == null ? segments : segments.tailMap(from, true)).values());
    }

    /**
     * Appends one entry: the header, then {@code batch} (its readable bytes) with its base offset set to
     * {@code baseOffset}. Returns the commit-log position of the entry's header.
     */
    long append(long logId, ByteBuf batch, long baseOffset) throws IOException {
        int batchSize = batch.readableBytes();
        int entrySize = EntryHeader.SIZE + batchSize;
        Segment segment = active;
        if (segment.size() > 0 && segment.size() + entrySize > segmentBytes) {
            segment = roll(segment);
        }
        ByteBuffer entry = scratch(entrySize);
        entry.position(EntryHeader.SIZE);
        batch.getBytes(batch.readerIndex(), entry);
        entry.putLong(EntryHeader.SIZE + RecordBatch.BASE_OFFSET_OFFSET, baseOffset);
        EntryHeader.write(entry, logId, batchSize);
        entry.position(0);
        long position = segment.end();
        segment.append(entry);
        return position;
    }

    private Segment roll(Segment full) throws IOException {
        Segment next = Segment.open(dir, full.end());
        segments.put(next.start(), next);
        directoryDirty = true;
        active = next;
        log.debug("Rolled commit log to segment {}", next);
        return next;
    }

    private ByteBuffer scratch(int size) {
        if (scratch.capacity() < size) {
            scratch = ByteBuffer.allocateDirect(Math.max(size, scratch.capacity() * 2));
        }
        return scratch.clear().limit(size);
    }

    /** The live segment holding {@code position}, retained for the caller, or {@code null} if it was deleted. */
    Segment acquire(long position) {
        Map.Entry<Long, Segment> entry = segments.floorEntry(position);
        if (entry == null || position >= entry.getValue().end() || !entry.getValue().tryRetain()) {
            return null;
        }
        return entry.getValue();
    }

    /** Forces every live segment holding bytes in [{@code from}, {@code to}), and the directory if segments were created. */
    void force(long from, long to) throws IOException {
        if (directoryDirty) {
            directoryDirty = false;
            AtomicFiles.fsyncDirectory(dir);
        }
        Long first = segments.floorKey(from);
        NavigableMap<Long, Segment> range = first == null ? segments : segments.tailMap(first, true);
        for (Segment segment : range.values()) {
            if (segment.start() >= to) {
                break;
            }
            if (segment.end() > from && segment.tryRetain()) {
                try {
                    segment.force();
                } finally {
                    segment.release();
                }
            }
        }
    }

    /** Retention: marks {@code segment} deleted and drops the log's reference; the file goes when no reader holds it. */
    void delete(Segment segment) throws IOException {
        if (segment == active) {
            throw new IllegalArgumentException("cannot delete the active segment " + segment);
        }
        segment.markDeleted();
        segments.remove(segment.start(), segment);
        segment.release();
    }

    /** Recovery: discards everything from {@code position} on (later segments first, then the tail of the segment holding it). */
    void truncate(long position) throws IOException {
        Map.Entry<Long, Segment> holder = segments.floorEntry(position);
        if (holder == null) {
            throw new IllegalArgumentException("no segment holds position " + position);
        }
        for (Segment later : new ArrayList<>(segments.tailMap(position, false).descendingMap().values())) {
            if (later != holder.getValue()) {
                later.markDeleted();
                segments.remove(later.start());
                later.release();
            }
        }
        holder.getValue().truncate(position - holder.getKey());
        AtomicFiles.fsyncDirectory(dir);
        active = holder.getValue();
    }

    long totalBytes() {
        long total = 0;
        for (Segment segment : segments.values()) {
            total += segment.size();
        }
        return total;
    }

    int segmentCount() {
        return segments.size();
    }

    /** Drops the log's references; segments still referenced by readers close when those are released. */
    @Override
    public void close() {
        for (Segment segment : segments.values()) {
            segment.release();
        }
        segments.clear();
    }
}
