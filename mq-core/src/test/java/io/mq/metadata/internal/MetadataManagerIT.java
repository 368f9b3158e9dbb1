package io.mq.metadata.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.it.KafkaClients;
import io.mq.broker.junit.EmbeddedBrokerExtension;
import io.mq.client.ClientResources;
import io.mq.client.ConnectionOptions;
import io.mq.client.FatalMqException;
import io.mq.client.UnknownTopicException;
import io.mq.client.internal.ConnectionPool;
import io.mq.metadata.Cluster;
import io.mq.metadata.MetadataOptions;
import io.mq.metadata.Node;
import io.mq.metadata.TopicMetadata;
import io.mq.protocol.Errors;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link DefaultMetadataManager} against real embedded brokers, one allowing auto-creation and one not. */
class MetadataManagerIT {

    private static final long WAIT_SECONDS = 15;

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = EmbeddedBrokerExtension.with(b -> b.defaultPartitions(2));

    @RegisterExtension
    static final EmbeddedBrokerExtension STRICT_BROKER = EmbeddedBrokerExtension.with(b -> b.autoCreateTopics(false));

    private static ClientResources resources;
    private static Admin admin;

    private final List<DefaultMetadataManager> managers = new ArrayList<>();
    private ConnectionPool pool;

    @BeforeAll
    static void start() {
        resources = ClientResources.builder().ioThreads(2).build();
        admin = KafkaClients.admin(BROKER.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        admin.close();
        resources.close();
    }

    @BeforeEach
    void openPool() {
        pool = new ConnectionPool(resources, ConnectionOptions.defaults());
    }

    @AfterEach
    void closeAll() {
        managers.forEach(DefaultMetadataManager::close);
        pool.close();
    }

    private DefaultMetadataManager manager(String bootstrap,
            Function<MetadataOptions.Builder, MetadataOptions.Builder> options) {
        DefaultMetadataManager manager = new DefaultMetadataManager(pool,
                options.apply(MetadataOptions.builder(bootstrap).refreshBackoff(Duration.ofMillis(20))).build());
        managers.add(manager);
        return manager;
    }

    @Test
    void bootstrapTriesEachAddressUntilOneAnswers() throws Exception {
        String unreachable = "127.0.0.1:" + closedPort();
        DefaultMetadataManager manager = manager(unreachable + "," + BROKER.bootstrapServers(), b -> b);
        assertThat(manager.metadataAgeMillis()).isEqualTo(-1);
        assertThat(manager.cluster().isBootstrap()).isTrue();

        Cluster cluster = manager.start().get(WAIT_SECONDS, TimeUnit.SECONDS);

        Node broker = new Node(0, "127.0.0.1", BROKER.broker().port());
        assertThat(cluster.clusterId()).contains("mq-embedded");
        assertThat(cluster.nodes()).containsExactly(broker);
        assertThat(cluster.controller()).contains(broker);
        assertThat(manager.cluster()).isSameAs(cluster);
        assertThat(manager.metadataAgeMillis()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void awaitingATopicWithAutoCreationCreatesItAndResolvesWithItsLeaders() throws Exception {
        DefaultMetadataManager manager = manager(BROKER.bootstrapServers(), b -> b);

        Cluster cluster = manager.awaitTopic("auto-created", Duration.ofSeconds(WAIT_SECONDS))
                .get(WAIT_SECONDS, TimeUnit.SECONDS);

        TopicMetadata topic = cluster.topic("auto-created").orElseThrow();
        assertThat(topic.error()).isEqualTo(Errors.NONE);
        assertThat(topic.partitionCount()).isEqualTo(2);
        assertThat(topic.hasAllLeaders()).isTrue();
        assertThat(cluster.leaderFor("auto-created", 1)).contains(new Node(0, "127.0.0.1", BROKER.broker().port()));
        assertThat(topic.topicId()).isNotEqualTo(new java.util.UUID(0, 0));
    }

    @Test
    void awaitingATopicTheBrokerWillNotCreateFailsWithUnknownTopicAfterTheBound() {
        DefaultMetadataManager manager = manager(STRICT_BROKER.bootstrapServers(), b -> b);

        CompletableFuture<Cluster> wait = manager.awaitTopic("never-created", Duration.ofMillis(500));

        assertThatThrownBy(() -> wait.get(WAIT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(UnknownTopicException.class)
                .hasMessageContaining("'never-created'")
                .hasMessageContaining("UNKNOWN_TOPIC_OR_PARTITION")
                .satisfies(e -> {
                    UnknownTopicException unknown = (UnknownTopicException) e;
                    assertThat(unknown.topic()).isEqualTo("never-created");
                    assertThat(unknown.error()).contains(Errors.UNKNOWN_TOPIC_OR_PARTITION);
                    assertThat(unknown.isRetriable()).isFalse();
                });
        assertThat(manager.refreshCount()).as("it kept refreshing while waiting").isGreaterThan(1);
    }

    @Test
    void aClientThatDisallowsAutoCreationDoesNotCreateTopics() throws Exception {
        DefaultMetadataManager manager = manager(BROKER.bootstrapServers(), b -> b.allowAutoTopicCreation(false));

        assertThatThrownBy(() -> manager.awaitTopic("not-wanted", Duration.ofMillis(300))
                .get(WAIT_SECONDS, TimeUnit.SECONDS)).cause().isInstanceOf(UnknownTopicException.class);
        assertThat(admin.listTopics().names().get(WAIT_SECONDS, TimeUnit.SECONDS)).doesNotContain("not-wanted");
    }

    @Test
    void anInvalidTopicNameFailsAtOnceWithAFatalError() {
        DefaultMetadataManager manager = manager(BROKER.bootstrapServers(), b -> b);

        CompletableFuture<Cluster> wait = manager.awaitTopic("not a valid name!", Duration.ofMinutes(10));

        assertThatThrownBy(() -> wait.get(WAIT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(FatalMqException.class)
                .isNotInstanceOf(UnknownTopicException.class)
                .hasMessageContaining("INVALID_TOPIC_EXCEPTION");
    }

    @Test
    void aRequestedRefreshSeesPartitionsAddedByTheAdmin() throws Exception {
        admin.createTopics(List.of(new NewTopic("growing", 1, (short) 1))).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
        DefaultMetadataManager manager = manager(BROKER.bootstrapServers(), b -> b.allowAutoTopicCreation(false));
        Cluster before = manager.awaitTopic("growing", Duration.ofSeconds(WAIT_SECONDS))
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(before.topic("growing").orElseThrow().partitionCount()).isEqualTo(1);

        admin.createPartitions(Map.of("growing", NewPartitions.increaseTo(3))).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
        Cluster after = manager.requestUpdate().get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(after.topic("growing").orElseThrow().partitionCount()).isEqualTo(3);
        assertThat(after.leaderFor("growing", 2)).isPresent();
        assertThat(before.topic("growing").orElseThrow().partitionCount()).as("snapshots are immutable").isEqualTo(1);
    }

    @Test
    void metadataOlderThanTheMaxAgeIsRefreshedWithoutBeingAsked() throws Exception {
        admin.createTopics(List.of(new NewTopic("aging", 1, (short) 1))).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
        DefaultMetadataManager manager = manager(BROKER.bootstrapServers(),
                b -> b.metadataMaxAge(Duration.ofMillis(100)));
        manager.awaitTopic("aging", Duration.ofSeconds(WAIT_SECONDS)).get(WAIT_SECONDS, TimeUnit.SECONDS);

        admin.createPartitions(Map.of("aging", NewPartitions.increaseTo(2))).all().get(WAIT_SECONDS, TimeUnit.SECONDS);

        eventually(() -> manager.cluster().topic("aging").orElseThrow().partitionCount() == 2);
    }

    @Test
    void concurrentRefreshRequestsAreCoalesced() throws Exception {
        DefaultMetadataManager manager = manager(BROKER.bootstrapServers(), b -> b);
        manager.start().get(WAIT_SECONDS, TimeUnit.SECONDS);
        long before = manager.refreshCount();

        List<CompletableFuture<Cluster>> updates = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            updates.add(manager.requestUpdate());
        }
        CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(manager.refreshCount() - before).isBetween(1L, 3L);
    }

    @Test
    void closingFailsPendingWaits() {
        DefaultMetadataManager manager = manager(STRICT_BROKER.bootstrapServers(), b -> b);
        CompletableFuture<Cluster> wait = manager.awaitTopic("never", Duration.ofMinutes(10));

        manager.close();

        assertThatThrownBy(() -> wait.get(WAIT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(FatalMqException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> manager.requestUpdate().get(WAIT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(FatalMqException.class);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT_SECONDS + " s");
            }
            Thread.sleep(10);
        }
    }
}
