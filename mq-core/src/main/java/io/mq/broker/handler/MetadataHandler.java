package io.mq.broker.handler;

import io.mq.broker.BrokerConfig;
import io.mq.broker.cluster.BrokerNode;
import io.mq.broker.cluster.ClusterView;
import io.mq.broker.metadata.Topic;
import io.mq.broker.metadata.TopicManager;
import io.mq.broker.storage.PartitionId;
import io.mq.protocol.TopicNames;
import io.mq.protocol.Errors;
import io.mq.protocol.message.MetadataRequest;
import io.mq.protocol.message.MetadataResponse;
import io.mq.protocol.message.MetadataResponse.MetadataResponseBroker;
import io.mq.protocol.message.MetadataResponse.MetadataResponsePartition;
import io.mq.protocol.message.MetadataResponse.MetadataResponseTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Metadata, versions 1-12.
 *
 * <p>Behavior: lists the live brokers (a single broker: itself) and the controller (the lowest live id), and the
 * requested topics (all of them when the topic list is null) with each partition's leader as its only replica; a
 * partition whose leader is down (test cluster) answers LEADER_NOT_AVAILABLE with leader -1 and the leader listed as
 * an offline replica. An unknown topic is created with the broker defaults
 * when both the broker ({@code autoCreateTopics}) and the request allow it, otherwise it answers
 * UNKNOWN_TOPIC_OR_PARTITION; an illegal name answers INVALID_TOPIC_EXCEPTION. Leader epochs are -1 so clients skip
 * epoch validation.
 *
 * <p>Version notes: before v4 auto-creation is always requested; topic ids appear from v10, and v10+ requests may name
 * topics by id only (unknown ids answer UNKNOWN_TOPIC_ID); authorized operations (v8+) are not computed.
 */
public final class MetadataHandler implements RequestHandler<MetadataRequest> {

    private static final int NOT_PROVIDED = Integer.MIN_VALUE;

    private final BrokerConfig config;
    private final TopicManager topics;
    private final ClusterView cluster;

    public MetadataHandler(BrokerConfig config, TopicManager topics, ClusterView cluster) {
        this.config = config;
        this.topics = topics;
        this.cluster = cluster;
    }

    @Override
    public CompletionStage<MetadataResponse> handle(RequestContext context, MetadataRequest request) {
        List<CompletableFuture<MetadataResponseTopic>> answers = new ArrayList<>();
        if (request.topics() == null) {
            for (Topic topic : topics.topics()) {
                answers.add(CompletableFuture.completedFuture(describe(topic)));
            }
        } else {
            boolean mayCreate = config.autoCreateTopics() && (context.version() < 4 || request.allowAutoTopicCreation());
            for (MetadataRequest.MetadataRequestTopic requested : request.topics()) {
                answers.add(answer(requested, mayCreate));
            }
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<MetadataResponseTopic> described = new ArrayList<>(answers.size());
            answers.forEach(answer -> described.add(answer.join()));
            List<MetadataResponseBroker> brokers = new ArrayList<>();
            for (BrokerNode node : cluster.liveBrokers()) {
                brokers.add(new MetadataResponseBroker(node.id(), node.host(), node.port(), null));
            }
            return new MetadataResponse(0, brokers, config.clusterId(), cluster.controllerId(), described,
                    NOT_PROVIDED);
        });
    }

    private CompletableFuture<MetadataResponseTopic> answer(MetadataRequest.MetadataRequestTopic requested,
            boolean mayCreate) {
        String name = requested.name();
        if (name == null) {
            Topic byId = requested.topicId() == null ? null : topics.topic(requested.topicId());
            return CompletableFuture.completedFuture(byId != null ? describe(byId)
                    : failed(Errors.UNKNOWN_TOPIC_ID, null, requested));
        }
        Topic topic = topics.topic(name);
        if (topic != null) {
            return CompletableFuture.completedFuture(describe(topic));
        }
        if (TopicNames.validate(name) != null) {
            return CompletableFuture.completedFuture(failed(Errors.INVALID_TOPIC_EXCEPTION, name, requested));
        }
        if (!mayCreate) {
            return CompletableFuture.completedFuture(failed(Errors.UNKNOWN_TOPIC_OR_PARTITION, name, requested));
        }
        return topics.autoCreate(name).thenApply(outcome -> {
            Topic created = topics.topic(name);
            return outcome.error() == Errors.NONE && created != null ? describe(created)
                    : failed(outcome.error(), name, requested);
        });
    }

    private MetadataResponseTopic describe(Topic topic) {
        List<MetadataResponsePartition> partitions = new ArrayList<>(topic.partitions());
        for (int p = 0; p < topic.partitions(); p++) {
            int leader = cluster.assignedLeader(new PartitionId(topic.id(), p));
            List<Integer> replicas = List.of(leader);
            partitions.add(cluster.liveBroker(leader) != null
                    ? new MetadataResponsePartition(Errors.NONE.code(), p, leader, -1, replicas, replicas, List.of())
                    : new MetadataResponsePartition(Errors.LEADER_NOT_AVAILABLE.code(), p, -1, -1, replicas, List.of(),
                            replicas));
        }
        return new MetadataResponseTopic(Errors.NONE.code(), topic.name(), topic.id(), topic.internal(), partitions,
                NOT_PROVIDED);
    }

    private static MetadataResponseTopic failed(Errors error, String name, MetadataRequest.MetadataRequestTopic requested) {
        return new MetadataResponseTopic(error.code(), name, requested.topicId(), false, List.of(), NOT_PROVIDED);
    }
}
