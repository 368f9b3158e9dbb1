package io.mq.producer.internals;

import io.mq.producer.FatalSendException;
import io.mq.producer.Persistence;
import io.mq.producer.ProducerRecord;
import io.mq.producer.RetriableSendException;
import io.mq.producer.SendCallback;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Where records wait while their topic's metadata is unknown, so that a send never blocks its caller on a metadata
 * fetch. When the metadata arrives the producer {@link #release releases} the topic's records, in send order, to be
 * partitioned and appended; records still waiting after the max metadata wait fail with
 * {@link SendFailedException#METADATA_TIMEOUT}. The area is bounded in bytes: past the bound, a sending thread that
 * may block (backpressure {@code BLOCK}, not an event loop) {@link #awaitRoom waits for room} on this object's monitor,
 * other sends fail fast with {@link SendFailedException#BUFFER_EXHAUSTED}. Once {@link #abortAll aborted} (the producer
 * closed or stopped) it refuses every record.
 *
 * <p>Thread-safe (its monitor is its lock); callbacks are told outside the lock.
 */
public final class RecordsQueuedForUnknownTopic {

    /**
     * A waiting record.
     *
     * @param record      the record (after interceptors)
     * @param callback    told its outcome, or null if nobody waits for it
     * @param sync        whether it was sent synchronously
     * @param oneway      whether it was sent fire-and-forget (it goes to the acks=0 batches)
     * @param parkedNanos when it started waiting
     */
    public record Parked(ProducerRecord record, SendCallback callback, boolean sync, boolean oneway,
            long parkedNanos) {
    }

    private final long maxBytes;
    private final long maxWaitNanos;
    private final ProducerInterceptors interceptors;
    private final DefaultProducerMetrics metrics;
    private final Map<String, ArrayDeque<Parked>> byTopic = new HashMap<>();
    private long bytes;
    private int count;
    private int threadsWaitingForRoom;
    /** Why records are refused for good (the producer closed or stopped), null while open. */
    private Refusal refusal;

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
    public void park(ProducerRecord record, SendCallback callback, boolean sync, long nowNanos) {
        park(record, callback, sync, false, nowNanos);
    }

    /**
     * Parks a record until its topic's metadata is known.
     *
     * @param oneway whether the record was sent fire-and-forget
     * @throws RetriableSendException if the area is full
     */
    public synchronized void park(ProducerRecord record, SendCallback callback, boolean sync,
            boolean oneway, long nowNanos) {
        if (refusal != null) {
            throw refused(record);
        }
        int size = RecordAccumulator.estimateRecordSize(record);
        if (bytes + size > maxBytes) {
            throw full(record, "");
        }
        byTopic.computeIfAbsent(record.topic(), t -> new ArrayDeque<>())
                .addLast(new Parked(record, callback, sync, oneway, nowNanos));
        bytes += size;
        count++;
    }

    /** Whether {@code record} fits now (or the area refuses records for good, which {@link #park} then reports). */
    public synchronized boolean hasRoomFor(ProducerRecord record) {
        return refusal != null || bytes + RecordAccumulator.estimateRecordSize(record) <= maxBytes;
    }

    /**
     * Waits on this object's monitor until records leave, at most {@code remainingNanos}; the caller holds the monitor
     * and checks again what to do with its record afterwards (its topic may have been released meanwhile).
     *
     * @return the nanoseconds left of the caller's wait
     * @throws RetriableSendException {@link SendFailedException#BUFFER_EXHAUSTED} if {@code remainingNanos} ran out
     *                                with no room, {@link SendFailedException#INTERRUPTED} if the thread was
     *                                interrupted (its interrupt flag is then set again)
     */
    public synchronized long awaitRoom(ProducerRecord record, long remainingNanos) {
        if (hasRoomFor(record)) {
            return remainingNanos;
        }
        if (remainingNanos <= 0) {
            throw full(record, ", waited the max block time");
        }
        long start = System.nanoTime();
        threadsWaitingForRoom++;
        try {
            TimeUnit.NANOSECONDS.timedWait(this, remainingNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableSendException("interrupted while waiting for room among the records waiting for topic "
                    + "metadata", record.topic(), record.partition(), null, null, SendFailedException.INTERRUPTED,
                    Persistence.NOT_PERSISTED, e);
        } finally {
            threadsWaitingForRoom--;
        }
        return remainingNanos - (System.nanoTime() - start);
    }

    /** Whether records wait for {@code topic}. */
    public synchronized boolean isWaiting(String topic) {
        return byTopic.containsKey(topic);
    }

    /** When the record of {@code topic} waiting longest started waiting, or {@link Long#MAX_VALUE} if none waits. */
    public synchronized long oldestParkedNanos(String topic) {
        ArrayDeque<Parked> parked = byTopic.get(topic);
        return parked == null ? Long.MAX_VALUE : parked.peekFirst().parkedNanos();
    }

    /** When the record waiting longest started waiting, or {@link Long#MAX_VALUE} if none waits. */
    public synchronized long oldestParkedNanos() {
        long oldest = Long.MAX_VALUE;
        for (ArrayDeque<Parked> parked : byTopic.values()) {
            long first = parked.peekFirst().parkedNanos();
            if (oldest == Long.MAX_VALUE || first - oldest < 0) {
                oldest = first;
            }
        }
        return oldest;
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
     * Fails the records of {@code topic} that have waited the max metadata wait by {@code nowNanos}, each with the
     * exception {@code failure} makes for it (e.g. one naming why the topic is unknown).
     *
     * @return how many failed
     */
    public int expire(String topic, long nowNanos, Function<Parked, SendFailedException> failure) {
        List<Parked> expired = new ArrayList<>();
        synchronized (this) {
            ArrayDeque<Parked> parked = byTopic.get(topic);
            while (parked != null && !parked.isEmpty()
                    && nowNanos - (parked.peekFirst().parkedNanos() + maxWaitNanos) >= 0) {
                Parked p = parked.pollFirst();
                forget(p);
                expired.add(p);
            }
            if (parked != null && parked.isEmpty()) {
                byTopic.remove(topic);
            }
        }
        failAll(expired, failure);
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
        String code = cause instanceof SendFailedException e ? e.code() : SendFailedException.ABORTED;
        return abortAll("send aborted: " + cause.getMessage(), code, cause);
    }

    /**
     * Fails every waiting record with a {@link FatalSendException} saying {@code reason}, with client code
     * {@code code}.
     *
     * @param cause the underlying failure, or null
     * @return how many failed
     */
    public int abortAll(String reason, String code, Throwable cause) {
        List<Parked> failed = new ArrayList<>();
        synchronized (this) {
            byTopic.values().forEach(failed::addAll);
            byTopic.clear();
            bytes = 0;
            count = 0;
            refusal = new Refusal(reason, code, cause);
            notifyAll();
        }
        failAll(failed, p -> new FatalSendException(reason, p.record().topic(), SendFailedException.NO_PARTITION,
                null, null, code, Persistence.NOT_PERSISTED, cause));
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
        if (threadsWaitingForRoom > 0) {
            notifyAll();
        }
    }

    private RetriableSendException full(ProducerRecord record, String waited) {
        return new RetriableSendException("too many records wait for topic metadata (" + count + " records, " + bytes
                + " of " + maxBytes + " bytes" + waited + ")", record.topic(), record.partition(), null, null,
                SendFailedException.BUFFER_EXHAUSTED, Persistence.NOT_PERSISTED, null);
    }

    private FatalSendException refused(ProducerRecord record) {
        return new FatalSendException(refusal.reason(), record.topic(), record.partition(), null, null,
                refusal.code(), Persistence.NOT_PERSISTED, refusal.cause());
    }

    private record Refusal(String reason, String code, Throwable cause) {
    }

    private void failAll(List<Parked> parked, Function<Parked, SendFailedException> failure) {
        for (Parked p : parked) {
            SendFailedException e = failure.apply(p);
            metrics.recordFailed(e.code(), 1);
            interceptors.onAcknowledgement(null, e);
            SendCallbacks.failed(p.callback(), e);
        }
    }
}
