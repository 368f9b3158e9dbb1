package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.roundTrip;
import static io.mq.protocol.message.TruncatedFrames.assertTruncatedFrameFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import java.util.List;
import org.apache.kafka.common.message.OffsetDeleteRequestData;
import org.apache.kafka.common.message.OffsetDeleteResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OffsetDeleteMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.OFFSET_DELETE);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        OffsetDeleteRequest ours = roundTrip(request(), version, OffsetDeleteRequest::read);

        assertThat(ours.groupId()).isEqualTo("orders");
        assertThat(ours.topics()).containsExactly(new OffsetDeleteRequest.OffsetDeleteRequestTopic("payments",
                List.of(new OffsetDeleteRequest.OffsetDeleteRequestPartition(0),
                        new OffsetDeleteRequest.OffsetDeleteRequestPartition(3))));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        OffsetDeleteResponse ours = roundTrip(response(), version, OffsetDeleteResponse::read);

        assertThat(ours.errorCode()).isEqualTo((short) 0);
        assertThat(ours.throttleTimeMs()).isEqualTo(18);
        assertThat(ours.topics()).containsExactly(new OffsetDeleteResponse.OffsetDeleteResponseTopic("payments",
                List.of(new OffsetDeleteResponse.OffsetDeleteResponsePartition(0, (short) 0),
                        new OffsetDeleteResponse.OffsetDeleteResponsePartition(3, (short) 86))));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestFails(short version) {
        assertTruncatedFrameFails(request(), version, OffsetDeleteRequest::read);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseFails(short version) {
        assertTruncatedFrameFails(response(), version, OffsetDeleteResponse::read);
    }

    private static OffsetDeleteRequestData request() {
        var topic = new OffsetDeleteRequestData.OffsetDeleteRequestTopic().setName("payments")
                .setPartitions(List.of(new OffsetDeleteRequestData.OffsetDeleteRequestPartition().setPartitionIndex(0),
                        new OffsetDeleteRequestData.OffsetDeleteRequestPartition().setPartitionIndex(3)));
        var kafka = new OffsetDeleteRequestData().setGroupId("orders");
        kafka.topics().add(topic);
        return kafka;
    }

    private static OffsetDeleteResponseData response() {
        var partitions = new OffsetDeleteResponseData.OffsetDeleteResponsePartitionCollection();
        partitions.add(new OffsetDeleteResponseData.OffsetDeleteResponsePartition().setPartitionIndex(0));
        partitions.add(new OffsetDeleteResponseData.OffsetDeleteResponsePartition().setPartitionIndex(3)
                .setErrorCode((short) 86));
        var kafka = new OffsetDeleteResponseData().setThrottleTimeMs(18);
        kafka.topics().add(new OffsetDeleteResponseData.OffsetDeleteResponseTopic().setName("payments")
                .setPartitions(partitions));
        return kafka;
    }
}
