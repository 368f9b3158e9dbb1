package io.mq.broker.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A partition's persisted index, {@code index/<storage id>.idx}: fixed 32-byte entries (baseOffset i64, position
 * i64, size i32, lastOffsetDelta i32, maxTimestamp i64), appended by checkpoints and rewritten when mostly
 * trimmed by retention. Only entries below the checkpoint's log end offset are trusted.
 */
final class IndexFile {

    static final String DIR = "index";
    static final int ENTRY_BYTES = 32;
    private static final Pattern NAME = Pattern.compile("(\\d+)\\.idx");

    private IndexFile() {
    }

    /**
     * The entries of a loaded file.
     *
     * @param entries     the live entries, in offset order
     * @param fileEntries entries left in the file (including ones trimmed by retention)
     */
    record Loaded(List<PartitionIndex.Entry> entries, long fileEntries) {
    }

    static Path path(Path indexDir, long logId) {
        return indexDir.resolve(logId + ".idx");
    }

    /**
     * Reads the entries with offsets in [{@code logStartOffset}, {@code logEndOffset}) and cuts off anything
     * after them (written by a checkpoint that did not complete).
     */
    static Loaded load(Path file, long logStartOffset, long logEndOffset) throws IOException {
        List<PartitionIndex.Entry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Loaded(entries, 0);
        }
        ByteBuffer content = ByteBuffer.wrap(Files.readAllBytes(file));
        long kept = 0;
        while (content.remaining() >= ENTRY_BYTES) {
            PartitionIndex.Entry entry = read(content);
            if (entry.baseOffset() >= logEndOffset) {
                break;
            }
            kept++;
            if (entry.lastOffset() >= logStartOffset) {
                entries.add(entry);
            }
        }
        if (content.capacity() != kept * ENTRY_BYTES) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(kept * ENTRY_BYTES);
                channel.force(true);
            }
        }
        return new Loaded(entries, kept);
    }

    /** Appends {@code entries} and forces the file. */
    static void append(Path file, List<PartitionIndex.Entry> entries) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer content = encode(entries);
            while (content.hasRemaining()) {
                channel.write(content);
            }
            channel.force(false);
        }
    }

    /** Replaces the file with exactly {@code entries}, atomically. */
    static void rewrite(Path file, List<PartitionIndex.Entry> entries) throws IOException {
        AtomicFiles.write(file, encode(entries));
    }

    /** Deletes index files whose storage id is not in {@code live}, and leftover temporary files. */
    static void removeOrphans(Path indexDir, Set<Long> live) throws IOException {
        Set<Path> orphans = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(indexDir)) {
            for (Path file : files) {
                Matcher matcher = NAME.matcher(file.getFileName().toString());
                if (!matcher.matches() || !live.contains(Long.parseLong(matcher.group(1)))) {
                    orphans.add(file);
                }
            }
        }
        for (Path orphan : orphans) {
            Files.delete(orphan);
        }
    }

    private static PartitionIndex.Entry read(ByteBuffer in) {
        long baseOffset = in.getLong();
        long position = in.getLong();
        int size = in.getInt();
        int lastOffsetDelta = in.getInt();
        long maxTimestamp = in.getLong();
        return new PartitionIndex.Entry(baseOffset, lastOffsetDelta, position, size, maxTimestamp);
    }

    private static ByteBuffer encode(List<PartitionIndex.Entry> entries) {
        ByteBuffer content = ByteBuffer.allocate(entries.size() * ENTRY_BYTES);
        for (PartitionIndex.Entry entry : entries) {
            content.putLong(entry.baseOffset()).putLong(entry.position()).putInt(entry.size())
                    .putInt(entry.lastOffsetDelta()).putLong(entry.maxTimestamp());
        }
        return content.flip();
    }
}
