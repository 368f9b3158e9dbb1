package io.mq.metadata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.metadata.Cluster;
import io.mq.metadata.Node;
import io.mq.metadata.TopicMetadata;
import io.mq.protocol.Errors;
import io.mq.protocol.message.MetadataResponse;
import io.mq.protocol.message.MetadataResponse.MetadataResponseBroker;
import io.mq.protocol.message.MetadataResponse.MetadataResponsePartition;
import io.mq.protocol.message.MetadataResponse.MetadataResponseTopic;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MetadataResponsesTest {

    private static MetadataResponsePartition partition(int index, int leader, Errors error) {
        return new MetadataResponsePartition(error.code(), index, leader, 5, List.of(1, 2), List.of(1), List.of());
    }

    @Test
    void buildsAnImmutableSnapshotWithLeadersResolvedToNodes() {
        UUID id = UUID.randomUUID();
        MetadataResponse response = new MetadataResponse(0,
                List.of(new MetadataResponseBroker(2, "b2", 9092, null), new MetadataResponseBroker(1, "b1", 9092, "r")),
                "cluster-a", 2,
                List.of(new MetadataResponseTopic(Errors.NONE.code(), "orders", id, false,
                                List.of(partition(1, 2, Errors.NONE), partition(0, 1, Errors.NONE),
                                        partition(2, -1, Errors.LEADER_NOT_AVAILABLE)), 0),
                        new MetadataResponseTopic(Errors.UNKNOWN_TOPIC_OR_PARTITION.code(), "missing", new UUID(0, 0),
                                false, List.of(), 0),
                        new MetadataResponseTopic(Errors.UNKNOWN_TOPIC_ID.code(), null, UUID.randomUUID(), false,
                                List.of(), 0)),
                MetadataResponse.AUTHORIZED_OPERATIONS_OMITTED);
        Instant now = Instant.now();

        Cluster cluster = MetadataResponses.toCluster(response, now);

        assertThat(cluster.clusterId()).contains("cluster-a");
        assertThat(cluster.controller()).contains(new Node(2, "b2", 9092));
        assertThat(cluster.nodes()).extracting(Node::id).containsExactly(1, 2);
        assertThat(cluster.fetchedAt()).isEqualTo(now);
        assertThat(cluster.isBootstrap()).isFalse();
        assertThat(cluster.topics()).containsOnlyKeys("orders", "missing");
        TopicMetadata orders = cluster.topic("orders").orElseThrow();
        assertThat(orders.topicId()).isEqualTo(id);
        assertThat(orders.partitions()).extracting(p -> p.partition()).containsExactly(0, 1, 2);
        assertThat(cluster.leaderFor("orders", 0)).contains(new Node(1, "b1", 9092));
        assertThat(cluster.leaderFor("orders", 2)).isEmpty();
        assertThat(cluster.leaderFor("orders", 3)).isEmpty();
        assertThat(orders.partition(2).orElseThrow().error()).isEqualTo(Errors.LEADER_NOT_AVAILABLE);
        assertThat(orders.partition(0).orElseThrow().replicas()).containsExactly(1, 2);
        assertThat(orders.hasAllLeaders()).isFalse();
        assertThat(cluster.topic("missing").orElseThrow().error()).isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION);
        assertThat(cluster.topic("missing").orElseThrow().hasAllLeaders()).isFalse();
    }

    @Test
    void aTopicWhosePartitionsAllHaveLeadersCanBeRouted() {
        MetadataResponse response = new MetadataResponse(0, List.of(new MetadataResponseBroker(0, "h", 1, null)),
                null, -1, List.of(new MetadataResponseTopic(Errors.NONE.code(), "t", new UUID(0, 0), false,
                        List.of(partition(0, 0, Errors.NONE)), 0)), 0);

        Cluster cluster = MetadataResponses.toCluster(response, Instant.now());

        assertThat(cluster.topic("t").orElseThrow().hasAllLeaders()).isTrue();
        assertThat(cluster.controller()).isEmpty();
        assertThat(cluster.clusterId()).isEmpty();
    }
}
