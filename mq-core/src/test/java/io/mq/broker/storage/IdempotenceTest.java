package io.mq.broker.storage;

import static io.mq.broker.storage.StoreFixture.P0;
import static io.mq.broker.storage.StoreFixture.P1;
import static io.mq.broker.storage.StoreFixture.append;
import static io.mq.broker.storage.StoreFixture.appendOk;
import static io.mq.broker.storage.StoreFixture.crashCopy;
import static io.mq.broker.storage.StoreFixture.open;
import static io.mq.broker.storage.StoreFixture.options;
import static io.mq.broker.storage.StoreFixture.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.Errors;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotenceTest {

    @AfterAll
    static void noFileRecordsLeaked() throws InterruptedException {
        StoreFixture.reportLeakedFileRecords();
    }

    private static final long PID = 4000;
    private static final short EPOCH = 3;

    @TempDir
    Path dir;

    @TempDir
    Path crashed;

    @Test
    void retriedBatchIsNotAppendedAgainAndGetsItsOriginalOffset() {
        try (CommitLogStore store = open(options(dir))) {
            store.createPartition(P0);
            appendOk(store, P0, Batches.batch(1, "plain"));
            appendOk(store, P0, Batches.idempotent(PID, EPOCH, 0, "a", "b"));
            appendOk(store, P0, Batches.idempotent(PID, EPOCH, 2, "c"));

            AppendResult retry = append(store, P0, Batches.idempotent(PID, EPOCH, 0, "a", "b"));

            assertThat(retry.error()).isEqualTo(Errors.NONE);
            assertThat(retry.duplicate()).isTrue();
            assertThat(retry.baseOffset()).isEqualTo(1);
            assertThat(retry.durable()).isDone();
            assertThat(store.logEndOffset(P0)).isEqualTo(4);
            assertThat(values(store, P0)).containsExactly("plain", "a", "b", "c");
        }
    }

    @Test
    void producerStateIsKeptPerPartition() {
        try (CommitLogStore store = open(options(dir))) {
            store.createPartition(P0);
            store.createPartition(P1);
            appendOk(store, P0, Batches.idempotent(PID, EPOCH, 0, "a"));

            AppendResult other = append(store, P1, Batches.idempotent(PID, EPOCH, 0, "a"));

            assertThat(other.duplicate()).isFalse();
            assertThat(other.baseOffset()).isZero();
            assertThat(store.logEndOffset(P1)).isEqualTo(1);
        }
    }

    @Test
    void olderEpochIsFenced() {
        try (CommitLogStore store = open(options(dir))) {
            store.createPartition(P0);
            appendOk(store, P0, Batches.idempotent(PID, EPOCH, 0, "a"));

            AppendResult stale = append(store, P0, Batches.idempotent(PID, (short) (EPOCH - 1), 1, "b"));

            assertThat(stale.error()).isEqualTo(Errors.INVALID_PRODUCER_EPOCH);
            assertThat(stale.baseOffset()).isEqualTo(-1);
            assertThat(store.logEndOffset(P0)).isEqualTo(1);
        }
    }

    @Test
    void sequenceGapIsOutOfOrder() {
        try (CommitLogStore store = open(options(dir))) {
            store.createPartition(P0);
            appendOk(store, P0, Batches.idempotent(PID, EPOCH, 0, "a", "b"));

            assertThat(append(store, P0, Batches.idempotent(PID, EPOCH, 3, "d")).error())
                    .isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);
            assertThat(append(store, P0, Batches.idempotent(PID, EPOCH, 1, "b")).error())
                    .isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);
            assertThat(appendOk(store, P0, Batches.idempotent(PID, EPOCH, 2, "c"))).isEqualTo(2);
        }
    }

    @Test
    void newEpochMustStartAtSequenceZero() {
        try (CommitLogStore store = open(options(dir))) {
            store.createPartition(P0);
            appendOk(store, P0, Batches.idempotent(PID, EPOCH, 0, "a"));

            assertThat(append(store, P0, Batches.idempotent(PID, (short) (EPOCH + 1), 5, "x")).error())
                    .isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);
            assertThat(appendOk(store, P0, Batches.idempotent(PID, (short) (EPOCH + 1), 0, "y"))).isEqualTo(1);
        }
    }

    @Test
    void firstBatchOfAnUnknownProducerIsAcceptedAtAnySequence() {
        try (CommitLogStore store = open(options(dir))) {
            store.createPartition(P0);

            assertThat(appendOk(store, P0, Batches.idempotent(PID, EPOCH, 42, "a"))).isZero();
            assertThat(appendOk(store, P0, Batches.idempotent(PID, EPOCH, 43, "b"))).isEqualTo(1);
        }
    }

    @Test
    void nonIdempotentBatchesAreNeverDeduplicated() {
        try (CommitLogStore store = open(options(dir))) {
            store.createPartition(P0);
            appendOk(store, P0, Batches.batch(1, "a"));

            AppendResult again = append(store, P0, Batches.batch(1, "a"));

            assertThat(again.duplicate()).isFalse();
            assertThat(again.baseOffset()).isEqualTo(1);
        }
    }

    @Test
    void retriesAreRecognisedAfterAnUncleanRestart() {
        try (CommitLogStore store = open(options(dir))) {
            store.createPartition(P0);
            appendOk(store, P0, Batches.idempotent(PID, EPOCH, 0, "a"));
            appendOk(store, P0, Batches.idempotent(PID, EPOCH, 1, "b", "c"));
            crashCopy(dir, crashed);
        }

        try (CommitLogStore store = open(options(crashed))) {
            AppendResult retry = append(store, P0, Batches.idempotent(PID, EPOCH, 1, "b", "c"));
            assertThat(retry.duplicate()).isTrue();
            assertThat(retry.baseOffset()).isEqualTo(1);
            assertThat(append(store, P0, Batches.idempotent(PID, EPOCH, 5, "x")).error())
                    .isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);
            assertThat(appendOk(store, P0, Batches.idempotent(PID, EPOCH, 3, "d"))).isEqualTo(3);
        }
    }

    @Test
    void retriesAreRecognisedAfterACleanRestartAndACrashOnTopOfIt() {
        try (CommitLogStore store = open(options(dir))) {
            store.createPartition(P0);
            appendOk(store, P0, Batches.idempotent(PID, EPOCH, 0, "a"));
        }
        try (CommitLogStore store = open(options(dir))) {
            assertThat(append(store, P0, Batches.idempotent(PID, EPOCH, 0, "a")).baseOffset()).isZero();
            appendOk(store, P0, Batches.idempotent(PID, EPOCH, 1, "b"));
            crashCopy(dir, crashed);
        }

        try (CommitLogStore store = open(options(crashed))) {
            AppendResult first = append(store, P0, Batches.idempotent(PID, EPOCH, 0, "a"));
            AppendResult second = append(store, P0, Batches.idempotent(PID, EPOCH, 1, "b"));
            assertThat(first.duplicate()).isTrue();
            assertThat(first.baseOffset()).isZero();
            assertThat(second.duplicate()).isTrue();
            assertThat(second.baseOffset()).isEqualTo(1);
            assertThat(store.logEndOffset(P0)).isEqualTo(2);
        }
    }
}
