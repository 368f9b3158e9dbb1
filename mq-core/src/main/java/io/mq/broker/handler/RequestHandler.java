package io.mq.broker.handler;

import io.mq.protocol.message.ApiMessage;
import java.util.concurrent.CompletionStage;

/**
 * Handles one api. Runs on the connection's event loop and must never block it: slow work (fsync waits, metadata
 * changes) completes the returned stage later, from any thread.
 *
 * @param <Q> the request body type
 */
@FunctionalInterface
public interface RequestHandler<Q extends ApiMessage> {

    /**
     * Handles {@code request}. Buffers inside the request (record sets) are valid only until this method returns.
     *
     * @return the response body, or a stage completed with {@code null} when no response must be sent
     *         (Produce with acks=0)
     */
    CompletionStage<? extends ApiMessage> handle(RequestContext context, Q request);
}
