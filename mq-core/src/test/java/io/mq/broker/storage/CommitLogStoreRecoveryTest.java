package io.mq.broker.storage;

import static io.mq.broker.storage.StoreFixture.P0;
import static io.mq.broker.storage.StoreFixture.P1;
import static io.mq.broker.storage.StoreFixture.appendOk;
import static io.mq.broker.storage.StoreFixture.crashCopy;
import static io.mq.broker.storage.StoreFixture.open;
import static io.mq.broker.storage.StoreFixture.options;
import static io.mq.broker.storage.StoreFixture.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class CommitLogStoreRecoveryTest {

    @AfterAll
    static void noFileRecordsLeaked() throws InterruptedException {
        StoreFixture.reportLeakedFileRecords();
    }

    @TempDir
    Path dir;

    @TempDir
    Path crashed;

    private final Logger recoveryLog = (Logger) LoggerFactory.getLogger(Recovery.class);
    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();

    @BeforeEach
    void captureRecoveryLog() {
        warnings.start();
        recoveryLog.addAppender(warnings);
    }

    @AfterEach
    void releaseRecoveryLog() {
        recoveryLog.detachAppender(warnings);
    }

    @Test
    void cleanRestartKeepsPartitionsOffsetsAndData() {
        try (CommitLogStore store = open(options(dir).segmentBytes(512))) {
            store.createPartition(P0);
            store.createPartition(P1);
            for (int i = 0; i < 20; i++) {
                appendOk(store, P0, Batches.batch(i, "a" + i));
                appendOk(store, P1, Batches.batch(i, "b" + i, "c" + i));
            }
        }
        assertThat(dir.resolve(CommitLogStore.CLEAN_SHUTDOWN_MARKER)).exists();

        try (CommitLogStore store = open(options(dir).segmentBytes(512))) {
            assertThat(dir.resolve(CommitLogStore.CLEAN_SHUTDOWN_MARKER)).doesNotExist();
            assertThat(store.logEndOffset(P0)).isEqualTo(20);
            assertThat(store.logEndOffset(P1)).isEqualTo(40);
            assertThat(values(store, P0)).hasSize(20).startsWith("a0").endsWith("a19");
            assertThat(values(store, P1)).hasSize(40).startsWith("b0", "c0").endsWith("c19");
            assertThat(appendOk(store, P0, Batches.batch(1, "next"))).isEqualTo(20);
        }
        assertThat(warnings.list).noneMatch(e -> e.getLevel().toString().equals("WARN"));
    }

    @Test
    void partitionsCreatedTogetherSurviveARestartWithSeparateLogs() {
        PartitionId p2 = new PartitionId(P0.topicId(), 2);
        try (CommitLogStore store = open(options(dir))) {
            store.createPartition(P0);
            appendOk(store, P0, Batches.batch(0, "kept"));
            store.createPartitions(java.util.List.of(P0, P1, p2, P1)); // P0 exists, P1 named twice
            appendOk(store, P1, Batches.batch(0, "one"));
            appendOk(store, p2, Batches.batch(0, "two", "three"));
        }
        try (CommitLogStore store = open(options(dir))) {
            assertThat(values(store, P0)).containsExactly("kept");
            assertThat(values(store, P1)).containsExactly("one");
            assertThat(values(store, p2)).containsExactly("two", "three");
        }
    }

    @Test
    void secondOpenOfTheSameDirectoryFailsNamingIt() {
        try (CommitLogStore store = open(options(dir))) {
            assertThatThrownBy(() -> open(options(dir)))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining(dir.toString());
            store.createPartition(P0);
        }
        try (CommitLogStore reopened = open(options(dir))) {
            assertThat(reopened.hasPartition(P0)).isTrue();
        }
    }

    @Test
    void uncleanRestartRebuildsIndexesFromTheCommitLog() {
        try (CommitLogStore store = open(options(dir).segmentBytes(512))) {
            store.createPartition(P0);
            store.createPartition(P1);
            for (int i = 0; i < 15; i++) {
                appendOk(store, P0, Batches.batch(i, "a" + i));
                appendOk(store, P1, Batches.batch(i, "b" + i));
            }
            crashCopy(dir, crashed);
        }

        try (CommitLogStore store = open(options(crashed).segmentBytes(512))) {
            assertThat(store.logEndOffset(P0)).isEqualTo(15);
            assertThat(values(store, P0)).hasSize(15).endsWith("a14");
            assertThat(values(store, P1)).hasSize(15).endsWith("b14");
            assertThat(appendOk(store, P1, Batches.batch(1, "next"))).isEqualTo(15);
        }
    }

    @Test
    void uncleanRestartAfterACleanOneCombinesPersistedIndexAndReplayedTail() {
        try (CommitLogStore store = open(options(dir))) {
            store.createPartition(P0);
            appendOk(store, P0, Batches.batch(1, "before-1", "before-2"));
        }
        try (CommitLogStore store = open(options(dir))) {
            store.createPartition(P1);
            appendOk(store, P0, Batches.batch(2, "after"));
            appendOk(store, P1, Batches.batch(2, "new"));
            crashCopy(dir, crashed);
        }

        try (CommitLogStore store = open(options(crashed))) {
            assertThat(values(store, P0)).containsExactly("before-1", "before-2", "after");
            assertThat(values(store, P1)).containsExactly("new");
        }
    }

    @Test
    void truncatedTailIsCutAndEarlierDataSurvives() throws IOException {
        try (CommitLogStore store = open(options(dir))) {
            store.createPartition(P0);
            appendOk(store, P0, Batches.batch(1, "one"));
            appendOk(store, P0, Batches.batch(2, "two"));
            appendOk(store, P0, Batches.batch(3, "three"));
            crashCopy(dir, crashed);
        }
        Path segment = StoreFixture.segmentFiles(crashed).get(0);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(file.length() - 7);
        }

        try (CommitLogStore store = open(options(crashed))) {
            assertThat(values(store, P0)).containsExactly("one", "two");
            assertThat(store.logEndOffset(P0)).isEqualTo(2);
            assertThat(appendOk(store, P0, Batches.batch(4, "again"))).isEqualTo(2);
            assertThat(values(store, P0)).containsExactly("one", "two", "again");
        }
        assertThat(warnings.list).anySatisfy(e -> {
            assertThat(e.getLevel().toString()).isEqualTo("WARN");
            assertThat(e.getFormattedMessage()).contains(segment.toString()).contains("torn");
        });
    }

    @Test
    void corruptedByteInTheLastEntryIsCutAndEarlierDataSurvives() throws IOException {
        try (CommitLogStore store = open(options(dir))) {
            store.createPartition(P0);
            appendOk(store, P0, Batches.batch(1, "one"));
            appendOk(store, P0, Batches.batch(2, "two"));
            crashCopy(dir, crashed);
        }
        Path segment = StoreFixture.segmentFiles(crashed).get(0);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(file.length() - 2);
            int value = file.read();
            file.seek(file.length() - 2);
            file.write(value ^ 0x40);
        }

        try (CommitLogStore store = open(options(crashed))) {
            assertThat(values(store, P0)).containsExactly("one");
            assertThat(store.logEndOffset(P0)).isEqualTo(1);
        }
        assertThat(warnings.list).anySatisfy(e ->
                assertThat(e.getFormattedMessage()).contains(segment.toString()).contains("checksum"));
    }

    @Test
    void corruptedBaseOffsetIsCaughtByTheEntryHeaderChecksum() throws IOException {
        try (CommitLogStore store = open(options(dir))) {
            store.createPartition(P0);
            appendOk(store, P0, Batches.batch(1, "one"));
            appendOk(store, P0, Batches.batch(2, "two"));
            crashCopy(dir, crashed);
        }
        Path segment = StoreFixture.segmentFiles(crashed).get(0);
        long secondEntry = Files.size(segment) / 2;
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(secondEntry + EntryHeader.SIZE + 7);
            file.write(9);
        }

        try (CommitLogStore store = open(options(crashed))) {
            assertThat(values(store, P0)).containsExactly("one");
        }
        assertThat(warnings.list).anySatisfy(e ->
                assertThat(e.getFormattedMessage()).contains("entry header checksum"));
    }

    @Test
    void corruptionInAnEarlierSegmentDropsEverythingAfterIt() throws IOException {
        try (CommitLogStore store = open(options(dir).segmentBytes(200))) {
            store.createPartition(P0);
            for (int i = 0; i < 6; i++) {
                appendOk(store, P0, Batches.batch(i, "value-" + i));
            }
            crashCopy(dir, crashed);
        }
        List<Path> segments = StoreFixture.segmentFiles(crashed);
        assertThat(segments).hasSizeGreaterThan(2);
        try (RandomAccessFile file = new RandomAccessFile(segments.get(1).toFile(), "rw")) {
            file.seek(file.length() - 3);
            file.write(file.read() ^ 1);
        }

        try (CommitLogStore store = open(options(crashed).segmentBytes(200))) {
            long kept = store.logEndOffset(P0);
            assertThat(kept).isLessThan(6);
            assertThat(values(store, P0)).hasSize((int) kept);
            assertThat(StoreFixture.segmentFiles(crashed)).hasSize(2);
        }
    }

    @Test
    void deletedPartitionNeverResurrectsAfterACrashOrACleanRestart() {
        try (CommitLogStore store = open(options(dir))) {
            store.createPartition(P0);
            store.createPartition(P1);
            appendOk(store, P0, Batches.batch(1, "gone"));
            appendOk(store, P1, Batches.batch(1, "kept"));
            store.deletePartition(P0);
            assertThat(store.hasPartition(P0)).isFalse();
            assertThat(StoreFixture.append(store, P0, Batches.batch(1, "x")).error())
                    .isEqualTo(io.mq.protocol.Errors.UNKNOWN_TOPIC_OR_PARTITION);
            crashCopy(dir, crashed);
        }

        for (Path restarted : List.of(dir, crashed)) {
            try (CommitLogStore store = open(options(restarted))) {
                assertThat(store.hasPartition(P0)).isFalse();
                assertThat(values(store, P1)).containsExactly("kept");
                store.createPartition(P0);
                assertThat(store.logEndOffset(P0)).isZero();
                assertThat(appendOk(store, P0, Batches.batch(1, "fresh"))).isZero();
                assertThat(values(store, P0)).containsExactly("fresh");
            }
        }
    }

    @Test
    void recoveryRestoresLogStartOffsetsAfterACrash() throws IOException {
        try (CommitLogStore store = CommitLogStore.open(options(dir).build(), id -> new Retention(-1, 0))) {
            store.createPartition(P0);
            appendOk(store, P0, Batches.batch(1, "a"));
            appendOk(store, P0, Batches.batch(1, "b"));
            store.enforceRetention();
            assertThat(store.logStartOffset(P0)).isEqualTo(2);
            appendOk(store, P0, Batches.batch(1, "c"));
            crashCopy(dir, crashed);
        }

        try (CommitLogStore store = open(options(crashed))) {
            assertThat(store.logStartOffset(P0)).isEqualTo(2);
            assertThat(values(store, P0)).containsExactly("c");
        }
    }
}
