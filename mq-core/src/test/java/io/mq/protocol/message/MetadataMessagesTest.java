package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.kafkaBytes;
import static io.mq.protocol.KafkaOracle.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.ApiKey;
import io.mq.protocol.ProtocolException;
import io.mq.protocol.types.Uuids;
import io.mq.protocol.types.WireReader;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MetadataMessagesTest {

    private static final Uuid TOPIC_ID = new Uuid(0x1234_5678_9abc_def0L, 0x0fed_cba9_8765_4321L);
    private static final UUID OUR_TOPIC_ID = new UUID(TOPIC_ID.getMostSignificantBits(),
            TOPIC_ID.getLeastSignificantBits());

    static short[] versions() {
        return Versions.of(ApiKey.METADATA);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        MetadataRequest ours = roundTrip(request(version), version, MetadataRequest::read);

        assertThat(ours.topics()).first().isEqualTo(new MetadataRequest.MetadataRequestTopic(
                version >= 10 ? OUR_TOPIC_ID : Uuids.ZERO, "orders"));
        if (version >= 10) {
            assertThat(ours.topics().get(1)).isEqualTo(new MetadataRequest.MetadataRequestTopic(OUR_TOPIC_ID, null));
        }
        assertThat(ours.allowAutoTopicCreation()).isEqualTo(version < 4);
        assertThat(ours.includeClusterAuthorizedOperations()).isEqualTo(version >= 8 && version <= 10);
        assertThat(ours.includeTopicAuthorizedOperations()).isEqualTo(version >= 8);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestForAllTopicsMatchesKafkaBytes(short version) {
        MetadataRequest ours = roundTrip(new MetadataRequestData().setTopics(null), version, MetadataRequest::read);

        assertThat(ours.topics()).isNull();
        assertThat(ours.allowAutoTopicCreation()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        MetadataResponse ours = roundTrip(response(version), version, MetadataResponse::read);

        assertThat(ours.throttleTimeMs()).isEqualTo(version >= 3 ? 8 : 0);
        assertThat(ours.brokers()).containsExactly(
                new MetadataResponse.MetadataResponseBroker(1, "broker-1", 9092, "rack-a"),
                new MetadataResponse.MetadataResponseBroker(2, "broker-2", 9093, null));
        assertThat(ours.clusterId()).isEqualTo(version >= 2 ? "mq-cluster" : null);
        assertThat(ours.controllerId()).isEqualTo(2);
        assertThat(ours.clusterAuthorizedOperations())
                .isEqualTo(version >= 8 && version <= 10 ? 0x0FF8 : MetadataResponse.AUTHORIZED_OPERATIONS_OMITTED);
        MetadataResponse.MetadataResponseTopic topic = ours.topics().get(0);
        assertThat(topic.errorCode()).isZero();
        assertThat(topic.name()).isEqualTo("orders");
        assertThat(topic.topicId()).isEqualTo(version >= 10 ? OUR_TOPIC_ID : Uuids.ZERO);
        assertThat(topic.isInternal()).isTrue();
        assertThat(topic.topicAuthorizedOperations())
                .isEqualTo(version >= 8 ? 0x00F8 : MetadataResponse.AUTHORIZED_OPERATIONS_OMITTED);
        assertThat(topic.partitions()).containsExactly(new MetadataResponse.MetadataResponsePartition((short) 9, 0, 1,
                version >= 7 ? 5 : -1, List.of(1, 2), List.of(1), version >= 5 ? List.of(2) : List.of()));
        if (version >= 12) {
            assertThat(ours.topics().get(1).name()).isNull();
            assertThat(ours.topics().get(1).errorCode()).isEqualTo((short) 100);
        }
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestFailsWithProtocolException(short version) {
        byte[] bytes = kafkaBytes(request(version), version);

        assertThatThrownBy(() -> MetadataRequest.read(truncated(bytes), version))
                .isInstanceOf(ProtocolException.class);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseFailsWithProtocolException(short version) {
        byte[] bytes = kafkaBytes(response(version), version);

        assertThatThrownBy(() -> MetadataResponse.read(truncated(bytes), version))
                .isInstanceOf(ProtocolException.class);
    }

    private static MetadataRequestData request(short version) {
        var byName = new MetadataRequestData.MetadataRequestTopic().setName("orders");
        var kafka = new MetadataRequestData().setTopics(List.of(byName));
        if (version >= 10) {
            byName.setTopicId(TOPIC_ID);
            kafka.setTopics(List.of(byName, new MetadataRequestData.MetadataRequestTopic().setTopicId(TOPIC_ID)
                    .setName(null)));
        }
        if (version >= 4) {
            kafka.setAllowAutoTopicCreation(false);
        }
        if (version >= 8 && version <= 10) {
            kafka.setIncludeClusterAuthorizedOperations(true);
        }
        if (version >= 8) {
            kafka.setIncludeTopicAuthorizedOperations(true);
        }
        return kafka;
    }

    private static MetadataResponseData response(short version) {
        var partition = new MetadataResponseData.MetadataResponsePartition().setErrorCode((short) 9)
                .setPartitionIndex(0).setLeaderId(1).setReplicaNodes(List.of(1, 2)).setIsrNodes(List.of(1));
        if (version >= 5) {
            partition.setOfflineReplicas(List.of(2));
        }
        if (version >= 7) {
            partition.setLeaderEpoch(5);
        }
        var topic = new MetadataResponseData.MetadataResponseTopic().setName("orders").setIsInternal(true)
                .setPartitions(List.of(partition));
        if (version >= 8) {
            topic.setTopicAuthorizedOperations(0x00F8);
        }
        if (version >= 10) {
            topic.setTopicId(TOPIC_ID);
        }
        var kafka = new MetadataResponseData().setControllerId(2);
        kafka.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(1).setHost("broker-1")
                .setPort(9092).setRack("rack-a"));
        kafka.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(2).setHost("broker-2")
                .setPort(9093));
        kafka.topics().add(topic);
        if (version >= 12) {
            kafka.topics().add(new MetadataResponseData.MetadataResponseTopic().setErrorCode((short) 100)
                    .setName(null).setTopicId(TOPIC_ID));
        }
        if (version >= 2) {
            kafka.setClusterId("mq-cluster");
        }
        if (version >= 3) {
            kafka.setThrottleTimeMs(8);
        }
        if (version >= 8 && version <= 10) {
            kafka.setClusterAuthorizedOperations(0x0FF8);
        }
        return kafka;
    }

    private static WireReader truncated(byte[] bytes) {
        return new WireReader(Unpooled.wrappedBuffer(bytes, 0, bytes.length - 1));
    }
}
