package io.mq.broker.handler;

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
 * INVALID_REPLICA_ASSIGNMENT (a manual assignment must place every partition on this broker), INVALID_REQUEST (a
 * topic named twice).
 *
 * <p>Version notes: v5+ responses carry the partition count, replication factor and every effective config; v7+ the
 * topic id.
 */
public final class CreateTopicsHandler implements RequestHandler<CreateTopicsRequest> {

    private final TopicManager topics;

    public CreateTopicsHandler(TopicManager topics) {
        this.topics = topics;
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
        if (!topic.assignments().isEmpty()) {
            Outcome badAssignment = ReplicaAssignments.check(topic.assignments().stream()
                    .map(CreateTopicsRequest.CreatableReplicaAssignment::brokerIds).toList(), topics.brokerId());
            if (badAssignment != null) {
                return CompletableFuture.completedFuture(failed(topic.name(), badAssignment));
            }
            if (partitions != -1 || topic.replicationFactor() != -1) {
                return CompletableFuture.completedFuture(failed(topic.name(), new Outcome(Errors.INVALID_REQUEST,
                        "a manual assignment requires numPartitions and replicationFactor of -1")));
            }
            partitions = topic.assignments().size();
        }
        Map<String, String> configs = new HashMap<>();
        topic.configs().forEach(c -> configs.put(c.name(), c.value()));
        int requested = partitions;
        return topics.createTopic(topic.name(), requested, topic.replicationFactor(), configs, validateOnly)
                .thenApply(outcome -> outcome.error() != Errors.NONE ? failed(topic.name(), outcome)
                        : created(topic.name(), requested, configs));
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
