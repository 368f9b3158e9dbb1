package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.roundTrip;
import static io.mq.protocol.message.TruncatedFrames.assertTruncatedFrameFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DescribeGroupsMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.DESCRIBE_GROUPS);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        DescribeGroupsRequest ours = roundTrip(request(version), version, DescribeGroupsRequest::read);

        assertThat(ours.groups()).containsExactly("orders", "audit");
        assertThat(ours.includeAuthorizedOperations()).isEqualTo(version >= 3);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        DescribeGroupsResponse ours = roundTrip(response(version), version, DescribeGroupsResponse::read);

        assertThat(ours.throttleTimeMs()).isEqualTo(version >= 1 ? 16 : 0);
        assertThat(ours.groups()).hasSize(2);
        var orders = ours.groups().get(0);
        assertThat(orders.groupId()).isEqualTo("orders");
        assertThat(orders.groupState()).isEqualTo("Stable");
        assertThat(orders.protocolType()).isEqualTo("consumer");
        assertThat(orders.protocolData()).isEqualTo("range");
        assertThat(orders.authorizedOperations())
                .isEqualTo(version >= 3 ? 0b1010 : DescribeGroupsResponse.AUTHORIZED_OPERATIONS_OMITTED);
        var member = orders.members().get(0);
        assertThat(member.memberId()).isEqualTo("member-1");
        assertThat(member.groupInstanceId()).isEqualTo(version >= 4 ? "instance-1" : null);
        assertThat(member.clientId()).isEqualTo("client-1");
        assertThat(member.clientHost()).isEqualTo("/10.0.0.1");
        assertThat(member.memberMetadata()).isEqualTo(bytes("metadata"));
        assertThat(member.memberAssignment()).isEqualTo(bytes("assignment"));
        assertThat(ours.groups().get(1).errorCode()).isEqualTo((short) 69);
        assertThat(ours.groups().get(1).members()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestFails(short version) {
        assertTruncatedFrameFails(request(version), version, DescribeGroupsRequest::read);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseFails(short version) {
        assertTruncatedFrameFails(response(version), version, DescribeGroupsResponse::read);
    }

    private static DescribeGroupsRequestData request(short version) {
        var kafka = new DescribeGroupsRequestData().setGroups(List.of("orders", "audit"));
        if (version >= 3) {
            kafka.setIncludeAuthorizedOperations(true);
        }
        return kafka;
    }

    private static DescribeGroupsResponseData response(short version) {
        var kafka = new DescribeGroupsResponseData();
        if (version >= 1) {
            kafka.setThrottleTimeMs(16);
        }
        var member = new DescribeGroupsResponseData.DescribedGroupMember().setMemberId("member-1")
                .setClientId("client-1").setClientHost("/10.0.0.1").setMemberMetadata(bytes("metadata"))
                .setMemberAssignment(bytes("assignment"));
        if (version >= 4) {
            member.setGroupInstanceId("instance-1");
        }
        var orders = new DescribeGroupsResponseData.DescribedGroup().setGroupId("orders").setGroupState("Stable")
                .setProtocolType("consumer").setProtocolData("range").setMembers(List.of(member));
        var audit = new DescribeGroupsResponseData.DescribedGroup().setErrorCode((short) 69).setGroupId("audit")
                .setGroupState("Dead");
        if (version >= 3) {
            orders.setAuthorizedOperations(0b1010);
            audit.setAuthorizedOperations(0);
        }
        kafka.groups().add(orders);
        kafka.groups().add(audit);
        return kafka;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
