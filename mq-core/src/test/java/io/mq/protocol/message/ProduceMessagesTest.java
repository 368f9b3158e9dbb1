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
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.SimpleRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProduceMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.PRODUCE);
    }

    static short[] taggedVersions() {
        return new short[] {10, 11};
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        MemoryRecords records = MemoryRecords.withRecords(Compression.NONE,
                new SimpleRecord(1_700_000_000_000L, "k".getBytes(StandardCharsets.UTF_8),
                        "hello".getBytes(StandardCharsets.UTF_8)));
        var kafka = request(records);

        ProduceRequest ours = roundTrip(kafka, version, ProduceRequest::read);

        assertThat(ours.transactionalId()).isEqualTo("tx-1");
        assertThat(ours.acks()).isEqualTo((short) -1);
        assertThat(ours.timeoutMs()).isEqualTo(30_000);
        ProduceRequest.TopicProduceData topic = ours.topicData().get(0);
        assertThat(topic.name()).isEqualTo("orders");
        assertThat(topic.partitionData()).extracting(ProduceRequest.PartitionProduceData::index).containsExactly(3, 4);
        var decoded = (io.mq.protocol.record.MemoryRecords) topic.partitionData().get(0).records();
        assertThat(ByteBufUtil.getBytes(decoded.buffer())).isEqualTo(Utils.toArray(records.buffer()));
        assertThat(topic.partitionData().get(1).records()).isNull();
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        var kafka = response(version);

        ProduceResponse ours = roundTrip(kafka, version, ProduceResponse::read);

        assertThat(ours.throttleTimeMs()).isEqualTo(11);
        ProduceResponse.PartitionProduceResponse partition = ours.responses().get(0).partitionResponses().get(0);
        assertThat(partition.index()).isEqualTo(2);
        assertThat(partition.errorCode()).isEqualTo((short) 87);
        assertThat(partition.baseOffset()).isEqualTo(42L);
        assertThat(partition.logAppendTimeMs()).isEqualTo(1_700_000_000_123L);
        assertThat(partition.logStartOffset()).isEqualTo(version >= 5 ? 7L : -1L);
        if (version >= 8) {
            assertThat(partition.recordErrors()).containsExactly(
                    new ProduceResponse.BatchIndexAndErrorMessage(1, "bad record"),
                    new ProduceResponse.BatchIndexAndErrorMessage(2, null));
            assertThat(partition.errorMessage()).isEqualTo("batch dropped");
        } else {
            assertThat(partition.recordErrors()).isEmpty();
            assertThat(partition.errorMessage()).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("taggedVersions")
    void responseSkipsCurrentLeaderAndNodeEndpointsTags(short version) {
        var kafka = response(version);
        kafka.responses().iterator().next().partitionResponses().get(0)
                .setCurrentLeader(new ProduceResponseData.LeaderIdAndEpoch().setLeaderId(5).setLeaderEpoch(9));
        kafka.nodeEndpoints().add(new ProduceResponseData.NodeEndpoint().setNodeId(5).setHost("h").setPort(9092));
        byte[] withTags = kafkaBytes(kafka, version);
        var in = Unpooled.wrappedBuffer(withTags);

        ProduceResponse ours = ProduceResponse.read(new WireReader(in), version);

        assertThat(in.readableBytes()).isZero();
        assertThat(encode(ours, version)).isEqualTo(kafkaBytes(response(version), version));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestFailsWithProtocolException(short version) {
        byte[] bytes = kafkaBytes(request(MemoryRecords.withRecords(Compression.NONE,
                new SimpleRecord("v".getBytes(StandardCharsets.UTF_8)))), version);

        assertThatThrownBy(() -> ProduceRequest.read(truncated(bytes), version))
                .isInstanceOf(ProtocolException.class);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseFailsWithProtocolException(short version) {
        byte[] bytes = kafkaBytes(response(version), version);

        assertThatThrownBy(() -> ProduceResponse.read(truncated(bytes), version))
                .isInstanceOf(ProtocolException.class);
    }

    private static ProduceRequestData request(MemoryRecords records) {
        var kafka = new ProduceRequestData().setTransactionalId("tx-1").setAcks((short) -1).setTimeoutMs(30_000);
        kafka.topicData().add(new ProduceRequestData.TopicProduceData().setName("orders").setPartitionData(List.of(
                new ProduceRequestData.PartitionProduceData().setIndex(3).setRecords(records),
                new ProduceRequestData.PartitionProduceData().setIndex(4).setRecords(null))));
        return kafka;
    }

    private static ProduceResponseData response(short version) {
        var partition = new ProduceResponseData.PartitionProduceResponse().setIndex(2).setErrorCode((short) 87)
                .setBaseOffset(42L).setLogAppendTimeMs(1_700_000_000_123L);
        if (version >= 5) {
            partition.setLogStartOffset(7L);
        }
        if (version >= 8) {
            partition.setRecordErrors(List.of(
                    new ProduceResponseData.BatchIndexAndErrorMessage().setBatchIndex(1)
                            .setBatchIndexErrorMessage("bad record"),
                    new ProduceResponseData.BatchIndexAndErrorMessage().setBatchIndex(2)))
                    .setErrorMessage("batch dropped");
        }
        var kafka = new ProduceResponseData().setThrottleTimeMs(11);
        kafka.responses().add(new ProduceResponseData.TopicProduceResponse().setName("orders")
                .setPartitionResponses(List.of(partition)));
        return kafka;
    }

    private static WireReader truncated(byte[] bytes) {
        return new WireReader(Unpooled.wrappedBuffer(bytes, 0, bytes.length - 1));
    }
}
