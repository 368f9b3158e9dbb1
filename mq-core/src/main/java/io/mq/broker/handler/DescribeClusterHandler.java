package io.mq.broker.handler;

import io.mq.broker.BrokerConfig;
import io.mq.broker.cluster.BrokerNode;
import io.mq.broker.cluster.ClusterView;
import io.mq.protocol.Errors;
import io.mq.protocol.message.DescribeClusterRequest;
import io.mq.protocol.message.DescribeClusterResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * DescribeCluster, versions 0-1.
 *
 * <p>Behavior: reports the cluster id, the live brokers (a single broker: itself) and the controller, the lowest live
 * broker id. Authorized operations are not
 * computed (reported as {@code Integer.MIN_VALUE}, Kafka's "not provided").
 *
 * <p>Version notes: v1 echoes the requested endpoint type; only brokers (1) are served.
 */
public final class DescribeClusterHandler implements RequestHandler<DescribeClusterRequest> {

    private static final byte BROKERS = 1;

    private final BrokerConfig config;
    private final ClusterView cluster;

    public DescribeClusterHandler(BrokerConfig config, ClusterView cluster) {
        this.config = config;
        this.cluster = cluster;
    }

    @Override
    public CompletionStage<DescribeClusterResponse> handle(RequestContext context, DescribeClusterRequest request) {
        if (context.version() >= 1 && request.endpointType() != BROKERS) {
            return CompletableFuture.completedFuture(new DescribeClusterResponse(0, Errors.UNSUPPORTED_VERSION.code(),
                    "only broker endpoints (type 1) are served", request.endpointType(), config.clusterId(), -1,
                    List.of(), Integer.MIN_VALUE));
        }
        List<DescribeClusterResponse.DescribeClusterBroker> brokers = new ArrayList<>();
        for (BrokerNode node : cluster.liveBrokers()) {
            brokers.add(new DescribeClusterResponse.DescribeClusterBroker(node.id(), node.host(), node.port(), null));
        }
        return CompletableFuture.completedFuture(new DescribeClusterResponse(0, Errors.NONE.code(), null, BROKERS,
                config.clusterId(), cluster.controllerId(), brokers, Integer.MIN_VALUE));
    }
}
