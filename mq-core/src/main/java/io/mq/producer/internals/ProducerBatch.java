package io.mq.producer.internals;

import io.mq.client.MqExceptions;
import io.mq.metadata.TopicPartition;
import io.mq.producer.FatalSendException;
import io.mq.producer.Persistence;
import io.mq.producer.SendCallback;
import io.mq.producer.SendFailedException;
import io.mq.producer.SendResult;
import io.mq.protocol.record.Header;
import io.mq.protocol.record.Record;
import io.mq.protocol.record.RecordBatch;
import io.mq.protocol.record.RecordBatchBuilder;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One record batch for one partition, from the first record appended to the last callback told. It owns the
 * batch's buffer and the memory reserved for it: completing or failing the batch releases both, exactly once.
 *
 * <p>Life: <em>open</em> (records are appended under the partition's lock), <em>sealed</em> (full, or taken for
 * sending), <em>built</em> (header and CRC written, compressed if configured), then sent, possibly several times, and
 * finally {@link #complete completed} or {@link #fail failed}. Each record's callback (its future, for
 * {@code send(record)}) is told offset
 * {@code baseOffset + i}. The sender writes {@link #buffer()}{@code .retainedDuplicate()} and keeps nothing else.
 *
 * <p>Callbacks run on the thread that completes the batch (the engine's I/O thread): they must not block.
 */
public final class ProducerBatch {

    /** How a batch ended. */
    public enum FinalState {
        SUCCEEDED,
        FAILED
    }

    // build states
    private static final int OPEN = 0;
    private static final int SEALED = 1;
    private static final int BUILDING = 2;
    private static final int BUILT = 3;
    /** Completed while another thread was building: the builder releases what it built. */
    private static final int RELEASE_PENDING = 4;
    private static final int RELEASED = 5;

    /** Results of {@link #claim()}. */
    static final int CLAIM_BUSY = 0;
    static final int CLAIM_WAS_OPEN = 1;
    static final int CLAIM_OK = 2;

    private static final int MAX_INITIAL_RECORDS = 4096;

    private final TopicPartition topicPartition;
    private final PartitionQueue queue;
    private final BufferPool pool;
    private final int reservedBytes;
    private final long createdNanos;
    private final long deliveryDeadlineNanos;
    private final ProducerInterceptors interceptors;
    private final DefaultProducerMetrics metrics;
    private final Consumer<ProducerBatch> onDone;
    private final AtomicInteger buildState = new AtomicInteger(OPEN);
    private final AtomicReference<FinalState> finalState = new AtomicReference<>();

    // appended under the partition lock while open
    private RecordBatchBuilder builder;
    private SendCallback[] callbacks;
    private long[] timestamps;
    private int recordCount;
    private boolean sync;

    /** The built batch, published by the build state turning BUILT. */
    private ByteBuf built;
    private RuntimeException buildFailure;

    // sender side: written by the draining/completing thread, read under the partition lock
    private int attempts;
    private long retryAfterNanos;
    private volatile boolean inFlight;
    private boolean possiblyPersisted;
    private long drainOrder = -1;
    private long producerId = RecordBatch.NO_PRODUCER_ID;
    private short producerEpoch = RecordBatch.NO_PRODUCER_EPOCH;
    private int baseSequence = RecordBatch.NO_SEQUENCE;
    private volatile CompletableFuture<Void> done;
    /** Set once the batch has ended for good: completed, failed, or every forwarded record completed. */
    private volatile boolean signalled;

    ProducerBatch(PartitionQueue queue, RecordBatchBuilder builder, int reservedBytes, int firstRecordSize,
            BufferPool pool, long createdNanos, long deliveryTimeoutNanos, ProducerInterceptors interceptors,
            DefaultProducerMetrics metrics, Consumer<ProducerBatch> onDone) {
        this.topicPartition = queue.topicPartition;
        this.queue = queue;
        this.builder = builder;
        this.reservedBytes = reservedBytes;
        this.pool = pool;
        this.createdNanos = createdNanos;
        this.deliveryDeadlineNanos = createdNanos + deliveryTimeoutNanos;
        this.interceptors = interceptors;
        this.metrics = metrics;
        this.onDone = onDone;
        // as many records as the builder's starting buffer holds; the arrays grow with the buffer
        int capacity = Math.min(MAX_INITIAL_RECORDS, builder.initialCapacity() / Math.max(1, firstRecordSize) + 1);
        this.callbacks = new SendCallback[capacity];
        this.timestamps = new long[capacity];
    }

    /** The partition. */
    public TopicPartition topicPartition() {
        return topicPartition;
    }

    /** Records in the batch. */
    public int recordCount() {
        return recordCount;
    }

    /** The built size in bytes, or the uncompressed estimate before the batch is built. */
    public int sizeInBytes() {
        ByteBuf buffer = built;
        if (buffer != null) {
            return buffer.readableBytes();
        }
        RecordBatchBuilder current = builder;
        return current != null ? current.estimatedSizeInBytes() : 0;
    }

    /** When the batch was created ({@link Time#nanoTime()}); linger counts from here. */
    public long createdNanos() {
        return createdNanos;
    }

    /** When the delivery timeout of the batch's records runs out. */
    public long deliveryDeadlineNanos() {
        return deliveryDeadlineNanos;
    }

    /** How many times the batch was drained for sending. */
    public int attempts() {
        return attempts;
    }

    /** Before this time a re-enqueued batch is not drained again. */
    public long retryAfterNanos() {
        return retryAfterNanos;
    }

    /** Whether a record was sent synchronously: the batch then goes without waiting for linger. */
    public boolean isSync() {
        return sync;
    }

    /** The producer id stamped into the batch, or {@link RecordBatch#NO_PRODUCER_ID}. */
    public long producerId() {
        return producerId;
    }

    /** The producer epoch stamped into the batch. */
    public short producerEpoch() {
        return producerEpoch;
    }

    /** The base sequence stamped into the batch, or {@link RecordBatch#NO_SEQUENCE}. */
    public int baseSequence() {
        return baseSequence;
    }

    /** Whether an idempotent sequence was stamped into the batch. */
    public boolean hasSequence() {
        return baseSequence != RecordBatch.NO_SEQUENCE;
    }

    /**
     * The built batch, owned by this object until it completes: write {@code buffer().retainedDuplicate()}.
     *
     * @throws IllegalStateException if the batch was not drained, or has completed
     */
    public ByteBuf buffer() {
        ByteBuf buffer = built;
        if (buffer == null || buildState.get() != BUILT) {
            throw new IllegalStateException("batch " + topicPartition + " is not built or already released");
        }
        return buffer;
    }

    /** Decodes the batch's records, e.g. to forward them to a dead-letter topic; call before completing it. */
    public List<Record> decodeRecords() {
        return RecordBatch.at(buffer()).records();
    }

    /**
     * Marks that an attempt ended without an answer (timeout, lost connection): the records may be stored, which
     * a later failure then reports as {@link Persistence#POSSIBLY_PERSISTED}.
     */
    public void markPossiblyPersisted() {
        possiblyPersisted = true;
    }

    /**
     * What a failure the broker did not answer (expiry, abort) would report now: {@link Persistence#POSSIBLY_PERSISTED}
     * while a request is in flight or after an unanswered attempt, else {@link Persistence#NOT_PERSISTED}.
     */
    public Persistence persistenceIfFailed() {
        return possiblyPersisted || inFlight ? Persistence.POSSIBLY_PERSISTED : Persistence.NOT_PERSISTED;
    }

    /** Whether an earlier attempt ended without an answer; pass it to {@code SendFailedException.forError}. */
    public boolean possiblyPersisted() {
        return possiblyPersisted;
    }

    /** Whether the batch has completed or failed. */
    public boolean isDone() {
        return finalState.get() != null;
    }

    /** How the batch ended, or null while it has not. */
    public FinalState finalState() {
        return finalState.get();
    }

    /**
     * Completes every record: record {@code i} gets offset {@code baseOffset + i}, and the broker's log-append time
     * when it gave one, else its create time. Releases the buffer and the reserved memory.
     *
     * @param baseOffset    the offset of the first record, or {@link SendResult#UNKNOWN_OFFSET} ({@code acks=0},
     *                      duplicates)
     * @param logAppendTime the broker's append time in epoch millis, or -1 when the topic uses create time
     * @return false if the batch had already completed or failed
     */
    public boolean complete(long baseOffset, long logAppendTime) {
        if (!finalState.compareAndSet(null, FinalState.SUCCEEDED)) {
            return false;
        }
        int size = sizeInBytes();
        releaseResources();
        metrics.recordSent(recordCount, size);
        boolean notifyInterceptors = !interceptors.isEmpty();
        String topic = topicPartition.topic();
        int partition = topicPartition.partition();
        for (int i = 0; i < recordCount; i++) {
            SendCallback callback = callbacks[i];
            if (callback == null && !notifyInterceptors) {
                continue;
            }
            long offset = baseOffset < 0 ? SendResult.UNKNOWN_OFFSET : baseOffset + i;
            SendResult result = new SendResult(topic, partition, offset, logAppendTime >= 0 ? logAppendTime
                    : timestamps[i]);
            if (notifyInterceptors) {
                interceptors.onAcknowledgement(result, null);
            }
            SendCallbacks.succeeded(callback, result);
        }
        signalDone();
        return true;
    }

    /**
     * Fails every record with {@code failure}. Releases the buffer and the reserved memory.
     *
     * @return false if the batch had already completed or failed
     */
    public boolean fail(SendFailedException failure) {
        if (!finalState.compareAndSet(null, FinalState.FAILED)) {
            return false;
        }
        releaseResources();
        metrics.recordFailed(failure.code(), recordCount);
        boolean notifyInterceptors = !interceptors.isEmpty();
        for (int i = 0; i < recordCount; i++) {
            if (notifyInterceptors) {
                interceptors.onAcknowledgement(null, failure);
            }
            SendCallbacks.failed(callbacks[i], failure);
        }
        signalDone();
        return true;
    }

    /**
     * Ends the batch by handing its records elsewhere (the dead-letter path): {@code forward} gets each record,
     * decoded, and returns the future of its new send; record {@code i}'s own callback is then told as that one ends,
     * or with {@code failure} (why the records left their topic) if the forward fails. A batch never sent is built
     * first. Releases the buffer and the reserved memory at once; {@link #whenDone()} completes when every forward
     * has.
     *
     * @return false, doing nothing, if the batch has completed or another thread is building it
     */
    public boolean forward(SendFailedException failure, Function<Record, CompletableFuture<SendResult>> forward) {
        if (isDone() || !ensureBuilt()) {
            return false;
        }
        List<Record> records = decodeRecords();
        if (!finalState.compareAndSet(null, FinalState.FAILED)) {
            return false;
        }
        releaseResources();
        metrics.recordFailed(failure.code(), recordCount);
        metrics.recordDeadLettered(recordCount);
        CompletableFuture<?>[] forwarded = new CompletableFuture<?>[recordCount];
        for (int i = 0; i < recordCount; i++) {
            if (!interceptors.isEmpty()) {
                interceptors.onAcknowledgement(null, failure);
            }
            SendCallback target = callbacks[i];
            forwarded[i] = forward.apply(records.get(i)).whenComplete((result, error) -> {
                if (error == null) {
                    SendCallbacks.succeeded(target, result);
                } else {
                    if (failure.getSuppressed().length == 0) {
                        failure.addSuppressed(MqExceptions.unwrap(error));
                    }
                    SendCallbacks.failed(target, failure);
                }
            });
        }
        CompletableFuture.allOf(forwarded).whenComplete((ignored, error) -> signalDone());
        return true;
    }

    /** A future completed once the batch has completed or failed (after a forward: once every copy has). */
    public CompletableFuture<Void> whenDone() {
        CompletableFuture<Void> future = done;
        if (future == null) {
            synchronized (this) {
                future = done;
                if (future == null) {
                    future = new CompletableFuture<>();
                    done = future;
                }
            }
        }
        if (signalled) {
            future.complete(null);
        }
        return future;
    }

    @Override
    public String toString() {
        return "ProducerBatch[" + topicPartition + ", records=" + recordCount + ", attempts=" + attempts
                + (hasSequence() ? ", epoch=" + producerEpoch + ", sequence=" + baseSequence : "")
                + (isDone() ? ", " + finalState() : "") + "]";
    }

    // ---- accumulator side (package-private) ----

    PartitionQueue queue() {
        return queue;
    }

    /** Appends a record; false if it does not fit. Caller holds the partition lock and the batch is open. */
    boolean tryAppend(long timestamp, byte[] key, byte[] value, Header[] headers,
            SendCallback callback, boolean syncSend) {
        if (!builder.tryAppend(timestamp, key, value, headers)) {
            return false;
        }
        if (recordCount == callbacks.length) {
            int capacity = recordCount * 2;
            callbacks = Arrays.copyOf(callbacks, capacity);
            timestamps = Arrays.copyOf(timestamps, capacity);
        }
        callbacks[recordCount] = callback;
        timestamps[recordCount] = timestamp;
        recordCount++;
        if (syncSend) {
            sync = true;
        }
        return true;
    }

    boolean isOpen() {
        return buildState.get() == OPEN;
    }

    /** Whether a thread is building the batch right now (a user thread compressing a batch it filled). */
    boolean isBeingBuilt() {
        return buildState.get() == BUILDING;
    }

    /** Closes the batch to appends; true if it was open. Caller holds the partition lock. */
    boolean seal() {
        return buildState.compareAndSet(OPEN, SEALED);
    }

    /**
     * Claims the batch for sending, under the partition lock: {@link #CLAIM_BUSY} if another thread is building it
     * (leave it queued), {@link #CLAIM_WAS_OPEN} if it was open (it is now sealed), else {@link #CLAIM_OK}.
     */
    int claim() {
        while (true) {
            int state = buildState.get();
            switch (state) {
                case BUILDING:
                    return CLAIM_BUSY;
                case OPEN:
                case SEALED:
                    if (buildState.compareAndSet(state, BUILDING)) {
                        return state == OPEN ? CLAIM_WAS_OPEN : CLAIM_OK;
                    }
                    break;
                default:
                    return CLAIM_OK; // built (or released after a failed build)
            }
        }
    }

    /** Builds a sealed batch on the calling thread (a user thread that just filled it), unless someone else does. */
    void buildIfSealed() {
        if (buildState.compareAndSet(SEALED, BUILDING)) {
            finishBuild();
        }
    }

    /**
     * Readies a claimed batch for the wire: stamps the idempotent producer fields (rewriting the header of a batch
     * built earlier) and builds it if needed. Returns false if building failed (see {@link #buildFailure()}).
     */
    boolean prepareForSend(long newProducerId, short newEpoch, int newSequence) {
        boolean stamp = newProducerId != producerId || newEpoch != producerEpoch || newSequence != baseSequence;
        producerId = newProducerId;
        producerEpoch = newEpoch;
        baseSequence = newSequence;
        int state = buildState.get();
        if ((state == BUILDING || state == RELEASE_PENDING) && builder != null) {
            // claimed by the caller: only it touches the builder now
            builder.setProducerState(newProducerId, newEpoch, newSequence);
            finishBuild();
        } else if (stamp && buildState.get() == BUILT) {
            RecordBatch.at(built).rewriteProducerState(newProducerId, newEpoch, newSequence);
        }
        return buildState.get() == BUILT;
    }

    RuntimeException buildFailure() {
        return buildFailure;
    }

    /** Counts an attempt; true if it is the first. Called when drained. */
    boolean onDrained() {
        inFlight = true;
        return attempts++ == 0;
    }

    boolean isInFlight() {
        return inFlight;
    }

    /** Back in the queue for a retry at {@code retryAt}; caller holds the partition lock. */
    void onReenqueued(long retryAt) {
        inFlight = false;
        retryAfterNanos = retryAt;
    }

    long drainOrder() {
        return drainOrder;
    }

    void drainOrder(long order) {
        drainOrder = order;
    }

    /** The exception for records failed by the client: it names the partition and what the records may be. */
    FatalSendException failure(String detail, String code, Throwable cause) {
        return new FatalSendException(detail, topicPartition.topic(), topicPartition.partition(), null, null, code,
                persistenceIfFailed(), cause);
    }

    /** Builds a batch that was never drained, unless another thread is building it; true if it is built. */
    private boolean ensureBuilt() {
        int state = buildState.get();
        if ((state == OPEN || state == SEALED) && buildState.compareAndSet(state, BUILDING)) {
            finishBuild();
        }
        return buildState.get() == BUILT;
    }

    private void finishBuild() {
        ByteBuf result = null;
        try {
            result = builder.build();
        } catch (RuntimeException e) {
            builder.release();
            buildFailure = e;
        }
        builder = null;
        built = result;
        if (!buildState.compareAndSet(BUILDING, result != null ? BUILT : RELEASED)) {
            // completed while building: nobody else will release it
            built = null;
            if (result != null) {
                result.release();
            }
            buildState.set(RELEASED);
        }
    }

    private void releaseResources() {
        boolean released = false;
        while (!released) {
            int state = buildState.get();
            switch (state) {
                case OPEN, SEALED -> {
                    if (buildState.compareAndSet(state, RELEASED)) {
                        builder.release();
                        builder = null;
                        released = true;
                    }
                }
                case BUILDING -> released = buildState.compareAndSet(BUILDING, RELEASE_PENDING);
                case BUILT -> {
                    if (buildState.compareAndSet(BUILT, RELEASED)) {
                        built.release();
                        built = null;
                        released = true;
                    }
                }
                default -> released = true;
            }
        }
        if (inFlight) {
            queue.inFlight.decrementAndGet();
        }
        pool.release(reservedBytes);
    }

    private void signalDone() {
        signalled = true;
        onDone.accept(this);
        CompletableFuture<Void> future = done;
        if (future != null) {
            future.complete(null);
        }
    }
}
