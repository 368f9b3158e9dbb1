package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.roundTrip;
import static io.mq.protocol.message.TruncatedFrames.assertTruncatedFrameFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import java.util.List;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OffsetFetchMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.OFFSET_FETCH);
    }

    static short[] allTopicsVersions() {
        return new short[] {2, 3, 4, 5, 6, 7, 8, 9};
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        OffsetFetchRequest ours = roundTrip(request(version), version, OffsetFetchRequest::read);

        var payments = new OffsetFetchRequest.OffsetFetchRequestTopic("payments", List.of(0, 1, 2));
        if (version <= 7) {
            assertThat(ours.groupId()).isEqualTo("orders");
            assertThat(ours.topics()).containsExactly(payments);
            assertThat(ours.groups()).isEmpty();
        } else {
            assertThat(ours.groupId()).isEmpty();
            assertThat(ours.topics()).isEmpty();
            assertThat(ours.groups()).containsExactly(
                    new OffsetFetchRequest.OffsetFetchRequestGroup("orders", version >= 9 ? "member-1" : null,
                            version >= 9 ? 6 : -1, List.of(payments)),
                    new OffsetFetchRequest.OffsetFetchRequestGroup("audit", null, -1, null));
        }
        assertThat(ours.requireStable()).isEqualTo(version >= 7);
    }

    @ParameterizedTest
    @MethodSource("allTopicsVersions")
    void requestForAllTopicsKeepsNullTopics(short version) {
        var kafka = new OffsetFetchRequestData();
        if (version <= 7) {
            kafka.setGroupId("orders").setTopics(null);
        } else {
            kafka.groups().add(new OffsetFetchRequestData.OffsetFetchRequestGroup().setGroupId("orders")
                    .setTopics(null));
        }

        OffsetFetchRequest ours = roundTrip(kafka, version, OffsetFetchRequest::read);

        assertThat(version <= 7 ? ours.topics() : ours.groups().get(0).topics()).isNull();
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        OffsetFetchResponse ours = roundTrip(response(version), version, OffsetFetchResponse::read);

        assertThat(ours.throttleTimeMs()).isEqualTo(version >= 3 ? 14 : 0);
        var expectedTopic = new OffsetFetchResponse.OffsetFetchResponseTopic("payments", List.of(
                new OffsetFetchResponse.OffsetFetchResponsePartition(0, 42L, version >= 5 ? 3 : -1, "meta", (short) 0),
                new OffsetFetchResponse.OffsetFetchResponsePartition(1, -1L, version >= 5 ? 3 : -1, null,
                        (short) 88)));
        if (version <= 7) {
            assertThat(ours.topics()).containsExactly(expectedTopic);
            assertThat(ours.errorCode()).isEqualTo(version >= 2 ? (short) 14 : 0);
            assertThat(ours.groups()).isEmpty();
        } else {
            assertThat(ours.topics()).isEmpty();
            assertThat(ours.groups()).containsExactly(
                    new OffsetFetchResponse.OffsetFetchResponseGroup("orders", List.of(expectedTopic), (short) 0),
                    new OffsetFetchResponse.OffsetFetchResponseGroup("audit", List.of(), (short) 69));
        }
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestFails(short version) {
        assertTruncatedFrameFails(request(version), version, OffsetFetchRequest::read);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseFails(short version) {
        assertTruncatedFrameFails(response(version), version, OffsetFetchResponse::read);
    }

    private static OffsetFetchRequestData request(short version) {
        var kafka = new OffsetFetchRequestData();
        if (version <= 7) {
            kafka.setGroupId("orders").setTopics(List.of(new OffsetFetchRequestData.OffsetFetchRequestTopic()
                    .setName("payments").setPartitionIndexes(List.of(0, 1, 2))));
        } else {
            var orders = new OffsetFetchRequestData.OffsetFetchRequestGroup().setGroupId("orders")
                    .setTopics(List.of(new OffsetFetchRequestData.OffsetFetchRequestTopics().setName("payments")
                            .setPartitionIndexes(List.of(0, 1, 2))));
            if (version >= 9) {
                orders.setMemberId("member-1").setMemberEpoch(6);
            }
            kafka.groups().add(orders);
            kafka.groups().add(new OffsetFetchRequestData.OffsetFetchRequestGroup().setGroupId("audit")
                    .setTopics(null));
        }
        if (version >= 7) {
            kafka.setRequireStable(true);
        }
        return kafka;
    }

    private static OffsetFetchResponseData response(short version) {
        var kafka = new OffsetFetchResponseData();
        if (version >= 3) {
            kafka.setThrottleTimeMs(14);
        }
        if (version <= 7) {
            var first = new OffsetFetchResponseData.OffsetFetchResponsePartition().setPartitionIndex(0)
                    .setCommittedOffset(42L).setMetadata("meta");
            var second = new OffsetFetchResponseData.OffsetFetchResponsePartition().setPartitionIndex(1)
                    .setCommittedOffset(-1L).setMetadata(null).setErrorCode((short) 88);
            if (version >= 5) {
                first.setCommittedLeaderEpoch(3);
                second.setCommittedLeaderEpoch(3);
            }
            kafka.topics().add(new OffsetFetchResponseData.OffsetFetchResponseTopic().setName("payments")
                    .setPartitions(List.of(first, second)));
            if (version >= 2) {
                kafka.setErrorCode((short) 14);
            }
        } else {
            var topic = new OffsetFetchResponseData.OffsetFetchResponseTopics().setName("payments")
                    .setPartitions(List.of(
                            new OffsetFetchResponseData.OffsetFetchResponsePartitions().setPartitionIndex(0)
                                    .setCommittedOffset(42L).setCommittedLeaderEpoch(3).setMetadata("meta"),
                            new OffsetFetchResponseData.OffsetFetchResponsePartitions().setPartitionIndex(1)
                                    .setCommittedOffset(-1L).setCommittedLeaderEpoch(3).setMetadata(null)
                                    .setErrorCode((short) 88)));
            kafka.groups().add(new OffsetFetchResponseData.OffsetFetchResponseGroup().setGroupId("orders")
                    .setTopics(List.of(topic)));
            kafka.groups().add(new OffsetFetchResponseData.OffsetFetchResponseGroup().setGroupId("audit")
                    .setErrorCode((short) 69));
        }
        return kafka;
    }
}
