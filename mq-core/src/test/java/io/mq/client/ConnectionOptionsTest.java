package io.mq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ConnectionOptionsTest {

    @Test
    void defaultsAreTheDefaultConstants() {
        ConnectionOptions options = ConnectionOptions.defaults();

        assertThat(options.connectionsPerBroker()).isEqualTo(ConnectionOptions.DEFAULT_CONNECTIONS_PER_BROKER).isEqualTo(1);
        assertThat(options.lazyConnect()).isEqualTo(ConnectionOptions.DEFAULT_LAZY_CONNECT).isTrue();
        assertThat(options.connectTimeout()).isEqualTo(ConnectionOptions.DEFAULT_CONNECT_TIMEOUT);
        assertThat(options.requestTimeout()).isEqualTo(ConnectionOptions.DEFAULT_REQUEST_TIMEOUT);
        assertThat(options.idleTimeout()).isEqualTo(ConnectionOptions.DEFAULT_IDLE_TIMEOUT);
        assertThat(options.heartbeatInterval()).isEqualTo(ConnectionOptions.DEFAULT_HEARTBEAT_INTERVAL);
        assertThat(options.heartbeatTimeout()).isEqualTo(ConnectionOptions.DEFAULT_HEARTBEAT_TIMEOUT);
        assertThat(options.heartbeatEnabled()).isTrue();
        assertThat(options.tcpKeepAlive()).isEqualTo(ConnectionOptions.DEFAULT_TCP_KEEP_ALIVE).isTrue();
        assertThat(options.reconnectBackoff()).isEqualTo(ConnectionOptions.DEFAULT_RECONNECT_BACKOFF);
        assertThat(options.reconnectBackoffMax()).isEqualTo(ConnectionOptions.DEFAULT_RECONNECT_BACKOFF_MAX);
        assertThat(options.reconnectJitter()).isEqualTo(ConnectionOptions.DEFAULT_RECONNECT_JITTER);
        assertThat(options.maxInFlightRequests()).isEqualTo(ConnectionOptions.DEFAULT_MAX_IN_FLIGHT_REQUESTS).isEqualTo(5);
        assertThat(options.maxFrameBytes()).isEqualTo(ConnectionOptions.DEFAULT_MAX_FRAME_BYTES);
        assertThat(options.clientId()).isNull();
    }

    @Test
    void toBuilderKeepsEverySetting() {
        ConnectionOptions options = ConnectionOptions.builder().connectionsPerBroker(3).lazyConnect(false)
                .connectTimeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofSeconds(2))
                .idleTimeout(Duration.ofSeconds(3)).heartbeat(Duration.ZERO, Duration.ofSeconds(4)).tcpKeepAlive(false)
                .reconnectBackoff(Duration.ofMillis(5), Duration.ofMillis(6)).reconnectJitter(0).maxInFlightRequests(1)
                .maxFrameBytes(4096).clientId("orders").build();

        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThat(options.heartbeatEnabled()).isFalse();
    }

    @Test
    void invalidSettingsFailWithMessagesNamingTheSetting() {
        assertInvalid(b -> b.connectionsPerBroker(0), "connectionsPerBroker must be >= 1, was 0");
        assertInvalid(b -> b.connectTimeout(Duration.ZERO), "connectTimeout must be positive");
        assertInvalid(b -> b.requestTimeout(null), "requestTimeout must be positive, was null");
        assertInvalid(b -> b.idleTimeout(Duration.ofSeconds(-1)), "idleTimeout must be positive");
        assertInvalid(b -> b.heartbeat(Duration.ofSeconds(-1), Duration.ofSeconds(1)), "heartbeatInterval");
        assertInvalid(b -> b.heartbeat(Duration.ofSeconds(1), Duration.ZERO), "heartbeatTimeout must be positive");
        assertInvalid(b -> b.reconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)),
                "reconnectBackoffMax (PT1S) must not be shorter than reconnectBackoff (PT2S)");
        assertInvalid(b -> b.reconnectJitter(1.0), "reconnectJitter must be in [0, 1)");
        assertInvalid(b -> b.maxInFlightRequests(0), "maxInFlightRequests must be >= 1");
        assertInvalid(b -> b.maxFrameBytes(10), "maxFrameBytes must be >= 1024, was 10");
        assertInvalid(b -> b.clientId(" "), "clientId must not be blank");
    }

    private static void assertInvalid(UnaryOperator<ConnectionOptions.Builder> change, String message) {
        assertThatThrownBy(() -> change.apply(ConnectionOptions.builder()).build())
                .isInstanceOf(MqConfigurationException.class)
                .hasMessageStartingWith("invalid connection option: ")
                .hasMessageContaining(message);
    }
}
