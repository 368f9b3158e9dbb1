package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.Uuids;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.DeleteTopicsRequestData.DeleteTopicState;
import org.apache.kafka.common.message.DeleteTopicsResponseData;
import org.apache.kafka.common.message.DeleteTopicsResponseData.DeletableTopicResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeleteTopicsMessagesTest {

    private static final Uuid TOPIC_ID = new Uuid(3, 4);

    static short[] versions() {
        return Versions.of(ApiKey.DELETE_TOPICS);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        DeleteTopicsRequest ours = roundTrip(kafkaRequest(version), version, DeleteTopicsRequest::read);

        assertThat(ours.timeoutMs()).isEqualTo(30_000);
        if (version >= 6) {
            assertThat(ours.topics()).containsExactly(new DeleteTopicsRequest.DeleteTopicState("orders", Uuids.ZERO),
                    new DeleteTopicsRequest.DeleteTopicState(null, new UUID(3, 4)));
            assertThat(ours.topicNames()).isEmpty();
        } else {
            assertThat(ours.topicNames()).containsExactly("orders", "payments");
            assertThat(ours.topics()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        DeleteTopicsResponse ours = roundTrip(kafkaResponse(version), version, DeleteTopicsResponse::read);

        assertThat(ours.throttleTimeMs()).isEqualTo(11);
        DeleteTopicsResponse.DeletableTopicResult failed = ours.responses().get(1);
        assertThat(failed.errorCode()).isEqualTo((short) 3);
        assertThat(failed.errorMessage()).isEqualTo(version >= 5 ? "unknown topic" : null);
        if (version >= 6) {
            assertThat(failed.name()).isNull();
            assertThat(failed.topicId()).isEqualTo(new UUID(3, 4));
        } else {
            assertThat(failed.name()).isEqualTo("payments");
        }
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaRequest(version), version, DeleteTopicsRequest::read);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaResponse(version), version, DeleteTopicsResponse::read);
    }

    private static DeleteTopicsRequestData kafkaRequest(short version) {
        var kafka = new DeleteTopicsRequestData().setTimeoutMs(30_000);
        if (version >= 6) {
            kafka.setTopics(List.of(new DeleteTopicState().setName("orders"),
                    new DeleteTopicState().setName(null).setTopicId(TOPIC_ID)));
        } else {
            kafka.setTopicNames(List.of("orders", "payments"));
        }
        return kafka;
    }

    private static DeleteTopicsResponseData kafkaResponse(short version) {
        var kafka = new DeleteTopicsResponseData().setThrottleTimeMs(11);
        kafka.responses().add(new DeletableTopicResult().setName("orders").setErrorCode((short) 0));
        var failed = new DeletableTopicResult().setName(version >= 6 ? null : "payments").setErrorCode((short) 3);
        if (version >= 5) {
            failed.setErrorMessage("unknown topic");
        }
        if (version >= 6) {
            failed.setTopicId(TOPIC_ID);
        }
        kafka.responses().add(failed);
        return kafka;
    }
}
