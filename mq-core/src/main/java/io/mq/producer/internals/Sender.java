package io.mq.producer.internals;

import io.mq.client.MqException;
import io.mq.client.MqExceptions;
import io.mq.client.internal.ConnectionPool;
import io.mq.metadata.Cluster;
import io.mq.metadata.MetadataManager;
import io.mq.metadata.Node;
import io.mq.metadata.TopicMetadata;
import io.mq.metadata.TopicPartition;
import io.mq.producer.ProducerOptions;
import io.mq.producer.SendFailedException;
import io.mq.producer.SendResult;
import io.mq.producer.partitioner.NodeObserver;
import io.mq.producer.partitioner.Partitioner;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.message.ProduceRequest;
import io.mq.protocol.message.ProduceRequest.PartitionProduceData;
import io.mq.protocol.message.ProduceRequest.TopicProduceData;
import io.mq.protocol.message.ProduceResponse;
import io.mq.protocol.message.ProduceResponse.PartitionProduceResponse;
import io.mq.protocol.message.ProduceResponse.TopicProduceResponse;
import io.mq.protocol.record.MemoryRecords;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer engine's I/O side. A run expires batches past their delivery timeout, asks the accumulators which
 * partitions have a batch ready, groups them by leader and drains, per leader with room in flight (the in-flight limit
 * per connection times the connections per broker), ONE Produce request, plus one {@code acks=0} request for
 * fire-and-forget batches, sent through the {@link ConnectionPool}. What happens to each batch once its request is
 * answered or fails is {@link ProduceOutcomes}' business; an idempotent producer's id and epoch are
 * {@link ProducerIdManager}'s (nothing idempotent is drained before it has an id); records parked for topics without
 * metadata are released or failed by {@link TopicWaits}. A fatal error stops the sender: everything pending fails
 * with it, and the producer refuses later sends.
 *
 * <p>Closing delivers what is pending without linger until nothing is left or the close timeout passes, then fails
 * the rest with {@link SendFailedException#PRODUCER_CLOSED}.
 *
 * <p>Threading: everything runs on ONE event loop of the shared client resources; no thread of its own, never a
 * sleep. A run is triggered by appends that make a batch ready or start one (coalesced: at most one wake-up task is
 * queued, and a new batch wakes the sender only if its linger ends before the next scheduled run), by its own timer
 * (linger, retry backoff, delivery deadlines), by answers, and by metadata refreshes it asked for (a ready partition
 * without a known leader, a stale-routing error). Answers arriving on connection loops hop to this loop.
 */
final class Sender {

    private static final Logger log = LoggerFactory.getLogger(Sender.class);

    private final String clientId;
    private final EventLoop loop;
    private final ConnectionPool pool;
    private final MetadataManager metadata;
    private final ProducerOptions options;
    private final RecordAccumulator accumulator;
    private final RecordAccumulator onewayAccumulator;
    private final List<RecordAccumulator> accumulators;
    private final DefaultProducerMetrics metrics;
    private final NodeObserver observer;
    private final Time time;
    private final Consumer<MqException> onFatal;
    private final RecordRouter router;
    private final TopicWaits topicWaits;
    private final ProducerIdManager producerIds;
    private final ProduceOutcomes outcomes;
    private final int maxInFlightPerBroker;
    private final long lingerNanos;

    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    /** When the next run is due (the timer), {@link Long#MAX_VALUE} if none is; read by appending threads. */
    private volatile long nextRunNanos = Long.MAX_VALUE;
    private final AtomicInteger requestsInFlight = new AtomicInteger();

    // ---- confined to the loop ----
    private final Map<Node, Integer> inFlightByBroker = new HashMap<>();
    private final List<FlushBarrier> flushBarriers = new ArrayList<>();
    private ScheduledFuture<?> timer;
    private long timerAtNanos;
    private boolean metadataUpdatePending;
    private MqException fatalError;
    private CompletableFuture<Void> drained;
    private ScheduledFuture<?> closeTimer;
    private boolean stopped;

    /**
     * @param accumulator       batches sent with the configured acks
     * @param onewayAccumulator batches sent with acks=0 (the same accumulator when acks is already 0)
     * @param parking           where records of topics without metadata wait
     * @param idempotence       the idempotent state, null without idempotence
     * @param onFatal           told (on the loop) when a fatal error stops the producer
     */
    Sender(String clientId, EventLoop loop, ConnectionPool pool, MetadataManager metadata, ProducerOptions options,
            RecordAccumulator accumulator, RecordAccumulator onewayAccumulator, RecordsQueuedForUnknownTopic parking,
            IdempotenceState idempotence, Partitioner partitioner, ProducerInterceptors interceptors,
            DefaultProducerMetrics metrics, Time time, Consumer<MqException> onFatal) {
        this.clientId = clientId;
        this.loop = loop;
        this.pool = pool;
        this.metadata = metadata;
        this.options = options;
        this.accumulator = accumulator;
        this.onewayAccumulator = onewayAccumulator;
        this.accumulators = accumulator == onewayAccumulator ? List.of(accumulator)
                : List.of(accumulator, onewayAccumulator);
        this.metrics = metrics;
        this.observer = partitioner instanceof NodeObserver nodeObserver ? nodeObserver : null;
        this.time = time;
        this.onFatal = onFatal;
        this.maxInFlightPerBroker = options.maxInFlightPerConnection() * pool.options().connectionsPerBroker();
        this.lingerNanos = options.linger().toNanos();
        this.router = new RecordRouter(metadata, accumulator, onewayAccumulator, parking, accumulator.bufferPool(),
                partitioner, interceptors, metrics, this, time);
        this.topicWaits = new TopicWaits(clientId, metadata, router, options.maxMetadataWait(), time, loop,
                () -> !stopped && fatalError == null, this::run);
        this.producerIds = idempotence == null ? null : new ProducerIdManager(clientId, idempotence, pool, metadata,
                options.backoff(), options.requestTimeout(), time, loop, this::run, this::fatal);
        this.outcomes = new ProduceOutcomes(clientId, options, idempotence, producerIds, router,
                this::requestMetadataUpdate, this::fatal, () -> !stopped && fatalError == null);
    }

    /** Where sending threads hand their records. */
    RecordRouter router() {
        return router;
    }

    /** Runs once now (an idempotent producer fetches its producer id at once). */
    void start() {
        loop.execute(this::run);
    }

    /** Produce requests sent and not yet answered (or written, for acks=0). */
    int requestsInFlight() {
        return requestsInFlight.get();
    }

    /** Told by an appending thread what its append did; wakes the sender when a batch needs it sooner. */
    void appended(AppendResult result) {
        if (result == AppendResult.READY) {
            wakeup();
        } else if (result == AppendResult.NEW_BATCH) {
            long next = nextRunNanos;
            if (next == Long.MAX_VALUE || time.nanoTime() + lingerNanos - next < 0) {
                wakeup();
            }
        }
    }

    /** Records of {@code topic} were parked: wait for its metadata (called once per topic until released). */
    void awaitTopic(String topic) {
        later(() -> {
            topicWaits.start(topic);
            run(); // a flush may wait for these records
        });
    }

    /**
     * Completes when every record sent so far has completed: first the records parked now leave the parking area,
     * then the accumulators are flushed.
     */
    CompletableFuture<Void> flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        long since = time.nanoTime();
        if (!onLoop(() -> {
            flushBarriers.add(new FlushBarrier(since, done));
            completeFlushBarriers();
        })) {
            done.complete(null);
        }
        return done;
    }

    /**
     * Delivers what is pending for at most {@code timeout}, then fails the rest with
     * {@link SendFailedException#PRODUCER_CLOSED} and stops. The accumulators refuse appends afterwards.
     *
     * @return completed once stopped
     */
    CompletableFuture<Void> close(Duration timeout) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!onLoop(() -> beginClose(timeout, done))) {
            stopped = true; // the loop is gone: nothing can be delivered any more
            abortEverything(timeout);
            done.complete(null);
        }
        return done;
    }

    // ---- everything below runs on the loop ----

    private void wakeup() {
        if (wakeupPending.compareAndSet(false, true) && !later(this::run)) {
            wakeupPending.set(false);
        }
    }

    private void run() {
        wakeupPending.set(false);
        nextRunNanos = Long.MAX_VALUE; // appends racing with this run wake another one
        if (stopped) {
            return;
        }
        long now = time.nanoTime();
        long next = Long.MAX_VALUE;
        if (fatalError == null) {
            if (producerIds != null) {
                next = producerIds.maintain(now, requestsInFlight.get());
            }
            for (RecordAccumulator acc : accumulators) {
                acc.expire(now, (batch, failure) -> outcomes.finish(batch, failure, null));
            }
            topicWaits.retryReleasesShortOfMemory();
            next = earliest(next, sendReady(now));
        }
        completeFlushBarriers();
        if (drained != null && isIdle()) {
            stop();
            return;
        }
        schedule(next, now);
    }

    private void schedule(long next, long now) {
        if (next != Long.MAX_VALUE && (timer == null || next - timerAtNanos < 0)) {
            if (timer != null) {
                timer.cancel(false);
            }
            timerAtNanos = next;
            timer = loop.schedule(() -> {
                timer = null;
                run();
            }, Math.max(0, next - now), TimeUnit.NANOSECONDS);
        }
        nextRunNanos = timer != null ? timerAtNanos : Long.MAX_VALUE;
    }

    /** Sends what is ready; returns when a batch not ready now becomes ready or expires. */
    private long sendReady(long now) {
        Cluster cluster = metadata.cluster();
        long next = Long.MAX_VALUE;
        boolean leaderMissing = false;
        boolean sent = false;
        for (RecordAccumulator acc : accumulators) {
            ReadyCheck check = acc.ready(now);
            next = earliest(next, check.nextCheckNanos());
            if (check.readyPartitions().isEmpty()) {
                continue;
            }
            Map<Node, List<TopicPartition>> byLeader = new LinkedHashMap<>();
            for (TopicPartition partition : check.readyPartitions()) {
                Node leader = leader(cluster, partition);
                if (leader == null) {
                    leaderMissing = true;
                } else {
                    byLeader.computeIfAbsent(leader, n -> new ArrayList<>()).add(partition);
                }
            }
            for (Map.Entry<Node, List<TopicPartition>> entry : byLeader.entrySet()) {
                Node leader = entry.getKey();
                if (inFlightByBroker.getOrDefault(leader, 0) >= maxInFlightPerBroker) {
                    continue; // its next answer runs the sender again
                }
                List<ProducerBatch> batches = acc.drain(entry.getValue(), options.maxRequestSize(), now);
                if (!batches.isEmpty()) {
                    sendProduce(leader, acc, batches);
                    sent = true;
                }
            }
        }
        if (leaderMissing) {
            requestMetadataUpdate();
        }
        if (sent) {
            wakeup(); // more may be ready, and room in flight: pipeline the next request
        }
        return next;
    }

    private void sendProduce(Node broker, RecordAccumulator acc, List<ProducerBatch> batches) {
        short acks = acc == onewayAccumulator && acc != accumulator ? 0 : options.acks().wireValue();
        Map<String, List<PartitionProduceData>> byTopic = new LinkedHashMap<>();
        ByteBuf[] buffers = new ByteBuf[batches.size()];
        for (int i = 0; i < buffers.length; i++) {
            ProducerBatch batch = batches.get(i);
            buffers[i] = batch.buffer().retainedDuplicate();
            byTopic.computeIfAbsent(batch.topicPartition().topic(), t -> new ArrayList<>())
                    .add(new PartitionProduceData(batch.topicPartition().partition(), new MemoryRecords(buffers[i])));
        }
        List<TopicProduceData> topics = new ArrayList<>(byTopic.size());
        byTopic.forEach((topic, partitions) -> topics.add(new TopicProduceData(topic, partitions)));
        ProduceRequest request = new ProduceRequest(null, acks, (int) Math.min(Integer.MAX_VALUE,
                options.requestTimeout().toMillis()), topics);
        inFlightByBroker.merge(broker, 1, Integer::sum);
        requestsInFlight.incrementAndGet();
        long sentNanos = time.nanoTime();
        CompletableFuture<ProduceResponse> answer = acks == 0
                ? pool.sendNoResponse(broker, ApiKey.PRODUCE, request).thenApply(written -> null)
                : pool.send(broker, ApiKey.PRODUCE, request, ProduceResponse::read, options.requestTimeout());
        answer.whenComplete((response, error) -> {
            for (ByteBuf buffer : buffers) {
                buffer.release();
            }
            later(() -> answered(broker, acc, batches, acks, sentNanos, response, error));
        });
    }

    private void answered(Node broker, RecordAccumulator acc, List<ProducerBatch> batches, short acks, long sentNanos,
            ProduceResponse response, Throwable error) {
        inFlightByBroker.merge(broker, -1, Integer::sum);
        requestsInFlight.decrementAndGet();
        if (stopped) {
            return; // its batches were failed when the producer stopped
        }
        long now = time.nanoTime();
        if (error != null) {
            Throwable cause = MqExceptions.unwrap(error);
            if (observer != null && MqExceptions.isRetriable(cause)) {
                observer.onRequestFailed(broker.id()); // partitioners learn before any caller does
            }
            outcomes.requestFailed(broker, acc, batches, cause, now);
        } else if (acks == 0) {
            for (ProducerBatch batch : batches) {
                batch.complete(SendResult.UNKNOWN_OFFSET, -1L);
            }
        } else {
            long latency = now - sentNanos;
            metrics.recordRequestLatency(latency);
            Map<TopicPartition, PartitionProduceResponse> results = index(response);
            if (observer != null) {
                if (results.values().stream().anyMatch(r -> Errors.forCode(r.errorCode()).retriable())) {
                    observer.onRequestFailed(broker.id());
                } else {
                    observer.onRequestCompleted(broker.id(), latency);
                }
            }
            for (ProducerBatch batch : batches) {
                if (!batch.isDone() && fatalError == null) {
                    outcomes.partitionAnswered(broker, acc, batch, results.get(batch.topicPartition()), now);
                }
            }
        }
        run();
    }

    // ---- metadata ----

    private void requestMetadataUpdate() {
        if (metadataUpdatePending) {
            return;
        }
        metadataUpdatePending = true;
        metadata.requestUpdate().whenComplete((cluster, error) -> later(() -> {
            metadataUpdatePending = false;
            run();
        }));
    }

    private static Node leader(Cluster cluster, TopicPartition partition) {
        TopicMetadata topic = cluster.topics().get(partition.topic());
        if (topic == null || partition.partition() >= topic.partitionCount()) {
            return null;
        }
        return topic.partitions().get(partition.partition()).leader();
    }

    // ---- stopping ----

    private void fatal(MqException failure) {
        if (fatalError != null || stopped) {
            return;
        }
        fatalError = failure;
        log.error("[{}] Producer stopped by a fatal error from {} [{}]: {}. Every pending and later send fails.",
                clientId, failure.broker().map(Node::toString).orElse("no broker"),
                MqExceptions.errorCode(failure), failure.getMessage());
        onFatal.accept(failure); // later sends are refused before anyone sees a pending one fail
        String reason = "the producer stopped after a fatal error: " + failure.getMessage();
        for (RecordAccumulator acc : accumulators) {
            acc.abortAll(reason, SendFailedException.PRODUCER_FAILED, failure);
        }
        router.abortAll(reason, SendFailedException.PRODUCER_FAILED, failure);
    }

    private void beginClose(Duration timeout, CompletableFuture<Void> done) {
        if (drained != null) {
            drained.whenComplete((ignored, error) -> done.complete(null));
            return;
        }
        drained = done;
        for (RecordAccumulator acc : accumulators) {
            acc.lingerOff(); // everything queued, and queued later, is ready now
        }
        closeTimer = loop.schedule(() -> {
            if (!stopped) {
                abortEverything(timeout);
                stop();
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        run();
    }

    private boolean isIdle() {
        if (router.parkedCount() > 0) {
            return false;
        }
        for (RecordAccumulator acc : accumulators) {
            if (acc.incompleteBatches() > 0) {
                return false;
            }
        }
        return true;
    }

    private void abortEverything(Duration timeout) {
        String reason = "the producer closed before the record was delivered (close timeout " + timeout + ")";
        int batches = 0;
        for (RecordAccumulator acc : accumulators) {
            acc.close();
            batches += acc.abortAll(reason, SendFailedException.PRODUCER_CLOSED, null);
        }
        int parked = router.parkedCount();
        router.abortAll(reason, SendFailedException.PRODUCER_CLOSED, null);
        if (batches > 0 || parked > 0) {
            log.warn("[{}] Closing: {} batch(es) and {} record(s) waiting for metadata were not delivered within {} "
                    + "and failed [{}]", clientId, batches, parked, timeout, SendFailedException.PRODUCER_CLOSED);
        }
    }

    private void stop() {
        stopped = true;
        for (RecordAccumulator acc : accumulators) {
            acc.close();
        }
        for (ScheduledFuture<?> scheduled : new ScheduledFuture<?>[] {timer, closeTimer}) {
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
        timer = null;
        nextRunNanos = Long.MAX_VALUE;
        completeFlushBarriers();
        drained.complete(null);
    }

    private void completeFlushBarriers() {
        if (flushBarriers.isEmpty()) {
            return;
        }
        long oldestParked = router.oldestParkedNanos(null);
        for (Iterator<FlushBarrier> it = flushBarriers.iterator(); it.hasNext(); ) {
            FlushBarrier barrier = it.next();
            if (stopped || fatalError != null || oldestParked == Long.MAX_VALUE || oldestParked - barrier.since > 0) {
                it.remove();
                CompletableFuture<?>[] flushed = accumulators.stream().map(RecordAccumulator::flush)
                        .toArray(CompletableFuture<?>[]::new);
                CompletableFuture.allOf(flushed).whenComplete((ignored, error) -> barrier.done.complete(null));
                if (!stopped) {
                    wakeup();
                }
            }
        }
    }

    // ---- helpers ----

    private static Map<TopicPartition, PartitionProduceResponse> index(ProduceResponse response) {
        Map<TopicPartition, PartitionProduceResponse> results = new HashMap<>();
        for (TopicProduceResponse topic : response.responses()) {
            for (PartitionProduceResponse partition : topic.partitionResponses()) {
                results.put(new TopicPartition(topic.name(), partition.index()), partition);
            }
        }
        return results;
    }

    private static long earliest(long a, long b) {
        if (a == Long.MAX_VALUE) {
            return b;
        }
        return b == Long.MAX_VALUE || a - b <= 0 ? a : b;
    }

    /** Runs {@code task} on the loop after the current task; false if the loop no longer accepts tasks. */
    private boolean later(Runnable task) {
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Runs {@code task} on the loop (now, if already on it); false if the loop no longer accepts tasks. */
    private boolean onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
            return true;
        }
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** A flush waiting for the records parked before {@code since} to leave the parking area. */
    private record FlushBarrier(long since, CompletableFuture<Void> done) {
    }
}
