package io.mq.broker.storage;

import static io.mq.broker.storage.StoreFixture.P0;
import static io.mq.broker.storage.StoreFixture.append;
import static io.mq.broker.storage.StoreFixture.appendOk;
import static io.mq.broker.storage.StoreFixture.crashCopy;
import static io.mq.broker.storage.StoreFixture.open;
import static io.mq.broker.storage.StoreFixture.options;
import static io.mq.broker.storage.StoreFixture.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.Errors;
import io.mq.protocol.record.RecordBatch;
import io.mq.protocol.record.RecordBatches;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving a partition between stores: fencing, resetting to a start offset and importing batches at their offsets. */
class PartitionImportTest {

    private static final long PID = 7000;
    private static final short EPOCH = 1;

    @TempDir
    Path source;

    @TempDir
    Path target;

    @TempDir
    Path crashed;

    @AfterAll
    static void noFileRecordsLeaked() throws InterruptedException {
        StoreFixture.reportLeakedFileRecords();
    }

    @Test
    void fencedPartitionRefusesAppendsUntilUnfenced() {
        try (CommitLogStore store = open(options(source))) {
            store.createPartition(P0);
            appendOk(store, P0, Batches.batch(1, "a"));

            assertThat(store.fence(P0, true)).isTrue();
            AppendResult fenced = append(store, P0, Batches.batch(1, "b"));
            store.fence(P0, false);

            assertThat(fenced.error()).isEqualTo(Errors.NOT_LEADER_OR_FOLLOWER);
            assertThat(appendOk(store, P0, Batches.batch(1, "c"))).isEqualTo(1);
            assertThat(values(store, P0)).containsExactly("a", "c");
            assertThat(store.fence(StoreFixture.P2, true)).isFalse();
        }
    }

    @Test
    void importedBatchesKeepTheirOffsetsAndProducerStateSoARetryIsRecognised() {
        try (CommitLogStore from = open(options(source)); CommitLogStore to = open(options(target))) {
            from.createPartition(P0);
            appendOk(from, P0, Batches.batch(1, "x", "y"));
            appendOk(from, P0, Batches.idempotent(PID, EPOCH, 0, "a", "b"));
            appendOk(from, P0, Batches.idempotent(PID, EPOCH, 2, "c"));
            from.deleteRecordsBefore(P0, 2);

            copy(from, to);
            AppendResult retry = append(to, P0, Batches.idempotent(PID, EPOCH, 2, "c"));
            AppendResult gap = append(to, P0, Batches.idempotent(PID, EPOCH, 9, "z"));

            assertThat(to.logStartOffset(P0)).isEqualTo(2);
            assertThat(to.logEndOffset(P0)).isEqualTo(5);
            assertThat(values(to, P0)).containsExactly("a", "b", "c");
            assertThat(retry.duplicate()).isTrue();
            assertThat(retry.baseOffset()).isEqualTo(4);
            assertThat(gap.error()).isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);
            assertThat(appendOk(to, P0, Batches.idempotent(PID, EPOCH, 3, "d"))).isEqualTo(5);
        }
    }

    @Test
    void resetPartitionDropsOldDataAndItsStartOffsetSurvivesACrash() {
        try (CommitLogStore from = open(options(source)); CommitLogStore to = open(options(target))) {
            from.createPartition(P0);
            for (int i = 0; i < 5; i++) {
                appendOk(from, P0, Batches.batch(1, "v" + i));
            }
            from.deleteRecordsBefore(P0, 3);
            to.createPartition(P0);
            appendOk(to, P0, Batches.batch(1, "stale"));

            copy(from, to);
            crashCopy(target, crashed);
        }
        try (CommitLogStore recovered = open(options(crashed))) {
            assertThat(recovered.logStartOffset(P0)).isEqualTo(3);
            assertThat(recovered.logEndOffset(P0)).isEqualTo(5);
            assertThat(values(recovered, P0)).containsExactly("v3", "v4");
            assertThat(appendOk(recovered, P0, Batches.batch(1, "v5"))).isEqualTo(5);
        }
    }

    @Test
    void importRejectsABatchThatDoesNotFollowTheLogEnd() {
        try (CommitLogStore store = open(options(target))) {
            store.resetPartition(P0, 10);
            ByteBuf batch = Batches.batch(1, "a");
            try {
                RecordBatch.at(batch).setBaseOffset(11);
                assertThatThrownBy(() -> store.appendReplicated(P0, batch))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not follow log end 10");
                RecordBatch.at(batch).setBaseOffset(10);
                assertThat(store.appendReplicated(P0, batch).baseOffset()).isEqualTo(10);
            } finally {
                batch.release();
            }
            assertThat(store.logEndOffset(P0)).isEqualTo(11);
        }
    }

    /** Copies {@code P0} as a cluster moving it would: reset at the log start, then every batch at its offset. */
    private static void copy(CommitLogStore from, CommitLogStore to) {
        to.resetPartition(P0, from.logStartOffset(P0));
        FetchSlice slice = from.read(P0, from.logStartOffset(P0), Integer.MAX_VALUE);
        ByteBuf bytes = Unpooled.buffer(slice.records().sizeInBytes());
        try {
            slice.records().writeTo(bytes);
            for (RecordBatch batch : RecordBatches.of(bytes)) {
                AppendResult result = to.appendReplicated(P0, bytes.slice(batch.start(), batch.sizeInBytes()));
                assertThat(result.error()).isEqualTo(Errors.NONE);
                assertThat(result.baseOffset()).isEqualTo(batch.baseOffset());
            }
        } finally {
            slice.records().release();
            bytes.release();
        }
    }
}
