package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.roundTrip;
import static io.mq.protocol.message.TruncatedFrames.assertTruncatedFrameFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import java.util.List;
import org.apache.kafka.common.message.DeleteGroupsRequestData;
import org.apache.kafka.common.message.DeleteGroupsResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeleteGroupsMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.DELETE_GROUPS);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        DeleteGroupsRequest ours = roundTrip(request(), version, DeleteGroupsRequest::read);

        assertThat(ours.groupsNames()).containsExactly("orders", "audit");
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        DeleteGroupsResponse ours = roundTrip(response(), version, DeleteGroupsResponse::read);

        assertThat(ours.throttleTimeMs()).isEqualTo(17);
        assertThat(ours.results()).containsExactly(new DeleteGroupsResponse.DeletableGroupResult("orders", (short) 0),
                new DeleteGroupsResponse.DeletableGroupResult("audit", (short) 68));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestFails(short version) {
        assertTruncatedFrameFails(request(), version, DeleteGroupsRequest::read);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseFails(short version) {
        assertTruncatedFrameFails(response(), version, DeleteGroupsResponse::read);
    }

    private static DeleteGroupsRequestData request() {
        return new DeleteGroupsRequestData().setGroupsNames(List.of("orders", "audit"));
    }

    private static DeleteGroupsResponseData response() {
        var kafka = new DeleteGroupsResponseData().setThrottleTimeMs(17);
        kafka.results().add(new DeleteGroupsResponseData.DeletableGroupResult().setGroupId("orders"));
        kafka.results().add(new DeleteGroupsResponseData.DeletableGroupResult().setGroupId("audit")
                .setErrorCode((short) 68));
        return kafka;
    }
}
