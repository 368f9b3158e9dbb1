package io.mq.client.internal;

import static io.mq.client.internal.ClientTestSupport.await;
import static io.mq.client.internal.ClientTestSupport.eventually;
import static io.mq.client.internal.ClientTestSupport.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.client.ClientResources;
import io.mq.client.ConnectionLostException;
import io.mq.client.ConnectionOptions;
import io.mq.client.MqException;
import io.mq.client.MqTimeoutException;
import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.RequestHeader;
import io.mq.protocol.message.MetadataResponse;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failures no real broker can be made to show on demand, against {@link ScriptedBroker}: a server that goes silent,
 * one that only knows an old ApiVersions, one that mixes up correlation ids; and a closed port.
 */
class ConnectionFailuresIT {

    private static ClientResources resources;

    @BeforeAll
    static void startResources() {
        resources = ClientResources.builder().ioThreads(2).build();
    }

    @AfterAll
    static void stopResources() {
        resources.close();
    }

    private static ConnectionOptions.Builder options() {
        return ConnectionOptions.builder().heartbeat(Duration.ZERO, Duration.ofSeconds(10));
    }

    @Test
    void requestTimeoutFailsTheRequestAndClosesTheConnection() throws Exception {
        try (ScriptedBroker server = ScriptedBroker.silentAfterHandshake();
             ConnectionPool pool = new ConnectionPool(resources,
                     options().requestTimeout(Duration.ofMillis(300)).build())) {
            BrokerConnection connection = await(pool.connection(server.node()));
            CompletableFuture<MetadataResponse> timesOut = metadata(pool, server.node());
            CompletableFuture<MetadataResponse> patient = pool.send(server.node(), ApiKey.METADATA,
                    ClientTestSupport.BROKERS_ONLY, MetadataResponse::read, Duration.ofMinutes(1));

            assertThatThrownBy(() -> await(timesOut)).cause()
                    .isInstanceOf(MqTimeoutException.class)
                    .hasMessageContaining("no response to Metadata")
                    .hasMessageContaining(server.node().toString())
                    .satisfies(e -> {
                        MqException error = (MqException) e;
                        assertThat(error.isRetriable()).isTrue();
                        assertThat(error.broker()).contains(server.node());
                        assertThat(error.api()).contains(ApiKey.METADATA);
                    });
            assertThatThrownBy(() -> await(patient)).cause()
                    .isInstanceOf(ConnectionLostException.class)
                    .hasMessageContaining("timed out");
            await(connection.closeFuture());
            assertThat(connection.isClosed()).isTrue();
            assertThat(pool.connectionsTo(server.node())).isEmpty();
        }
    }

    @Test
    void establishingAConnectionToASilentServerTimesOut() throws Exception {
        try (ScriptedBroker server = ScriptedBroker.silent();
             ConnectionPool pool = new ConnectionPool(resources,
                     options().connectTimeout(Duration.ofMillis(300)).build())) {
            CompletableFuture<MetadataResponse> queued = metadata(pool, server.node());

            assertThatThrownBy(() -> await(pool.connection(server.node()))).cause()
                    .isInstanceOf(MqTimeoutException.class)
                    .hasMessageContaining("could not establish a connection to " + server.node());
            assertThatThrownBy(() -> await(queued)).cause()
                    .isInstanceOf(ConnectionLostException.class)
                    .hasCauseInstanceOf(MqTimeoutException.class);
            assertThat(server.requests()).extracting(RequestHeader::apiKey).containsOnly(ApiKey.API_VERSIONS);
        }
    }

    @Test
    void heartbeatDetectsASilentServerAndFailsPendingRequestsAsRetriable() throws Exception {
        List<MqException> closures = new CopyOnWriteArrayList<>();
        try (ScriptedBroker server = ScriptedBroker.silentAfterHandshake();
             ConnectionPool pool = new ConnectionPool(resources, options()
                     .heartbeat(Duration.ofMillis(100), Duration.ofMillis(300))
                     .requestTimeout(Duration.ofMinutes(1)).build())) {
            pool.addListener(new ConnectionListener() {
                @Override
                public void connectionClosed(Node broker, MqException cause, boolean established) {
                    closures.add(cause);
                }
            });
            BrokerConnection connection = await(pool.connection(server.node()));
            eventually("a ping was sent", () -> connection.pingsSent() > 0);
            CompletableFuture<MetadataResponse> pending = metadata(pool, server.node());

            assertThatThrownBy(() -> await(pending)).cause()
                    .isInstanceOf(ConnectionLostException.class)
                    .hasMessageContaining("no heartbeat response from " + server.node());
            await(connection.closeFuture());
            assertThat(closures).singleElement().isInstanceOf(ConnectionLostException.class);
            assertThat(pool.stats().connectionsLost()).isEqualTo(1);
        }
    }

    @Test
    void negotiationRetriesWithTheHighestApiVersionsTheBrokerListed() throws Exception {
        try (ScriptedBroker server = ScriptedBroker.withApiVersionsUpTo(2);
             ConnectionPool pool = new ConnectionPool(resources, options().build())) {
            BrokerConnection connection = await(pool.connection(server.node()));

            assertThat(server.requests()).extracting(RequestHeader::apiKey, RequestHeader::apiVersion)
                    .startsWith(org.assertj.core.groups.Tuple.tuple(ApiKey.API_VERSIONS, (short) 4),
                            org.assertj.core.groups.Tuple.tuple(ApiKey.API_VERSIONS, (short) 2));
            assertThat(connection.versions().version(ApiKey.API_VERSIONS)).isEqualTo((short) 2);
            assertThat(connection.versions().version(ApiKey.METADATA)).isEqualTo((short) 12);
            assertThat(await(metadata(pool, server.node())).clusterId()).isEqualTo("scripted");
        }
    }

    @Test
    void aResponseWithTheWrongCorrelationIdClosesTheConnection() throws Exception {
        try (ScriptedBroker server = ScriptedBroker.withWrongCorrelationIds();
             ConnectionPool pool = new ConnectionPool(resources, options().build())) {
            BrokerConnection connection = await(pool.connection(server.node()));

            assertThatThrownBy(() -> await(metadata(pool, server.node()))).cause()
                    .isInstanceOf(ConnectionLostException.class)
                    .hasMessageContaining("correlation id");
            await(connection.closeFuture());
        }
    }

    @Test
    void aRefusedConnectionFailsRequestsWithARetriableErrorAndBacksOff() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Node nowhere = new Node(3, "127.0.0.1", closedPort);
        try (ConnectionPool pool = new ConnectionPool(resources, options().build())) {
            assertThatThrownBy(() -> await(metadata(pool, nowhere))).cause()
                    .isInstanceOf(ConnectionLostException.class)
                    .hasMessageContaining("cannot connect to " + nowhere)
                    .satisfies(e -> assertThat(((MqException) e).isRetriable()).isTrue());
            assertThatThrownBy(() -> await(metadata(pool, nowhere))).cause()
                    .isInstanceOf(ConnectionLostException.class);

            assertThat(pool.stats().connectFailures()).isEqualTo(2);
            assertThat(pool.stats().connectionsLost()).isZero();
        }
    }
}
