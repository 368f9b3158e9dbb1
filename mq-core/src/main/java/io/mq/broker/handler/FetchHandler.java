package io.mq.broker.handler;

import io.mq.broker.fetch.FetchWaiters;
import io.mq.protocol.Errors;
import io.mq.protocol.message.FetchRequest;
import io.mq.protocol.message.FetchResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Fetch, versions 4-12.
 *
 * <p>Behavior: returns whole record batches from each requested partition, starting with the batch containing the
 * fetch offset; long-polls until {@code minBytes} are available or {@code maxWaitMs} passes, woken by appends
 * ({@link FetchWaiters}). The response lists exactly the requested partitions. Batches are sent from the commit-log
 * files with zero-copy file regions.
 *
 * <p>Version notes: fetch sessions (v7+) are not kept: every response has session id 0, so clients stay on full
 * fetches; a request naming a session id answers FETCH_SESSION_ID_NOT_FOUND. Read-committed (v4+) equals
 * read-uncommitted because there are no transactions. Rack ids (v11+) and leader epochs are ignored.
 */
public final class FetchHandler implements RequestHandler<FetchRequest> {

    private final FetchWaiters waiters;

    public FetchHandler(FetchWaiters waiters) {
        this.waiters = waiters;
    }

    @Override
    public CompletionStage<FetchResponse> handle(RequestContext context, FetchRequest request) {
        if (request.sessionId() != 0) {
            return CompletableFuture.completedFuture(
                    new FetchResponse(0, Errors.FETCH_SESSION_ID_NOT_FOUND.code(), 0, List.of()));
        }
        return waiters.fetch(request, context.executor());
    }
}
