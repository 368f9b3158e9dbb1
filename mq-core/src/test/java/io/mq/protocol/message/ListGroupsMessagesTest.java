package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.roundTrip;
import static io.mq.protocol.message.TruncatedFrames.assertTruncatedFrameFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import java.util.List;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ListGroupsMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.LIST_GROUPS);
    }

    /** Versions 0-2 have an empty request body, so there is no byte to drop. */
    static short[] nonEmptyRequestVersions() {
        return new short[] {3, 4, 5};
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        ListGroupsRequest ours = roundTrip(request(version), version, ListGroupsRequest::read);

        assertThat(ours.statesFilter()).isEqualTo(version >= 4 ? List.of("Stable", "Empty") : List.of());
        assertThat(ours.typesFilter()).isEqualTo(version >= 5 ? List.of("classic") : List.of());
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        ListGroupsResponse ours = roundTrip(response(version), version, ListGroupsResponse::read);

        assertThat(ours.throttleTimeMs()).isEqualTo(version >= 1 ? 15 : 0);
        assertThat(ours.errorCode()).isEqualTo((short) 15);
        assertThat(ours.groups()).containsExactly(
                new ListGroupsResponse.ListedGroup("orders", "consumer", version >= 4 ? "Stable" : "",
                        version >= 5 ? "classic" : ""),
                new ListGroupsResponse.ListedGroup("connect-1", "connect", version >= 4 ? "Empty" : "",
                        version >= 5 ? "classic" : ""));
    }

    @ParameterizedTest
    @MethodSource("nonEmptyRequestVersions")
    void truncatedRequestFails(short version) {
        assertTruncatedFrameFails(request(version), version, ListGroupsRequest::read);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseFails(short version) {
        assertTruncatedFrameFails(response(version), version, ListGroupsResponse::read);
    }

    private static ListGroupsRequestData request(short version) {
        var kafka = new ListGroupsRequestData();
        if (version >= 4) {
            kafka.setStatesFilter(List.of("Stable", "Empty"));
        }
        if (version >= 5) {
            kafka.setTypesFilter(List.of("classic"));
        }
        return kafka;
    }

    private static ListGroupsResponseData response(short version) {
        var kafka = new ListGroupsResponseData().setErrorCode((short) 15);
        if (version >= 1) {
            kafka.setThrottleTimeMs(15);
        }
        var orders = new ListGroupsResponseData.ListedGroup().setGroupId("orders").setProtocolType("consumer");
        var connect = new ListGroupsResponseData.ListedGroup().setGroupId("connect-1").setProtocolType("connect");
        if (version >= 4) {
            orders.setGroupState("Stable");
            connect.setGroupState("Empty");
        }
        if (version >= 5) {
            orders.setGroupType("classic");
            connect.setGroupType("classic");
        }
        kafka.groups().add(orders);
        kafka.groups().add(connect);
        return kafka;
    }
}
