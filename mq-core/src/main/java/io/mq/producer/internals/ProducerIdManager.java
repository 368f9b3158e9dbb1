package io.mq.producer.internals;

import io.mq.client.ConnectionLostException;
import io.mq.client.MqException;
import io.mq.client.MqExceptions;
import io.mq.client.internal.ConnectionPool;
import io.mq.metadata.MetadataManager;
import io.mq.metadata.Node;
import io.mq.producer.BackoffPolicy;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.message.InitProducerIdRequest;
import io.mq.protocol.message.InitProducerIdResponse;
import io.mq.protocol.record.RecordBatch;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an idempotent producer's id and epoch usable, for the {@link Sender}: fetches a producer id (InitProducerId,
 * to any broker) before the first idempotent drain and whenever the {@link IdempotenceState} needs a new one, and
 * makes the epoch bump it requires after a sequence gap, locally, as Kafka's idempotent producer does. Both happen only
 * while no produce request is in flight, so no answer can arrive for batches stamped with the old id or epoch.
 * Retriable InitProducerId failures are retried with the producer's backoff; others are fatal. A producer id fenced
 * {@value #MAX_FENCED_IN_A_ROW} times in a row, each time replaced, is fatal too: the producer stops instead of
 * spinning.
 *
 * <p>Confined to the sender's event loop.
 */
final class ProducerIdManager {

    private static final Logger log = LoggerFactory.getLogger(ProducerIdManager.class);

    /** Producer ids fenced in a row (each replaced by a fresh one) after which the producer gives up. */
    static final int MAX_FENCED_IN_A_ROW = 3;
    /** Sent in InitProducerId; brokers ignore it for producers without a transactional id. */
    private static final int TRANSACTION_TIMEOUT_MS = 60_000;

    private final String clientId;
    private final IdempotenceState state;
    private final ConnectionPool pool;
    private final MetadataManager metadata;
    private final BackoffPolicy backoff;
    private final Duration requestTimeout;
    private final Time time;
    private final Executor loop;
    private final Runnable onAnswer;
    private final Consumer<MqException> onFatal;

    private boolean pending;
    private boolean backingOff;
    private long retryAtNanos;
    private int failures;
    private int brokerCursor;
    private int fencedInARow;

    /**
     * @param loop     the sender's event loop, where answers are handled
     * @param onAnswer run (on the loop) after each InitProducerId answer
     * @param onFatal  told of a failure that stops the producer
     */
    ProducerIdManager(String clientId, IdempotenceState state, ConnectionPool pool, MetadataManager metadata,
            BackoffPolicy backoff, Duration requestTimeout, Time time, Executor loop, Runnable onAnswer,
            Consumer<MqException> onFatal) {
        this.clientId = clientId;
        this.state = state;
        this.pool = pool;
        this.metadata = metadata;
        this.backoff = backoff;
        this.requestTimeout = requestTimeout;
        this.time = time;
        this.loop = loop;
        this.onAnswer = onAnswer;
        this.onFatal = onFatal;
    }

    /**
     * Makes a required epoch bump, or starts fetching a required producer id, when {@code requestsInFlight} is zero.
     *
     * @return when to call again (a retry after a failed fetch), or {@link Long#MAX_VALUE}
     */
    long maintain(long nowNanos, int requestsInFlight) {
        if (pending || requestsInFlight > 0) {
            return Long.MAX_VALUE;
        }
        if (state.epochBumpRequired()) {
            short previous = state.epoch();
            if (state.bumpEpoch()) {
                log.info("[{}] Bumped the epoch of producer id {} from {} to {} after a sequence gap; unacknowledged "
                        + "batches get new sequences", clientId, state.producerId(), previous, state.epoch());
            } else {
                log.info("[{}] The epoch of producer id {} is exhausted; fetching a new producer id", clientId,
                        state.producerId());
            }
        }
        if (!state.producerIdRequired()) {
            return Long.MAX_VALUE;
        }
        if (backingOff && nowNanos - retryAtNanos < 0) {
            return retryAtNanos;
        }
        Node broker = anyBroker();
        if (broker == null) { // metadata listed no broker: try again later
            failures++;
            backingOff = true;
            retryAtNanos = nowNanos + backoff.delay(failures).toNanos();
            return retryAtNanos;
        }
        backingOff = false;
        pending = true;
        pool.send(broker, ApiKey.INIT_PRODUCER_ID, new InitProducerIdRequest(null, TRANSACTION_TIMEOUT_MS,
                RecordBatch.NO_PRODUCER_ID, RecordBatch.NO_PRODUCER_EPOCH), InitProducerIdResponse::read,
                requestTimeout).whenComplete((response, error) -> {
                    try {
                        loop.execute(() -> {
                            pending = false;
                            answered(broker, response, error);
                            onAnswer.run();
                        });
                    } catch (RejectedExecutionException ignored) {
                        // the event loops are shut down: the producer is gone
                    }
                });
        return Long.MAX_VALUE;
    }

    /** A batch was acknowledged: the producer id is accepted. */
    void onAcknowledged() {
        fencedInARow = 0;
    }

    /**
     * The broker fenced the current producer id (the idempotence state now requires a new one).
     *
     * @return true if that happened {@value #MAX_FENCED_IN_A_ROW} times in a row: the producer must stop
     */
    boolean onFenced() {
        return ++fencedInARow >= MAX_FENCED_IN_A_ROW;
    }

    private void answered(Node broker, InitProducerIdResponse response, Throwable error) {
        MqException failure;
        if (error != null) {
            Throwable cause = MqExceptions.unwrap(error);
            failure = cause instanceof MqException mq ? mq : new ConnectionLostException("InitProducerId to "
                    + broker + " failed: " + cause, cause, broker, ApiKey.INIT_PRODUCER_ID);
        } else {
            Errors answer = Errors.forCode(response.errorCode());
            if (answer == Errors.NONE) {
                state.initialize(response.producerId(), response.producerEpoch());
                failures = 0;
                log.debug("[{}] Producer id {} epoch {} from {}", clientId, response.producerId(),
                        response.producerEpoch(), broker);
                return;
            }
            failure = MqExceptions.fromError(answer, "InitProducerId", broker, ApiKey.INIT_PRODUCER_ID);
        }
        if (!failure.isRetriable()) {
            onFatal.accept(failure);
            return;
        }
        failures++;
        long delay = backoff.delay(failures).toNanos();
        backingOff = true;
        retryAtNanos = time.nanoTime() + delay;
        log.warn("[{}] InitProducerId to {} failed [{}] ({} in a row), retrying in {} ms: {}", clientId, broker,
                failure.error().map(Enum::name).orElse(failure.getClass().getSimpleName()), failures,
                delay / 1_000_000, failure.getMessage());
    }

    /**
     * A broker with a ready connection if there is one, else the next known (or bootstrap) broker in turn; null if
     * metadata lists none.
     */
    private Node anyBroker() {
        List<Node> nodes = metadata.cluster().nodes();
        if (nodes.isEmpty()) {
            return null;
        }
        for (Node node : nodes) {
            if (pool.hasReadyConnection(node)) {
                return node;
            }
        }
        return nodes.get(Math.floorMod(brokerCursor++, nodes.size()));
    }
}
