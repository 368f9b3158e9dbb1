package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.roundTrip;
import static io.mq.protocol.message.TruncatedFrames.assertTruncatedFrameFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JoinGroupMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.JOIN_GROUP);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        JoinGroupRequest ours = roundTrip(request(version), version, JoinGroupRequest::read);

        assertThat(ours.groupId()).isEqualTo("orders");
        assertThat(ours.sessionTimeoutMs()).isEqualTo(45_000);
        assertThat(ours.rebalanceTimeoutMs()).isEqualTo(300_000);
        assertThat(ours.memberId()).isEqualTo("member-1");
        assertThat(ours.groupInstanceId()).isEqualTo(version >= 5 ? "instance-1" : null);
        assertThat(ours.protocols()).extracting(JoinGroupRequest.JoinGroupRequestProtocol::name)
                .containsExactly("range", "cooperative-sticky");
        assertThat(ours.protocols().get(0).metadata()).isEqualTo(bytes("range-meta"));
        assertThat(ours.reason()).isEqualTo(version >= 8 ? "rebalance needed" : null);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        JoinGroupResponse ours = roundTrip(response(version), version, JoinGroupResponse::read);

        assertThat(ours.throttleTimeMs()).isEqualTo(11);
        assertThat(ours.errorCode()).isEqualTo((short) 79);
        assertThat(ours.generationId()).isEqualTo(5);
        assertThat(ours.protocolType()).isEqualTo(version >= 7 ? "consumer" : null);
        assertThat(ours.protocolName()).isEqualTo("range");
        assertThat(ours.leader()).isEqualTo("member-1");
        assertThat(ours.skipAssignment()).isEqualTo(version >= 9);
        assertThat(ours.memberId()).isEqualTo("member-2");
        assertThat(ours.members()).extracting(JoinGroupResponse.JoinGroupResponseMember::memberId)
                .containsExactly("member-1", "member-2");
        assertThat(ours.members().get(0).groupInstanceId()).isEqualTo(version >= 5 ? "instance-1" : null);
        assertThat(ours.members().get(1).metadata()).isEqualTo(bytes("meta-2"));
    }

    static short[] nullableProtocolNameVersions() {
        return new short[] {7, 8, 9};
    }

    @ParameterizedTest
    @MethodSource("nullableProtocolNameVersions")
    void responseWithNullProtocolNameMatchesKafkaBytes(short version) {
        var kafka = new JoinGroupResponseData().setProtocolName(null).setLeader("").setMemberId("m");

        JoinGroupResponse ours = roundTrip(kafka, version, JoinGroupResponse::read);

        assertThat(ours.protocolName()).isNull();
        assertThat(ours.protocolType()).isNull();
        assertThat(ours.generationId()).isEqualTo(-1);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestFails(short version) {
        assertTruncatedFrameFails(request(version), version, JoinGroupRequest::read);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseFails(short version) {
        assertTruncatedFrameFails(response(version), version, JoinGroupResponse::read);
    }

    private static JoinGroupRequestData request(short version) {
        var kafka = new JoinGroupRequestData().setGroupId("orders").setSessionTimeoutMs(45_000)
                .setRebalanceTimeoutMs(300_000).setMemberId("member-1").setProtocolType("consumer");
        kafka.protocols().add(new JoinGroupRequestData.JoinGroupRequestProtocol().setName("range")
                .setMetadata(bytes("range-meta")));
        kafka.protocols().add(new JoinGroupRequestData.JoinGroupRequestProtocol().setName("cooperative-sticky")
                .setMetadata(bytes("sticky-meta")));
        if (version >= 5) {
            kafka.setGroupInstanceId("instance-1");
        }
        if (version >= 8) {
            kafka.setReason("rebalance needed");
        }
        return kafka;
    }

    private static JoinGroupResponseData response(short version) {
        var kafka = new JoinGroupResponseData().setThrottleTimeMs(11).setErrorCode((short) 79).setGenerationId(5)
                .setProtocolName("range").setLeader("member-1").setMemberId("member-2");
        var first = new JoinGroupResponseData.JoinGroupResponseMember().setMemberId("member-1")
                .setMetadata(bytes("meta-1"));
        var second = new JoinGroupResponseData.JoinGroupResponseMember().setMemberId("member-2")
                .setMetadata(bytes("meta-2"));
        if (version >= 5) {
            first.setGroupInstanceId("instance-1");
        }
        kafka.members().add(first);
        kafka.members().add(second);
        if (version >= 7) {
            kafka.setProtocolType("consumer");
        }
        if (version >= 9) {
            kafka.setSkipAssignment(true);
        }
        return kafka;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
