package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.roundTrip;
import static io.mq.protocol.message.TruncatedFrames.assertTruncatedFrameFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SyncGroupMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.SYNC_GROUP);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        SyncGroupRequest ours = roundTrip(request(version), version, SyncGroupRequest::read);

        assertThat(ours.groupId()).isEqualTo("orders");
        assertThat(ours.generationId()).isEqualTo(4);
        assertThat(ours.memberId()).isEqualTo("member-1");
        assertThat(ours.groupInstanceId()).isEqualTo(version >= 3 ? "instance-1" : null);
        assertThat(ours.protocolType()).isEqualTo(version >= 5 ? "consumer" : null);
        assertThat(ours.protocolName()).isEqualTo(version >= 5 ? "range" : null);
        assertThat(ours.assignments()).extracting(SyncGroupRequest.SyncGroupRequestAssignment::memberId)
                .containsExactly("member-1", "member-2");
        assertThat(ours.assignments().get(1).assignment()).isEqualTo(bytes("assignment-2"));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        SyncGroupResponse ours = roundTrip(response(version), version, SyncGroupResponse::read);

        assertThat(ours.throttleTimeMs()).isEqualTo(version >= 1 ? 12 : 0);
        assertThat(ours.errorCode()).isEqualTo((short) 27);
        assertThat(ours.protocolType()).isEqualTo(version >= 5 ? "consumer" : null);
        assertThat(ours.protocolName()).isEqualTo(version >= 5 ? "range" : null);
        assertThat(ours.assignment()).isEqualTo(bytes("my-assignment"));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestFails(short version) {
        assertTruncatedFrameFails(request(version), version, SyncGroupRequest::read);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseFails(short version) {
        assertTruncatedFrameFails(response(version), version, SyncGroupResponse::read);
    }

    private static SyncGroupRequestData request(short version) {
        var kafka = new SyncGroupRequestData().setGroupId("orders").setGenerationId(4).setMemberId("member-1");
        kafka.assignments().add(new SyncGroupRequestData.SyncGroupRequestAssignment().setMemberId("member-1")
                .setAssignment(bytes("assignment-1")));
        kafka.assignments().add(new SyncGroupRequestData.SyncGroupRequestAssignment().setMemberId("member-2")
                .setAssignment(bytes("assignment-2")));
        if (version >= 3) {
            kafka.setGroupInstanceId("instance-1");
        }
        if (version >= 5) {
            kafka.setProtocolType("consumer").setProtocolName("range");
        }
        return kafka;
    }

    private static SyncGroupResponseData response(short version) {
        var kafka = new SyncGroupResponseData().setErrorCode((short) 27).setAssignment(bytes("my-assignment"));
        if (version >= 1) {
            kafka.setThrottleTimeMs(12);
        }
        if (version >= 5) {
            kafka.setProtocolType("consumer").setProtocolName("range");
        }
        return kafka;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
