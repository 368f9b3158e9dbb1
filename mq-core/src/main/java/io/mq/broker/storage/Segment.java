package io.mq.broker.storage;

import io.netty.util.AbstractReferenceCounted;
import io.netty.util.IllegalReferenceCountException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One commit-log segment file, named by the commit-log position of its first byte (20 digits). Reference
 * counted: the commit log holds one reference while the segment is live and every file region handed out holds
 * another, so a segment deleted by retention stays readable until the last region is released; only then is its
 * channel closed and (if it was marked deleted) its file removed. Only the appender changes the size.
 */
final class Segment extends AbstractReferenceCounted {

    private static final Logger log = LoggerFactory.getLogger(Segment.class);
    private static final Pattern NAME = Pattern.compile("(\\d{20})\\.log");
    static final String DELETED_SUFFIX = ".deleted";

    private final long start;
    private final FileChannel channel;
    private volatile Path path;
    private volatile long size;
    private volatile boolean deleted;

    private Segment(long start, Path path, FileChannel channel, long size) {
        this.start = start;
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    /** Opens (creating if missing) the segment starting at commit-log position {@code start} in {@code dir}. */
    static Segment open(Path dir, long start) throws IOException {
        Path path = dir.resolve(fileName(start));
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        return new Segment(start, path, channel, channel.size());
    }

    /** {@code start} zero-padded to 20 digits plus {@code .log} (no {@code String.format}: it is slow cold). */
    static String fileName(long start) {
        String digits = Long.toString(start);
        return "0".repeat(Math.max(0, 20 - digits.length())) + digits + ".log";
    }

    /** The start position encoded in a segment file name, or {@code -1} if the name is not a segment's. */
    static long parseStart(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
    }

    /** Commit-log position of the first byte. */
    long start() {
        return start;
    }

    long size() {
        return size;
    }

    /** Commit-log position just past the last byte. */
    long end() {
        return start + size;
    }

    FileChannel channel() {
        return channel;
    }

    Path path() {
        return path;
    }

    /** Takes a reference unless the segment is already released. */
    boolean tryRetain() {
        try {
            retain();
            return true;
        } catch (IllegalReferenceCountException e) {
            return false;
        }
    }

    /** Appends the remaining bytes of {@code src} at the end of the file. */
    void append(ByteBuffer src) throws IOException {
        long position = size;
        while (src.hasRemaining()) {
            position += channel.write(src, position);
        }
        size = position;
    }

    /** Reads {@code dst.remaining()} bytes from {@code position} (relative to the segment start). */
    void readFully(ByteBuffer dst, long position) throws IOException {
        while (dst.hasRemaining()) {
            int read = channel.read(dst, position);
            if (read < 0) {
                throw new EOFException("end of " + path + " at " + position);
            }
            position += read;
        }
    }

    /** Cuts the file to {@code newSize} bytes, durably. */
    void truncate(long newSize) throws IOException {
        channel.truncate(newSize);
        channel.force(true);
        size = newSize;
    }

    /** Forces the file's data to disk. */
    void force() throws IOException {
        channel.force(false);
    }

    /** Renames the file to {@code *.log.deleted}; it is removed once the last reference is released. */
    void markDeleted() throws IOException {
        Path target = path.resolveSibling(path.getFileName() + DELETED_SUFFIX);
        Files.move(path, target);
        path = target;
        deleted = true;
    }

    @Override
    protected void deallocate() {
        try {
            channel.close();
            if (deleted) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("Could not close or delete segment file {}", path, e);
        }
    }

    @Override
    public Segment touch(Object hint) {
        return this;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
