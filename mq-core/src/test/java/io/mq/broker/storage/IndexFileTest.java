package io.mq.broker.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.storage.PartitionIndex.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexFileTest {

    @TempDir
    Path dir;

    private static List<Entry> entries(long from, long to) {
        return LongStream.range(from, to).mapToObj(o -> new Entry(o, 0, o * 100, 80, o)).toList();
    }

    @Test
    void loadKeepsTheCheckpointedRangeAndCutsWhatFollows() throws IOException {
        Path file = IndexFile.path(dir, 3);
        IndexFile.append(file, entries(0, 4));
        IndexFile.append(file, entries(4, 6));
        Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);

        IndexFile.Loaded loaded = IndexFile.load(file, 2, 5);

        assertThat(loaded.entries()).extracting(Entry::baseOffset).containsExactly(2L, 3L, 4L);
        assertThat(loaded.entries().get(1)).isEqualTo(new Entry(3, 0, 300, 80, 3));
        assertThat(loaded.fileEntries()).isEqualTo(5);
        assertThat(Files.size(file)).isEqualTo(5L * IndexFile.ENTRY_BYTES);
    }

    @Test
    void aMissingFileHasNoEntries() throws IOException {
        assertThat(IndexFile.load(IndexFile.path(dir, 9), 0, 0).entries()).isEmpty();
    }

    @Test
    void rewriteReplacesTheContent() throws IOException {
        Path file = IndexFile.path(dir, 1);
        IndexFile.append(file, entries(0, 10));

        IndexFile.rewrite(file, entries(8, 10));

        assertThat(IndexFile.load(file, 8, 10).entries()).extracting(Entry::baseOffset).containsExactly(8L, 9L);
    }

    @Test
    void orphansAndStrayFilesAreRemoved() throws IOException {
        IndexFile.append(IndexFile.path(dir, 1), entries(0, 1));
        IndexFile.append(IndexFile.path(dir, 2), entries(0, 1));
        Files.write(dir.resolve("2.idx.tmp"), new byte[] {0});

        IndexFile.removeOrphans(dir, Set.of(1L));

        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("1.idx");
        }
    }
}
