package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.encode;
import static io.mq.protocol.KafkaOracle.kafkaBytes;
import static io.mq.protocol.KafkaOracle.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.ApiKey;
import io.mq.protocol.ProtocolException;
import io.mq.protocol.types.WireReader;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.SimpleRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FetchMessagesTest {

    private static final MemoryRecords RECORDS = MemoryRecords.withRecords(Compression.NONE,
            new SimpleRecord(1_700_000_000_000L, "k".getBytes(StandardCharsets.UTF_8),
                    "v1".getBytes(StandardCharsets.UTF_8)),
            new SimpleRecord(1_700_000_000_001L, null, "v2".getBytes(StandardCharsets.UTF_8)));

    static short[] versions() {
        return Versions.of(ApiKey.FETCH);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        FetchRequest ours = roundTrip(request(version), version, FetchRequest::read);

        assertThat(ours.replicaId()).isEqualTo(-1);
        assertThat(ours.maxWaitMs()).isEqualTo(500);
        assertThat(ours.minBytes()).isEqualTo(1);
        assertThat(ours.maxBytes()).isEqualTo(52_428_800);
        assertThat(ours.isolationLevel()).isEqualTo((byte) 1);
        assertThat(ours.sessionId()).isEqualTo(version >= 7 ? 123 : 0);
        assertThat(ours.sessionEpoch()).isEqualTo(version >= 7 ? 4 : -1);
        FetchRequest.FetchPartition partition = ours.topics().get(0).partitions().get(0);
        assertThat(ours.topics().get(0).topic()).isEqualTo("orders");
        assertThat(partition).isEqualTo(new FetchRequest.FetchPartition(1, version >= 9 ? 6 : -1, 100L,
                version >= 12 ? 5 : -1, version >= 5 ? 10L : -1L, 1_048_576));
        if (version >= 7) {
            assertThat(ours.forgottenTopicsData())
                    .containsExactly(new FetchRequest.ForgottenTopic("old", List.of(0, 2)));
        } else {
            assertThat(ours.forgottenTopicsData()).isEmpty();
        }
        assertThat(ours.rackId()).isEqualTo(version >= 11 ? "rack-a" : "");
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        FetchResponse ours = roundTrip(response(version), version, FetchResponse::read);

        assertThat(ours.throttleTimeMs()).isEqualTo(3);
        assertThat(ours.errorCode()).isEqualTo(version >= 7 ? (short) 70 : 0);
        assertThat(ours.sessionId()).isEqualTo(version >= 7 ? 99 : 0);
        assertThat(ours.responses().get(0).topic()).isEqualTo("orders");
        FetchResponse.PartitionData first = ours.responses().get(0).partitions().get(0);
        assertThat(first.partitionIndex()).isEqualTo(1);
        assertThat(first.highWatermark()).isEqualTo(200L);
        assertThat(first.lastStableOffset()).isEqualTo(150L);
        assertThat(first.logStartOffset()).isEqualTo(version >= 5 ? 10L : -1L);
        assertThat(first.abortedTransactions()).containsExactly(new FetchResponse.AbortedTransaction(77L, 120L));
        assertThat(first.preferredReadReplica()).isEqualTo(version >= 11 ? 2 : -1);
        var records = (io.mq.protocol.record.MemoryRecords) first.records();
        assertThat(ByteBufUtil.getBytes(records.buffer())).isEqualTo(Utils.toArray(RECORDS.buffer()));
        FetchResponse.PartitionData second = ours.responses().get(0).partitions().get(1);
        assertThat(second.errorCode()).isEqualTo((short) 6);
        assertThat(second.abortedTransactions()).isNull();
        assertThat(second.records()).isNull();
    }

    @Test
    void requestSkipsClusterIdTag() {
        short version = 12;
        byte[] withTag = kafkaBytes(request(version).setClusterId("cluster-1"), version);
        var in = Unpooled.wrappedBuffer(withTag);

        FetchRequest ours = FetchRequest.read(new WireReader(in), version);

        assertThat(in.readableBytes()).isZero();
        assertThat(encode(ours, version)).isEqualTo(kafkaBytes(request(version), version));
    }

    @Test
    void responseSkipsPartitionTags() {
        short version = 12;
        var kafka = response(version);
        kafka.responses().get(0).partitions().get(0)
                .setDivergingEpoch(new FetchResponseData.EpochEndOffset().setEpoch(3).setEndOffset(90L))
                .setCurrentLeader(new FetchResponseData.LeaderIdAndEpoch().setLeaderId(1).setLeaderEpoch(4))
                .setSnapshotId(new FetchResponseData.SnapshotId().setEndOffset(80L).setEpoch(2));
        var in = Unpooled.wrappedBuffer(kafkaBytes(kafka, version));

        FetchResponse ours = FetchResponse.read(new WireReader(in), version);

        assertThat(in.readableBytes()).isZero();
        assertThat(encode(ours, version)).isEqualTo(kafkaBytes(response(version), version));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestFailsWithProtocolException(short version) {
        byte[] bytes = kafkaBytes(request(version), version);

        assertThatThrownBy(() -> FetchRequest.read(truncated(bytes), version)).isInstanceOf(ProtocolException.class);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseFailsWithProtocolException(short version) {
        byte[] bytes = kafkaBytes(response(version), version);

        assertThatThrownBy(() -> FetchResponse.read(truncated(bytes), version)).isInstanceOf(ProtocolException.class);
    }

    private static FetchRequestData request(short version) {
        var partition = new FetchRequestData.FetchPartition().setPartition(1).setFetchOffset(100L)
                .setPartitionMaxBytes(1_048_576);
        if (version >= 5) {
            partition.setLogStartOffset(10L);
        }
        if (version >= 9) {
            partition.setCurrentLeaderEpoch(6);
        }
        if (version >= 12) {
            partition.setLastFetchedEpoch(5);
        }
        var kafka = new FetchRequestData().setReplicaId(-1).setMaxWaitMs(500).setMinBytes(1).setMaxBytes(52_428_800)
                .setIsolationLevel((byte) 1)
                .setTopics(List.of(new FetchRequestData.FetchTopic().setTopic("orders").setPartitions(List.of(
                        partition,
                        new FetchRequestData.FetchPartition().setPartition(2).setFetchOffset(0L)
                                .setPartitionMaxBytes(1024)))));
        if (version >= 7) {
            kafka.setSessionId(123).setSessionEpoch(4).setForgottenTopicsData(List.of(
                    new FetchRequestData.ForgottenTopic().setTopic("old").setPartitions(List.of(0, 2))));
        }
        if (version >= 11) {
            kafka.setRackId("rack-a");
        }
        return kafka;
    }

    private static FetchResponseData response(short version) {
        var first = new FetchResponseData.PartitionData().setPartitionIndex(1).setHighWatermark(200L)
                .setLastStableOffset(150L)
                .setAbortedTransactions(List.of(new FetchResponseData.AbortedTransaction().setProducerId(77L)
                        .setFirstOffset(120L)))
                .setRecords(RECORDS);
        if (version >= 5) {
            first.setLogStartOffset(10L);
        }
        if (version >= 11) {
            first.setPreferredReadReplica(2);
        }
        var second = new FetchResponseData.PartitionData().setPartitionIndex(2).setErrorCode((short) 6)
                .setHighWatermark(-1L).setAbortedTransactions(null).setRecords(null);
        var topic = new FetchResponseData.FetchableTopicResponse().setTopic("orders")
                .setPartitions(List.of(first, second));
        var kafka = new FetchResponseData().setThrottleTimeMs(3).setResponses(List.of(topic));
        if (version >= 7) {
            kafka.setErrorCode((short) 70).setSessionId(99);
        }
        return kafka;
    }

    private static WireReader truncated(byte[] bytes) {
        return new WireReader(Unpooled.wrappedBuffer(bytes, 0, bytes.length - 1));
    }
}
