package io.mq.broker.storage;

import io.mq.protocol.record.Records;
import io.netty.buffer.ByteBuf;
import io.netty.channel.FileRegion;
import io.netty.util.AbstractReferenceCounted;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import io.netty.util.ResourceLeakTracker;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Record batches read from the commit log without copying: a list of regions of segment files. Holds a
 * reference on each segment it points into, so the bytes stay readable even if retention deletes the segment
 * meanwhile; {@link #release()} drops them. Send it either by copying ({@link #writeTo}) or zero-copy through
 * {@link #toFileRegions()}. Consecutive batches of a partition are never adjacent in the shared commit log (an
 * entry header separates them), so there is one region per batch. Tracked by Netty's leak detector like a buffer.
 */
public final class FileRecords extends AbstractReferenceCounted implements Records {

    private static final ResourceLeakDetector<FileRecords> LEAKS =
            ResourceLeakDetectorFactory.instance().newResourceLeakDetector(FileRecords.class);

    /**
     * A byte range of a segment file. The channel belongs to the store: read it with positional reads, never
     * close it.
     *
     * @param channel  the segment file
     * @param position where the range starts in the file
     * @param length   its length in bytes
     */
    public record Region(FileChannel channel, long position, int length) {
    }

    private final List<Segment> segments;
    private final List<Segment> regionSegments;
    private final List<Region> regions;
    private final int sizeInBytes;
    private final ResourceLeakTracker<FileRecords> leak;

    private FileRecords(List<Segment> segments, List<Segment> regionSegments, List<Region> regions) {
        this.segments = segments;
        this.regionSegments = regionSegments;
        this.regions = regions;
        this.sizeInBytes = regions.stream().mapToInt(Region::length).sum();
        this.leak = LEAKS.track(this);
    }

    static FileRecords empty() {
        return new FileRecords(List.of(), List.of(), List.of());
    }

    /**
     * The regions of the given batches, retaining their segments; stops at the first batch whose segment is gone
     * (deleted by retention since the index was read).
     */
    static FileRecords of(CommitLog commitLog, List<PartitionIndex.Entry> batches) {
        List<Segment> segments = new ArrayList<>();
        List<Segment> regionSegments = new ArrayList<>();
        List<Region> regions = new ArrayList<>();
        Segment current = null;
        for (PartitionIndex.Entry batch : batches) {
            if (current == null || batch.position() >= current.end()) {
                current = commitLog.acquire(batch.position());
                if (current == null) {
                    break;
                }
                segments.add(current);
            }
            regionSegments.add(current);
            regions.add(new Region(current.channel(), batch.position() - current.start(), batch.size()));
        }
        return new FileRecords(segments, regionSegments, regions);
    }

    /** The file regions, in offset order. Valid while this object is not released. */
    public List<Region> regions() {
        return regions;
    }

    @Override
    public int sizeInBytes() {
        return sizeInBytes;
    }

    /** Copies the batches into {@code out}; a {@link StorageException} if a segment cannot be read. */
    @Override
    public void writeTo(ByteBuf out) {
        out.ensureWritable(sizeInBytes);
        for (Region region : regions) {
            try {
                int done = 0;
                while (done < region.length()) {
                    int read = out.writeBytes(region.channel(), region.position() + done, region.length() - done);
                    if (read < 0) {
                        throw new EOFException("segment ended before position " + (region.position() + done));
                    }
                    done += read;
                }
            } catch (IOException e) {
                throw new StorageException("cannot read commit-log segment: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Netty file regions for zero-copy sending, one per region. Each holds its own segment reference (released when
     * Netty releases the region), independent of this object, which the caller still releases.
     */
    public List<FileRegion> toFileRegions() {
        List<FileRegion> fileRegions = new ArrayList<>(regions.size());
        for (int i = 0; i < regions.size(); i++) {
            Segment segment = regionSegments.get(i);
            segment.retain();
            fileRegions.add(new SegmentFileRegion(segment, regions.get(i).position(), regions.get(i).length()));
        }
        return fileRegions;
    }

    @Override
    protected void deallocate() {
        segments.forEach(Segment::release);
        if (leak != null) {
            leak.close(this);
        }
    }

    @Override
    public FileRecords touch(Object hint) {
        if (leak != null) {
            leak.record(hint);
        }
        return this;
    }
}
