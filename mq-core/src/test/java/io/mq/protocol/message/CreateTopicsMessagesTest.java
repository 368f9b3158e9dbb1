package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableReplicaAssignment;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopic;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopicConfig;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicConfigs;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CreateTopicsMessagesTest {

    private static final Uuid TOPIC_ID = Uuid.fromString("AAAAAAAAAAEAAAAAAAAAAg");

    static short[] versions() {
        return Versions.of(ApiKey.CREATE_TOPICS);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        CreateTopicsRequest ours = roundTrip(kafkaRequest(), version, CreateTopicsRequest::read);

        assertThat(ours.timeoutMs()).isEqualTo(15_000);
        assertThat(ours.validateOnly()).isTrue();
        assertThat(ours.topics()).hasSize(2);
        CreateTopicsRequest.CreatableTopic manual = ours.topics().get(1);
        assertThat(manual.name()).isEqualTo("manual");
        assertThat(manual.numPartitions()).isEqualTo(-1);
        assertThat(manual.assignments()).containsExactly(
                new CreateTopicsRequest.CreatableReplicaAssignment(0, List.of(1, 2)),
                new CreateTopicsRequest.CreatableReplicaAssignment(1, List.of(2, 3)));
        assertThat(manual.configs()).containsExactly(new CreateTopicsRequest.CreatableTopicConfig("retention.ms", null));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        CreateTopicsResponse ours = roundTrip(kafkaResponse(version), version, CreateTopicsResponse::read);

        assertThat(ours.throttleTimeMs()).isEqualTo(9);
        CreateTopicsResponse.CreatableTopicResult created = ours.topics().get(0);
        assertThat(created.name()).isEqualTo("orders");
        assertThat(created.errorMessage()).isEqualTo("created");
        if (version >= 5) {
            assertThat(created.numPartitions()).isEqualTo(6);
            assertThat(created.configs()).containsExactly(
                    new CreateTopicsResponse.CreatableTopicConfigs("cleanup.policy", "compact", true, (byte) 5, true));
            CreateTopicsResponse.CreatableTopicResult failed = ours.topics().get(1);
            assertThat(failed.configs()).isNull();
            assertThat(failed.topicConfigErrorCode()).isEqualTo((short) 29);
        }
        if (version >= 7) {
            assertThat(created.topicId()).isEqualTo(new UUID(1, 2));
        }
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaRequest(), version, CreateTopicsRequest::read);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaResponse(version), version, CreateTopicsResponse::read);
    }

    private static CreateTopicsRequestData kafkaRequest() {
        var kafka = new CreateTopicsRequestData().setTimeoutMs(15_000).setValidateOnly(true);
        var automatic = new CreatableTopic().setName("orders").setNumPartitions(6).setReplicationFactor((short) 3);
        automatic.configs().add(new CreatableTopicConfig().setName("cleanup.policy").setValue("compact"));
        kafka.topics().add(automatic);
        var manual = new CreatableTopic().setName("manual").setNumPartitions(-1).setReplicationFactor((short) -1);
        manual.assignments().add(new CreatableReplicaAssignment().setPartitionIndex(0).setBrokerIds(List.of(1, 2)));
        manual.assignments().add(new CreatableReplicaAssignment().setPartitionIndex(1).setBrokerIds(List.of(2, 3)));
        manual.configs().add(new CreatableTopicConfig().setName("retention.ms").setValue(null));
        kafka.topics().add(manual);
        return kafka;
    }

    private static CreateTopicsResponseData kafkaResponse(short version) {
        var kafka = new CreateTopicsResponseData().setThrottleTimeMs(9);
        var created = new CreatableTopicResult().setName("orders").setErrorCode((short) 0).setErrorMessage("created");
        var failed = new CreatableTopicResult().setName("bad").setErrorCode((short) 36).setErrorMessage(null);
        if (version >= 5) {
            created.setNumPartitions(6).setReplicationFactor((short) 3).setConfigs(List.of(new CreatableTopicConfigs()
                    .setName("cleanup.policy").setValue("compact").setReadOnly(true).setConfigSource((byte) 5)
                    .setIsSensitive(true)));
            failed.setNumPartitions(1).setReplicationFactor((short) 1).setConfigs(null)
                    .setTopicConfigErrorCode((short) 29);
        }
        if (version >= 7) {
            created.setTopicId(TOPIC_ID);
        }
        kafka.topics().add(created);
        kafka.topics().add(failed);
        return kafka;
    }
}
