package io.mq.broker.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.Errors;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.record.RecordBatch;

/** Shared helpers for store tests: partitions, appends that release their buffer, full reads, crash copies. */
final class StoreFixture {

    static final PartitionId P0 = new PartitionId(new UUID(1, 1), 0);
    static final PartitionId P1 = new PartitionId(new UUID(1, 1), 1);
    static final PartitionId P2 = new PartitionId(new UUID(2, 2), 0);

    private StoreFixture() {
    }

    /** Options with long intervals so that no background work interferes unless a test asks for it. */
    static StorageOptions.Builder options(Path dir) {
        return StorageOptions.builder(dir).flushInterval(java.time.Duration.ofHours(1))
                .retentionCheckInterval(java.time.Duration.ofHours(1));
    }

    static CommitLogStore open(StorageOptions.Builder options) {
        return CommitLogStore.open(options.build(), id -> Retention.UNLIMITED);
    }

    /** Appends and releases {@code batch}; asserts success and that the store left the caller's buffer alone. */
    static AppendResult append(CommitLogStore store, PartitionId id, ByteBuf batch) {
        try {
            AppendResult result = store.append(id, batch);
            assertThat(batch.refCnt()).isEqualTo(1);
            return result;
        } finally {
            batch.release();
        }
    }

    static long appendOk(CommitLogStore store, PartitionId id, ByteBuf batch) {
        AppendResult result = append(store, id, batch);
        assertThat(result.error()).isEqualTo(Errors.NONE);
        return result.baseOffset();
    }

    /** Reads the whole partition from its log start in slices of {@code maxBytes}. */
    static List<RecordBatch> readAll(CommitLogStore store, PartitionId id, int maxBytes) {
        List<RecordBatch> batches = new ArrayList<>();
        long offset = store.logStartOffset(id);
        while (offset < store.logEndOffset(id)) {
            FetchSlice slice = store.read(id, offset, maxBytes);
            try {
                assertThat(slice.error()).isEqualTo(Errors.NONE);
                List<RecordBatch> read = Batches.decode(slice.records());
                assertThat(read).isNotEmpty();
                batches.addAll(read);
                offset = read.get(read.size() - 1).nextOffset();
            } finally {
                slice.records().release();
            }
        }
        return batches;
    }

    static List<String> values(CommitLogStore store, PartitionId id) {
        return Batches.values(readAll(store, id, Integer.MAX_VALUE));
    }

    /**
     * Copies the files of an open store's directory, as a crash would leave them once the OS wrote its cache
     * (no clean-shutdown marker, no final checkpoint).
     */
    static Path crashCopy(Path dir, Path target) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(dir.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (!file.getFileName().toString().equals(DirectoryLock.FILE)) {
                    Files.copy(file, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes Netty report {@link FileRecords} that were garbage-collected without being released: a leak detector
     * reports when it tracks a new object, and the shared leak extension only allocates buffers. Call from
     * {@code @AfterAll}, which runs before the extension checks for reports.
     */
    static void reportLeakedFileRecords() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
            FileRecords.empty().release();
        }
    }

    /** The commit-log segment files, oldest first. */
    static List<Path> segmentFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir.resolve(CommitLog.DIR))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
