package io.mq.producer.internals;

import io.mq.client.MqException;
import io.mq.client.MqExceptions;
import io.mq.client.UnknownTopicException;
import io.mq.metadata.MetadataManager;
import io.mq.producer.FatalSendException;
import io.mq.producer.Persistence;
import io.mq.producer.RetriableSendException;
import io.mq.producer.SendFailedException;
import io.mq.protocol.Errors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits, for the {@link Sender}, for the metadata of topics whose records the {@link RecordRouter} parked: one
 * {@link MetadataManager#awaitTopic} per topic, bounded by what is left of the max metadata wait of its oldest parked
 * record. When the topic appears its records are released in send order. When the wait ends without it, the records
 * that waited the full bound fail with the unknown-topic error — a {@link FatalSendException} carrying the error
 * metadata reported (UNKNOWN_TOPIC_OR_PARTITION when the topic does not exist) and the {@link UnknownTopicException} as
 * cause, or a retriable {@link SendFailedException#METADATA_TIMEOUT} when no broker answered — and the wait starts
 * again for younger ones. A topic metadata rejects (invalid name, no authorization) fails its records at once. A
 * release cut short by a lack of buffer memory (the producer blocks when full, but the loop cannot) is tried again on
 * the sender's next run, after answers have freed memory.
 *
 * <p>Confined to the sender's event loop.
 */
final class TopicWaits {

    private static final Logger log = LoggerFactory.getLogger(TopicWaits.class);

    private final String clientId;
    private final MetadataManager metadata;
    private final RecordRouter router;
    private final Duration maxWait;
    private final Time time;
    private final Executor loop;
    private final BooleanSupplier active;
    private final Runnable afterChange;
    /** Topics whose release stopped for lack of buffer memory, in that order. */
    private final Set<String> shortOfMemory = new LinkedHashSet<>();

    /**
     * @param loop        the sender's event loop, where answers are handled
     * @param active      whether the producer still delivers (parked records were failed otherwise)
     * @param afterChange run (on the loop) after records were released or failed
     */
    TopicWaits(String clientId, MetadataManager metadata, RecordRouter router, Duration maxWait, Time time,
            Executor loop, BooleanSupplier active, Runnable afterChange) {
        this.clientId = clientId;
        this.metadata = metadata;
        this.router = router;
        this.maxWait = maxWait;
        this.time = time;
        this.loop = loop;
        this.active = active;
        this.afterChange = afterChange;
    }

    /** Releases {@code topic}'s parked records if metadata describes it now, else waits for it. */
    void start(String topic) {
        if (!active.getAsBoolean()) {
            return;
        }
        if (RecordRouter.isRoutable(metadata.cluster().topics().get(topic))) {
            release(topic);
            return;
        }
        long oldest = router.oldestParkedNanos(topic);
        if (oldest == Long.MAX_VALUE) {
            release(topic); // nothing waits any more
            return;
        }
        long bound = Math.max(TimeUnit.MILLISECONDS.toNanos(1), oldest + maxWait.toNanos() - time.nanoTime());
        metadata.awaitTopic(topic, Duration.ofNanos(bound)).whenComplete((cluster, error) -> {
            try {
                loop.execute(() -> ended(topic, error));
            } catch (RejectedExecutionException ignored) {
                // the event loops are shut down: the producer is gone
            }
        });
    }

    private void ended(String topic, Throwable error) {
        if (!active.getAsBoolean()) {
            return;
        }
        Throwable cause = error == null ? null : MqExceptions.unwrap(error);
        if (cause == null) {
            release(topic);
        } else if (cause instanceof UnknownTopicException unknown) {
            log.warn("[{}] Records for topic '{}' waited {} for its metadata [{}]: {}", clientId, topic, maxWait,
                    unknown.error().map(Enum::name).orElse(SendFailedException.METADATA_TIMEOUT),
                    unknown.getMessage());
            if (router.expire(topic, time.nanoTime(), parked -> unknownTopic(topic, unknown))) {
                start(topic);
            }
        } else if (cause instanceof MqException mq && mq.error().isPresent()) {
            log.warn("[{}] Records for topic '{}' fail: metadata reports [{}] {}", clientId, topic, mq.error().get(),
                    mq.getMessage());
            router.fail(topic, mq.error().get());
        } else {
            log.warn("[{}] Records for topic '{}' fail [{}]: waiting for its metadata failed: {}", clientId, topic,
                    SendFailedException.ABORTED, cause.toString());
            router.expire(topic, time.nanoTime() + maxWait.toNanos(), parked -> new FatalSendException(
                    "waiting for the topic's metadata failed: " + cause.getMessage(), topic,
                    SendFailedException.NO_PARTITION, null, null, SendFailedException.ABORTED,
                    Persistence.NOT_PERSISTED, cause));
        }
        afterChange.run();
    }

    /** Tries again the releases that stopped for lack of buffer memory; called on every sender run. */
    void retryReleasesShortOfMemory() {
        if (shortOfMemory.isEmpty()) {
            return;
        }
        List<String> topics = new ArrayList<>(shortOfMemory);
        shortOfMemory.clear();
        topics.forEach(this::start);
    }

    private void release(String topic) {
        switch (router.release(topic)) {
            case DONE -> { }
            case METADATA_CHANGED -> start(topic);
            case MEMORY_SHORT -> shortOfMemory.add(topic);
        }
    }

    /** The failure of a record whose topic metadata did not describe within the bound. */
    static SendFailedException unknownTopic(String topic, UnknownTopicException unknown) {
        Errors error = unknown.error().orElse(null);
        return error != null
                ? new FatalSendException(unknown.getMessage(), topic, SendFailedException.NO_PARTITION, null, error,
                        null, Persistence.NOT_PERSISTED, unknown)
                : new RetriableSendException(unknown.getMessage(), topic, SendFailedException.NO_PARTITION, null,
                        null, SendFailedException.METADATA_TIMEOUT, Persistence.NOT_PERSISTED, unknown);
    }
}
