package io.mq.broker.handler;

import io.mq.broker.cluster.ClusterView;
import io.mq.broker.metadata.Topic;
import io.mq.broker.metadata.TopicManager;
import io.mq.broker.metadata.TopicManager.Outcome;
import io.mq.protocol.Errors;
import io.mq.protocol.message.CreateTopicsRequest;
import io.mq.protocol.message.CreateTopicsRequest.CreatableTopic;
import io.mq.protocol.message.CreateTopicsResponse;
import io.mq.protocol.message.CreateTopicsResponse.CreatableTopicConfigs;
import io.mq.protocol.message.CreateTopicsResponse.CreatableTopicResult;
import io.mq.protocol.types.Uuids;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * CreateTopics, versions 2-7.
 *
 * <p>Behavior: creates each topic with its partition count (-1: the broker default), replication factor 1 (-1 means
 * 1; more than 1 answers INVALID_REPLICATION_FACTOR) and configs, or only validates them when {@code validateOnly}.
 * Errors name what was wrong: INVALID_TOPIC_EXCEPTION, TOPIC_ALREADY_EXISTS, INVALID_PARTITIONS, INVALID_CONFIG,
 * INVALID_REPLICA_ASSIGNMENT (a manual assignment must place every partition, numbered 0..n-1, on exactly one live
 * broker, which then leads it), INVALID_REQUEST (a topic named twice). Without an assignment a test cluster spreads
 * the partitions' leaders over its brokers.
 *
 * <p>Version notes: v5+ responses carry the partition count, replication factor and every effective config; v7+ the
 * topic id.
 */
public final class CreateTopicsHandler implements RequestHandler<CreateTopicsRequest> {

    private final TopicManager topics;
    private final ClusterView cluster;

    public CreateTopicsHandler(TopicManager topics, ClusterView cluster) {
        this.topics = topics;
        this.cluster = cluster;
    }

    @Override
    public CompletionStage<CreateTopicsResponse> handle(RequestContext context, CreateTopicsRequest request) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new HashSet<>();
        request.topics().forEach(t -> {
            if (!seen.add(t.name())) {
                duplicates.add(t.name());
            }
        });
        List<CompletableFuture<CreatableTopicResult>> results = new ArrayList<>();
        for (CreatableTopic topic : request.topics()) {
            if (duplicates.contains(topic.name())) {
                results.add(CompletableFuture.completedFuture(failed(topic.name(), new Outcome(Errors.INVALID_REQUEST,
                        "topic '" + topic.name() + "' appears more than once in the request"))));
                continue;
            }
            results.add(create(topic, request.validateOnly()));
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<CreatableTopicResult> done = new ArrayList<>(results.size());
            results.forEach(r -> done.add(r.join()));
            return new CreateTopicsResponse(0, done);
        });
    }

    private CompletableFuture<CreatableTopicResult> create(CreatableTopic topic, boolean validateOnly) {
        int partitions = topic.numPartitions();
        List<Integer> leaders = null;
        if (!topic.assignments().isEmpty()) {
            List<List<Integer>> assignments = byPartition(topic.assignments());
            Outcome badAssignment = assignments == null
                    ? new Outcome(Errors.INVALID_REPLICA_ASSIGNMENT, "a manual assignment must list partitions 0 to "
                            + (topic.assignments().size() - 1) + " once each")
                    : ReplicaAssignments.check(assignments, cluster);
            if (badAssignment != null) {
                return CompletableFuture.completedFuture(failed(topic.name(), badAssignment));
            }
            if (partitions != -1 || topic.replicationFactor() != -1) {
                return CompletableFuture.completedFuture(failed(topic.name(), new Outcome(Errors.INVALID_REQUEST,
                        "a manual assignment requires numPartitions and replicationFactor of -1")));
            }
            partitions = assignments.size();
            leaders = ReplicaAssignments.leaders(assignments);
        }
        Map<String, String> configs = new HashMap<>();
        topic.configs().forEach(c -> configs.put(c.name(), c.value()));
        int requested = partitions;
        return topics.createTopic(topic.name(), requested, topic.replicationFactor(), configs, leaders, validateOnly)
                .thenApply(outcome -> outcome.error() != Errors.NONE ? failed(topic.name(), outcome)
                        : created(topic.name(), requested, configs));
    }

    /** The replica lists in partition order, or {@code null} unless the partitions are exactly 0..n-1. */
    private static List<List<Integer>> byPartition(List<CreateTopicsRequest.CreatableReplicaAssignment> assignments) {
        List<List<Integer>> ordered = new ArrayList<>(Collections.nCopies(assignments.size(), null));
        for (CreateTopicsRequest.CreatableReplicaAssignment assignment : assignments) {
            int index = assignment.partitionIndex();
            if (index < 0 || index >= ordered.size() || ordered.get(index) != null) {
                return null;
            }
            ordered.set(index, assignment.brokerIds());
        }
        return ordered;
    }

    private CreatableTopicResult created(String name, int requestedPartitions, Map<String, String> configs) {
        Topic created = topics.topic(name);
        int partitions = created != null ? created.partitions()
                : requestedPartitions == -1 ? topics.defaultPartitions() : requestedPartitions;
        List<CreatableTopicConfigs> effective = new ArrayList<>();
        topics.defaultConfigs().forEach((key, fallback) -> {
            String value = configs.getOrDefault(key, fallback);
            effective.add(new CreatableTopicConfigs(key, value, false,
                    configs.containsKey(key) ? ConfigSources.TOPIC : ConfigSources.DEFAULT, false));
        });
        return new CreatableTopicResult(name, created != null ? created.id() : Uuids.ZERO, Errors.NONE.code(), null,
                (short) 0, partitions, (short) 1, effective);
    }

    private static CreatableTopicResult failed(String name, Outcome outcome) {
        return new CreatableTopicResult(name, Uuids.ZERO, outcome.error().code(), outcome.message(), (short) 0, -1,
                (short) -1, null);
    }
}
