package io.mq.broker.handler;

import io.mq.broker.cluster.BrokerNode;
import io.mq.broker.cluster.ClusterView;
import io.mq.broker.coordinator.OffsetStore;
import io.mq.broker.metadata.Topic;
import io.mq.broker.metadata.TopicManager;
import io.mq.broker.storage.PartitionId;
import io.mq.protocol.Errors;
import io.mq.protocol.message.FindCoordinatorRequest;
import io.mq.protocol.message.FindCoordinatorResponse;
import io.mq.protocol.message.FindCoordinatorResponse.Coordinator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * FindCoordinator, versions 0-4.
 *
 * <p>Behavior: a group key (type 0) is answered with the leader of the group's {@code __consumer_offsets} partition
 * (a single broker: itself); when that broker is down (test cluster) the key answers COORDINATOR_NOT_AVAILABLE and
 * the client asks again. A transaction key (type 1) is answered with this broker, although it has no transaction
 * coordinator: the client's next request, InitProducerId with a transactional id, then fails fast with
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

    private final TopicManager topics;
    private final ClusterView cluster;

    public FindCoordinatorHandler(TopicManager topics, ClusterView cluster) {
        this.topics = topics;
        this.cluster = cluster;
    }

    @Override
    public CompletionStage<FindCoordinatorResponse> handle(RequestContext context, FindCoordinatorRequest request) {
        byte keyType = request.keyType();
        if (context.version() <= 3) {
            Coordinator found = find(keyType, request.key());
            return CompletableFuture.completedFuture(new FindCoordinatorResponse(0, found.errorCode(),
                    found.errorMessage(), found.nodeId(), found.host(), found.port(), List.of()));
        }
        List<Coordinator> coordinators = new ArrayList<>(request.coordinatorKeys().size());
        for (String key : request.coordinatorKeys()) {
            coordinators.add(find(keyType, key));
        }
        return CompletableFuture.completedFuture(new FindCoordinatorResponse(0, Errors.NONE.code(), null, -1, "", -1,
                coordinators));
    }

    private Coordinator find(byte keyType, String key) {
        if (keyType != GROUP && keyType != TRANSACTION) {
            return failed(key, Errors.INVALID_REQUEST, "unknown coordinator key type " + keyType);
        }
        BrokerNode node = keyType == GROUP ? groupCoordinator(key) : cluster.liveBroker(cluster.localBrokerId());
        return node == null
                ? failed(key, Errors.COORDINATOR_NOT_AVAILABLE, "the coordinator of '" + key + "' is not available")
                : new Coordinator(key, node.id(), node.host(), node.port(), Errors.NONE.code(), null);
    }

    private BrokerNode groupCoordinator(String groupId) {
        Topic offsets = topics.topic(OffsetStore.TOPIC);
        if (offsets == null || groupId == null) {
            return cluster.liveBroker(cluster.localBrokerId());
        }
        PartitionId id = new PartitionId(offsets.id(), OffsetStore.partitionFor(groupId, offsets.partitions()));
        return cluster.liveBroker(cluster.assignedLeader(id));
    }

    private static Coordinator failed(String key, Errors error, String message) {
        return new Coordinator(key, -1, "", -1, error.code(), message);
    }
}
