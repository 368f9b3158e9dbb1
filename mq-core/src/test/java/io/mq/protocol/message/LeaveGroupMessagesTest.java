package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import java.util.List;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupRequestData.MemberIdentity;
import org.apache.kafka.common.message.LeaveGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupResponseData.MemberResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LeaveGroupMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.LEAVE_GROUP);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        LeaveGroupRequest ours = roundTrip(kafkaRequest(version), version, LeaveGroupRequest::read);

        assertThat(ours.groupId()).isEqualTo("billing");
        if (version >= 3) {
            assertThat(ours.members()).containsExactly(
                    new LeaveGroupRequest.MemberIdentity("consumer-1", "instance-1", version >= 5 ? "closing" : null),
                    new LeaveGroupRequest.MemberIdentity("consumer-2", null, null));
        } else {
            assertThat(ours.memberId()).isEqualTo("consumer-1");
        }
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        LeaveGroupResponse ours = roundTrip(kafkaResponse(version), version, LeaveGroupResponse::read);

        assertThat(ours.throttleTimeMs()).isEqualTo(version >= 1 ? 3 : 0);
        assertThat(ours.errorCode()).isEqualTo((short) 16);
        if (version >= 3) {
            assertThat(ours.members()).containsExactly(
                    new LeaveGroupResponse.MemberResponse("consumer-1", "instance-1", (short) 0),
                    new LeaveGroupResponse.MemberResponse("consumer-2", null, (short) 25));
        }
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaRequest(version), version, LeaveGroupRequest::read);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaResponse(version), version, LeaveGroupResponse::read);
    }

    private static LeaveGroupRequestData kafkaRequest(short version) {
        var kafka = new LeaveGroupRequestData().setGroupId("billing");
        if (version >= 3) {
            var first = new MemberIdentity().setMemberId("consumer-1").setGroupInstanceId("instance-1");
            if (version >= 5) {
                first.setReason("closing");
            }
            kafka.setMembers(List.of(first, new MemberIdentity().setMemberId("consumer-2").setGroupInstanceId(null)));
        } else {
            kafka.setMemberId("consumer-1");
        }
        return kafka;
    }

    private static LeaveGroupResponseData kafkaResponse(short version) {
        var kafka = new LeaveGroupResponseData().setErrorCode((short) 16);
        if (version >= 1) {
            kafka.setThrottleTimeMs(3);
        }
        if (version >= 3) {
            kafka.setMembers(List.of(
                    new MemberResponse().setMemberId("consumer-1").setGroupInstanceId("instance-1")
                            .setErrorCode((short) 0),
                    new MemberResponse().setMemberId("consumer-2").setGroupInstanceId(null)
                            .setErrorCode((short) 25)));
        }
        return kafka;
    }
}
