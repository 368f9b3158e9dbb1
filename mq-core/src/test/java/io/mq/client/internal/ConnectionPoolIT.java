package io.mq.client.internal;

import static io.mq.client.internal.ClientTestSupport.await;
import static io.mq.client.internal.ClientTestSupport.eventually;
import static io.mq.client.internal.ClientTestSupport.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.EmbeddedBroker;
import io.mq.broker.junit.EmbeddedBrokerExtension;
import io.mq.client.ClientResources;
import io.mq.client.ConnectionOptions;
import io.mq.client.FatalMqException;
import io.mq.client.MqException;
import io.mq.client.MqExceptions;
import io.mq.metadata.MetadataOptions;
import io.mq.metadata.Node;
import io.mq.metadata.internal.DefaultMetadataManager;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.message.MetadataRequest;
import io.mq.protocol.message.MetadataResponse;
import io.mq.protocol.types.Uuids;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link ConnectionPool} against the real embedded broker: connections per broker, lazy/eager, idle, reconnect. */
class ConnectionPoolIT {

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
    void requestsAreSpreadRoundRobinOverTheConfiguredConnectionsPerBroker() throws Exception {
        try (ConnectionPool pool = new ConnectionPool(resources, ConnectionOptions.builder()
                .connectionsPerBroker(3).build())) {
            await(metadata(pool, broker()));
            await(metadata(pool, broker()));
            eventually("three connections are ready", () -> pool.stats().readyConnections() == 3);
            List<BrokerConnection> connections = pool.connectionsTo(broker());
            long[] before = connections.stream().mapToLong(BrokerConnection::requestsSent).toArray();

            for (int i = 0; i < 9; i++) {
                await(metadata(pool, broker()));
            }

            assertThat(pool.connectionsTo(broker())).containsExactlyElementsOf(connections);
            for (int i = 0; i < connections.size(); i++) {
                assertThat(connections.get(i).requestsSent() - before[i]).isEqualTo(3);
            }
            assertThat(pool.stats().connectionsCreated()).isEqualTo(3);
        }
    }

    @Test
    void brokersNamedByHostNameAreResolvedAndReached() throws Exception {
        try (ConnectionPool pool = new ConnectionPool(resources, ConnectionOptions.defaults())) {
            Node byName = new Node(0, "localhost", BROKER.broker().port());

            await(metadata(pool, byName));

            assertThat(pool.connectionsTo(byName)).hasSize(1);
        }
    }

    @Test
    void aLazyPoolConnectsOnFirstUseOnly() throws Exception {
        try (ConnectionPool pool = new ConnectionPool(resources, ConnectionOptions.defaults())) {
            pool.updateNodes(List.of(broker()));

            assertThat(pool.connectionsTo(broker())).isEmpty();
            assertThat(pool.stats().connectionsCreated()).isZero();

            await(metadata(pool, broker()));
            assertThat(pool.stats().connectionsCreated()).isEqualTo(1);
        }
    }

    @Test
    void anEagerPoolConnectsAsSoonAsBrokersAreKnown() throws Exception {
        try (ConnectionPool pool = new ConnectionPool(resources, ConnectionOptions.builder()
                .lazyConnect(false).connectionsPerBroker(2).build())) {
            pool.updateNodes(List.of(broker()));

            assertThat(pool.connectionsTo(broker())).hasSize(2);
            eventually("both connections are ready", () -> pool.stats().readyConnections() == 2);
            assertThat(pool.stats().inFlightRequests()).isZero();
        }
    }

    @Test
    void idleConnectionsAreClosedAndReopenedOnDemand() throws Exception {
        List<MqException> closures = new CopyOnWriteArrayList<>();
        try (ConnectionPool pool = new ConnectionPool(resources, ConnectionOptions.builder()
                .idleTimeout(Duration.ofMillis(200)).build())) {
            pool.addListener(new ConnectionListener() {
                @Override
                public void connectionClosed(Node node, MqException cause, boolean established) {
                    closures.add(cause == null ? new MqException("idle") : cause);
                }
            });
            await(metadata(pool, broker()));

            eventually("the idle connection is closed", () -> pool.stats().connections() == 0);
            assertThat(closures).singleElement().extracting(Throwable::getMessage).isEqualTo("idle");
            assertThat(pool.stats().connectionsLost()).isZero();

            assertThat(await(metadata(pool, broker())).clusterId()).isEqualTo("mq-embedded");
            assertThat(pool.stats().connectionsCreated()).isEqualTo(2);
        }
    }

    @Test
    void aLazyPoolReconnectsAfterTheBrokerRestartsOnTheSamePortAndDataDir(@TempDir Path dataDir) throws Exception {
        EmbeddedBroker first = EmbeddedBroker.builder().host("127.0.0.1").port(0).dataDir(dataDir).build().start();
        int port = first.port();
        Node node = new Node(0, "127.0.0.1", port);
        try (ConnectionPool pool = new ConnectionPool(resources, ConnectionOptions.defaults())) {
            assertThat(await(topicMetadata(pool, node, "survivor", true)).errorCode()).isEqualTo(Errors.NONE.code());
            BrokerConnection before = pool.connectionsTo(node).get(0);

            first.close();
            await(before.closeFuture().exceptionally(e -> null));
            assertThatThrownBy(() -> await(metadata(pool, node))).cause()
                    .isInstanceOf(MqException.class)
                    .satisfies(e -> assertThat(MqExceptions.isRetriable(e)).isTrue());

            try (EmbeddedBroker second = EmbeddedBroker.builder().host("127.0.0.1").port(port).dataDir(dataDir)
                    .autoCreateTopics(false).build().start()) {
                MetadataResponse.MetadataResponseTopic survivor = retryUntilAnswered(
                        () -> topicMetadata(pool, node, "survivor", false));

                assertThat(survivor.errorCode()).as("the topic survived in the data dir").isEqualTo(Errors.NONE.code());
                assertThat(pool.connectionsTo(node)).singleElement().isNotSameAs(before);
                assertThat(pool.stats().connectionsLost()).isGreaterThanOrEqualTo(1);
            }
        } finally {
            first.close();
        }
    }

    @Test
    void anEagerPoolReconnectsByItselfAfterTheBrokerRestarts(@TempDir Path dataDir) throws Exception {
        EmbeddedBroker first = EmbeddedBroker.builder().host("127.0.0.1").port(0).dataDir(dataDir).build().start();
        int port = first.port();
        Node node = new Node(0, "127.0.0.1", port);
        try (ConnectionPool pool = new ConnectionPool(resources, ConnectionOptions.builder().lazyConnect(false)
                .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200)).build())) {
            pool.updateNodes(List.of(node));
            eventually("the eager connection is ready", () -> pool.hasReadyConnection(node));

            first.close();
            eventually("the loss is noticed", () -> !pool.hasReadyConnection(node));
            try (EmbeddedBroker second = EmbeddedBroker.builder().host("127.0.0.1").port(port).dataDir(dataDir)
                    .build().start()) {
                eventually("the pool reconnected without being asked", () -> pool.hasReadyConnection(node));
                assertThat(pool.stats().connectionsLost()).isEqualTo(1);
                assertThat(await(metadata(pool, node)).brokers()).hasSize(1);
            }
        } finally {
            first.close();
        }
    }

    @Test
    void aHundredClientsSharingResourcesDoNotAddThreads() throws Exception {
        ClientResources shared = ClientResources.builder().ioThreads(2).build();
        List<ConnectionPool> pools = new ArrayList<>();
        List<DefaultMetadataManager> managers = new ArrayList<>();
        try {
            // warm up: start both client loops and the broker's io threads
            for (int i = 0; i < 4; i++) {
                ConnectionPool pool = new ConnectionPool(shared, ConnectionOptions.defaults());
                pools.add(pool);
                await(metadata(pool, broker()));
            }
            Map<Long, String> before = liveThreads();

            List<CompletableFuture<?>> started = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ConnectionPool pool = new ConnectionPool(shared, ConnectionOptions.defaults());
                DefaultMetadataManager manager = new DefaultMetadataManager(pool,
                        MetadataOptions.builder(BROKER.bootstrapServers()).build());
                pools.add(pool);
                managers.add(manager);
                started.add(manager.start());
            }
            await(CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)));
            Map<Long, String> after = liveThreads();

            Map<Long, String> added = new HashMap<>(after);
            added.keySet().removeAll(before.keySet());
            assertThat(added.values()).as("threads started while 100 clients connected").noneMatch(
                    name -> name.startsWith("mq-client"));
            assertThat(added).as("threads started while 100 clients connected").hasSizeLessThan(3);
            assertThat(after.values().stream().filter(name -> name.startsWith("mq-client")).count())
                    .isEqualTo(before.values().stream().filter(name -> name.startsWith("mq-client")).count());
            assertThat(pools.stream().mapToInt(p -> p.stats().readyConnections()).sum()).isGreaterThanOrEqualTo(100);
        } finally {
            managers.forEach(DefaultMetadataManager::close);
            pools.forEach(ConnectionPool::close);
            shared.close();
        }
    }

    @Test
    void aClosedPoolFailsRequestsWithAFatalError() throws Exception {
        ConnectionPool pool = new ConnectionPool(resources, ConnectionOptions.defaults());
        BrokerConnection connection = await(pool.connection(broker()));

        pool.close();

        assertThat(connection.isClosed()).isTrue();
        assertThatThrownBy(() -> await(metadata(pool, broker()))).cause()
                .isInstanceOf(FatalMqException.class)
                .hasMessageContaining(pool.clientId())
                .hasMessageContaining("closed");
    }

    private static CompletableFuture<MetadataResponse.MetadataResponseTopic> topicMetadata(ConnectionPool pool,
            Node node, String topic, boolean create) {
        return pool.send(node, ApiKey.METADATA, new MetadataRequest(
                List.of(new MetadataRequest.MetadataRequestTopic(Uuids.ZERO, topic)), create, false, false),
                MetadataResponse::read).thenApply(r -> r.topics().get(0));
    }

    /** Retries a retriable failure (the pool backs off between connection attempts), at most 50 times. */
    private static <T> T retryUntilAnswered(java.util.function.Supplier<CompletableFuture<T>> call) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                return await(call.get());
            } catch (java.util.concurrent.ExecutionException e) {
                if (!MqExceptions.isRetriable(e)) {
                    throw e;
                }
                last = e;
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no answer after 50 attempts", last);
    }

    private static Map<Long, String> liveThreads() {
        Map<Long, String> threads = new HashMap<>();
        ThreadInfo[] infos = ManagementFactory.getThreadMXBean().getThreadInfo(
                ManagementFactory.getThreadMXBean().getAllThreadIds());
        Arrays.stream(infos).filter(java.util.Objects::nonNull)
                .forEach(t -> threads.put(t.getThreadId(), t.getThreadName()));
        return threads;
    }
}
