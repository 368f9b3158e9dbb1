package io.mq.producer.internals;

import io.mq.client.ConnectionLostException;
import io.mq.client.MqException;
import io.mq.client.MqExceptions;
import io.mq.client.MqTimeoutException;
import io.mq.client.UnknownTopicException;
import io.mq.client.UnsupportedVersionException;
import io.mq.client.internal.ConnectionPool;
import io.mq.metadata.Cluster;
import io.mq.metadata.MetadataManager;
import io.mq.metadata.Node;
import io.mq.metadata.TopicMetadata;
import io.mq.metadata.TopicPartition;
import io.mq.producer.FatalSendException;
import io.mq.producer.Persistence;
import io.mq.producer.ProducerOptions;
import io.mq.producer.RetriableSendException;
import io.mq.producer.SendFailedException;
import io.mq.producer.SendResult;
import io.mq.producer.partitioner.NodeObserver;
import io.mq.producer.partitioner.Partitioner;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.message.InitProducerIdRequest;
import io.mq.protocol.message.InitProducerIdResponse;
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
 * The producer engine's I/O side. A run expires batches past their delivery timeout, asks which partitions have a
 * batch ready, groups them by leader and drains, per leader with room in flight, one Produce request (plus one
 * {@code acks=0} request for fire-and-forget batches), sent through the {@link ConnectionPool}. Answers are handled
 * per partition: success completes the batch; retriable errors put it back in its queue after the backoff (the
 * accumulator's retry time, never a sleep), refreshing metadata first when routing was stale; errors retrying cannot
 * fix, the last allowed attempt and the delivery timeout end it, in the dead-letter topic when one is configured;
 * errors fatal to the producer (unsupported version, cluster authorization, a producer id fenced again and again) stop
 * it and fail everything pending. Timeouts and lost connections mark batches possibly persisted and retry them.
 *
 * <p>Idempotence: a producer id is fetched (InitProducerId) before the first idempotent drain, and again when the
 * broker rejects the id; an epoch bump the {@link IdempotenceState} requires (a sequence gap) is made locally once no
 * request is in flight, and a new id is fetched when the epoch is exhausted. Up to the in-flight limit of requests
 * per broker travel at once; the accumulator keeps retries in sequence order.
 *
 * <p>Records of topics without metadata wait in the {@link RecordRouter}'s parking area: the sender waits for each such
 * topic ({@link MetadataManager#awaitTopic}) and releases its records, or fails them with the unknown-topic error when
 * the wait ends without the topic.
 *
 * <p>Threading: everything runs on ONE event loop of the shared client resources; no thread of its own. A run is
 * triggered by appends that make a batch ready or start one (coalesced), by its own timer (linger, retry backoff,
 * delivery deadlines), by answers and by metadata changes it asked for. Answers arriving on connection loops hop to
 * this loop.
 */
final class Sender {

    private static final Logger log = LoggerFactory.getLogger(Sender.class);

    /** Producer ids fenced in a row (each replaced by a fresh one) after which the producer gives up. */
    static final int MAX_FENCED_IN_A_ROW = 3;
    /** Sent in InitProducerId; brokers ignore it for producers without a transactional id. */
    private static final int TRANSACTION_TIMEOUT_MS = 60_000;

    private final String clientId;
    private final EventLoop loop;
    private final ConnectionPool pool;
    private final MetadataManager metadata;
    private final ProducerOptions options;
    private final RecordAccumulator accumulator;
    private final RecordAccumulator onewayAccumulator;
    private final List<RecordAccumulator> accumulators;
    private final IdempotenceState idempotence;
    private final DefaultProducerMetrics metrics;
    private final NodeObserver observer;
    private final Time time;
    private final Consumer<MqException> onFatal;
    private final RecordRouter router;
    private final int maxInFlightPerBroker;
    private final long lingerNanos;
    private final long maxMetadataWaitNanos;
    private final String deadLetterTopic;

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
    private boolean producerIdPending;
    private boolean producerIdBackingOff;
    private long producerIdRetryAtNanos;
    private int producerIdFailures;
    private int nodeCursor;
    private int fencedInARow;
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
        this.idempotence = idempotence;
        this.metrics = metrics;
        this.observer = partitioner instanceof NodeObserver nodeObserver ? nodeObserver : null;
        this.time = time;
        this.onFatal = onFatal;
        this.maxInFlightPerBroker = options.maxInFlightPerConnection() * pool.options().connectionsPerBroker();
        this.lingerNanos = options.linger().toNanos();
        this.maxMetadataWaitNanos = options.maxMetadataWait().toNanos();
        this.deadLetterTopic = options.deadLetterTopic().orElse(null);
        this.router = new RecordRouter(metadata, accumulator, onewayAccumulator, parking, partitioner, interceptors,
                metrics, this, time);
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
        later(() -> startAwait(topic));
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
            next = manageProducerId(now);
            for (RecordAccumulator acc : accumulators) {
                acc.expire(now, (batch, failure) -> finish(batch, failure, null));
            }
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
            requestFailed(broker, acc, batches, MqExceptions.unwrap(error), now);
        } else if (acks == 0) {
            for (ProducerBatch batch : batches) {
                batch.complete(SendResult.UNKNOWN_OFFSET, -1L);
            }
        } else {
            long latency = now - sentNanos;
            metrics.recordRequestLatency(latency);
            Map<TopicPartition, PartitionProduceResponse> results = index(response);
            boolean retriableErrors = false;
            for (ProducerBatch batch : batches) {
                if (!batch.isDone() && fatalError == null) {
                    retriableErrors |= partitionAnswered(broker, acc, batch, results.get(batch.topicPartition()),
                            now);
                }
            }
            if (observer != null) {
                if (retriableErrors) {
                    observer.onRequestFailed(broker.id());
                } else {
                    observer.onRequestCompleted(broker.id(), latency);
                }
            }
        }
        run();
    }

    /** Handles one partition's answer; true if it was a retriable error. */
    private boolean partitionAnswered(Node broker, RecordAccumulator acc, ProducerBatch batch,
            PartitionProduceResponse result, long now) {
        TopicPartition partition = batch.topicPartition();
        Errors error = result == null ? Errors.UNKNOWN_SERVER_ERROR : Errors.forCode(result.errorCode());
        String message = result == null ? "the answer did not mention " + partition : result.errorMessage();
        if (error == Errors.NONE) {
            fencedInARow = 0;
            if (idempotence != null && batch.hasSequence()) {
                idempotence.onAcknowledged(partition, batch.producerEpoch(), batch.baseSequence());
            }
            batch.complete(result.baseOffset(), result.logAppendTimeMs());
            return false;
        }
        if (isFatalToProducer(error)) {
            fatal(MqExceptions.fromError(error, "produce to " + partition + (message != null ? " (" + message + ")"
                    : ""), broker, ApiKey.PRODUCE));
            return false;
        }
        if (idempotence != null && batch.hasSequence()) {
            boolean hadProducerId = !idempotence.producerIdRequired();
            switch (idempotence.onError(partition, batch.producerEpoch(), batch.baseSequence(), error)) {
                case DUPLICATE -> {
                    batch.complete(result.baseOffset(), result.logAppendTimeMs());
                    return false;
                }
                case FAIL -> {
                    giveUp(batch, broker, error, message, true);
                    return false;
                }
                default -> {
                    if (hadProducerId && idempotence.producerIdRequired() && ++fencedInARow >= MAX_FENCED_IN_A_ROW) {
                        fatal(MqExceptions.fromError(error, "produce to " + partition + ": the producer id was "
                                + "fenced " + fencedInARow + " times in a row", broker, ApiKey.PRODUCE));
                        return false;
                    }
                    retry(batch, acc, broker, error, message, now);
                    return true;
                }
            }
        }
        if (error.retriable()) {
            retry(batch, acc, broker, error, message, now);
            return true;
        }
        giveUp(batch, broker, error, message, false);
        return false;
    }

    private void requestFailed(Node broker, RecordAccumulator acc, List<ProducerBatch> batches, Throwable cause,
            long now) {
        MqException failure = cause instanceof MqException mq ? mq
                : new ConnectionLostException("produce request to " + broker + " failed: " + cause, cause, broker,
                        ApiKey.PRODUCE);
        if (failure instanceof UnsupportedVersionException
                || failure.error().map(Sender::isFatalToProducer).orElse(false)) {
            fatal(failure);
            return;
        }
        Errors error = failure.error().orElse(failure instanceof MqTimeoutException ? Errors.REQUEST_TIMED_OUT
                : Errors.NETWORK_EXCEPTION);
        List<TopicPartition> partitions = batches.stream().map(ProducerBatch::topicPartition).toList();
        if (!failure.isRetriable()) {
            log.warn("[{}] Produce request to {} for {} failed [{}]: {}", clientId, broker, partitions, error,
                    failure.getMessage());
            for (ProducerBatch batch : batches) {
                if (!batch.isDone()) {
                    batch.markPossiblyPersisted();
                    giveUp(batch, broker, error, failure.getMessage(), false);
                }
            }
            return;
        }
        log.warn("[{}] Produce request to {} for {} failed [{}], retrying: {}", clientId, broker, partitions, error,
                failure.getMessage());
        if (observer != null) {
            observer.onRequestFailed(broker.id());
        }
        if (failure instanceof ConnectionLostException) {
            requestMetadataUpdate();
        }
        for (ProducerBatch batch : batches) {
            if (!batch.isDone()) {
                batch.markPossiblyPersisted(); // written, perhaps stored, never answered
                retry(batch, acc, broker, error, failure.getMessage(), now);
            }
        }
    }

    private void retry(ProducerBatch batch, RecordAccumulator acc, Node broker, Errors error, String message,
            long now) {
        if (needsMetadata(error)) {
            requestMetadataUpdate();
        }
        if (batch.attempts() >= options.maxAttempts()) {
            giveUp(batch, broker, error, message, false);
            return;
        }
        if (now - batch.deliveryDeadlineNanos() >= 0) {
            abandonSequence(batch);
            finish(batch, new RetriableSendException("not acknowledged within the delivery timeout of "
                    + options.deliveryTimeout() + " after " + batch.attempts() + " attempt(s); the last failed with "
                    + error + ": " + message, batch.topicPartition().topic(), batch.topicPartition().partition(),
                    broker, null, SendFailedException.DELIVERY_TIMEOUT, batch.possiblyPersisted()
                            ? Persistence.POSSIBLY_PERSISTED : Persistence.NOT_PERSISTED, null), broker);
            return;
        }
        long delay = options.backoff().delay(batch.attempts()).toNanos();
        if (error != Errors.NETWORK_EXCEPTION && error != Errors.REQUEST_TIMED_OUT) {
            log.warn("[{}] Produce to {} on {} failed [{}] (attempt {}), retrying in {} ms: {}", clientId,
                    batch.topicPartition(), broker, error, batch.attempts(), delay / 1_000_000, message);
        }
        acc.reenqueue(batch, now + delay);
    }

    /** Ends a batch that failed for good with {@code error}. */
    private void giveUp(ProducerBatch batch, Node broker, Errors error, String message, boolean sequenceReleased) {
        if (!sequenceReleased) {
            abandonSequence(batch);
        }
        String detail = (message != null && !message.isBlank() ? message : error.message()) + " (after "
                + batch.attempts() + " attempt(s))";
        TopicPartition partition = batch.topicPartition();
        finish(batch, SendFailedException.forError(error, partition.topic(), partition.partition(), broker,
                batch.possiblyPersisted(), detail), broker);
    }

    private void abandonSequence(ProducerBatch batch) {
        if (idempotence != null && batch.hasSequence()) {
            idempotence.onAbandoned(batch.topicPartition(), batch.producerEpoch(), batch.baseSequence());
        }
    }

    /** Fails a batch for good, or forwards its records to the dead-letter topic. */
    private void finish(ProducerBatch batch, SendFailedException failure, Node broker) {
        TopicPartition partition = batch.topicPartition();
        if (deadLetterTopic != null && !deadLetterTopic.equals(partition.topic()) && fatalError == null && !stopped
                && batch.forward(failure, record -> router.deadLetter(deadLetterTopic, record, partition, failure))) {
            log.warn("[{}] {} record(s) for {} forwarded to dead-letter topic {} after failing on {} [{}]: {}",
                    clientId, batch.recordCount(), partition, deadLetterTopic, broker != null ? broker : "no broker",
                    failure.code(), failure.getMessage());
            return;
        }
        log.warn("[{}] {} record(s) for {} failed on {} [{}]: {}", clientId, batch.recordCount(), partition,
                broker != null ? broker : "no broker", failure.code(), failure.getMessage());
        batch.fail(failure);
    }

    // ---- producer id ----

    /** Bumps the epoch or fetches a producer id when needed and nothing is in flight; returns a retry time. */
    private long manageProducerId(long now) {
        if (idempotence == null || producerIdPending || requestsInFlight.get() > 0) {
            return Long.MAX_VALUE;
        }
        if (idempotence.epochBumpRequired()) {
            short previous = idempotence.epoch();
            if (idempotence.bumpEpoch()) {
                log.info("[{}] Bumped the epoch of producer id {} from {} to {} after a sequence gap; unacknowledged "
                        + "batches get new sequences", clientId, idempotence.producerId(), previous,
                        idempotence.epoch());
            } else {
                log.info("[{}] The epoch of producer id {} is exhausted; fetching a new producer id", clientId,
                        idempotence.producerId());
            }
        }
        if (!idempotence.producerIdRequired()) {
            return Long.MAX_VALUE;
        }
        if (producerIdBackingOff && now - producerIdRetryAtNanos < 0) {
            return producerIdRetryAtNanos;
        }
        producerIdBackingOff = false;
        producerIdPending = true;
        Node broker = anyBroker();
        pool.send(broker, ApiKey.INIT_PRODUCER_ID, new InitProducerIdRequest(null,
                TRANSACTION_TIMEOUT_MS, -1L, (short) -1), InitProducerIdResponse::read,
                options.requestTimeout()).whenComplete((response, error) -> later(() -> {
                    producerIdPending = false;
                    if (!stopped) {
                        producerIdAnswered(broker, response, error);
                        run();
                    }
                }));
        return Long.MAX_VALUE;
    }

    private void producerIdAnswered(Node broker, InitProducerIdResponse response,
            Throwable error) {
        MqException failure;
        if (error != null) {
            Throwable cause = MqExceptions.unwrap(error);
            failure = cause instanceof MqException mq ? mq : new ConnectionLostException("InitProducerId to "
                    + broker + " failed: " + cause, cause, broker, ApiKey.INIT_PRODUCER_ID);
        } else {
            Errors answer = Errors.forCode(response.errorCode());
            if (answer == Errors.NONE) {
                idempotence.initialize(response.producerId(), response.producerEpoch());
                producerIdFailures = 0;
                log.debug("[{}] Producer id {} epoch {} from {}", clientId, response.producerId(),
                        response.producerEpoch(), broker);
                return;
            }
            failure = MqExceptions.fromError(answer, "InitProducerId", broker, ApiKey.INIT_PRODUCER_ID);
        }
        if (!failure.isRetriable()) {
            fatal(failure);
            return;
        }
        producerIdFailures++;
        long delay = options.backoff().delay(producerIdFailures).toNanos();
        producerIdBackingOff = true;
        producerIdRetryAtNanos = time.nanoTime() + delay;
        log.warn("[{}] InitProducerId to {} failed [{}] ({} in a row), retrying in {} ms: {}", clientId, broker,
                failure.error().map(Enum::name).orElse(failure.getClass().getSimpleName()), producerIdFailures,
                delay / 1_000_000, failure.getMessage());
    }

    /** A broker with a ready connection if there is one, else the next known (or bootstrap) broker in turn. */
    private Node anyBroker() {
        List<Node> nodes = metadata.cluster().nodes();
        for (Node node : nodes) {
            if (pool.hasReadyConnection(node)) {
                return node;
            }
        }
        return nodes.get(Math.floorMod(nodeCursor++, nodes.size()));
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

    private void startAwait(String topic) {
        if (stopped || fatalError != null) {
            return; // parked records were failed
        }
        if (RecordRouter.isRoutable(metadata.cluster().topics().get(topic))) {
            released(topic);
            return;
        }
        long oldest = router.oldestParkedNanos(topic);
        if (oldest == Long.MAX_VALUE) {
            router.release(topic); // nothing waits any more
            return;
        }
        long bound = Math.max(TimeUnit.MILLISECONDS.toNanos(1), oldest + maxMetadataWaitNanos - time.nanoTime());
        metadata.awaitTopic(topic, Duration.ofNanos(bound))
                .whenComplete((cluster, error) -> later(() -> awaited(topic, error)));
    }

    private void awaited(String topic, Throwable error) {
        if (stopped || fatalError != null) {
            return;
        }
        Throwable cause = error == null ? null : MqExceptions.unwrap(error);
        if (cause == null) {
            released(topic);
        } else if (cause instanceof UnknownTopicException unknown) {
            log.warn("[{}] Records for topic '{}' waited {} for its metadata [{}]: {}", clientId, topic,
                    options.maxMetadataWait(), unknown.error().map(Enum::name)
                            .orElse(SendFailedException.METADATA_TIMEOUT), unknown.getMessage());
            if (router.expire(topic, time.nanoTime(), parked -> unknownTopic(topic, unknown))) {
                startAwait(topic);
            }
        } else if (cause instanceof MqException mq && mq.error().isPresent()) {
            log.warn("[{}] Records for topic '{}' fail: metadata reports [{}] {}", clientId, topic, mq.error().get(),
                    mq.getMessage());
            router.fail(topic, mq.error().get());
        } else {
            log.warn("[{}] Records for topic '{}' fail: waiting for its metadata failed: {}", clientId, topic,
                    cause.toString());
            router.expire(topic, time.nanoTime() + maxMetadataWaitNanos, parked -> new FatalSendException(
                    "waiting for the topic's metadata failed: " + cause.getMessage(), topic,
                    SendFailedException.NO_PARTITION, null, null, SendFailedException.ABORTED,
                    Persistence.NOT_PERSISTED, cause));
        }
        run(); // flushes waiting for parked records may complete
    }

    private void released(String topic) {
        if (router.release(topic)) {
            startAwait(topic);
        }
    }

    /** The failure of a record whose topic metadata did not describe within the bound. */
    private static SendFailedException unknownTopic(String topic, UnknownTopicException unknown) {
        Errors error = unknown.error().orElse(null);
        return error != null
                ? new FatalSendException(unknown.getMessage(), topic, SendFailedException.NO_PARTITION, null, error,
                        null, Persistence.NOT_PERSISTED, unknown)
                : new RetriableSendException(unknown.getMessage(), topic, SendFailedException.NO_PARTITION, null,
                        null, SendFailedException.METADATA_TIMEOUT, Persistence.NOT_PERSISTED, unknown);
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
                failure.error().map(Enum::name).orElse(failure.getClass().getSimpleName()), failure.getMessage());
        String reason = "the producer stopped after a fatal error: " + failure.getMessage();
        for (RecordAccumulator acc : accumulators) {
            acc.abortAll(reason, SendFailedException.PRODUCER_FAILED, failure);
        }
        router.abortAll(reason, SendFailedException.PRODUCER_FAILED, failure);
        onFatal.accept(failure);
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

    /** Errors after which no send of this producer can succeed: it stops instead of spinning. */
    static boolean isFatalToProducer(Errors error) {
        return switch (error) {
            case UNSUPPORTED_VERSION, UNSUPPORTED_FOR_MESSAGE_FORMAT, INVALID_REQUIRED_ACKS,
                    CLUSTER_AUTHORIZATION_FAILED, TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
                    SASL_AUTHENTICATION_FAILED -> true;
            default -> false;
        };
    }

    /** Errors saying the producer's routing is stale: metadata is refreshed before the retry. */
    static boolean needsMetadata(Errors error) {
        return switch (error) {
            case NOT_LEADER_OR_FOLLOWER, UNKNOWN_TOPIC_OR_PARTITION, LEADER_NOT_AVAILABLE, FENCED_LEADER_EPOCH,
                    UNKNOWN_LEADER_EPOCH, KAFKA_STORAGE_ERROR, UNKNOWN_TOPIC_ID, INCONSISTENT_TOPIC_ID,
                    NETWORK_EXCEPTION -> true;
            default -> false;
        };
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
