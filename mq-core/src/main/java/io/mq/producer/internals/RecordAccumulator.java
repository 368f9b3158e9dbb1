package io.mq.producer.internals;

import io.mq.metadata.TopicPartition;
import io.mq.producer.FatalSendException;
import io.mq.producer.Persistence;
import io.mq.producer.ProducerOptions;
import io.mq.producer.ProducerRecord;
import io.mq.producer.RetriableSendException;
import io.mq.producer.SendCallback;
import io.mq.producer.SendConfigurationException;
import io.mq.producer.SendFailedException;
import io.mq.producer.SendResult;
import io.mq.producer.partitioner.PartitionView;
import io.mq.producer.partitioner.Partitioner;
import io.mq.protocol.record.CompressionType;
import io.mq.protocol.record.Header;
import io.mq.protocol.record.RecordBatch;
import io.mq.protocol.record.RecordBatchBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Collects records into per-partition batches until the sender drains them.
 *
 * <p><b>Append</b> (user threads): one map lookup by topic, one array read by partition, then the record is encoded
 * straight into the open batch under that partition's lock. Only when a new batch is needed is memory reserved from
 * the {@link BufferPool} — outside the lock, since it may block. A batch filled by a user thread is built (compressed)
 * by that thread, spreading compression over the senders of records.
 *
 * <p><b>Readiness</b>: a partition's first batch is ready when it is full, its linger has passed, a flush or close is
 * under way, memory is short (threads wait for it), or it holds a synchronous send. A re-enqueued batch is ready when
 * its retry backoff has passed. Ordering holds a batch back: with idempotence, a retried batch goes again only when it
 * is the partition's oldest unresolved one; with one request in flight per connection, nothing of a partition is
 * drained while one of its batches is in flight.
 *
 * <p><b>Drain</b> (the sender): at most one batch per partition, up to the max request size, rotating the starting
 * partition so none starves; idempotent batches get their producer id, epoch and sequence here. <b>Retries</b> go
 * back in front of later batches, in their original order. <b>Expiry</b> fails queued batches whose delivery timeout
 * has passed.
 */
public final class RecordAccumulator {

    private static final Header[] NO_HEADERS = {};
    /** The smallest buffer a batch starts with (it grows as records come). */
    private static final int MIN_INITIAL_BATCH_BUFFER = 1024;
    /** Upper bound of a record's framing: length, attributes, timestamp delta, offset delta, key/value lengths, header count. */
    private static final int RECORD_OVERHEAD = 5 + 1 + 10 + 5 + 5 + 5 + 5;

    private final ConcurrentHashMap<String, TopicQueues> topics = new ConcurrentHashMap<>();
    private final Set<ProducerBatch> incomplete = ConcurrentHashMap.newKeySet();
    private final Consumer<ProducerBatch> onBatchDone = incomplete::remove;
    private final AtomicInteger flushesInProgress = new AtomicInteger();
    private final BufferPool pool;
    private final IdempotenceState idempotence;
    private final ProducerInterceptors interceptors;
    private final DefaultProducerMetrics metrics;
    private final Time time;
    private final int batchSize;
    private final int maxRecordSize;
    private final long lingerNanos;
    private final long deliveryTimeoutNanos;
    private final CompressionType compression;
    private final int compressionLevel;
    private final int compressionThreshold;
    private final boolean buildOnFill;
    private final boolean onePerPartitionInFlight;
    private volatile boolean closed;
    private volatile boolean lingerOff;
    private int drainRotation;

    /**
     * @param options      batch size, linger, delivery timeout, compression, max request size, in-flight limit
     * @param pool         the memory batches reserve
     * @param idempotence  the idempotent state when {@link ProducerOptions#idempotence()}, else null
     * @param interceptors told of every record's outcome
     * @param metrics      where batches record their statistics
     * @param time         the clocks
     */
    public RecordAccumulator(ProducerOptions options, BufferPool pool, IdempotenceState idempotence,
            ProducerInterceptors interceptors, DefaultProducerMetrics metrics, Time time) {
        if (options.idempotence() != (idempotence != null)) {
            throw new IllegalArgumentException("an IdempotenceState is needed exactly when idempotence is on");
        }
        this.pool = Objects.requireNonNull(pool, "pool");
        this.idempotence = idempotence;
        this.interceptors = Objects.requireNonNull(interceptors, "interceptors");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.time = Objects.requireNonNull(time, "time");
        this.batchSize = Math.max(options.batchSize(), RecordBatch.HEADER_SIZE);
        this.maxRecordSize = (int) Math.min(options.maxRequestSize(), pool.totalMemory());
        this.lingerNanos = options.linger().toNanos();
        this.deliveryTimeoutNanos = options.deliveryTimeout().toNanos();
        this.compression = options.compression();
        this.compressionLevel = options.compressionLevel();
        this.compressionThreshold = options.compressionMinBatchSize();
        // building means compressing, or a CRC that idempotence would compute again when stamping the sequence
        this.buildOnFill = compression != CompressionType.NONE || idempotence == null;
        this.onePerPartitionInFlight = options.maxInFlightPerConnection() == 1;
        metrics.bindBufferPool(pool);
    }

    /** The memory this accumulator's batches are reserved from. */
    BufferPool bufferPool() {
        return pool;
    }

    /**
     * Places and appends a record. A record naming its partition goes there; otherwise the partitioner chooses, and
     * chooses again if it {@link Partitioner#repartitionOnNewBatch() asks to} and the chosen partition's batch is full.
     *
     * @param record     the record (after interceptors)
     * @param partitioner the producer's partitioner
     * @param partitions the topic's partitions, from {@link #partitionView}
     * @param callback   told the record's outcome, or null if nobody waits for it
     * @param sync       whether the caller waits for the result: the batch then skips linger
     * @return what the sender should do
     * @throws SendFailedException if the record is too large, names a partition the topic lacks, memory is short,
     *                             or the accumulator is closed
     */
    public AppendResult append(ProducerRecord record, Partitioner partitioner, PartitionView partitions,
            SendCallback callback, boolean sync) {
        TopicQueues queues = partitions instanceof AccumulatorPartitionView view ? view.queues()
                : topics(record.topic()); // a view of this accumulator saves the lookup by topic
        if (record.hasPartition()) {
            if (record.partition() >= partitions.partitionCount()) {
                throw new FatalSendException("the record names partition " + record.partition() + " but the topic has "
                        + partitions.partitionCount() + " partitions", record.topic(), record.partition(),
                        SendFailedException.INVALID_PARTITION, Persistence.NOT_PERSISTED);
            }
            return append(record, queues.queue(record.partition()), callback, sync, false);
        }
        boolean again = partitioner.repartitionOnNewBatch();
        AppendResult result = append(record, queues.queue(choose(partitioner, record, partitions)), callback, sync,
                again);
        if (result != AppendResult.ABORTED_FOR_NEW_BATCH) {
            return result;
        }
        append(record, queues.queue(choose(partitioner, record, partitions)), callback, sync, false);
        return AppendResult.READY; // the aborted partition's batch is full
    }

    /**
     * Appends a record to {@code partition}.
     *
     * @param abortOnNewBatch if the partition's open batch is full, seal it and return
     *                        {@link AppendResult#ABORTED_FOR_NEW_BATCH} without appending
     * @throws SendFailedException as {@link #append(ProducerRecord, Partitioner, PartitionView, SendCallback,
     *                             boolean)}
     */
    public AppendResult append(ProducerRecord record, int partition, SendCallback callback,
            boolean sync, boolean abortOnNewBatch) {
        return append(record, queue(record.topic(), partition), callback, sync, abortOnNewBatch);
    }

    private AppendResult append(ProducerRecord record, PartitionQueue queue, SendCallback callback, boolean sync,
            boolean abortOnNewBatch) {
        int recordSize = checkSize(record, queue.topicPartition.partition());
        long timestamp = record.hasTimestamp() ? record.timestamp() : time.currentTimeMillis();
        Header[] headers = record.headers().isEmpty() ? NO_HEADERS : record.headers().toArray(NO_HEADERS);
        ProducerBatch filled;
        synchronized (queue) {
            ensureOpen(queue.topicPartition);
            ProducerBatch last = queue.batches.peekLast();
            if (last == null || !last.isOpen()) {
                filled = null;
            } else if (last.tryAppend(timestamp, record.key(), record.value(), headers, callback, sync)) {
                return sync ? AppendResult.READY : AppendResult.APPENDED;
            } else {
                queue.seal(last);
                filled = last;
            }
        }
        if (filled != null) {
            buildFilled(filled);
            if (abortOnNewBatch) {
                return AppendResult.ABORTED_FOR_NEW_BATCH;
            }
        }
        return appendToNewBatch(queue, recordSize, timestamp, record, headers, callback, sync, filled != null);
    }

    /**
     * Checks that {@code record} fits in a batch at all, before it is queued anywhere.
     *
     * @param partition the record's partition if chosen, else {@link SendFailedException#NO_PARTITION}
     * @return the record's size estimate ({@link #estimateRecordSize})
     * @throws SendConfigurationException ({@link SendFailedException#RECORD_TOO_LARGE}) if it is larger than the max
     *                                    request size or the buffer memory allows
     */
    public int checkSize(ProducerRecord record, int partition) {
        int recordSize = estimateRecordSize(record);
        if (recordSize > maxRecordSize - RecordBatch.HEADER_SIZE) {
            throw new SendConfigurationException("the record takes up to " + (recordSize + RecordBatch.HEADER_SIZE)
                    + " bytes in a batch, more than the max request size or buffer memory (" + maxRecordSize + ")",
                    record.topic(), partition, SendFailedException.RECORD_TOO_LARGE, Persistence.NOT_PERSISTED);
        }
        return recordSize;
    }

    /**
     * A view of {@code topic}'s partitions for partitioners: leaders from metadata, batch counts from here. Build one
     * per topic per metadata version and reuse it for every record.
     *
     * @param leaders the leader node of each partition, {@link PartitionView#NO_LEADER} where there is none
     */
    public PartitionView partitionView(String topic, int[] leaders) {
        return new AccumulatorPartitionView(topics(topic), leaders, batchSize);
    }

    /** Which partitions have a batch to drain now, and when to check again. */
    public ReadyCheck ready(long nowNanos) {
        List<TopicPartition> ready = new ArrayList<>();
        long next = Long.MAX_VALUE;
        boolean drainAll = drainEverything();
        for (TopicQueues topic : topics.values()) {
            for (PartitionQueue queue : topic.snapshot()) {
                if (queue == null) {
                    continue;
                }
                synchronized (queue) {
                    ProducerBatch first = queue.batches.peekFirst();
                    if (first == null) {
                        continue;
                    }
                    long readyAt = readyAt(queue, first, nowNanos, drainAll);
                    if (readyAt <= nowNanos) {
                        ready.add(queue.topicPartition);
                    } else {
                        next = Math.min(next, readyAt);
                    }
                    next = Math.min(next, first.deliveryDeadlineNanos());
                }
            }
        }
        return new ReadyCheck(ready, next);
    }

    /**
     * Takes the ready batches of the partitions a broker leads: at most one per partition, while they fit in
     * {@code maxRequestSize} (the first always does). Drained batches are built and stamped, ready to write. Call
     * from one thread (the sender's).
     */
    public List<ProducerBatch> drain(List<TopicPartition> partitions, int maxRequestSize, long nowNanos) {
        int count = partitions.size();
        if (count == 0) {
            return List.of();
        }
        List<ProducerBatch> drained = new ArrayList<>();
        boolean drainAll = drainEverything();
        int start = (drainRotation++ & Integer.MAX_VALUE) % count;
        int size = 0;
        for (int i = 0; i < count; i++) {
            PartitionQueue queue = queueIfPresent(partitions.get((start + i) % count));
            if (queue == null) {
                continue;
            }
            ProducerBatch batch;
            boolean firstAttempt;
            synchronized (queue) {
                batch = queue.batches.peekFirst();
                if (batch == null || readyAt(queue, batch, nowNanos, drainAll) > nowNanos) {
                    continue;
                }
                if (!drained.isEmpty() && size + batch.sizeInBytes() > maxRequestSize) {
                    break;
                }
                int claim = batch.claim();
                if (claim == ProducerBatch.CLAIM_BUSY) {
                    continue; // a user thread is still compressing it
                }
                if (claim == ProducerBatch.CLAIM_WAS_OPEN) {
                    queue.closed(batch);
                }
                queue.batches.pollFirst();
                queue.inFlight.incrementAndGet();
                firstAttempt = batch.onDrained();
                if (batch.drainOrder() < 0) {
                    batch.drainOrder(queue.nextDrainOrder++);
                }
            }
            if (!prepare(batch)) {
                continue;
            }
            if (firstAttempt) {
                // nowNanos was read before the drain; a batch created since then has waited 0, not a negative time
                metrics.recordFirstSend(batch.sizeInBytes(), batch.recordCount(),
                        Math.max(0, nowNanos - batch.createdNanos()));
            }
            size += batch.sizeInBytes();
            drained.add(batch);
        }
        return drained;
    }

    /** {@link #drain(List, int, long)} for several brokers: node id → partitions it leads, to node id → batches. */
    public Map<Integer, List<ProducerBatch>> drain(Map<Integer, List<TopicPartition>> partitionsByNode,
            int maxRequestSize, long nowNanos) {
        Map<Integer, List<ProducerBatch>> drained = new LinkedHashMap<>();
        partitionsByNode.forEach((node, partitions) -> {
            List<ProducerBatch> batches = drain(partitions, maxRequestSize, nowNanos);
            if (!batches.isEmpty()) {
                drained.put(node, batches);
            }
        });
        return drained;
    }

    /**
     * Puts a batch that failed with a retriable error back in its partition, ahead of every later batch and in its
     * original order among other retries, to be drained again from {@code retryAtNanos}.
     */
    public void reenqueue(ProducerBatch batch, long retryAtNanos) {
        PartitionQueue queue = batch.queue();
        synchronized (queue) {
            if (batch.isInFlight()) {
                queue.inFlight.decrementAndGet();
            }
            batch.onReenqueued(retryAtNanos);
            queue.insertRetry(batch);
        }
        metrics.recordRetry();
    }

    /**
     * Fails every queued batch whose delivery timeout has passed by {@code nowNanos}; in-flight batches are the
     * sender's to time out. With idempotence, an expired batch that had a sequence requires an epoch bump.
     *
     * @return the batches failed
     */
    public List<ProducerBatch> expire(long nowNanos) {
        return expire(nowNanos, ProducerBatch::fail);
    }

    /**
     * Takes every queued batch whose delivery timeout has passed by {@code nowNanos} out of its queue and hands it,
     * with the failure to report, to {@code onExpired}, which must end it (fail it, or forward its records to a
     * dead-letter topic). In-flight batches are the sender's to time out. With idempotence, an expired batch that
     * had a sequence requires an epoch bump.
     *
     * @return the batches expired
     */
    public List<ProducerBatch> expire(long nowNanos, BiConsumer<ProducerBatch, SendFailedException> onExpired) {
        List<ProducerBatch> expired = new ArrayList<>();
        for (TopicQueues topic : topics.values()) {
            for (PartitionQueue queue : topic.snapshot()) {
                if (queue != null) {
                    removeExpired(queue, nowNanos, expired);
                }
            }
        }
        for (ProducerBatch batch : expired) {
            long ageMillis = (nowNanos - batch.createdNanos()) / 1_000_000;
            onExpired.accept(batch, new RetriableSendException(batch.recordCount() + " record(s) expired after "
                    + ageMillis + " ms in the producer, past the delivery timeout, after " + batch.attempts()
                    + " attempt(s)", batch.topicPartition().topic(), batch.topicPartition().partition(), null, null,
                    SendFailedException.DELIVERY_TIMEOUT, batch.persistenceIfFailed(), null));
            if (idempotence != null && batch.hasSequence() && batch.producerId() == idempotence.producerId()) {
                idempotence.onAbandoned(batch.topicPartition(), batch.producerEpoch(), batch.baseSequence());
            }
        }
        return expired;
    }

    /**
     * Fails every batch not yet completed — queued or in flight — with {@code cause}, e.g. when the producer is
     * closed without waiting or meets a fatal error. Later responses for in-flight batches are then ignored.
     *
     * @return how many batches were failed
     */
    public int abortAll(Throwable cause) {
        String code = cause instanceof SendFailedException failure ? failure.code() : SendFailedException.ABORTED;
        return abortAll("send aborted: " + cause.getMessage(), code, cause);
    }

    /**
     * {@link #abortAll(Throwable)} with the failure's wording and client code given: every record fails with a
     * {@link FatalSendException} saying {@code reason}.
     *
     * @param cause the underlying failure, or null
     */
    public int abortAll(String reason, String code, Throwable cause) {
        for (TopicQueues topic : topics.values()) {
            for (PartitionQueue queue : topic.snapshot()) {
                if (queue != null) {
                    synchronized (queue) {
                        ProducerBatch last = queue.batches.peekLast();
                        if (last != null) {
                            queue.seal(last);
                        }
                        queue.batches.clear();
                    }
                }
            }
        }
        int aborted = 0;
        for (ProducerBatch batch : List.copyOf(incomplete)) {
            if (batch.fail(batch.failure(reason, code, cause))) {
                aborted++;
            }
        }
        return aborted;
    }

    /**
     * Makes every queued batch ready and returns a future completed when all batches created before this call have
     * completed (successfully or not). Never blocks.
     */
    public CompletableFuture<Void> flush() {
        flushesInProgress.incrementAndGet();
        CompletableFuture<?>[] pending = incomplete.stream().map(ProducerBatch::whenDone)
                .toArray(CompletableFuture<?>[]::new);
        return CompletableFuture.allOf(pending).whenComplete((ignored, error) -> flushesInProgress.decrementAndGet());
    }

    /** Whether a flush is under way. */
    public boolean flushInProgress() {
        return flushesInProgress.get() > 0;
    }

    /** Refuses further appends and makes every queued batch ready, so the sender can send them before closing. */
    public void close() {
        closed = true;
    }

    /**
     * From now on every batch is ready at once, without linger, including batches created later: for a producer that
     * is closing but still delivers what it holds (records waiting for metadata, dead-letter copies).
     */
    public void lingerOff() {
        lingerOff = true;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Whether any batch is waiting to be drained. */
    public boolean hasQueuedBatches() {
        for (TopicQueues topic : topics.values()) {
            for (PartitionQueue queue : topic.snapshot()) {
                if (queue != null) {
                    synchronized (queue) {
                        if (!queue.batches.isEmpty()) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Batches created and not yet completed or failed, queued or in flight. */
    public int incompleteBatches() {
        return incomplete.size();
    }

    /**
     * An upper bound of the bytes {@code record} takes inside a batch: varint fields at their widest, header keys at
     * three bytes per char.
     */
    public static int estimateRecordSize(ProducerRecord record) {
        long size = RECORD_OVERHEAD + length(record.key()) + length(record.value());
        List<Header> headers = record.headers();
        for (int i = 0, count = headers.size(); i < count; i++) { // indexed: no iterator on the hot path
            Header header = headers.get(i);
            size += 5 + 3L * header.key().length() + 5 + length(header.value());
        }
        return (int) Math.min(size, Integer.MAX_VALUE);
    }

    // ---- internals ----

    private AppendResult appendToNewBatch(PartitionQueue queue, int recordSize, long timestamp, ProducerRecord record,
            Header[] headers, SendCallback callback, boolean sync, boolean batchFilled) {
        int reserved = Math.max(batchSize, RecordBatch.HEADER_SIZE + recordSize);
        pool.reserve(reserved, queue.topicPartition); // may block: outside the partition lock
        boolean kept = false;
        ProducerBatch filled = null;
        AppendResult result;
        try {
            synchronized (queue) {
                ensureOpen(queue.topicPartition);
                ProducerBatch last = queue.batches.peekLast();
                if (last != null && last.isOpen()) { // another thread opened a batch meanwhile
                    if (last.tryAppend(timestamp, record.key(), record.value(), headers, callback, sync)) {
                        return sync || batchFilled ? AppendResult.READY : AppendResult.APPENDED;
                    }
                    queue.seal(last);
                    filled = last;
                }
                RecordBatchBuilder builder = new RecordBatchBuilder(pool.allocator(), compression, compressionLevel,
                        reserved, compressionThreshold)
                        .initialCapacity(queue.initialBatchCapacity(MIN_INITIAL_BATCH_BUFFER, reserved));
                ProducerBatch batch = new ProducerBatch(queue, builder, reserved, recordSize, pool, time.nanoTime(),
                        deliveryTimeoutNanos, interceptors, metrics, onBatchDone);
                kept = true; // the batch owns the reservation now
                if (!batch.tryAppend(timestamp, record.key(), record.value(), headers, callback, sync)) {
                    batch.fail(batch.failure("the first record of a batch did not fit", SendFailedException.ABORTED,
                            null));
                    throw new IllegalStateException("the first record of a new batch must fit");
                }
                queue.batches.addLast(batch);
                incomplete.add(batch);
                result = sync || batchFilled || filled != null ? AppendResult.READY : AppendResult.NEW_BATCH;
            }
        } finally {
            if (!kept) {
                pool.release(reserved);
            }
        }
        if (filled != null) {
            buildFilled(filled);
        }
        return result;
    }

    private void buildFilled(ProducerBatch batch) {
        if (buildOnFill) {
            batch.buildIfSealed();
        }
    }

    /** Stamps and builds a drained batch; fails it and returns false if it cannot be built. */
    private boolean prepare(ProducerBatch batch) {
        long producerId = RecordBatch.NO_PRODUCER_ID;
        short epoch = RecordBatch.NO_PRODUCER_EPOCH;
        int sequence = RecordBatch.NO_SEQUENCE;
        if (idempotence != null) {
            producerId = idempotence.producerId();
            epoch = idempotence.epoch();
            boolean sameProducer = batch.producerId() == producerId && batch.producerEpoch() == epoch;
            sequence = batch.hasSequence() && sameProducer ? batch.baseSequence()
                    : idempotence.assignSequence(batch.topicPartition(), batch.recordCount());
        }
        if (batch.prepareForSend(producerId, epoch, sequence)) {
            return true;
        }
        RuntimeException cause = batch.buildFailure();
        batch.fail(batch.failure("the batch could not be built: " + (cause == null ? "it was released"
                : cause.getMessage()), SendFailedException.ABORTED, cause));
        if (idempotence != null) {
            idempotence.onAbandoned(batch.topicPartition(), epoch, sequence);
        }
        return false;
    }

    /** When {@code first} may be drained: now (or earlier) if ready, a later time, or MAX_VALUE if held back. */
    private long readyAt(PartitionQueue queue, ProducerBatch first, long nowNanos, boolean drainAll) {
        if (idempotence != null && (!idempotence.isSendable() || (first.hasSequence()
                && first.producerId() == idempotence.producerId()
                && !idempotence.mayResend(queue.topicPartition, first.producerEpoch(), first.baseSequence())))) {
            return Long.MAX_VALUE; // waits for the epoch bump or for older batches' answers
        }
        if (onePerPartitionInFlight && queue.inFlight.get() > 0) {
            return Long.MAX_VALUE;
        }
        if (first.isBeingBuilt()) {
            return Long.MAX_VALUE; // the user thread compressing it reports READY when done
        }
        if (first.attempts() > 0) {
            return first.retryAfterNanos();
        }
        if (drainAll || first.isSync() || !first.isOpen() || queue.batches.size() > 1) {
            return nowNanos;
        }
        return first.createdNanos() + lingerNanos;
    }

    private boolean drainEverything() {
        return closed || lingerOff || flushesInProgress.get() > 0 || pool.hasWaiters();
    }

    private void removeExpired(PartitionQueue queue, long nowNanos, List<ProducerBatch> expired) {
        synchronized (queue) {
            Iterator<ProducerBatch> batches = queue.batches.iterator();
            while (batches.hasNext()) {
                ProducerBatch batch = batches.next();
                if (nowNanos - batch.deliveryDeadlineNanos() >= 0) {
                    queue.seal(batch);
                    batches.remove();
                    expired.add(batch);
                }
            }
        }
    }

    private int choose(Partitioner partitioner, ProducerRecord record, PartitionView partitions) {
        int partition = partitioner.partition(record.topic(), record.key(), record.value(), partitions);
        if (partition < 0 || partition >= partitions.partitionCount()) {
            throw new FatalSendException("partitioner " + partitioner.getClass().getName() + " chose partition "
                    + partition + " of a topic with " + partitions.partitionCount() + " partitions", record.topic(),
                    partition, SendFailedException.INVALID_PARTITION, Persistence.NOT_PERSISTED);
        }
        return partition;
    }

    private void ensureOpen(TopicPartition partition) {
        if (closed) {
            throw new FatalSendException("the producer is closed", partition.topic(), partition.partition(),
                    SendFailedException.PRODUCER_CLOSED, Persistence.NOT_PERSISTED);
        }
    }

    private TopicQueues topics(String topic) {
        TopicQueues queues = topics.get(topic);
        return queues != null ? queues : topics.computeIfAbsent(topic, TopicQueues::new);
    }

    private PartitionQueue queue(String topic, int partition) {
        return topics(topic).queue(partition);
    }

    private PartitionQueue queueIfPresent(TopicPartition partition) {
        TopicQueues queues = topics.get(partition.topic());
        return queues == null ? null : queues.queueIfPresent(partition.partition());
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
