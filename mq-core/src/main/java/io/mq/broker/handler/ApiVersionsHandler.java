package io.mq.broker.handler;

import io.mq.protocol.Errors;
import io.mq.protocol.message.ApiVersionsRequest;
import io.mq.protocol.message.ApiVersionsResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * ApiVersions, versions 0-4.
 *
 * <p>Behavior: reports every api in the {@link HandlerRegistry} with the version range from
 * {@link io.mq.protocol.ApiKey}. Clients then use the highest version both sides support.
 *
 * <p>Version notes: a request above v4 never reaches this handler; the dispatcher answers it with a v0 response
 * carrying UNSUPPORTED_VERSION and the same ranges (KIP-511), and the client retries with a version we support.
 */
public final class ApiVersionsHandler implements RequestHandler<ApiVersionsRequest> {

    private final HandlerRegistry registry;

    public ApiVersionsHandler(HandlerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public CompletionStage<ApiVersionsResponse> handle(RequestContext context, ApiVersionsRequest request) {
        return CompletableFuture.completedFuture(
                new ApiVersionsResponse(Errors.NONE.code(), registry.advertisedVersions(), 0));
    }
}
