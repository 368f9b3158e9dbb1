package io.mq.producer.internals;

import io.mq.client.ConnectionLostException;
import io.mq.client.MqException;
import io.mq.client.MqExceptions;
import io.mq.client.MqTimeoutException;
import io.mq.client.UnsupportedVersionException;
import io.mq.metadata.Node;
import io.mq.metadata.TopicPartition;
import io.mq.producer.Persistence;
import io.mq.producer.ProducerOptions;
import io.mq.producer.RetriableSendException;
import io.mq.producer.SendFailedException;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.message.ProduceResponse.PartitionProduceResponse;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the {@link Sender} does with a batch once its Produce request is answered or fails: complete it; retry it after
 * the backoff (metadata refreshed first when the error says routing was stale, the batch marked possibly persisted
 * when the request went unanswered); or end it — for an error retrying cannot fix, after the last allowed attempt, or
 * past the delivery timeout — failing its records or forwarding them to the dead-letter topic. Errors fatal to the
 * whole producer stop it. With idempotence, {@link IdempotenceState} decides per error (retry, fail, duplicate) and
 * learns of every sequence resolved or abandoned, so a gap leads to an epoch bump.
 *
 * <p>Every failure is logged with the client id, broker, topic-partition and error code. Confined to the sender's
 * event loop.
 */
final class ProduceOutcomes {

    private static final Logger log = LoggerFactory.getLogger(ProduceOutcomes.class);

    private final String clientId;
    private final ProducerOptions options;
    private final IdempotenceState idempotence;
    private final ProducerIdManager producerIds;
    private final RecordRouter router;
    private final String deadLetterTopic;
    private final Runnable metadataUpdate;
    private final Consumer<MqException> fatal;
    private final BooleanSupplier delivering;

    /**
     * @param idempotence    the idempotent state, null without idempotence
     * @param producerIds    its producer id manager, null without idempotence
     * @param router         where dead-letter copies are sent
     * @param metadataUpdate asks for a metadata refresh
     * @param fatal          stops the producer
     * @param delivering     whether the producer still delivers (no dead-lettering once it stopped)
     */
    ProduceOutcomes(String clientId, ProducerOptions options, IdempotenceState idempotence,
            ProducerIdManager producerIds, RecordRouter router, Runnable metadataUpdate, Consumer<MqException> fatal,
            BooleanSupplier delivering) {
        this.clientId = clientId;
        this.options = options;
        this.idempotence = idempotence;
        this.producerIds = producerIds;
        this.router = router;
        this.deadLetterTopic = options.deadLetterTopic().orElse(null);
        this.metadataUpdate = metadataUpdate;
        this.fatal = fatal;
        this.delivering = delivering;
    }

    /**
     * Handles one partition's answer to a Produce request.
     *
     * @param result the partition's result, or null if the answer did not mention it
     */
    void partitionAnswered(Node broker, RecordAccumulator acc, ProducerBatch batch,
            PartitionProduceResponse result, long now) {
        TopicPartition partition = batch.topicPartition();
        Errors error = result == null ? Errors.UNKNOWN_SERVER_ERROR : Errors.forCode(result.errorCode());
        String message = result == null ? "the answer did not mention " + partition : result.errorMessage();
        if (error == Errors.NONE) {
            if (producerIds != null) {
                producerIds.onAcknowledged();
            }
            if (idempotence != null && batch.hasSequence()) {
                idempotence.onAcknowledged(partition, batch.producerEpoch(), batch.baseSequence());
            }
            batch.complete(result.baseOffset(), result.logAppendTimeMs());
            return;
        }
        if (isFatalToProducer(error)) {
            fatal.accept(MqExceptions.fromError(error, "produce to " + partition
                    + (message != null ? " (" + message + ")" : ""), broker, ApiKey.PRODUCE));
            return;
        }
        if (idempotence != null && batch.hasSequence()) {
            boolean hadProducerId = !idempotence.producerIdRequired();
            switch (idempotence.onError(partition, batch.producerEpoch(), batch.baseSequence(), error)) {
                case DUPLICATE -> {
                    batch.complete(result.baseOffset(), result.logAppendTimeMs());
                    return;
                }
                case FAIL -> {
                    giveUp(batch, broker, error, message, true);
                    return;
                }
                default -> {
                    if (hadProducerId && idempotence.producerIdRequired() && producerIds.onFenced()) {
                        fatal.accept(MqExceptions.fromError(error, "produce to " + partition + ": the producer "
                                + "id was fenced " + ProducerIdManager.MAX_FENCED_IN_A_ROW + " times in a row", broker,
                                ApiKey.PRODUCE));
                        return;
                    }
                    retry(batch, acc, broker, error, message, now);
                    return;
                }
            }
        }
        if (error.retriable()) {
            retry(batch, acc, broker, error, message, now);
        } else {
            giveUp(batch, broker, error, message, false);
        }
    }

    /**
     * Handles a Produce request that got no answer: its batches are retried (possibly persisted), given up when the
     * failure is not retriable, or the producer stops when the failure is fatal to it.
     */
    void requestFailed(Node broker, RecordAccumulator acc, List<ProducerBatch> batches, Throwable cause, long now) {
        MqException failure = cause instanceof MqException mq ? mq
                : new ConnectionLostException("produce request to " + broker + " failed: " + cause, cause, broker,
                        ApiKey.PRODUCE);
        if (failure instanceof UnsupportedVersionException
                || failure.error().map(ProduceOutcomes::isFatalToProducer).orElse(false)) {
            fatal.accept(failure);
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
        if (failure instanceof ConnectionLostException) {
            metadataUpdate.run();
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
            metadataUpdate.run();
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

    /** Fails a batch for good (e.g. expired), or forwards its records to the dead-letter topic. */
    void finish(ProducerBatch batch, SendFailedException failure, Node broker) {
        TopicPartition partition = batch.topicPartition();
        if (deadLetterTopic != null && !deadLetterTopic.equals(partition.topic()) && delivering.getAsBoolean()
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

}
