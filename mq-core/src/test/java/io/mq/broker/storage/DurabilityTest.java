package io.mq.broker.storage;

import static io.mq.broker.storage.StoreFixture.P0;
import static io.mq.broker.storage.StoreFixture.P1;
import static io.mq.broker.storage.StoreFixture.append;
import static io.mq.broker.storage.StoreFixture.open;
import static io.mq.broker.storage.StoreFixture.options;
import static io.mq.broker.storage.StoreFixture.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.Errors;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurabilityTest {

    @AfterAll
    static void noFileRecordsLeaked() throws InterruptedException {
        StoreFixture.reportLeakedFileRecords();
    }

    @TempDir
    Path dir;

    @Test
    void syncAppendBecomesDurableAfterAFlush() throws Exception {
        try (CommitLogStore store = open(options(dir).flushMode(FlushMode.SYNC))) {
            store.createPartition(P0);

            AppendResult result = append(store, P0, Batches.batch(1, "a"));

            result.durable().get(30, TimeUnit.SECONDS);
            assertThat(store.stats().flushCount()).isPositive();
        }
    }

    @Test
    void concurrentSyncAppendsShareFsyncs() throws Exception {
        int threads = 4;
        int perThread = 100;
        try (CommitLogStore store = open(options(dir).flushMode(FlushMode.SYNC))) {
            store.createPartition(P0);
            store.createPartition(P1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<CompletableFuture<Void>>>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    PartitionId id = t % 2 == 0 ? P0 : P1;
                    work.add(pool.submit(() -> {
                        List<CompletableFuture<Void>> durable = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            AppendResult result = append(store, id, Batches.batch(i, "v" + i));
                            assertThat(result.error()).isEqualTo(Errors.NONE);
                            durable.add(result.durable());
                        }
                        return durable;
                    }));
                }
                for (Future<List<CompletableFuture<Void>>> future : work) {
                    CompletableFuture.allOf(future.get(60, TimeUnit.SECONDS).toArray(CompletableFuture[]::new))
                            .get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            StorageStats stats = store.stats();
            assertThat(stats.appendedRecords()).isEqualTo(threads * perThread);
            assertThat(stats.flushCount()).isPositive().isLessThan(threads * perThread);
            assertThat(store.logEndOffset(P0) + store.logEndOffset(P1)).isEqualTo(threads * perThread);
        }
    }

    @Test
    void asyncAppendIsAcknowledgedAtOnceAndFlushedOnceEnoughBytesAreDirty() throws Exception {
        try (CommitLogStore store = open(options(dir).flushMode(FlushMode.ASYNC).flushDirtyBytes(1))) {
            store.createPartition(P0);

            AppendResult result = append(store, P0, Batches.batch(1, "a"));

            assertThat(result.durable()).isDone();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (store.stats().flushCount() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(store.stats().flushCount()).isPositive();
        }
    }

    @Test
    void asyncModeFlushesEveryInterval() throws Exception {
        try (CommitLogStore store = open(options(dir).flushMode(FlushMode.ASYNC).flushInterval(Duration.ofMillis(20)))) {
            store.createPartition(P0);
            append(store, P0, Batches.batch(1, "a"));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (store.stats().flushCount() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(store.stats().flushCount()).isPositive();
        }
    }

    @Test
    void closeCompletesPendingDurabilityAndAppendsAfterwardsFail() throws Exception {
        AppendResult result;
        CommitLogStore store = open(options(dir).flushMode(FlushMode.SYNC));
        store.createPartition(P0);
        result = append(store, P0, Batches.batch(1, "a"));
        store.close();

        result.durable().get(30, TimeUnit.SECONDS);
        assertThat(append(store, P0, Batches.batch(1, "b")).error()).isEqualTo(Errors.KAFKA_STORAGE_ERROR);
        FetchSlice slice = store.read(P0, 0, 100);
        slice.records().release();
        assertThat(slice.error()).isEqualTo(Errors.KAFKA_STORAGE_ERROR);
        try (CommitLogStore reopened = open(options(dir))) {
            assertThat(values(reopened, P0)).containsExactly("a");
        }
    }
}
