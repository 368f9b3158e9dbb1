package io.mq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.junit.EmbeddedBrokerExtension;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.message.ApiVersionsRequest;
import io.mq.protocol.message.ApiVersionsResponse;
import io.mq.protocol.message.MetadataRequest;
import io.mq.protocol.message.MetadataResponse;
import io.mq.protocol.message.ProduceRequest;
import io.mq.protocol.message.ProduceRequest.PartitionProduceData;
import io.mq.protocol.message.ProduceRequest.TopicProduceData;
import io.mq.protocol.message.ProduceResponse;
import io.mq.protocol.record.CompressionType;
import io.mq.protocol.record.MemoryRecords;
import io.mq.protocol.record.RecordBatchBuilder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Malformed and hostile input: each gets the right error code or a closed connection, and the broker keeps serving
 * every other connection. Buffer leaks fail the class (paranoid leak detection).
 */
class BrokerBadInputIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = EmbeddedBrokerExtension.with(b -> b.autoCreateTopics(false));

    private static final short PRODUCE_V = 9;
    private static final String TOPIC = "bad-input";
    private static final String SMALL = "small-messages";

    @BeforeAll
    static void createTopics() throws Exception {
        try (Admin admin = KafkaClients.admin(BROKER.bootstrapServers())) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1),
                    new NewTopic(SMALL, 1, (short) 1).configs(Map.of("max.message.bytes", "1024"))))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void brokerStillServesNewConnections() throws IOException {
        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            ApiVersionsResponse response = connection.call(ApiKey.API_VERSIONS, (short) 3,
                    new ApiVersionsRequest("check", "1"), ApiVersionsResponse::read);
            assertThat(response.errorCode()).isZero();
        }
    }

    @Test
    void randomBytesCloseTheConnection() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        garbage[0] = 0;
        garbage[1] = 0;
        garbage[2] = 0x0F;
        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            connection.writeRaw(garbage);
            assertThat(connection.isClosedByPeer()).isTrue();
        }
    }

    @Test
    void oversizedLengthPrefixClosesTheConnection() throws IOException {
        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            connection.writeRaw(ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).array());
            assertThat(connection.isClosedByPeer()).isTrue();
        }
    }

    @Test
    void negativeLengthPrefixClosesTheConnection() throws IOException {
        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            connection.writeRaw(ByteBuffer.allocate(4).putInt(-5).array());
            assertThat(connection.isClosedByPeer()).isTrue();
        }
    }

    @Test
    void truncatedFrameFollowedByDisconnectIsDiscarded() throws IOException {
        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            connection.writeRaw(ByteBuffer.allocate(14).putInt(100).putShort((short) 18).array());
        }
    }

    @Test
    void frameShorterThanItsHeaderClosesTheConnection() throws IOException {
        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            connection.writeRaw(ByteBuffer.allocate(7).putInt(3).put(new byte[] {0, 18, 0}).array());
            assertThat(connection.isClosedByPeer()).isTrue();
        }
    }

    @Test
    void unknownApiKeyClosesTheConnection() throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(14).putInt(10).putShort((short) 999).putShort((short) 0).putInt(1)
                .putShort((short) -1);
        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            connection.writeRaw(frame.array());
            assertThat(connection.isClosedByPeer()).isTrue();
        }
    }

    @Test
    void unsupportedProduceVersionClosesTheConnection() throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(14).putInt(10).putShort((short) 0).putShort((short) 2).putInt(1)
                .putShort((short) -1);
        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            connection.writeRaw(frame.array());
            assertThat(connection.isClosedByPeer()).isTrue();
        }
    }

    @Test
    void tooNewApiVersionsRequestGetsVersionZeroFallback() throws IOException {
        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            int id = connection.send(ApiKey.API_VERSIONS, (short) 99, new ApiVersionsRequest("future", "9"));
            ApiVersionsResponse response = connection.receive(id, ApiKey.API_VERSIONS, (short) 0,
                    ApiVersionsResponse::read);

            assertThat(response.errorCode()).isEqualTo(Errors.UNSUPPORTED_VERSION.code());
            assertThat(response.apiKeys()).contains(new ApiVersionsResponse.ApiVersion((short) 0, (short) 3, (short) 11));
        }
    }

    @Test
    void badCrcIsCorruptMessage() throws IOException {
        ByteBuf batch = batch(1, 100);
        batch.setByte(batch.writerIndex() - 1, batch.getByte(batch.writerIndex() - 1) ^ 0x5A);

        assertThat(produce(TOPIC, batch).errorCode()).isEqualTo(Errors.CORRUPT_MESSAGE.code());
    }

    @Test
    void batchOverMaxMessageBytesIsMessageTooLarge() throws IOException {
        assertThat(produce(SMALL, batch(1, 2000)).errorCode()).isEqualTo(Errors.MESSAGE_TOO_LARGE.code());
    }

    @Test
    void twoBatchesInOnePartitionAreInvalidRecord() throws IOException {
        ByteBuf first = batch(1, 10);
        ByteBuf second = batch(1, 10);
        ByteBuf both = Unpooled.wrappedBuffer(first, second);

        assertThat(produce(TOPIC, both).errorCode()).isEqualTo(Errors.INVALID_RECORD.code());
    }

    @Test
    void recordCountDisagreeingWithLastOffsetDeltaIsInvalidRecord() throws IOException {
        ByteBuf batch = batch(3, 10);
        batch.setInt(57, 2);
        // recompute the CRC so only the count is wrong
        batch.setInt(17, (int) new io.mq.protocol.record.RecordBatch(batch, 0).computeChecksum());

        assertThat(produce(TOPIC, batch).errorCode()).isEqualTo(Errors.INVALID_RECORD.code());
    }

    @Test
    void unknownTopicIsUnknownTopicOrPartition() throws IOException {
        assertThat(produce("no-such-topic", batch(1, 10)).errorCode())
                .isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
    }

    @Test
    void acksZeroProduceGetsNoResponseAndLaterResponsesStayInOrder() throws IOException {
        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            connection.send(ApiKey.PRODUCE, PRODUCE_V, produceRequest(TOPIC, (short) 0, batch(1, 10)));
            int acked = connection.send(ApiKey.PRODUCE, PRODUCE_V, produceRequest(TOPIC, (short) 1, batch(1, 10)));
            int metadata = connection.send(ApiKey.METADATA, (short) 12,
                    new MetadataRequest(null, false, false, false));

            ProduceResponse produced = connection.receive(acked, ApiKey.PRODUCE, PRODUCE_V, ProduceResponse::read);
            MetadataResponse described = connection.receive(metadata, ApiKey.METADATA, (short) 12,
                    MetadataResponse::read);

            assertThat(produced.responses().get(0).partitionResponses().get(0).errorCode()).isZero();
            assertThat(described.topics()).extracting(MetadataResponse.MetadataResponseTopic::name).contains(TOPIC);
        }
    }

    @Test
    void idempotentDuplicateReturnsOriginalOffsetAndGapsAndOldEpochsAreRejected() throws IOException {
        long producerId = 4242;
        ProduceResponse.PartitionProduceResponse first = produce(TOPIC, idempotent(producerId, (short) 1, 0, 2));
        ProduceResponse.PartitionProduceResponse duplicate = produce(TOPIC, idempotent(producerId, (short) 1, 0, 2));
        ProduceResponse.PartitionProduceResponse gap = produce(TOPIC, idempotent(producerId, (short) 1, 5, 1));
        ProduceResponse.PartitionProduceResponse oldEpoch = produce(TOPIC, idempotent(producerId, (short) 0, 2, 1));

        assertThat(first.errorCode()).isZero();
        assertThat(duplicate.errorCode()).isZero();
        assertThat(duplicate.baseOffset()).isEqualTo(first.baseOffset());
        assertThat(gap.errorCode()).isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER.code());
        assertThat(oldEpoch.errorCode()).isEqualTo(Errors.INVALID_PRODUCER_EPOCH.code());
    }

    private static ProduceResponse.PartitionProduceResponse produce(String topic, ByteBuf batch) throws IOException {
        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            ProduceResponse response = connection.call(ApiKey.PRODUCE, PRODUCE_V, produceRequest(topic, (short) 1, batch),
                    ProduceResponse::read);
            return response.responses().get(0).partitionResponses().get(0);
        }
    }

    private static ProduceRequest produceRequest(String topic, short acks, ByteBuf batch) {
        return new ProduceRequest(null, acks, 10_000,
                List.of(new TopicProduceData(topic, List.of(new PartitionProduceData(0, new MemoryRecords(batch))))));
    }

    private static ByteBuf batch(int records, int valueSize) {
        RecordBatchBuilder builder = new RecordBatchBuilder(UnpooledByteBufAllocator.DEFAULT, CompressionType.NONE,
                0, 1 << 20);
        for (int i = 0; i < records; i++) {
            builder.tryAppend(System.currentTimeMillis(), null, new byte[valueSize], (io.mq.protocol.record.Header[]) null);
        }
        return untracked(builder.build());
    }

    private static ByteBuf idempotent(long producerId, short epoch, int baseSequence, int records) {
        RecordBatchBuilder builder = new RecordBatchBuilder(UnpooledByteBufAllocator.DEFAULT, CompressionType.NONE,
                0, 1 << 20).setProducerState(producerId, epoch, baseSequence);
        for (int i = 0; i < records; i++) {
            builder.tryAppend(System.currentTimeMillis(), null, new byte[] {1}, (io.mq.protocol.record.Header[]) null);
        }
        return untracked(builder.build());
    }

    /** Copies a built batch to a plain heap buffer (nothing to release) and releases the original. */
    private static ByteBuf untracked(ByteBuf built) {
        try {
            byte[] bytes = new byte[built.readableBytes()];
            built.readBytes(bytes);
            return Unpooled.wrappedBuffer(bytes);
        } finally {
            built.release();
        }
    }
}
