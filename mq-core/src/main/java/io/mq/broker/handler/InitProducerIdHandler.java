package io.mq.broker.handler;

import io.mq.broker.metadata.TopicManager;
import io.mq.protocol.Errors;
import io.mq.protocol.message.InitProducerIdRequest;
import io.mq.protocol.message.InitProducerIdResponse;
import io.mq.protocol.record.RecordBatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * InitProducerId, versions 0-5, for idempotent (non-transactional) producers.
 *
 * <p>Behavior: a request without a producer id gets a new id, never handed out before by this broker, with epoch 0.
 * A request carrying its current id and epoch (v3+, KIP-360, sent to recover from sequence errors) gets the same id
 * with the epoch bumped, or a new id when the epoch is exhausted; the commit log then accepts sequence 0 for the new
 * epoch.
 *
 * <p>Version notes: a transactional id answers TRANSACTIONAL_ID_AUTHORIZATION_FAILED: the mq broker has no
 * transaction coordinator.
 */
public final class InitProducerIdHandler implements RequestHandler<InitProducerIdRequest> {

    private final TopicManager topics;

    public InitProducerIdHandler(TopicManager topics) {
        this.topics = topics;
    }

    @Override
    public CompletionStage<InitProducerIdResponse> handle(RequestContext context, InitProducerIdRequest request) {
        if (request.transactionalId() != null) {
            return CompletableFuture.completedFuture(new InitProducerIdResponse(0,
                    Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code(), RecordBatch.NO_PRODUCER_ID,
                    RecordBatch.NO_PRODUCER_EPOCH));
        }
        if (request.producerId() >= 0 && request.producerEpoch() >= 0 && request.producerEpoch() < Short.MAX_VALUE - 1) {
            return CompletableFuture.completedFuture(new InitProducerIdResponse(0, Errors.NONE.code(),
                    request.producerId(), (short) (request.producerEpoch() + 1)));
        }
        return topics.nextProducerId().thenApply(id -> new InitProducerIdResponse(0, Errors.NONE.code(), id, (short) 0));
    }
}
