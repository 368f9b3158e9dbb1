package io.mq.broker.handler;

import io.mq.broker.cluster.ClusterView;
import io.mq.broker.metadata.TopicManager;
import io.mq.broker.metadata.TopicManager.Outcome;
import io.mq.protocol.Errors;
import io.mq.protocol.message.CreatePartitionsRequest;
import io.mq.protocol.message.CreatePartitionsRequest.CreatePartitionsAssignment;
import io.mq.protocol.message.CreatePartitionsRequest.CreatePartitionsTopic;
import io.mq.protocol.message.CreatePartitionsResponse;
import io.mq.protocol.message.CreatePartitionsResponse.CreatePartitionsTopicResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * CreatePartitions, versions 0-3.
 *
 * <p>Behavior: grows each topic to the requested total partition count, or only validates when
 * {@code validateOnly}. A count that does not grow answers INVALID_PARTITIONS; an unknown topic
 * UNKNOWN_TOPIC_OR_PARTITION; an assignment for the new partitions must list exactly one live broker per partition,
 * which then leads it (INVALID_REPLICA_ASSIGNMENT).
 *
 * <p>Version notes: none; v2+ only changes the encoding.
 */
public final class CreatePartitionsHandler implements RequestHandler<CreatePartitionsRequest> {

    private final TopicManager topics;
    private final ClusterView cluster;

    public CreatePartitionsHandler(TopicManager topics, ClusterView cluster) {
        this.topics = topics;
        this.cluster = cluster;
    }

    @Override
    public CompletionStage<CreatePartitionsResponse> handle(RequestContext context, CreatePartitionsRequest request) {
        List<CompletableFuture<CreatePartitionsTopicResult>> results = new ArrayList<>();
        for (CreatePartitionsTopic topic : request.topics()) {
            results.add(grow(topic, request.validateOnly()));
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<CreatePartitionsTopicResult> done = new ArrayList<>(results.size());
            results.forEach(r -> done.add(r.join()));
            return new CreatePartitionsResponse(0, done);
        });
    }

    private CompletableFuture<CreatePartitionsTopicResult> grow(CreatePartitionsTopic topic, boolean validateOnly) {
        List<Integer> leaders = null;
        if (topic.assignments() != null) {
            List<List<Integer>> assignments = topic.assignments().stream().map(CreatePartitionsAssignment::brokerIds)
                    .toList();
            Outcome bad = ReplicaAssignments.check(assignments, cluster);
            if (bad != null) {
                return CompletableFuture.completedFuture(result(topic.name(), bad));
            }
            leaders = ReplicaAssignments.leaders(assignments);
        }
        return topics.addPartitions(topic.name(), topic.count(), leaders, validateOnly)
                .thenApply(outcome -> result(topic.name(), outcome));
    }

    private static CreatePartitionsTopicResult result(String name, Outcome outcome) {
        return new CreatePartitionsTopicResult(name, outcome.error().code(),
                outcome.error() == Errors.NONE ? null : outcome.message());
    }
}
