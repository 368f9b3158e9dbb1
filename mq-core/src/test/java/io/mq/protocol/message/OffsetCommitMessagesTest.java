package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.roundTrip;
import static io.mq.protocol.message.TruncatedFrames.assertTruncatedFrameFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import java.util.List;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OffsetCommitMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.OFFSET_COMMIT);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        OffsetCommitRequest ours = roundTrip(request(version), version, OffsetCommitRequest::read);

        assertThat(ours.groupId()).isEqualTo("orders");
        assertThat(ours.generationIdOrMemberEpoch()).isEqualTo(3);
        assertThat(ours.memberId()).isEqualTo("member-1");
        assertThat(ours.groupInstanceId()).isEqualTo(version >= 7 ? "instance-1" : null);
        assertThat(ours.retentionTimeMs()).isEqualTo(version <= 4 ? 86_400_000L : -1L);
        assertThat(ours.topics()).extracting(OffsetCommitRequest.OffsetCommitRequestTopic::name)
                .containsExactly("payments", "refunds");
        assertThat(ours.topics().get(0).partitions()).containsExactly(
                new OffsetCommitRequest.OffsetCommitRequestPartition(0, 100L, version >= 6 ? 7 : -1, "meta"),
                new OffsetCommitRequest.OffsetCommitRequestPartition(2, 250L, version >= 6 ? 7 : -1, null));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        OffsetCommitResponse ours = roundTrip(response(version), version, OffsetCommitResponse::read);

        assertThat(ours.throttleTimeMs()).isEqualTo(version >= 3 ? 13 : 0);
        assertThat(ours.topics()).containsExactly(new OffsetCommitResponse.OffsetCommitResponseTopic("payments",
                List.of(new OffsetCommitResponse.OffsetCommitResponsePartition(0, (short) 0),
                        new OffsetCommitResponse.OffsetCommitResponsePartition(1, (short) 22))));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestFails(short version) {
        assertTruncatedFrameFails(request(version), version, OffsetCommitRequest::read);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseFails(short version) {
        assertTruncatedFrameFails(response(version), version, OffsetCommitResponse::read);
    }

    private static OffsetCommitRequestData request(short version) {
        var kafka = new OffsetCommitRequestData().setGroupId("orders").setGenerationIdOrMemberEpoch(3)
                .setMemberId("member-1");
        if (version >= 7) {
            kafka.setGroupInstanceId("instance-1");
        }
        if (version <= 4) {
            kafka.setRetentionTimeMs(86_400_000L);
        }
        var first = new OffsetCommitRequestData.OffsetCommitRequestPartition().setPartitionIndex(0)
                .setCommittedOffset(100L).setCommittedMetadata("meta");
        var second = new OffsetCommitRequestData.OffsetCommitRequestPartition().setPartitionIndex(2)
                .setCommittedOffset(250L).setCommittedMetadata(null);
        if (version >= 6) {
            first.setCommittedLeaderEpoch(7);
            second.setCommittedLeaderEpoch(7);
        }
        kafka.topics().add(new OffsetCommitRequestData.OffsetCommitRequestTopic().setName("payments")
                .setPartitions(List.of(first, second)));
        kafka.topics().add(new OffsetCommitRequestData.OffsetCommitRequestTopic().setName("refunds")
                .setPartitions(List.of(new OffsetCommitRequestData.OffsetCommitRequestPartition()
                        .setPartitionIndex(1).setCommittedOffset(5L).setCommittedMetadata(""))));
        return kafka;
    }

    private static OffsetCommitResponseData response(short version) {
        var kafka = new OffsetCommitResponseData();
        if (version >= 3) {
            kafka.setThrottleTimeMs(13);
        }
        kafka.topics().add(new OffsetCommitResponseData.OffsetCommitResponseTopic().setName("payments")
                .setPartitions(List.of(
                        new OffsetCommitResponseData.OffsetCommitResponsePartition().setPartitionIndex(0),
                        new OffsetCommitResponseData.OffsetCommitResponsePartition().setPartitionIndex(1)
                                .setErrorCode((short) 22))));
        return kafka;
    }
}
