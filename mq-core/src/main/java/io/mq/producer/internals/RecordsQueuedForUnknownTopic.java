package io.mq.producer.internals;

import io.mq.producer.FatalSendException;
import io.mq.producer.Persistence;
import io.mq.producer.ProducerRecord;
import io.mq.producer.RetriableSendException;
import io.mq.producer.SendFailedException;
import io.mq.producer.SendResult;
import io.mq.protocol.Errors;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Where records wait while their topic's metadata is unknown, so that a send never blocks its caller on a metadata
 * fetch. When the metadata arrives the producer {@link #release releases} the topic's records, in send order, to be
 * partitioned and appended; records still waiting after the max metadata wait fail with
 * {@link SendFailedException#METADATA_TIMEOUT}. The area is bounded in bytes: past the bound, sends fail fast with
 * {@link SendFailedException#BUFFER_EXHAUSTED}.
 *
 * <p>Thread-safe; futures are completed outside its lock.
 */
public final class RecordsQueuedForUnknownTopic {

    /**
     * A waiting record.
     *
     * @param record     the record (after interceptors)
     * @param future     its future, or null if nobody waits for it
     * @param sync       whether it was sent synchronously
     * @param parkedNanos when it started waiting
     */
    public record Parked(ProducerRecord record, CompletableFuture<SendResult> future, boolean sync, long parkedNanos) {
    }

    private final long maxBytes;
    private final long maxWaitNanos;
    private final ProducerInterceptors interceptors;
    private final DefaultProducerMetrics metrics;
    private final Map<String, ArrayDeque<Parked>> byTopic = new HashMap<>();
    private long bytes;
    private int count;

    /**
     * @param maxBytes     the most record bytes (as {@link RecordAccumulator#estimateRecordSize}) that may wait
     * @param maxWait      how long a record may wait for its topic's metadata
     * @param interceptors told of records that fail here
     * @param metrics      counts records that fail here
     */
    public RecordsQueuedForUnknownTopic(long maxBytes, Duration maxWait, ProducerInterceptors interceptors,
            DefaultProducerMetrics metrics) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be > 0, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.maxWaitNanos = maxWait.toNanos();
        this.interceptors = Objects.requireNonNull(interceptors, "interceptors");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Parks a record until its topic's metadata is known.
     *
     * @throws RetriableSendException if the area is full
     */
    public synchronized void park(ProducerRecord record, CompletableFuture<SendResult> future, boolean sync,
            long nowNanos) {
        int size = RecordAccumulator.estimateRecordSize(record);
        if (bytes + size > maxBytes) {
            throw new RetriableSendException("too many records wait for topic metadata (" + count + " records, "
                    + bytes + " of " + maxBytes + " bytes)", record.topic(), record.partition(), null, null,
                    SendFailedException.BUFFER_EXHAUSTED, Persistence.NOT_PERSISTED, null);
        }
        byTopic.computeIfAbsent(record.topic(), t -> new ArrayDeque<>())
                .addLast(new Parked(record, future, sync, nowNanos));
        bytes += size;
        count++;
    }

    /** Takes every record waiting for {@code topic}, in send order, now that its metadata is known. */
    public synchronized List<Parked> release(String topic) {
        ArrayDeque<Parked> parked = byTopic.remove(topic);
        if (parked == null) {
            return List.of();
        }
        for (Parked p : parked) {
            forget(p);
        }
        return new ArrayList<>(parked);
    }

    /** The topics records wait for: the metadata to ask for. */
    public synchronized Set<String> topics() {
        return new LinkedHashSet<>(byTopic.keySet());
    }

    /** When the oldest waiting record times out, or {@link Long#MAX_VALUE} if none waits. */
    public synchronized long nextExpiryNanos() {
        long next = Long.MAX_VALUE;
        for (ArrayDeque<Parked> parked : byTopic.values()) {
            next = Math.min(next, parked.peekFirst().parkedNanos() + maxWaitNanos);
        }
        return next;
    }

    /**
     * Fails the records that have waited the max metadata wait by {@code nowNanos}.
     *
     * @return how many failed
     */
    public int expire(long nowNanos) {
        List<Parked> expired = new ArrayList<>();
        synchronized (this) {
            Iterator<ArrayDeque<Parked>> topics = byTopic.values().iterator();
            while (topics.hasNext()) {
                ArrayDeque<Parked> parked = topics.next();
                while (!parked.isEmpty() && nowNanos - (parked.peekFirst().parkedNanos() + maxWaitNanos) >= 0) {
                    Parked p = parked.pollFirst();
                    forget(p);
                    expired.add(p);
                }
                if (parked.isEmpty()) {
                    topics.remove();
                }
            }
        }
        long waitedMillis = maxWaitNanos / 1_000_000;
        failAll(expired, p -> new RetriableSendException("topic metadata not available after " + waitedMillis
                + " ms", p.record().topic(), SendFailedException.NO_PARTITION, null, null,
                SendFailedException.METADATA_TIMEOUT, Persistence.NOT_PERSISTED, null));
        return expired.size();
    }

    /**
     * Fails every record waiting for {@code topic} with the error the metadata reported for it (e.g.
     * INVALID_TOPIC_EXCEPTION, TOPIC_AUTHORIZATION_FAILED).
     *
     * @return how many failed
     */
    public int fail(String topic, Errors error) {
        List<Parked> failed;
        synchronized (this) {
            ArrayDeque<Parked> parked = byTopic.remove(topic);
            failed = parked == null ? List.of() : new ArrayList<>(parked);
            failed.forEach(this::forget);
        }
        failAll(failed, p -> SendFailedException.forError(error, topic, SendFailedException.NO_PARTITION, null,
                false));
        return failed.size();
    }

    /**
     * Fails every waiting record with {@code cause}, e.g. when the producer closes.
     *
     * @return how many failed
     */
    public int abortAll(Throwable cause) {
        List<Parked> failed = new ArrayList<>();
        synchronized (this) {
            byTopic.values().forEach(failed::addAll);
            byTopic.clear();
            bytes = 0;
            count = 0;
        }
        String code = cause instanceof SendFailedException e ? e.code() : SendFailedException.ABORTED;
        failAll(failed, p -> new FatalSendException("send aborted: " + cause.getMessage(), p.record().topic(),
                SendFailedException.NO_PARTITION, null, null, code, Persistence.NOT_PERSISTED, cause));
        return failed.size();
    }

    /** How many records wait. */
    public synchronized int size() {
        return count;
    }

    /** The bytes (estimated) of the waiting records. */
    public synchronized long bytes() {
        return bytes;
    }

    private void forget(Parked parked) {
        bytes -= RecordAccumulator.estimateRecordSize(parked.record());
        count--;
    }

    private void failAll(List<Parked> parked, Function<Parked, SendFailedException> failure) {
        for (Parked p : parked) {
            SendFailedException e = failure.apply(p);
            metrics.recordFailed(e.code(), 1);
            interceptors.onAcknowledgement(null, e);
            if (p.future() != null) {
                p.future().completeExceptionally(e);
            }
        }
    }
}
