package io.mq.broker.storage;

import static io.mq.broker.storage.StoreFixture.P0;
import static io.mq.broker.storage.StoreFixture.P1;
import static io.mq.broker.storage.StoreFixture.appendOk;
import static io.mq.broker.storage.StoreFixture.options;
import static io.mq.broker.storage.StoreFixture.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.Errors;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CommitLogStore#deleteRecordsBefore}: advancing a partition's log start offset by whole batches. */
class DeleteRecordsTest {

    @AfterAll
    static void noFileRecordsLeaked() throws InterruptedException {
        StoreFixture.reportLeakedFileRecords();
    }

    @TempDir
    Path dir;

    @Test
    void wholeBatchesBeforeTheOffsetAreDroppedAndTheBatchHoldingItStays() {
        try (CommitLogStore store = StoreFixture.open(options(dir))) {
            store.createPartition(P0);
            appendOk(store, P0, Batches.batch(1, "a", "b"));
            appendOk(store, P0, Batches.batch(1, "c", "d"));
            appendOk(store, P0, Batches.batch(1, "e"));

            assertThat(store.deleteRecordsBefore(P0, 3)).isEqualTo(2);

            assertThat(store.logStartOffset(P0)).isEqualTo(2);
            assertThat(values(store, P0)).containsExactly("c", "d", "e");
            FetchSlice old = store.read(P0, 0, 1024);
            old.records().release();
            assertThat(old.error()).isEqualTo(Errors.OFFSET_OUT_OF_RANGE);
        }
    }

    @Test
    void deletingUpToTheLogEndEmptiesThePartitionButKeepsItsOffsets() {
        try (CommitLogStore store = StoreFixture.open(options(dir))) {
            store.createPartition(P0);
            appendOk(store, P0, Batches.batch(1, "a"));
            appendOk(store, P0, Batches.batch(1, "b"));

            assertThat(store.deleteRecordsBefore(P0, store.logEndOffset(P0))).isEqualTo(2);

            assertThat(store.logEndOffset(P0)).isEqualTo(2);
            assertThat(appendOk(store, P0, Batches.batch(1, "c"))).isEqualTo(2);
        }
    }

    @Test
    void theNewLogStartSurvivesACleanRestartAndOtherPartitionsAreUntouched() {
        try (CommitLogStore store = StoreFixture.open(options(dir))) {
            store.createPartition(P0);
            store.createPartition(P1);
            appendOk(store, P0, Batches.batch(1, "a"));
            appendOk(store, P1, Batches.batch(1, "x"));
            appendOk(store, P0, Batches.batch(1, "b"));
            store.deleteRecordsBefore(P0, 1);
        }

        try (CommitLogStore store = StoreFixture.open(options(dir))) {
            assertThat(store.logStartOffset(P0)).isEqualTo(1);
            assertThat(values(store, P0)).containsExactly("b");
            assertThat(values(store, P1)).containsExactly("x");
        }
    }

    @Test
    void unknownPartitionAnswersMinusOne() {
        try (CommitLogStore store = StoreFixture.open(options(dir))) {
            assertThat(store.deleteRecordsBefore(P0, 5)).isEqualTo(-1);
        }
    }
}
