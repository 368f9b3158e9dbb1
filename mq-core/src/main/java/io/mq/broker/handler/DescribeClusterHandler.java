package io.mq.broker.handler;

import io.mq.broker.BrokerConfig;
import io.mq.protocol.Errors;
import io.mq.protocol.message.DescribeClusterRequest;
import io.mq.protocol.message.DescribeClusterResponse;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * DescribeCluster, versions 0-1.
 *
 * <p>Behavior: reports the cluster id and this broker, which is also the controller. Authorized operations are not
 * computed (reported as {@code Integer.MIN_VALUE}, Kafka's "not provided").
 *
 * <p>Version notes: v1 echoes the requested endpoint type; only brokers (1) are served.
 */
public final class DescribeClusterHandler implements RequestHandler<DescribeClusterRequest> {

    private static final byte BROKERS = 1;

    private final BrokerConfig config;
    private final Supplier<InetSocketAddress> address;

    public DescribeClusterHandler(BrokerConfig config, Supplier<InetSocketAddress> address) {
        this.config = config;
        this.address = address;
    }

    @Override
    public CompletionStage<DescribeClusterResponse> handle(RequestContext context, DescribeClusterRequest request) {
        if (context.version() >= 1 && request.endpointType() != BROKERS) {
            return CompletableFuture.completedFuture(new DescribeClusterResponse(0, Errors.UNSUPPORTED_VERSION.code(),
                    "only broker endpoints (type 1) are served", request.endpointType(), config.clusterId(), -1,
                    List.of(), Integer.MIN_VALUE));
        }
        InetSocketAddress bound = address.get();
        var self = new DescribeClusterResponse.DescribeClusterBroker(config.brokerId(), bound.getHostString(),
                bound.getPort(), null);
        return CompletableFuture.completedFuture(new DescribeClusterResponse(0, Errors.NONE.code(), null, BROKERS,
                config.clusterId(), config.brokerId(), List.of(self), Integer.MIN_VALUE));
    }
}
