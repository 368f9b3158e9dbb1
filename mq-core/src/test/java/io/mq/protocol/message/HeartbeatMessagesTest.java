package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.HeartbeatResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HeartbeatMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.HEARTBEAT);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        HeartbeatRequest ours = roundTrip(kafkaRequest(version), version, HeartbeatRequest::read);

        assertThat(ours).isEqualTo(new HeartbeatRequest("billing", 12, "consumer-1-abc",
                version >= 3 ? "instance-1" : null));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        HeartbeatResponse ours = roundTrip(kafkaResponse(version), version, HeartbeatResponse::read);

        assertThat(ours).isEqualTo(new HeartbeatResponse(version >= 1 ? 8 : 0, (short) 27));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaRequest(version), version, HeartbeatRequest::read);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaResponse(version), version, HeartbeatResponse::read);
    }

    private static HeartbeatRequestData kafkaRequest(short version) {
        var kafka = new HeartbeatRequestData().setGroupId("billing").setGenerationId(12)
                .setMemberId("consumer-1-abc");
        if (version >= 3) {
            kafka.setGroupInstanceId("instance-1");
        }
        return kafka;
    }

    private static HeartbeatResponseData kafkaResponse(short version) {
        var kafka = new HeartbeatResponseData().setErrorCode((short) 27);
        if (version >= 1) {
            kafka.setThrottleTimeMs(8);
        }
        return kafka;
    }
}
