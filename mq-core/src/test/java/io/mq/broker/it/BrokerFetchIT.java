package io.mq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.junit.EmbeddedBrokerExtension;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.message.FetchRequest;
import io.mq.protocol.message.FetchResponse;
import io.mq.protocol.message.ProduceRequest;
import io.mq.protocol.message.ProduceResponse;
import io.mq.protocol.record.CompressionType;
import io.mq.protocol.record.MemoryRecords;
import io.mq.protocol.record.RecordBatch;
import io.mq.protocol.record.RecordBatchBuilder;
import io.mq.protocol.record.RecordBatches;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fetch semantics seen on the wire: long polls woken by appends, max bytes, whole batches, zero-copy bytes. */
class BrokerFetchIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = EmbeddedBrokerExtension.with(b -> b.autoCreateTopics(false));

    private static final short FETCH_V = 12;
    private static final short PRODUCE_V = 9;

    @BeforeAll
    static void createTopics() throws Exception {
        try (Admin admin = KafkaClients.admin(BROKER.bootstrapServers())) {
            admin.createTopics(List.of(new NewTopic("poll", 1, (short) 1), new NewTopic("sizes", 1, (short) 1),
                    new NewTopic("large", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void longPollIsAnsweredWhenAnAppendArrivesNotAtMaxWait() throws Exception {
        try (RawConnection fetcher = new RawConnection(BROKER.bootstrapServers())) {
            // max wait far beyond the connection's 10 s read timeout: only a wake-up by the append can answer in time
            int id = fetcher.send(ApiKey.FETCH, FETCH_V, fetch("poll", 0, 60_000, 1, 1 << 20));
            CompletableFuture<Void> produced = CompletableFuture.runAsync(() -> produce("poll", batch(3, 10)),
                    CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

            FetchResponse response = fetcher.receive(id, ApiKey.FETCH, FETCH_V, FetchResponse::read);

            produced.get(10, TimeUnit.SECONDS);
            FetchResponse.PartitionData partition = response.responses().get(0).partitions().get(0);
            assertThat(partition.errorCode()).isZero();
            assertThat(partition.highWatermark()).isEqualTo(3);
            assertThat(recordCount(partition)).isEqualTo(3);
        }
    }

    @Test
    void maxBytesStillReturnsOneWholeBatch() throws Exception {
        produce("sizes", batch(5, 100));
        produce("sizes", batch(5, 100));
        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            FetchResponse response = connection.call(ApiKey.FETCH, FETCH_V, fetch("sizes", 0, 0, 1, 1),
                    FetchResponse::read);

            FetchResponse.PartitionData partition = response.responses().get(0).partitions().get(0);
            assertThat(recordCount(partition)).as("exactly the first whole batch").isEqualTo(5);
            assertThat(partition.highWatermark()).isEqualTo(10);
        }
    }

    @Test
    void fetchFromTheMiddleOfABatchReturnsTheWholeBatch() throws Exception {
        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            produce("sizes", batch(5, 10));
            long end = connection.call(ApiKey.FETCH, FETCH_V, fetch("sizes", 0, 0, 1, 1 << 20), FetchResponse::read)
                    .responses().get(0).partitions().get(0).highWatermark();

            FetchResponse response = connection.call(ApiKey.FETCH, FETCH_V, fetch("sizes", end - 2, 0, 1, 1 << 20),
                    FetchResponse::read);

            MemoryRecords records = (MemoryRecords) response.responses().get(0).partitions().get(0).records();
            assertThat(RecordBatch.at(records.buffer()).baseOffset()).isEqualTo(end - 5);
        }
    }

    @Test
    void offsetBeyondTheLogEndIsOutOfRange() throws Exception {
        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            FetchResponse response = connection.call(ApiKey.FETCH, FETCH_V, fetch("sizes", 1_000_000, 0, 1, 1 << 20),
                    FetchResponse::read);

            assertThat(response.responses().get(0).partitions().get(0).errorCode())
                    .isEqualTo(Errors.OFFSET_OUT_OF_RANGE.code());
        }
    }

    @Test
    void largeBatchesSentZeroCopyArriveByteExact() throws Exception {
        ByteBuf sent = batch(20, 10_000);
        byte[] expected = ByteBufUtil.getBytes(sent, RecordBatch.ATTRIBUTES_OFFSET,
                sent.readableBytes() - RecordBatch.ATTRIBUTES_OFFSET);
        produce("large", sent);
        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            FetchResponse response = connection.call(ApiKey.FETCH, FETCH_V, fetch("large", 0, 0, 1, 1 << 20),
                    FetchResponse::read);

            ByteBuf received = ((MemoryRecords) response.responses().get(0).partitions().get(0).records()).buffer();
            RecordBatch batch = RecordBatch.at(received);
            assertThat(batch.isChecksumValid()).isTrue();
            assertThat(ByteBufUtil.getBytes(received, received.readerIndex() + RecordBatch.ATTRIBUTES_OFFSET,
                    batch.sizeInBytes() - RecordBatch.ATTRIBUTES_OFFSET)).isEqualTo(expected);
        }
    }

    private static int recordCount(FetchResponse.PartitionData partition) {
        int count = 0;
        for (RecordBatch batch : RecordBatches.of(((MemoryRecords) partition.records()).buffer())) {
            count += batch.recordsCount();
        }
        return count;
    }

    private static FetchRequest fetch(String topic, long offset, int maxWaitMs, int minBytes, int maxBytes) {
        return new FetchRequest(-1, maxWaitMs, minBytes, maxBytes, (byte) 0, 0, -1,
                List.of(new FetchRequest.FetchTopic(topic,
                        List.of(new FetchRequest.FetchPartition(0, -1, offset, -1, -1, maxBytes)))),
                List.of(), "");
    }

    private static void produce(String topic, ByteBuf batch) {
        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            ProduceResponse response = connection.call(ApiKey.PRODUCE, PRODUCE_V, new ProduceRequest(null, (short) 1,
                    10_000, List.of(new ProduceRequest.TopicProduceData(topic,
                            List.of(new ProduceRequest.PartitionProduceData(0, new MemoryRecords(batch)))))),
                    ProduceResponse::read);
            assertThat(response.responses().get(0).partitionResponses().get(0).errorCode()).isZero();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ByteBuf batch(int records, int valueSize) {
        RecordBatchBuilder builder = new RecordBatchBuilder(UnpooledByteBufAllocator.DEFAULT, CompressionType.NONE, 0,
                1 << 22);
        byte[] value = new byte[valueSize];
        for (int i = 0; i < records; i++) {
            value[0] = (byte) i;
            builder.tryAppend(System.currentTimeMillis(), null, value, (io.mq.protocol.record.Header[]) null);
        }
        ByteBuf built = builder.build();
        try {
            return Unpooled.wrappedBuffer(ByteBufUtil.getBytes(built));
        } finally {
            built.release();
        }
    }
}
