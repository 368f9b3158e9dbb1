package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.kafkaBytes;
import static io.mq.protocol.KafkaOracle.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.ApiKey;
import io.mq.protocol.ProtocolException;
import io.mq.protocol.types.WireReader;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.ListOffsetsResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ListOffsetsMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.LIST_OFFSETS);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        ListOffsetsRequest ours = roundTrip(request(version), version, ListOffsetsRequest::read);

        assertThat(ours.replicaId()).isEqualTo(-1);
        assertThat(ours.isolationLevel()).isEqualTo(version >= 2 ? (byte) 1 : 0);
        assertThat(ours.topics().get(0).name()).isEqualTo("orders");
        assertThat(ours.topics().get(0).partitions()).containsExactly(
                new ListOffsetsRequest.ListOffsetsPartition(0, version >= 4 ? 8 : -1, -2L),
                new ListOffsetsRequest.ListOffsetsPartition(1, -1, 1_700_000_000_000L));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        ListOffsetsResponse ours = roundTrip(response(version), version, ListOffsetsResponse::read);

        assertThat(ours.throttleTimeMs()).isEqualTo(version >= 2 ? 5 : 0);
        assertThat(ours.topics().get(0).name()).isEqualTo("orders");
        assertThat(ours.topics().get(0).partitions()).containsExactly(
                new ListOffsetsResponse.ListOffsetsPartitionResponse(0, (short) 0, 1_700_000_000_000L, 42L,
                        version >= 4 ? 3 : -1),
                new ListOffsetsResponse.ListOffsetsPartitionResponse(1, (short) 3, -1L, -1L, -1));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestFailsWithProtocolException(short version) {
        byte[] bytes = kafkaBytes(request(version), version);

        assertThatThrownBy(() -> ListOffsetsRequest.read(truncated(bytes), version))
                .isInstanceOf(ProtocolException.class);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseFailsWithProtocolException(short version) {
        byte[] bytes = kafkaBytes(response(version), version);

        assertThatThrownBy(() -> ListOffsetsResponse.read(truncated(bytes), version))
                .isInstanceOf(ProtocolException.class);
    }

    private static ListOffsetsRequestData request(short version) {
        var earliest = new ListOffsetsRequestData.ListOffsetsPartition().setPartitionIndex(0).setTimestamp(-2L);
        if (version >= 4) {
            earliest.setCurrentLeaderEpoch(8);
        }
        var kafka = new ListOffsetsRequestData().setReplicaId(-1).setTopics(List.of(
                new ListOffsetsRequestData.ListOffsetsTopic().setName("orders").setPartitions(List.of(earliest,
                        new ListOffsetsRequestData.ListOffsetsPartition().setPartitionIndex(1)
                                .setTimestamp(1_700_000_000_000L)))));
        if (version >= 2) {
            kafka.setIsolationLevel((byte) 1);
        }
        return kafka;
    }

    private static ListOffsetsResponseData response(short version) {
        var found = new ListOffsetsResponseData.ListOffsetsPartitionResponse().setPartitionIndex(0)
                .setTimestamp(1_700_000_000_000L).setOffset(42L);
        if (version >= 4) {
            found.setLeaderEpoch(3);
        }
        var missing = new ListOffsetsResponseData.ListOffsetsPartitionResponse().setPartitionIndex(1)
                .setErrorCode((short) 3);
        var kafka = new ListOffsetsResponseData().setTopics(List.of(
                new ListOffsetsResponseData.ListOffsetsTopicResponse().setName("orders")
                        .setPartitions(List.of(found, missing))));
        if (version >= 2) {
            kafka.setThrottleTimeMs(5);
        }
        return kafka;
    }

    private static WireReader truncated(byte[] bytes) {
        return new WireReader(Unpooled.wrappedBuffer(bytes, 0, bytes.length - 1));
    }
}
