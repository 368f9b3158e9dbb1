package io.mq.producer.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.metadata.TopicPartition;
import io.mq.producer.FatalSendException;
import io.mq.producer.Persistence;
import io.mq.producer.ProducerInterceptor;
import io.mq.producer.ProducerOptions;
import io.mq.producer.ProducerRecord;
import io.mq.producer.RetriableSendException;
import io.mq.producer.SendConfigurationException;
import io.mq.producer.SendFailedException;
import io.mq.producer.SendResult;
import io.mq.producer.partitioner.PartitionView;
import io.mq.producer.partitioner.StickyPartitioner;
import io.mq.protocol.Errors;
import io.mq.protocol.record.CompressionType;
import io.mq.protocol.record.Record;
import io.mq.protocol.record.RecordBatch;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordAccumulatorTest {

    private static final String TOPIC = "orders";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final TopicPartition P2 = new TopicPartition(TOPIC, 2);
    private static final List<TopicPartition> ALL = List.of(P0, P1, P2);
    private static final int MAX_REQUEST = 1024 * 1024;
    private static final Duration HOUR = Duration.ofHours(1);

    private final ManualTime time = new ManualTime();
    private final DefaultProducerMetrics metrics = new DefaultProducerMetrics();
    private BufferPool pool;
    private IdempotenceState idempotence;
    private RecordAccumulator accumulator;

    @AfterEach
    void everyBatchEndsAndReturnsItsMemory() {
        if (accumulator == null) {
            return;
        }
        accumulator.abortAll(new IllegalStateException("test over"));
        assertThat(accumulator.incompleteBatches()).isZero();
        assertThat(pool.availableMemory()).isEqualTo(pool.totalMemory());
    }

    @Test
    void recordsFillOneBatchUntilItIsFullAndThenItIsReady() {
        accumulator = accumulator(options().batchSize(1024).linger(HOUR));
        List<SendFuture> futures = new ArrayList<>();
        AppendResult result;
        do {
            futures.add(new SendFuture());
            result = accumulator.append(record(0, 100), 0, futures.get(futures.size() - 1), false, false);
        } while (result != AppendResult.READY);
        int inFirstBatch = futures.size() - 1;

        assertThat(inFirstBatch).isGreaterThan(5);
        assertThat(accumulator.ready(time.nanoTime()).readyPartitions()).containsExactly(P0);
        List<ProducerBatch> drained = accumulator.drain(ALL, MAX_REQUEST, time.nanoTime());

        assertThat(drained).singleElement().satisfies(batch -> {
            assertThat(batch.recordCount()).isEqualTo(inFirstBatch);
            assertThat(batch.sizeInBytes()).isLessThanOrEqualTo(1024);
            RecordBatch wire = RecordBatch.at(batch.buffer());
            wire.ensureValid();
            assertThat(wire.recordsCount()).isEqualTo(inFirstBatch);
            assertThat(batch.decodeRecords()).extracting(Record::value).allSatisfy(v -> assertThat(v).hasSize(100));
        });
        assertThat(accumulator.ready(time.nanoTime()).readyPartitions()).as("the overflow batch lingers").isEmpty();

        drained.get(0).complete(500, -1);
        assertThat(futures.get(0)).isCompletedWithValue(new SendResult(TOPIC, 0, 500, time.currentTimeMillis()));
        assertThat(futures.get(inFirstBatch - 1).join().offset()).isEqualTo(500 + inFirstBatch - 1);
        assertThat(futures.get(inFirstBatch)).isNotDone();
    }

    @Test
    void aBatchThatIsNotFullWaitsForLinger() {
        accumulator = accumulator(options().linger(Duration.ofMillis(10)));
        assertThat(accumulator.append(record(1, 10), 1, null, false, false)).isEqualTo(AppendResult.NEW_BATCH);
        assertThat(accumulator.append(record(1, 10), 1, null, false, false)).isEqualTo(AppendResult.APPENDED);

        ReadyCheck early = accumulator.ready(time.nanoTime());
        assertThat(early.readyPartitions()).isEmpty();
        assertThat(early.nextCheckNanos()).isEqualTo(time.nanoTime() + Duration.ofMillis(10).toNanos());
        assertThat(accumulator.drain(ALL, MAX_REQUEST, time.nanoTime())).isEmpty();

        time.advance(Duration.ofMillis(10));

        assertThat(accumulator.ready(time.nanoTime()).readyPartitions()).containsExactly(P1);
        assertThat(accumulator.drain(ALL, MAX_REQUEST, time.nanoTime())).singleElement()
                .satisfies(batch -> assertThat(batch.recordCount()).isEqualTo(2));
    }

    @Test
    void aSynchronousSendSkipsLinger() {
        accumulator = accumulator(options().linger(HOUR));
        accumulator.append(record(0, 10), 0, null, false, false);

        assertThat(accumulator.append(record(0, 10), 0, new SendFuture(), true, false))
                .isEqualTo(AppendResult.READY);
        assertThat(accumulator.ready(time.nanoTime()).readyPartitions()).containsExactly(P0);
    }

    @Test
    void flushReadiesEveryBatchAndCompletesWhenTheyHaveCompleted() {
        accumulator = accumulator(options().linger(HOUR));
        accumulator.append(record(0, 10), 0, null, false, false);
        accumulator.append(record(2, 10), 2, null, false, false);

        CompletableFuture<Void> flushed = accumulator.flush();

        assertThat(accumulator.flushInProgress()).isTrue();
        assertThat(accumulator.ready(time.nanoTime()).readyPartitions()).containsExactlyInAnyOrder(P0, P2);
        List<ProducerBatch> drained = accumulator.drain(ALL, MAX_REQUEST, time.nanoTime());
        drained.get(0).complete(0, -1);
        assertThat(flushed).isNotDone();
        drained.get(1).fail(new RetriableSendException("boom", TOPIC, 0, "RETRY_LATER", Persistence.NOT_PERSISTED));
        assertThat(flushed).isDone();
        assertThat(accumulator.flushInProgress()).isFalse();
    }

    @Test
    void retriesGoBackAheadOfNewerBatchesInTheirOriginalOrderAfterTheirBackoff() {
        accumulator = accumulator(options().linger(Duration.ZERO));
        ProducerBatch a = appendAndDrainOne(0);
        ProducerBatch b = appendAndDrainOne(0);
        accumulator.append(record(0, 10), 0, null, false, false); // batch c, never sent
        long retryAt = time.nanoTime() + Duration.ofMillis(100).toNanos();

        accumulator.reenqueue(b, retryAt);
        accumulator.reenqueue(a, retryAt);

        ReadyCheck backingOff = accumulator.ready(time.nanoTime());
        assertThat(backingOff.readyPartitions()).isEmpty();
        assertThat(backingOff.nextCheckNanos()).isEqualTo(retryAt);
        time.advance(Duration.ofMillis(100));
        assertThat(drainOne()).isSameAs(a);
        assertThat(drainOne()).isSameAs(b);
        assertThat(drainOne().attempts()).isEqualTo(1);
        assertThat(a.attempts()).isEqualTo(2);
        assertThat(metrics.retries()).isEqualTo(2);
    }

    @Test
    void withOneRequestInFlightAPartitionWaitsForItsBatchToComplete() {
        accumulator = accumulator(options().linger(Duration.ZERO).maxInFlightPerConnection(1));
        ProducerBatch a = appendAndDrainOne(0);
        accumulator.append(record(0, 10), 0, null, false, false);

        assertThat(accumulator.ready(time.nanoTime()).readyPartitions()).isEmpty();
        a.complete(0, -1);

        assertThat(accumulator.ready(time.nanoTime()).readyPartitions()).containsExactly(P0);
    }

    @Test
    void idempotentBatchesAreStampedAndARetryWaitsUntilItIsTheOldestUnresolved() {
        accumulator = idempotentAccumulator();
        ProducerBatch a = appendAndDrainOne(0);
        ProducerBatch b = appendAndDrainOne(0);
        assertThat(RecordBatch.at(a.buffer()).producerId()).isEqualTo(42L);
        assertThat(RecordBatch.at(a.buffer()).baseSequence()).isZero();
        assertThat(RecordBatch.at(b.buffer()).baseSequence()).isEqualTo(a.recordCount());

        assertThat(idempotence.onError(P0, b.producerEpoch(), b.baseSequence(), Errors.NOT_ENOUGH_REPLICAS))
                .isEqualTo(IdempotenceState.ErrorAction.RETRY);
        accumulator.reenqueue(b, time.nanoTime());
        assertThat(accumulator.ready(time.nanoTime()).readyPartitions()).as("a is still unresolved").isEmpty();

        idempotence.onAcknowledged(P0, a.producerEpoch(), a.baseSequence());
        a.complete(0, -1);

        assertThat(drainOne()).isSameAs(b);
        assertThat(RecordBatch.at(b.buffer()).baseSequence()).isEqualTo(a.recordCount());
    }

    @Test
    void afterAnEpochBumpARetriedBatchIsRestampedWithANewEpochAndSequenceZero() {
        accumulator = idempotentAccumulator();
        appendAndDrainOne(0).complete(0, -1); // sequence 0 acknowledged... then the broker loses track
        idempotence.onAcknowledged(P0, (short) 0, 0);
        ProducerBatch retried = appendAndDrainOne(0);
        assertThat(retried.baseSequence()).isEqualTo(1);

        idempotence.onError(P0, retried.producerEpoch(), retried.baseSequence(), Errors.UNKNOWN_PRODUCER_ID);
        accumulator.reenqueue(retried, time.nanoTime());
        assertThat(accumulator.ready(time.nanoTime()).readyPartitions()).as("waits for the bump").isEmpty();
        assertThat(idempotence.bumpEpoch()).isTrue();

        assertThat(drainOne()).isSameAs(retried);
        RecordBatch wire = RecordBatch.at(retried.buffer());
        assertThat(wire.producerEpoch()).isEqualTo((short) 1);
        assertThat(wire.baseSequence()).isZero();
        assertThat(wire.isChecksumValid()).isTrue();
    }

    @Test
    void batchesPastTheDeliveryTimeoutExpireWithATypedError() {
        accumulator = accumulator(options().linger(Duration.ZERO).requestTimeout(Duration.ofSeconds(1))
                .deliveryTimeout(Duration.ofSeconds(1)));
        SendFuture neverSent = new SendFuture();
        accumulator.append(record(0, 10), 0, neverSent, false, false);
        accumulator.append(record(1, 10), 1, null, false, false);
        ProducerBatch unanswered = accumulator.drain(List.of(P1), MAX_REQUEST, time.nanoTime()).get(0);
        accumulator.reenqueue(unanswered, time.nanoTime());
        assertThat(accumulator.ready(time.nanoTime()).nextCheckNanos()).as("the delivery deadline")
                .isEqualTo(time.nanoTime() + Duration.ofSeconds(1).toNanos());

        assertThat(accumulator.expire(time.nanoTime())).isEmpty();
        time.advance(Duration.ofSeconds(1));
        List<ProducerBatch> expired = accumulator.expire(time.nanoTime());

        assertThat(expired).hasSize(2);
        assertThat(neverSent).isCompletedExceptionally();
        assertThatThrownBy(neverSent::join).cause().isInstanceOfSatisfying(RetriableSendException.class, e -> {
            assertThat(e.code()).isEqualTo(SendFailedException.DELIVERY_TIMEOUT);
            assertThat(e.persistence()).isEqualTo(Persistence.NOT_PERSISTED);
            assertThat(e).hasMessageContaining("orders-0");
        });
        assertThat(unanswered.finalState()).isEqualTo(ProducerBatch.FinalState.FAILED);
        assertThat(metrics.recordErrorsByCode()).containsEntry(SendFailedException.DELIVERY_TIMEOUT, 2L);
    }

    @Test
    void anUnansweredAttemptMakesAnExpiredBatchPossiblyPersisted() {
        accumulator = accumulator(options().linger(Duration.ZERO).requestTimeout(Duration.ofSeconds(1))
                .deliveryTimeout(Duration.ofSeconds(1)));
        SendFuture future = new SendFuture();
        accumulator.append(record(0, 10), 0, future, false, false);
        ProducerBatch batch = drainOne();
        batch.markPossiblyPersisted();
        accumulator.reenqueue(batch, time.nanoTime());

        time.advance(Duration.ofSeconds(2));
        accumulator.expire(time.nanoTime());

        assertThatThrownBy(future::join).cause().isInstanceOfSatisfying(SendFailedException.class,
                e -> assertThat(e.persistence()).isEqualTo(Persistence.POSSIBLY_PERSISTED));
    }

    @Test
    void anOversizedRecordFailsAtOnceWithoutDisturbingTheOpenBatch() {
        accumulator = accumulator(options().linger(HOUR).batchSize(1024).maxRequestSize(4096));
        PartitionView view = accumulator.partitionView(TOPIC, new int[] {1, 1, 1});
        accumulator.append(record(0, 10), 0, null, false, false);

        assertThatThrownBy(() -> accumulator.append(record(0, 5000), 0, null, false, false))
                .isInstanceOfSatisfying(SendConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(SendFailedException.RECORD_TOO_LARGE);
                    assertThat(e.persistence()).isEqualTo(Persistence.NOT_PERSISTED);
                });

        assertThat(view.completedBatches(0)).isZero();
        assertThat(accumulator.append(record(0, 10), 0, null, false, false)).isEqualTo(AppendResult.APPENDED);
        assertThat(accumulator.append(record(0, 2000), 0, null, false, false))
                .as("larger than a batch but within a request: a batch of its own").isEqualTo(AppendResult.READY);
        accumulator.flush();
        assertThat(drainOne().recordCount()).isEqualTo(2);
        assertThat(drainOne().recordCount()).isEqualTo(1);
    }

    @Test
    void drainTakesOneBatchPerPartitionWithinTheRequestSizeAndRotates() {
        accumulator = accumulator(options().linger(Duration.ZERO).batchSize(1024));
        for (TopicPartition tp : ALL) {
            accumulator.append(record(tp.partition(), 900), tp.partition(), null, false, false);
        }

        List<TopicPartition> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<ProducerBatch> drained = accumulator.drain(ALL, 1500, time.nanoTime());
            assertThat(drained).hasSize(1);
            seen.add(drained.get(0).topicPartition());
        }

        assertThat(seen).containsExactlyInAnyOrderElementsOf(ALL);
    }

    @Test
    void aRecordsOwnPartitionWinsAndAMissingOneFails() {
        accumulator = accumulator(options().linger(HOUR));
        PartitionView view = accumulator.partitionView(TOPIC, new int[] {1, 2, 3});
        AtomicInteger partitionerCalls = new AtomicInteger();
        StickyPartitioner sticky = new StickyPartitioner();

        accumulator.append(record(2, 10), (t, k, v, p) -> partitionerCalls.incrementAndGet(), view, null, false);
        accumulator.flush();

        assertThat(partitionerCalls).hasValue(0);
        assertThat(drainOne().topicPartition()).isEqualTo(P2);
        assertThatThrownBy(() -> accumulator.append(record(5, 10), sticky, view, null, false))
                .isInstanceOfSatisfying(FatalSendException.class,
                        e -> assertThat(e.code()).isEqualTo(SendFailedException.INVALID_PARTITION));
    }

    @Test
    void stickyPlacementFillsWholeBatchesBeforeSwitchingPartitions() {
        accumulator = accumulator(options().linger(HOUR).batchSize(1024));
        PartitionView view = accumulator.partitionView(TOPIC, new int[] {1, 2, 3});
        StickyPartitioner sticky = new StickyPartitioner();
        int records = 40;
        for (int i = 0; i < records; i++) {
            accumulator.append(keyless(100), sticky, view, null, false);
        }

        accumulator.flush();
        List<ProducerBatch> batches = new ArrayList<>();
        for (List<ProducerBatch> drained = accumulator.drain(ALL, MAX_REQUEST, time.nanoTime()); !drained.isEmpty();
                drained = accumulator.drain(ALL, MAX_REQUEST, time.nanoTime())) {
            batches.addAll(drained);
        }

        int perBatch = batches.stream().mapToInt(ProducerBatch::recordCount).max().orElseThrow();
        assertThat(batches.stream().mapToInt(ProducerBatch::recordCount).sum()).isEqualTo(records);
        assertThat(batches).as("every batch but the last is full").hasSize((records + perBatch - 1) / perBatch);
        assertThat(batches.stream().filter(b -> b.recordCount() < perBatch)).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void abortFailsQueuedAndInFlightBatches() {
        accumulator = accumulator(options().linger(Duration.ZERO));
        SendFuture inFlight = new SendFuture();
        accumulator.append(record(0, 10), 0, inFlight, false, false);
        drainOne();
        SendFuture queued = new SendFuture();
        accumulator.append(record(0, 10), 0, queued, false, false);

        assertThat(accumulator.abortAll(new IllegalStateException("closing now"))).isEqualTo(2);

        assertThatThrownBy(inFlight::join).cause().isInstanceOfSatisfying(FatalSendException.class,
                e -> assertThat(e.persistence()).isEqualTo(Persistence.POSSIBLY_PERSISTED))
                .hasMessageContaining("closing now");
        assertThatThrownBy(queued::join).cause().isInstanceOfSatisfying(FatalSendException.class,
                e -> assertThat(e.persistence()).isEqualTo(Persistence.NOT_PERSISTED));
        assertThat(accumulator.hasQueuedBatches()).isFalse();
    }

    @Test
    void closingRefusesAppendsAndReadiesWhatIsQueued() {
        accumulator = accumulator(options().linger(HOUR));
        accumulator.append(record(0, 10), 0, null, false, false);
        assertThat(accumulator.ready(time.nanoTime()).readyPartitions()).isEmpty();

        accumulator.close();

        assertThat(accumulator.ready(time.nanoTime()).readyPartitions()).containsExactly(P0);
        assertThatThrownBy(() -> accumulator.append(record(0, 10), 0, null, false, false))
                .isInstanceOfSatisfying(FatalSendException.class,
                        e -> assertThat(e.code()).isEqualTo(SendFailedException.PRODUCER_CLOSED));
    }

    @Test
    void completionReportsLogAppendTimeToFuturesInterceptorsAndMetrics() {
        List<String> acknowledged = new ArrayList<>();
        ProducerInterceptor interceptor = new ProducerInterceptor() {
            @Override
            public void onAcknowledgement(SendResult result, SendFailedException failure) {
                acknowledged.add(result != null ? "ok " + result.offset() : "failed " + failure.code());
            }
        };
        accumulator = accumulator(options().linger(Duration.ZERO).interceptor(interceptor));
        SendFuture future = new SendFuture();
        accumulator.append(record(0, 10), 0, null, false, false);
        accumulator.append(record(0, 10), 0, future, false, false);
        ProducerBatch batch = drainOne();

        assertThat(batch.complete(70, 12345L)).isTrue();
        assertThat(batch.complete(80, -1)).as("only once").isFalse();
        assertThat(batch.fail(new RetriableSendException("late", TOPIC, 0, "X", Persistence.NOT_PERSISTED)))
                .isFalse();

        assertThat(future).isCompletedWithValue(new SendResult(TOPIC, 0, 71, 12345L));
        assertThat(acknowledged).containsExactly("ok 70", "ok 71");
        assertThat(metrics.recordsSent()).isEqualTo(2);
        assertThat(metrics.bytesSent()).isPositive();
        assertThat(metrics.batchSizeBytes().count()).isEqualTo(1);
        assertThat(metrics.recordsPerBatch().max()).isEqualTo(2);
        assertThat(metrics.bufferTotalBytes()).isEqualTo(pool.totalMemory());
    }

    @Test
    void acksZeroCompletesWithUnknownOffsets() {
        accumulator = accumulator(options().linger(Duration.ZERO));
        SendFuture future = new SendFuture();
        accumulator.append(record(0, 10), 0, future, false, false);

        drainOne().complete(SendResult.UNKNOWN_OFFSET, -1);

        assertThat(future.join().hasOffset()).isFalse();
    }

    @Test
    void compressedBatchesAreCompressedAndSmallOnesAreSentPlain() {
        accumulator = accumulator(options().linger(HOUR).batchSize(4096).compression(CompressionType.LZ4)
                .compressionMinBatchSize(512));
        AppendResult result;
        do {
            result = accumulator.append(record(0, 200), 0, null, false, false);
        } while (result != AppendResult.READY);
        accumulator.append(record(1, 20), 1, null, false, false);
        accumulator.flush();

        List<ProducerBatch> drained = accumulator.drain(ALL, MAX_REQUEST, time.nanoTime());
        ProducerBatch big = drained.stream().filter(b -> b.topicPartition().equals(P0)).findFirst().orElseThrow();
        ProducerBatch small = drained.stream().filter(b -> b.topicPartition().equals(P1)).findFirst().orElseThrow();

        assertThat(RecordBatch.at(big.buffer()).compressionType()).isEqualTo(CompressionType.LZ4);
        assertThat(big.sizeInBytes()).isLessThan(big.recordCount() * 200);
        assertThat(big.decodeRecords()).hasSize(big.recordCount())
                .allSatisfy(r -> assertThat(r.value()).isEqualTo(value(200)));
        assertThat(RecordBatch.at(small.buffer()).compressionType()).isEqualTo(CompressionType.NONE);
        assertThat(small.decodeRecords()).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo(value(20)));
    }

    @Test
    void concurrentSendersAndADrainingThreadLoseNoRecordAndLeakNothing() throws Exception {
        accumulator = accumulator(options().linger(Duration.ZERO).batchSize(2048).compression(CompressionType.LZ4)
                .compressionMinBatchSize(256).maxRequestSize(16 * 1024).bufferMemory(64 * 1024).blockWhenFull(Duration.ofSeconds(30)));
        PartitionView view = accumulator.partitionView(TOPIC, new int[] {1, 2, 3});
        StickyPartitioner sticky = new StickyPartitioner();
        int threads = 4;
        int perThread = 2_000;
        List<CompletableFuture<SendResult>> futures = new CopyOnWriteArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        long[] nextOffset = new long[3];
        try {
            for (int t = 0; t < threads; t++) {
                senders.execute(() -> {
                    for (int i = 0; i < perThread; i++) {
                        SendFuture future = new SendFuture();
                        futures.add(future);
                        accumulator.append(keyless(50 + i % 100), sticky, view, future, false);
                    }
                });
            }
            senders.shutdown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(senders.isTerminated() && futures.stream().allMatch(CompletableFuture::isDone))) {
                assertThat(System.nanoTime()).as("all records completed in time").isLessThan(deadline);
                if (senders.isTerminated()) {
                    accumulator.flush();
                }
                for (ProducerBatch batch : accumulator.drain(ALL, MAX_REQUEST, time.nanoTime())) {
                    int partition = batch.topicPartition().partition();
                    assertThat(batch.decodeRecords()).hasSize(batch.recordCount());
                    batch.complete(nextOffset[partition], -1);
                    nextOffset[partition] += batch.recordCount();
                }
                Thread.onSpinWait();
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(futures).hasSize(threads * perThread);
        for (TopicPartition tp : ALL) {
            List<Long> offsets = futures.stream().map(CompletableFuture::join)
                    .filter(r -> r.partition() == tp.partition()).map(SendResult::offset).sorted().toList();
            assertThat(offsets).hasSize((int) nextOffset[tp.partition()]);
            assertThat(offsets).isEqualTo(LongStream.range(0, offsets.size()).boxed().toList());
        }
    }

    @Test
    void afterANewProducerIdQueuedBatchesGetFreshSequencesUnderIt() {
        accumulator = idempotentAccumulator();
        ProducerBatch first = appendAndDrainOne(0);
        assertThat(first.baseSequence()).isZero();
        idempotence.onError(P0, first.producerEpoch(), first.baseSequence(), Errors.INVALID_PRODUCER_EPOCH);
        accumulator.reenqueue(first, time.nanoTime());
        assertThat(accumulator.ready(time.nanoTime()).readyPartitions()).as("waits for the new id").isEmpty();

        idempotence.initialize(43L, (short) 0); // a new id, with the same epoch number as before

        assertThat(drainOne()).isSameAs(first);
        RecordBatch wire = RecordBatch.at(first.buffer());
        assertThat(wire.producerId()).isEqualTo(43L);
        assertThat(wire.baseSequence()).isZero();
        assertThat(idempotence.nextSequence(P0)).isEqualTo(first.recordCount());
    }

    @Test
    void aRecordTooLargeForAnyBatchIsRefusedBeforeItIsQueuedAnywhere() {
        accumulator = accumulator(options().maxRequestSize(4096).batchSize(1024));

        assertThat(accumulator.checkSize(record(0, 100), 0)).isEqualTo(RecordAccumulator.estimateRecordSize(
                record(0, 100)));
        assertThatThrownBy(() -> accumulator.checkSize(record(0, 5000), SendFailedException.NO_PARTITION))
                .isInstanceOfSatisfying(SendConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(SendFailedException.RECORD_TOO_LARGE);
                    assertThat(e.partition()).isEqualTo(SendFailedException.NO_PARTITION);
                });
        assertThat(accumulator.incompleteBatches()).isZero();
    }

    @Test
    void withLingerOffEveryBatchIsReadyAtOnceIncludingLaterOnesAndAppendsStillWork() {
        accumulator = accumulator(options().linger(HOUR));
        accumulator.append(record(0, 10), 0, null, false, false);

        accumulator.lingerOff();
        accumulator.append(record(1, 10), 1, null, false, false);

        assertThat(accumulator.ready(time.nanoTime()).readyPartitions()).containsExactlyInAnyOrder(P0, P1);
        assertThat(accumulator.isClosed()).isFalse();
    }

    @Test
    void expiredBatchesCanBeHandedToTheCallerWhichForwardsTheirRecords() {
        accumulator = accumulator(options().linger(Duration.ofSeconds(1)).requestTimeout(Duration.ofSeconds(1))
                .deliveryTimeout(Duration.ofSeconds(2)));
        SendFuture original = new SendFuture();
        accumulator.append(ProducerRecord.builder(TOPIC).partition(2).key("k".getBytes()).value(value(30))
                .header("h", new byte[] {7}).timestamp(1234L).build(), 2, original, false, false);
        List<Record> forwarded = new ArrayList<>();
        SendFuture deadLetter = new SendFuture();
        time.advance(Duration.ofSeconds(2));

        List<ProducerBatch> expired = accumulator.expire(time.nanoTime(), (batch, failure) -> {
            assertThat(failure.code()).isEqualTo(SendFailedException.DELIVERY_TIMEOUT);
            assertThat(batch.forward(failure, record -> {
                forwarded.add(record);
                return deadLetter;
            })).isTrue();
        });

        assertThat(expired).hasSize(1);
        assertThat(forwarded).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("k".getBytes());
            assertThat(r.value()).isEqualTo(value(30));
            assertThat(r.timestamp()).isEqualTo(1234L);
            assertThat(r.headers()).extracting(h -> h.key()).containsExactly("h");
        });
        assertThat(original).isNotDone();
        assertThat(expired.get(0).whenDone()).isNotDone();
        deadLetter.complete(new SendResult("dead", 0, 9, 1234L));
        assertThat(original).isCompletedWithValue(new SendResult("dead", 0, 9, 1234L));
        assertThat(expired.get(0).whenDone()).isDone();
        assertThat(metrics.recordsDeadLettered()).isEqualTo(1);
        assertThat(metrics.recordErrorsByCode()).containsEntry(SendFailedException.DELIVERY_TIMEOUT, 1L);
    }

    @Test
    void aFailedForwardFailsTheOriginalRecordWithItsOwnFailure() {
        accumulator = accumulator(options().linger(Duration.ZERO));
        SendFuture original = new SendFuture();
        accumulator.append(record(0, 10), 0, original, false, false);
        ProducerBatch batch = drainOne();
        RetriableSendException failure = new RetriableSendException("gone", TOPIC, 0, "X", Persistence.NOT_PERSISTED);

        batch.forward(failure, record -> CompletableFuture.failedFuture(new IllegalStateException("dlt down")));

        assertThatThrownBy(original::join).cause().isSameAs(failure);
        assertThat(failure.getSuppressed()).singleElement().isInstanceOf(IllegalStateException.class);
        assertThat(batch.forward(failure, record -> new CompletableFuture<>())).as("only once").isFalse();
    }

    @Test
    void abortAllCanNameItsReasonAndCode() {
        accumulator = accumulator(options().linger(HOUR));
        SendFuture future = new SendFuture();
        accumulator.append(record(0, 10), 0, future, false, false);

        assertThat(accumulator.abortAll("closed before delivery", SendFailedException.PRODUCER_CLOSED, null))
                .isEqualTo(1);

        assertThatThrownBy(future::join).cause().isInstanceOfSatisfying(FatalSendException.class, e -> {
            assertThat(e.code()).isEqualTo(SendFailedException.PRODUCER_CLOSED);
            assertThat(e).hasMessageContaining("closed before delivery");
        });
    }

    // ---- helpers ----

    private ProducerOptions.Builder options() {
        return ProducerOptions.builder().idempotence(false).deliveryTimeout(Duration.ofHours(3))
                .bufferMemory(1024 * 1024);
    }

    private RecordAccumulator accumulator(ProducerOptions.Builder builder) {
        ProducerOptions options = builder.build();
        pool = new BufferPool(options.bufferMemory(), options.backpressure(), options.maxBlock(),
                PooledByteBufAllocator.DEFAULT);
        idempotence = options.idempotence() ? new IdempotenceState() : null;
        return new RecordAccumulator(options, pool, idempotence, new ProducerInterceptors("test-producer", options.interceptors()),
                metrics, time);
    }

    private RecordAccumulator idempotentAccumulator() {
        RecordAccumulator idempotent = accumulator(options().idempotence(true).linger(Duration.ZERO));
        idempotence.initialize(42L, (short) 0);
        return idempotent;
    }

    private ProducerBatch appendAndDrainOne(int partition) {
        accumulator.append(record(partition, 10), partition, null, false, false);
        return drainOne();
    }

    private ProducerBatch drainOne() {
        List<ProducerBatch> drained = accumulator.drain(ALL, MAX_REQUEST, time.nanoTime());
        assertThat(drained).hasSize(1);
        return drained.get(0);
    }

    private static ProducerRecord record(int partition, int valueSize) {
        return ProducerRecord.builder(TOPIC).partition(partition).value(value(valueSize)).build();
    }

    private static ProducerRecord keyless(int valueSize) {
        return ProducerRecord.of(TOPIC, value(valueSize));
    }

    private static byte[] value(int size) {
        byte[] value = new byte[size];
        Arrays.fill(value, (byte) 'x');
        return value;
    }
}
