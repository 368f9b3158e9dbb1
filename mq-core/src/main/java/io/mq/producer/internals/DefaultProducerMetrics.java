package io.mq.producer.internals;

import io.mq.producer.ProducerMetrics;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a producer's metrics. Batches and the accumulator record sends, failures, retries and batch statistics;
 * the network layer binds its gauges (in-flight requests, connections, metadata age) and records request latency.
 * Everything is recorded per batch or per request, never per record. {@link Listener}s are told of each batch sent,
 * request latency and failure; without listeners that costs one empty-array check.
 */
public final class DefaultProducerMetrics implements ProducerMetrics {

    private static final Logger log = LoggerFactory.getLogger(DefaultProducerMetrics.class);

    private final LongAdder recordsSent = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder recordErrors = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> errorsByCode = new ConcurrentHashMap<>();
    private final LongAdder retries = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongSummary batchSizeBytes = new LongSummary();
    private final LongSummary recordsPerBatch = new LongSummary();
    private final LongSummary recordQueueTimeNanos = new LongSummary();
    private final LongSummary requestLatencyNanos = new LongSummary();
    private volatile BufferPool bufferPool;
    private volatile IntSupplier inFlightRequests = () -> 0;
    private volatile IntSupplier connections = () -> 0;
    private volatile LongSupplier metadataAgeMillis = () -> -1L;
    private final CopyOnWriteArraySet<Listener> listeners = new CopyOnWriteArraySet<>();

    /** A batch of {@code records} records and {@code bytes} bytes was acknowledged. */
    public void recordSent(int records, int bytes) {
        recordsSent.add(records);
        bytesSent.add(bytes);
    }

    /** {@code records} records failed for good with {@code code} (see {@code SendFailedException.code()}). */
    public void recordFailed(String code, int records) {
        recordErrors.add(records);
        errorsByCode.computeIfAbsent(code, c -> new LongAdder()).add(records);
        for (Listener listener : listeners) {
            try {
                listener.onRecordErrors(code, records);
            } catch (RuntimeException e) {
                log.warn("Metrics listener {} failed on a record error; ignored", listener, e);
            }
        }
    }

    /** {@code records} records that failed for good were forwarded to the dead-letter topic. */
    public void recordDeadLettered(int records) {
        deadLettered.add(records);
    }

    /** A batch is going to be sent again. */
    public void recordRetry() {
        retries.increment();
    }

    /** A batch is sent for the first time. */
    public void recordFirstSend(int bytes, int records, long queueTimeNanos) {
        batchSizeBytes.record(bytes);
        recordsPerBatch.record(records);
        recordQueueTimeNanos.record(queueTimeNanos);
        for (Listener listener : listeners) {
            try {
                listener.onBatchSent(bytes, records, queueTimeNanos);
            } catch (RuntimeException e) {
                log.warn("Metrics listener {} failed on a batch; ignored", listener, e);
            }
        }
    }

    /** A produce request was answered {@code nanos} after it was written. */
    public void recordRequestLatency(long nanos) {
        requestLatencyNanos.record(nanos);
        for (Listener listener : listeners) {
            try {
                listener.onRequestLatency(nanos);
            } catch (RuntimeException e) {
                log.warn("Metrics listener {} failed on a request latency; ignored", listener, e);
            }
        }
    }

    /** The pool behind {@link #bufferAvailableBytes()} and {@link #bufferTotalBytes()}. */
    public void bindBufferPool(BufferPool pool) {
        this.bufferPool = Objects.requireNonNull(pool, "pool");
    }

    /** The source of {@link #inFlightRequests()}. */
    public void bindInFlightRequests(IntSupplier source) {
        this.inFlightRequests = Objects.requireNonNull(source, "source");
    }

    /** The source of {@link #connections()}. */
    public void bindConnections(IntSupplier source) {
        this.connections = Objects.requireNonNull(source, "source");
    }

    /** The source of {@link #metadataAgeMillis()}. */
    public void bindMetadataAge(LongSupplier source) {
        this.metadataAgeMillis = Objects.requireNonNull(source, "source");
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    @Override
    public long recordsSent() {
        return recordsSent.sum();
    }

    @Override
    public long bytesSent() {
        return bytesSent.sum();
    }

    @Override
    public long recordErrors() {
        return recordErrors.sum();
    }

    @Override
    public Map<String, Long> recordErrorsByCode() {
        Map<String, Long> copy = new TreeMap<>();
        errorsByCode.forEach((code, count) -> copy.put(code, count.sum()));
        return copy;
    }

    @Override
    public long recordsDeadLettered() {
        return deadLettered.sum();
    }

    @Override
    public long retries() {
        return retries.sum();
    }

    @Override
    public Summary batchSizeBytes() {
        return batchSizeBytes;
    }

    @Override
    public Summary recordsPerBatch() {
        return recordsPerBatch;
    }

    @Override
    public Summary recordQueueTimeNanos() {
        return recordQueueTimeNanos;
    }

    @Override
    public Summary requestLatencyNanos() {
        return requestLatencyNanos;
    }

    @Override
    public long bufferAvailableBytes() {
        BufferPool pool = bufferPool;
        return pool == null ? 0 : pool.availableMemory();
    }

    @Override
    public long bufferTotalBytes() {
        BufferPool pool = bufferPool;
        return pool == null ? 0 : pool.totalMemory();
    }

    @Override
    public int inFlightRequests() {
        return inFlightRequests.getAsInt();
    }

    @Override
    public int connections() {
        return connections.getAsInt();
    }

    @Override
    public long metadataAgeMillis() {
        return metadataAgeMillis.getAsLong();
    }
}
