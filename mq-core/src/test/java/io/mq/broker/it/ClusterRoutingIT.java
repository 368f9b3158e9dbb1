package io.mq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.EmbeddedCluster;
import io.mq.broker.coordinator.OffsetStore;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.message.CreateTopicsRequest;
import io.mq.protocol.message.CreateTopicsResponse;
import io.mq.protocol.message.FetchRequest;
import io.mq.protocol.message.FetchResponse;
import io.mq.protocol.message.FindCoordinatorRequest;
import io.mq.protocol.message.FindCoordinatorResponse;
import io.mq.protocol.message.HeartbeatRequest;
import io.mq.protocol.message.HeartbeatResponse;
import io.mq.protocol.message.ListOffsetsRequest;
import io.mq.protocol.message.ListOffsetsResponse;
import io.mq.protocol.message.MetadataRequest;
import io.mq.protocol.message.MetadataResponse;
import io.mq.protocol.message.MetadataResponse.MetadataResponseBroker;
import io.mq.protocol.message.MetadataResponse.MetadataResponsePartition;
import io.mq.protocol.message.OffsetFetchRequest;
import io.mq.protocol.message.OffsetFetchResponse;
import io.mq.protocol.message.ProduceRequest;
import io.mq.protocol.message.ProduceRequest.PartitionProduceData;
import io.mq.protocol.message.ProduceRequest.TopicProduceData;
import io.mq.protocol.message.ProduceResponse;
import io.mq.protocol.record.CompressionType;
import io.mq.protocol.record.MemoryRecords;
import io.mq.protocol.record.RecordBatchBuilder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Raw requests against a three-broker {@link EmbeddedCluster}: which broker answers what. Non-leaders refuse
 * partition requests with NOT_LEADER_OR_FOLLOWER, non-coordinators refuse group requests with NOT_COORDINATOR, every
 * broker describes the same cluster, a stopped leader shows as LEADER_NOT_AVAILABLE, and a moved partition keeps its
 * offsets and its idempotent-producer state.
 */
class ClusterRoutingIT {

    private static final String TOPIC = "routed";
    private static final short PRODUCE_V = 9;
    private static final short FETCH_V = 12;
    private static final short LIST_OFFSETS_V = 7;
    private static final short METADATA_V = 12;

    private EmbeddedCluster cluster;

    @BeforeEach
    void start() throws IOException {
        cluster = EmbeddedCluster.builder().brokers(3).brokerSettings(b -> b.autoCreateTopics(false)).build().start();
        try (RawConnection connection = connect(0)) {
            CreateTopicsResponse created = connection.call(ApiKey.CREATE_TOPICS, (short) 7, new CreateTopicsRequest(
                    List.of(new CreateTopicsRequest.CreatableTopic(TOPIC, 3, (short) 1, List.of(), List.of())), 30_000,
                    false), CreateTopicsResponse::read);
            assertThat(created.topics().get(0).errorCode()).isEqualTo(Errors.NONE.code());
        }
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void partitionRequestsToANonLeaderAnswerNotLeaderOrFollower() throws IOException {
        int leader = cluster.leader(TOPIC, 0);
        int other = (leader + 1) % 3;

        try (RawConnection connection = connect(other)) {
            ProduceResponse produced = connection.call(ApiKey.PRODUCE, PRODUCE_V, produce(0, batch(-1, 0, 1)),
                    ProduceResponse::read);
            FetchResponse fetched = connection.call(ApiKey.FETCH, FETCH_V, fetch(0), FetchResponse::read);
            ListOffsetsResponse listed = connection.call(ApiKey.LIST_OFFSETS, LIST_OFFSETS_V, listOffsets(0),
                    ListOffsetsResponse::read);

            assertThat(produced.responses().get(0).partitionResponses().get(0).errorCode())
                    .isEqualTo(Errors.NOT_LEADER_OR_FOLLOWER.code());
            assertThat(fetched.responses().get(0).partitions().get(0).errorCode())
                    .isEqualTo(Errors.NOT_LEADER_OR_FOLLOWER.code());
            assertThat(listed.topics().get(0).partitions().get(0).errorCode())
                    .isEqualTo(Errors.NOT_LEADER_OR_FOLLOWER.code());
        }
        assertThat(produceTo(leader, 0, batch(-1, 0, 1)).errorCode()).isEqualTo(Errors.NONE.code());
    }

    @Test
    void everyBrokerListsAllBrokersAndAStoppedLeaderLeavesItsPartitionsWithoutLeader() throws IOException {
        for (int id = 0; id < 3; id++) {
            MetadataResponse metadata = metadata(id);
            assertThat(metadata.brokers()).extracting(MetadataResponseBroker::nodeId).containsExactly(0, 1, 2);
            assertThat(metadata.controllerId()).isZero();
            assertThat(metadata.topics().get(0).partitions()).extracting(MetadataResponsePartition::leaderId)
                    .containsExactly(cluster.leader(TOPIC, 0), cluster.leader(TOPIC, 1), cluster.leader(TOPIC, 2));
        }

        int stopped = cluster.leader(TOPIC, 0);
        cluster.stopBroker(stopped);
        int asked = (stopped + 1) % 3;
        MetadataResponse whileDown = metadata(asked);
        cluster.startBroker(stopped);
        MetadataResponse afterRestart = metadata(asked);

        MetadataResponsePartition orphan = whileDown.topics().get(0).partitions().get(0);
        assertThat(whileDown.brokers()).extracting(MetadataResponseBroker::nodeId).doesNotContain(stopped)
                .hasSize(2);
        assertThat(orphan.errorCode()).isEqualTo(Errors.LEADER_NOT_AVAILABLE.code());
        assertThat(orphan.leaderId()).isEqualTo(-1);
        assertThat(orphan.offlineReplicas()).containsExactly(stopped);
        assertThat(whileDown.controllerId()).isEqualTo(stopped == 0 ? 1 : 0);
        assertThat(afterRestart.topics().get(0).partitions().get(0).leaderId()).isEqualTo(stopped);
        assertThat(afterRestart.brokers()).hasSize(3);
    }

    @Test
    void groupRequestsGoToTheLeaderOfTheGroupsOffsetsPartition() throws IOException {
        String group = "routed-group";
        int offsetsPartitions = cluster.broker(0).config().offsetsTopicPartitions();
        int coordinator = cluster.leader(OffsetStore.TOPIC, OffsetStore.partitionFor(group, offsetsPartitions));
        int other = (coordinator + 1) % 3;

        for (int id = 0; id < 3; id++) {
            FindCoordinatorResponse found = findCoordinator(id, group);
            assertThat(found.coordinators().get(0).nodeId()).isEqualTo(coordinator);
            assertThat(found.coordinators().get(0).port()).isEqualTo(cluster.broker(coordinator).port());
        }
        try (RawConnection connection = connect(other)) {
            HeartbeatResponse heartbeat = connection.call(ApiKey.HEARTBEAT, (short) 4,
                    new HeartbeatRequest(group, 1, "member", null), HeartbeatResponse::read);
            OffsetFetchResponse offsets = connection.call(ApiKey.OFFSET_FETCH, (short) 7,
                    new OffsetFetchRequest(group, null, List.of(), false), OffsetFetchResponse::read);
            assertThat(heartbeat.errorCode()).isEqualTo(Errors.NOT_COORDINATOR.code());
            assertThat(offsets.errorCode()).isEqualTo(Errors.NOT_COORDINATOR.code());
        }
        try (RawConnection connection = connect(coordinator)) {
            OffsetFetchResponse offsets = connection.call(ApiKey.OFFSET_FETCH, (short) 7,
                    new OffsetFetchRequest(group, null, List.of(), false), OffsetFetchResponse::read);
            assertThat(offsets.errorCode()).isEqualTo(Errors.NONE.code());
        }

        cluster.stopBroker(coordinator);
        assertThat(findCoordinator(other, group).coordinators().get(0).errorCode())
                .isEqualTo(Errors.COORDINATOR_NOT_AVAILABLE.code());
    }

    @Test
    void movedPartitionKeepsOffsetsAndDeduplicatesARetriedIdempotentBatchOnTheNewLeader() throws IOException {
        long producerId = 4242;
        int from = cluster.leader(TOPIC, 1);
        int to = (from + 1) % 3;
        ProduceResponse.PartitionProduceResponse first = produceTo(from, 1, batch(producerId, 0, 3));
        ProduceResponse.PartitionProduceResponse second = produceTo(from, 1, batch(producerId, 3, 2));

        cluster.moveLeadership(TOPIC, 1, to);

        ProduceResponse.PartitionProduceResponse toOldLeader = produceTo(from, 1, batch(producerId, 3, 2));
        ProduceResponse.PartitionProduceResponse retried = produceTo(to, 1, batch(producerId, 3, 2));
        ProduceResponse.PartitionProduceResponse gap = produceTo(to, 1, batch(producerId, 9, 1));
        ProduceResponse.PartitionProduceResponse next = produceTo(to, 1, batch(producerId, 5, 1));
        assertThat(first.baseOffset()).isZero();
        assertThat(second.baseOffset()).isEqualTo(3);
        assertThat(toOldLeader.errorCode()).isEqualTo(Errors.NOT_LEADER_OR_FOLLOWER.code());
        assertThat(retried.errorCode()).isEqualTo(Errors.NONE.code());
        assertThat(retried.baseOffset()).isEqualTo(3);
        assertThat(gap.errorCode()).isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER.code());
        assertThat(next.baseOffset()).isEqualTo(5);
        try (RawConnection connection = connect(to)) {
            ListOffsetsResponse listed = connection.call(ApiKey.LIST_OFFSETS, LIST_OFFSETS_V, listOffsets(1),
                    ListOffsetsResponse::read);
            assertThat(listed.topics().get(0).partitions().get(0).offset()).isEqualTo(6);
        }
    }

    private RawConnection connect(int brokerId) throws IOException {
        return new RawConnection(cluster.broker(brokerId).bootstrapServers());
    }

    private MetadataResponse metadata(int brokerId) throws IOException {
        try (RawConnection connection = connect(brokerId)) {
            return connection.call(ApiKey.METADATA, METADATA_V, new MetadataRequest(
                    List.of(new MetadataRequest.MetadataRequestTopic(null, TOPIC)), false, false, false),
                    MetadataResponse::read);
        }
    }

    private FindCoordinatorResponse findCoordinator(int brokerId, String group) throws IOException {
        try (RawConnection connection = connect(brokerId)) {
            return connection.call(ApiKey.FIND_COORDINATOR, (short) 4,
                    new FindCoordinatorRequest("", (byte) 0, List.of(group)), FindCoordinatorResponse::read);
        }
    }

    private ProduceResponse.PartitionProduceResponse produceTo(int brokerId, int partition, ByteBuf batch)
            throws IOException {
        try (RawConnection connection = connect(brokerId)) {
            return connection.call(ApiKey.PRODUCE, PRODUCE_V, produce(partition, batch), ProduceResponse::read)
                    .responses().get(0).partitionResponses().get(0);
        }
    }

    private static ProduceRequest produce(int partition, ByteBuf batch) {
        return new ProduceRequest(null, (short) -1, 10_000, List.of(new TopicProduceData(TOPIC,
                List.of(new PartitionProduceData(partition, new MemoryRecords(batch))))));
    }

    private static FetchRequest fetch(int partition) {
        return new FetchRequest(-1, 0, 1, 1 << 20, (byte) 0, 0, -1, List.of(new FetchRequest.FetchTopic(TOPIC,
                List.of(new FetchRequest.FetchPartition(partition, -1, 0, -1, -1, 1 << 20)))), List.of(), "");
    }

    private static ListOffsetsRequest listOffsets(int partition) {
        return new ListOffsetsRequest(-1, (byte) 0, List.of(new ListOffsetsRequest.ListOffsetsTopic(TOPIC,
                List.of(new ListOffsetsRequest.ListOffsetsPartition(partition, -1, -1L)))));
    }

    /** A batch of {@code records} one-byte records; idempotent when {@code producerId >= 0} (epoch 0). */
    private static ByteBuf batch(long producerId, int baseSequence, int records) {
        RecordBatchBuilder builder = new RecordBatchBuilder(UnpooledByteBufAllocator.DEFAULT, CompressionType.NONE,
                0, 1 << 20);
        if (producerId >= 0) {
            builder.setProducerState(producerId, (short) 0, baseSequence);
        }
        for (int i = 0; i < records; i++) {
            builder.tryAppend(System.currentTimeMillis(), null, new byte[] {1}, (io.mq.protocol.record.Header[]) null);
        }
        ByteBuf built = builder.build();
        try {
            byte[] bytes = new byte[built.readableBytes()];
            built.readBytes(bytes);
            return Unpooled.wrappedBuffer(bytes);
        } finally {
            built.release();
        }
    }
}
