package io.mq.producer.internals;

import io.mq.metadata.Cluster;
import io.mq.metadata.MetadataManager;
import io.mq.metadata.PartitionMetadata;
import io.mq.metadata.TopicMetadata;
import io.mq.metadata.TopicPartition;
import io.mq.producer.DeadLetterHeaders;
import io.mq.producer.ProducerRecord;
import io.mq.producer.SendCallback;
import io.mq.producer.SendFailedException;
import io.mq.producer.SendResult;
import io.mq.producer.internals.RecordsQueuedForUnknownTopic.Parked;
import io.mq.producer.partitioner.PartitionView;
import io.mq.producer.partitioner.Partitioner;
import io.mq.protocol.Errors;
import io.mq.protocol.record.Header;
import io.mq.protocol.record.Record;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Takes records from the sending threads to the accumulators. A record whose topic the current metadata describes
 * is partitioned and appended at once, against a {@link PartitionView} built once per topic and metadata snapshot.
 * Otherwise it is parked in {@link RecordsQueuedForUnknownTopic} and the sender is asked (once per topic) to wait for
 * the topic; the sender then {@link #release releases} the topic's records, in send order, or fails them.
 *
 * <p>Order: while records of a topic are parked, later records of that topic are parked behind them, and a release
 * appends them all under the parking area's lock before anything else of the topic may pass, so a thread's records
 * of one partition keep their order. The hot path takes no lock unless some record is parked.
 */
final class RecordRouter {

    /** How a record was sent. */
    enum Mode {
        /** {@code send}: the caller gets a future or gave a callback. */
        ASYNC,
        /** {@code sendSync}: the caller waits, so the batch skips linger. */
        SYNC,
        /** {@code sendOneway}: acks=0 batches, nobody waits. */
        ONEWAY
    }

    private final MetadataManager metadata;
    private final RecordAccumulator accumulator;
    private final RecordAccumulator onewayAccumulator;
    private final RecordsQueuedForUnknownTopic parking;
    private final BufferPool memory;
    private final Partitioner partitioner;
    private final ProducerInterceptors interceptors;
    private final DefaultProducerMetrics metrics;
    private final Sender sender;
    private final Time time;
    /** Topics the sender was asked to wait for; guarded by {@code parking}. */
    private final Set<String> awaited = new HashSet<>();
    /** Records parked or being released; written under the {@code parking} lock, read without it. */
    private volatile int parkedOrReleasing;
    private volatile Routes routes = new Routes(null);

    RecordRouter(MetadataManager metadata, RecordAccumulator accumulator, RecordAccumulator onewayAccumulator,
            RecordsQueuedForUnknownTopic parking, BufferPool memory, Partitioner partitioner,
            ProducerInterceptors interceptors, DefaultProducerMetrics metrics, Sender sender, Time time) {
        this.metadata = metadata;
        this.accumulator = accumulator;
        this.onewayAccumulator = onewayAccumulator;
        this.parking = parking;
        this.memory = memory;
        this.partitioner = partitioner;
        this.interceptors = interceptors;
        this.metrics = metrics;
        this.sender = sender;
        this.time = time;
    }

    /**
     * Appends or parks a record (after interceptors) on the calling thread.
     *
     * @param callback told the record's outcome, or null if nobody waits for it
     * @throws SendFailedException if the record is refused at once (too large, invalid partition, memory full,
     *                             accumulator closed)
     */
    void route(ProducerRecord record, SendCallback callback, Mode mode) {
        boolean oneway = mode == Mode.ONEWAY;
        boolean sync = mode == Mode.SYNC;
        if (parkedOrReleasing == 0) {
            PartitionView view = view(record.topic(), oneway);
            if (view != null) {
                append(record, view, callback, sync, oneway);
                return;
            }
        }
        (oneway ? onewayAccumulator : accumulator).checkSize(record,
                record.hasPartition() ? record.partition() : SendFailedException.NO_PARTITION);
        PartitionView view;
        boolean askSender = false;
        synchronized (parking) {
            boolean mayBlock = false;
            long blockNanosLeft = Long.MIN_VALUE; // asked of the buffer pool only when the area is full
            while (true) {
                boolean waiting = parking.isWaiting(record.topic());
                view = waiting ? null : view(record.topic(), oneway);
                if (view != null) {
                    break;
                }
                if (!parking.hasRoomFor(record)) {
                    if (blockNanosLeft == Long.MIN_VALUE) {
                        blockNanosLeft = memory.blockNanosForCaller();
                        mayBlock = blockNanosLeft > 0;
                    }
                    if (mayBlock) { // wait (releasing the lock), then look again: the topic may be released
                        blockNanosLeft = parking.awaitRoom(record, blockNanosLeft);
                        continue;
                    }
                }
                parking.park(record, callback, sync, oneway, time.nanoTime());
                parkedOrReleasing = parking.size();
                askSender = !waiting && awaited.add(record.topic());
                break;
            }
        }
        if (view != null) {
            append(record, view, callback, sync, oneway); // nothing of the topic is parked: order holds
        } else if (askSender) {
            sender.awaitTopic(record.topic());
        }
    }

    /** What {@link #release} did with a topic's parked records. */
    enum Release {
        /** All left the parking area: appended, or failed if they could not be. */
        DONE,
        /** Some still wait: the metadata changed again meanwhile and no longer describes the topic. */
        METADATA_CHANGED,
        /**
         * Some still wait: buffer memory ran short and the producer blocks rather than fails when full, so they wait
         * for memory to be freed (the releasing event loop cannot block for it).
         */
        MEMORY_SHORT
    }

    /**
     * Appends every record parked for {@code topic}, in send order, now that metadata describes it; records that
     * cannot be appended fail, except for a shortage of buffer memory when the producer blocks when full: the record
     * and those after it stay parked. Called by the sender.
     */
    Release release(String topic) {
        List<Parked> refused = new ArrayList<>();
        List<SendFailedException> reasons = new ArrayList<>();
        Release outcome = Release.DONE;
        synchronized (parking) {
            for (Parked p : parking.release(topic)) {
                PartitionView view = outcome == Release.DONE ? view(topic, p.oneway()) : null;
                if (view == null) {
                    parking.park(p.record(), p.callback(), p.sync(), p.oneway(), p.parkedNanos());
                    outcome = outcome == Release.DONE ? Release.METADATA_CHANGED : outcome;
                    continue;
                }
                try {
                    append(p.record(), view, p.callback(), p.sync(), p.oneway());
                } catch (SendFailedException e) {
                    if (SendFailedException.BUFFER_EXHAUSTED.equals(e.code()) && memory.blocksWhenFull()) {
                        parking.park(p.record(), p.callback(), p.sync(), p.oneway(), p.parkedNanos());
                        outcome = Release.MEMORY_SHORT;
                    } else {
                        refused.add(p);
                        reasons.add(e);
                    }
                }
            }
            if (outcome == Release.DONE) {
                awaited.remove(topic);
            }
            parkedOrReleasing = parking.size();
        }
        for (int i = 0; i < refused.size(); i++) {
            fail(refused.get(i), reasons.get(i));
        }
        return outcome;
    }

    /**
     * Fails the records of {@code topic} that have waited the max metadata wait, with the failure {@code failure}
     * makes for each. Called by the sender when its wait for the topic ended without the topic.
     *
     * @return whether younger records of the topic still wait
     */
    boolean expire(String topic, long nowNanos, Function<Parked, SendFailedException> failure) {
        parking.expire(topic, nowNanos, failure);
        return settle(topic);
    }

    /** Fails every record waiting for {@code topic} with the error metadata reported for it; called by the sender. */
    void fail(String topic, Errors error) {
        parking.fail(topic, error);
        settle(topic);
    }

    /** Fails every parked record, e.g. when the producer closes or stops. */
    void abortAll(String reason, String code, Throwable cause) {
        parking.abortAll(reason, code, cause);
        synchronized (parking) {
            awaited.clear();
            parkedOrReleasing = parking.size();
        }
    }

    /** How many records are parked or being released. */
    int parkedCount() {
        return parkedOrReleasing;
    }

    /** When the longest-parked record of {@code topic} (or of any topic, for null) was parked; MAX_VALUE if none. */
    long oldestParkedNanos(String topic) {
        return topic == null ? parking.oldestParkedNanos() : parking.oldestParkedNanos(topic);
    }

    /**
     * Sends a copy of {@code record} to the dead-letter topic, with headers naming where it was going and why it
     * failed (see {@link DeadLetterHeaders}).
     *
     * @return the copy's future; failed at once if it is refused
     */
    CompletableFuture<SendResult> deadLetter(String deadLetterTopic, Record record, TopicPartition original,
            SendFailedException failure) {
        List<Header> headers = new ArrayList<>(record.headers().size() + 4);
        headers.addAll(record.headers());
        headers.add(header(DeadLetterHeaders.ORIGINAL_TOPIC, original.topic()));
        headers.add(header(DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(original.partition())));
        headers.add(header(DeadLetterHeaders.ERROR, failure.code()));
        headers.add(header(DeadLetterHeaders.ERROR_MESSAGE, failure.getMessage()));
        ProducerRecord copy = new ProducerRecord(deadLetterTopic, ProducerRecord.ANY_PARTITION,
                Math.max(record.timestamp(), ProducerRecord.NO_TIMESTAMP), record.key(), record.value(), headers);
        SendFuture future = new SendFuture();
        try {
            route(copy, future, Mode.ASYNC);
        } catch (SendFailedException e) {
            future.completeExceptionally(e);
        }
        return future;
    }

    /** Whether metadata describes {@code topic} well enough to route its records. */
    static boolean isRoutable(TopicMetadata topic) {
        return topic != null && topic.error() == Errors.NONE && topic.partitionCount() > 0;
    }

    private boolean settle(String topic) {
        synchronized (parking) {
            parkedOrReleasing = parking.size();
            if (parking.isWaiting(topic)) {
                return true;
            }
            awaited.remove(topic);
            return false;
        }
    }

    private void append(ProducerRecord record, PartitionView view, SendCallback callback, boolean sync,
            boolean oneway) {
        RecordAccumulator target = oneway ? onewayAccumulator : accumulator;
        sender.appended(target.append(record, partitioner, view, callback, sync));
    }

    private void fail(Parked parked, SendFailedException failure) {
        metrics.recordFailed(failure.code(), 1);
        interceptors.onAcknowledgement(null, failure);
        SendCallbacks.failed(parked.callback(), failure);
    }

    /** The topic's view for the current metadata, or null if metadata does not describe the topic. */
    private PartitionView view(String topic, boolean oneway) {
        Cluster cluster = metadata.cluster();
        Routes current = routes;
        if (current.cluster != cluster) {
            current = new Routes(cluster);
            routes = current;
        }
        Map<String, PartitionView> views = oneway ? current.oneway : current.regular;
        PartitionView view = views.get(topic);
        if (view != null) {
            return view;
        }
        TopicMetadata described = cluster.topics().get(topic);
        if (!isRoutable(described)) {
            return null;
        }
        int[] leaders = new int[described.partitionCount()];
        for (PartitionMetadata partition : described.partitions()) {
            leaders[partition.partition()] = partition.leader() == null ? PartitionView.NO_LEADER
                    : partition.leader().id();
        }
        view = (oneway ? onewayAccumulator : accumulator).partitionView(topic, leaders);
        PartitionView raced = views.putIfAbsent(topic, view);
        return raced != null ? raced : view;
    }

    private static Header header(String key, String value) {
        return new Header(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** The partition views built for one metadata snapshot. */
    private static final class Routes {
        final Cluster cluster;
        final Map<String, PartitionView> regular = new ConcurrentHashMap<>();
        final Map<String, PartitionView> oneway = new ConcurrentHashMap<>();

        Routes(Cluster cluster) {
            this.cluster = cluster;
        }
    }
}
