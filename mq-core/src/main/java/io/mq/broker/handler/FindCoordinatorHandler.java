package io.mq.broker.handler;

import io.mq.broker.BrokerConfig;
import io.mq.protocol.Errors;
import io.mq.protocol.message.FindCoordinatorRequest;
import io.mq.protocol.message.FindCoordinatorResponse;
import io.mq.protocol.message.FindCoordinatorResponse.Coordinator;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * FindCoordinator, versions 0-4.
 *
 * <p>Behavior: this broker coordinates every group, so a group key (type 0) is answered with this broker. A
 * transaction key (type 1) is answered with this broker too, although it has no transaction coordinator: the
 * client's next request, InitProducerId with a transactional id, then fails fast with
 * TRANSACTIONAL_ID_AUTHORIZATION_FAILED, which kafka-clients reports as a fatal error, whereas
 * COORDINATOR_NOT_AVAILABLE would make a transactional producer retry until {@code max.block.ms}. Any other key type
 * answers INVALID_REQUEST.
 *
 * <p>Version notes: v0 always asks for a group; v0-3 look up one key in the top-level fields; v4 looks up a batch of
 * keys, each answered in its own entry.
 */
public final class FindCoordinatorHandler implements RequestHandler<FindCoordinatorRequest> {

    private static final byte GROUP = 0;
    private static final byte TRANSACTION = 1;

    private final BrokerConfig config;
    private final Supplier<InetSocketAddress> address;

    public FindCoordinatorHandler(BrokerConfig config, Supplier<InetSocketAddress> address) {
        this.config = config;
        this.address = address;
    }

    @Override
    public CompletionStage<FindCoordinatorResponse> handle(RequestContext context, FindCoordinatorRequest request) {
        InetSocketAddress bound = address.get();
        Errors error = request.keyType() == GROUP || request.keyType() == TRANSACTION ? Errors.NONE
                : Errors.INVALID_REQUEST;
        String message = error == Errors.NONE ? null : "unknown coordinator key type " + request.keyType();
        if (context.version() <= 3) {
            return CompletableFuture.completedFuture(error == Errors.NONE
                    ? new FindCoordinatorResponse(0, Errors.NONE.code(), null, config.brokerId(),
                            bound.getHostString(), bound.getPort(), List.of())
                    : new FindCoordinatorResponse(0, error.code(), message, -1, "", -1, List.of()));
        }
        List<Coordinator> coordinators = new ArrayList<>(request.coordinatorKeys().size());
        for (String key : request.coordinatorKeys()) {
            coordinators.add(error == Errors.NONE
                    ? new Coordinator(key, config.brokerId(), bound.getHostString(), bound.getPort(),
                            Errors.NONE.code(), null)
                    : new Coordinator(key, -1, "", -1, error.code(), message));
        }
        return CompletableFuture.completedFuture(new FindCoordinatorResponse(0, Errors.NONE.code(), null, -1, "", -1,
                coordinators));
    }
}
