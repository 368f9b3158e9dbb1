package io.mq.metadata.internal;

import io.mq.metadata.Cluster;
import io.mq.metadata.Node;
import io.mq.metadata.PartitionMetadata;
import io.mq.metadata.TopicMetadata;
import io.mq.protocol.Errors;
import io.mq.protocol.message.MetadataResponse;
import io.mq.protocol.message.MetadataResponse.MetadataResponseBroker;
import io.mq.protocol.message.MetadataResponse.MetadataResponsePartition;
import io.mq.protocol.message.MetadataResponse.MetadataResponseTopic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a Metadata response into a {@link Cluster} snapshot. */
public final class MetadataResponses {

    private MetadataResponses() {
    }

    /** The snapshot {@code response} describes; topics answered without a name (unknown ids) are left out. */
    public static Cluster toCluster(MetadataResponse response, Instant fetchedAt) {
        Map<Integer, Node> nodes = new HashMap<>();
        for (MetadataResponseBroker broker : response.brokers()) {
            nodes.put(broker.nodeId(), new Node(broker.nodeId(), broker.host(), broker.port()));
        }
        List<TopicMetadata> topics = new ArrayList<>(response.topics().size());
        for (MetadataResponseTopic topic : response.topics()) {
            if (topic.name() == null) {
                continue;
            }
            List<PartitionMetadata> partitions = new ArrayList<>(topic.partitions().size());
            topic.partitions().stream()
                    .sorted(Comparator.comparingInt(MetadataResponsePartition::partitionIndex))
                    .forEach(p -> partitions.add(new PartitionMetadata(p.partitionIndex(), nodes.get(p.leaderId()),
                            p.leaderEpoch(), p.replicaNodes(), p.isrNodes(), Errors.forCode(p.errorCode()))));
            topics.add(new TopicMetadata(topic.name(), topic.topicId(), Errors.forCode(topic.errorCode()),
                    topic.isInternal(), partitions));
        }
        return new Cluster(response.clusterId(), nodes.get(response.controllerId()), nodes.values(), topics, fetchedAt);
    }
}
