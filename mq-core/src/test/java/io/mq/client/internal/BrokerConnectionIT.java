package io.mq.client.internal;

import static io.mq.client.internal.ClientTestSupport.BROKERS_ONLY;
import static io.mq.client.internal.ClientTestSupport.await;
import static io.mq.client.internal.ClientTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.junit.EmbeddedBrokerExtension;
import io.mq.client.ClientResources;
import io.mq.client.ConnectionOptions;
import io.mq.client.FatalMqException;
import io.mq.client.UnsupportedVersionException;
import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.message.SaslHandshakeRequest;
import io.mq.protocol.message.SaslHandshakeResponse;
import io.mq.protocol.message.ListOffsetsRequest;
import io.mq.protocol.message.ListOffsetsResponse;
import io.mq.protocol.message.MetadataRequest;
import io.mq.protocol.message.MetadataResponse;
import io.mq.protocol.message.ProduceRequest;
import io.mq.protocol.message.ProduceResponse;
import io.mq.protocol.record.CompressionType;
import io.mq.protocol.record.MemoryRecords;
import io.mq.protocol.record.RecordBatchBuilder;
import io.mq.protocol.types.Uuids;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link BrokerConnection} against the real embedded broker: negotiation, pipelining, acks=0, heartbeats. */
class BrokerConnectionIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = EmbeddedBrokerExtension.with(b -> { });

    private static ClientResources resources;

    @BeforeAll
    static void startResources() {
        resources = ClientResources.builder().ioThreads(2).build();
    }

    @AfterAll
    static void stopResources() {
        resources.close();
    }

    private static Node broker() {
        return new Node(0, "127.0.0.1", BROKER.broker().port());
    }

    @Test
    void negotiationPicksTheHighestVersionsBothSidesSupport() throws Exception {
        try (ConnectionPool pool = new ConnectionPool(resources, ConnectionOptions.defaults())) {
            NegotiatedVersions versions = await(pool.connection(broker())).versions();

            assertThat(versions.version(ApiKey.PRODUCE)).isEqualTo((short) 11);
            assertThat(versions.version(ApiKey.METADATA)).isEqualTo((short) 12);
            assertThat(versions.version(ApiKey.API_VERSIONS)).isEqualTo((short) 4);
            assertThat(versions.version(ApiKey.FETCH)).isEqualTo((short) 12);
            assertThat(versions.version(ApiKey.CREATE_PARTITIONS)).isEqualTo((short) 3);
            assertThat(versions.version(ApiKey.FIND_COORDINATOR)).isEqualTo((short) 4);
            assertThat(versions.supports(ApiKey.SASL_HANDSHAKE)).as("the broker does not serve SASL").isFalse();
        }
    }

    @Test
    void requestForAnApiTheBrokerDoesNotServeFailsWithUnsupportedVersion() {
        try (ConnectionPool pool = new ConnectionPool(resources, ConnectionOptions.defaults())) {
            CompletableFuture<SaslHandshakeResponse> response = pool.send(broker(), ApiKey.SASL_HANDSHAKE,
                    new SaslHandshakeRequest("PLAIN"), SaslHandshakeResponse::read);

            assertThatThrownBy(() -> await(response)).cause()
                    .isInstanceOf(UnsupportedVersionException.class)
                    .hasMessageContaining("SaslHandshake")
                    .satisfies(e -> assertThat(((UnsupportedVersionException) e).isRetriable()).isFalse());
        }
    }

    @Test
    void connectionFailsWhenARequiredApiHasNoCommonVersion() {
        try (ConnectionPool pool = new ConnectionPool(resources, ConnectionOptions.defaults(),
                Set.of(ApiKey.METADATA, ApiKey.SASL_HANDSHAKE), ConnectionSetup.NONE)) {
            assertThatThrownBy(() -> await(pool.connection(broker()))).cause()
                    .isInstanceOf(UnsupportedVersionException.class)
                    .hasMessageContaining("SaslHandshake")
                    .hasMessageContaining(broker().toString());
            assertThatThrownBy(() -> await(ClientTestSupport.metadata(pool, broker()))).cause()
                    .isInstanceOf(UnsupportedVersionException.class);
        }
    }

    @Test
    void pipelinedRequestsCompleteInRequestOrderWithinTheInFlightLimit() throws Exception {
        try (ConnectionPool pool = new ConnectionPool(resources, ConnectionOptions.builder()
                .maxInFlightRequests(5).build())) {
            List<Integer> completionOrder = new ArrayList<>();
            List<CompletableFuture<MetadataResponse>> responses = new ArrayList<>();
            List<CompletableFuture<Void>> recorded = new ArrayList<>();
            // submitted while the connection is still being established, so they pile up in its queue
            for (int i = 0; i < 40; i++) {
                int index = i;
                CompletableFuture<MetadataResponse> response = ClientTestSupport.metadata(pool, broker());
                recorded.add(response.thenRun(() -> {
                    synchronized (completionOrder) {
                        completionOrder.add(index);
                    }
                }));
                responses.add(response);
            }
            await(CompletableFuture.allOf(recorded.toArray(CompletableFuture[]::new)));

            for (CompletableFuture<MetadataResponse> response : responses) {
                assertThat(response.join().clusterId()).isEqualTo("mq-embedded");
            }
            synchronized (completionOrder) {
                assertThat(completionOrder).containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, 40).boxed().toList());
            }
            BrokerConnection connection = pool.connectionsTo(broker()).get(0);
            assertThat(pool.connectionsTo(broker())).hasSize(1);
            assertThat(connection.peakInFlight()).isBetween(2, 5);
            assertThat(connection.requestsSent()).isEqualTo(40);
        }
    }

    @Test
    void fireAndForgetProduceCompletesWhenWrittenAndLaterResponsesStillMatch() throws Exception {
        String topic = "fire-and-forget";
        try (ConnectionPool pool = new ConnectionPool(resources, ConnectionOptions.defaults())) {
            MetadataResponse created = await(pool.send(broker(), ApiKey.METADATA,
                    new MetadataRequest(List.of(new MetadataRequest.MetadataRequestTopic(Uuids.ZERO, topic)), true,
                            false, false), MetadataResponse::read));
            assertThat(created.topics().get(0).errorCode()).isEqualTo(Errors.NONE.code());

            ByteBuf batch = batch("acks-0");
            try {
                await(pool.sendNoResponse(broker(), ApiKey.PRODUCE, produce(topic, (short) 0, batch)));
            } finally {
                batch.release();
            }
            ByteBuf second = batch("acks-1");
            ProduceResponse acked;
            try {
                acked = await(pool.send(broker(), ApiKey.PRODUCE, produce(topic, (short) 1, second),
                        ProduceResponse::read));
            } finally {
                second.release();
            }

            ProduceResponse.PartitionProduceResponse partition = acked.responses().get(0).partitionResponses().get(0);
            assertThat(partition.errorCode()).isEqualTo(Errors.NONE.code());
            assertThat(partition.baseOffset()).as("the acks=0 batch was appended first").isEqualTo(1L);
            ListOffsetsResponse offsets = await(pool.send(broker(), ApiKey.LIST_OFFSETS,
                    new ListOffsetsRequest(-1, (byte) 0, List.of(new ListOffsetsRequest.ListOffsetsTopic(topic,
                            List.of(new ListOffsetsRequest.ListOffsetsPartition(0, -1, -1L))))),
                    ListOffsetsResponse::read));
            assertThat(offsets.topics().get(0).partitions().get(0).offset()).isEqualTo(2L);
            assertThat(pool.connectionsTo(broker())).hasSize(1);
        }
    }

    @Test
    void produceMustBeSentTheWayItsAcksSay() {
        try (ConnectionPool pool = new ConnectionPool(resources, ConnectionOptions.defaults())) {
            ProduceRequest fireAndForget = new ProduceRequest(null, (short) 0, 1000, List.of());
            ProduceRequest acknowledged = new ProduceRequest(null, (short) 1, 1000, List.of());

            assertThatThrownBy(() -> pool.send(broker(), ApiKey.PRODUCE, fireAndForget, ProduceResponse::read))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sendNoResponse");
            assertThatThrownBy(() -> pool.sendNoResponse(broker(), ApiKey.PRODUCE, acknowledged))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acks=1");
        }
    }

    @Test
    void heartbeatPingsKeepAHealthyConnectionOpen() throws Exception {
        try (ConnectionPool pool = new ConnectionPool(resources, ConnectionOptions.builder()
                .heartbeat(Duration.ofMillis(30), Duration.ofSeconds(5)).build())) {
            BrokerConnection connection = await(pool.connection(broker()));

            eventually("three pings were answered", () -> connection.pingsSent() >= 3 && connection.inFlightCount() == 0);

            assertThat(connection.isReady()).isTrue();
            assertThat(connection.requestsSent()).as("pings are not requests").isZero();
            assertThat(await(pool.connection(broker()))).isSameAs(connection);
            assertThat(await(ClientTestSupport.metadata(pool, broker())).brokers()).hasSize(1);
        }
    }

    @Test
    void aFailingResponseReaderFailsOnlyItsOwnRequest() throws Exception {
        try (ConnectionPool pool = new ConnectionPool(resources, ConnectionOptions.defaults())) {
            CompletableFuture<Object> broken = pool.send(broker(), ApiKey.METADATA, BROKERS_ONLY, (in, version) -> {
                throw new IllegalStateException("reader bug");
            });

            assertThatThrownBy(() -> await(broken)).isInstanceOf(ExecutionException.class)
                    .cause().hasMessageContaining("malformed").hasMessageContaining("reader bug");
            assertThat(await(ClientTestSupport.metadata(pool, broker())).clusterId()).isEqualTo("mq-embedded");
        }
    }

    @Test
    void establishmentStagesRunAfterNegotiationAndBeforeTheFirstRequest() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        ConnectionSetup setup = new ConnectionSetup(
                (channel, node) -> channel.pipeline().addLast("tls-goes-here", new ChannelInboundHandlerAdapter()),
                List.of(connection -> {
                    events.add("pipeline " + connection.channel().pipeline().names());
                    return connection.send(ApiKey.METADATA, BROKERS_ONLY, MetadataResponse::read).thenAccept(r ->
                            events.add("stage: " + r.clusterId() + " via Metadata v"
                                    + connection.versions().version(ApiKey.METADATA)));
                }));
        try (ConnectionPool pool = new ConnectionPool(resources, ConnectionOptions.defaults(),
                ConnectionPool.DEFAULT_REQUIRED_APIS, setup)) {
            CompletableFuture<MetadataResponse> first = ClientTestSupport.metadata(pool, broker());
            first.thenRun(() -> events.add("first request answered"));

            await(first);

            assertThat(events).hasSize(3);
            assertThat(events.get(0)).startsWith("pipeline [tls-goes-here, heartbeat, frames, responses");
            assertThat(events.subList(1, 3)).containsExactly("stage: mq-embedded via Metadata v12",
                    "first request answered");
            assertThat(pool.connectionsTo(broker())).singleElement()
                    .satisfies(c -> assertThat(c.requestsSent()).isEqualTo(1));
        }
    }

    @Test
    void aFailingEstablishmentStageFailsTheConnectionAndItsRequests() {
        FatalMqException rejected = new FatalMqException("authentication failed");
        ConnectionSetup setup = new ConnectionSetup((channel, node) -> { },
                List.of(connection -> CompletableFuture.failedFuture(rejected)));
        try (ConnectionPool pool = new ConnectionPool(resources, ConnectionOptions.defaults(),
                ConnectionPool.DEFAULT_REQUIRED_APIS, setup)) {
            CompletableFuture<MetadataResponse> queued = ClientTestSupport.metadata(pool, broker());

            assertThatThrownBy(() -> await(pool.connection(broker()))).cause().isSameAs(rejected);
            assertThatThrownBy(() -> await(queued)).cause().isSameAs(rejected);
        }
    }

    private static ByteBuf batch(String value) {
        RecordBatchBuilder builder = new RecordBatchBuilder(PooledByteBufAllocator.DEFAULT, CompressionType.NONE, 0,
                1 << 16);
        builder.tryAppend(System.currentTimeMillis(), null, value.getBytes(StandardCharsets.UTF_8),
                new io.mq.protocol.record.Header[0]);
        return builder.build();
    }

    private static ProduceRequest produce(String topic, short acks, ByteBuf batch) {
        return new ProduceRequest(null, acks, 30_000, List.of(new ProduceRequest.TopicProduceData(topic,
                List.of(new ProduceRequest.PartitionProduceData(0, new MemoryRecords(batch))))));
    }
}
