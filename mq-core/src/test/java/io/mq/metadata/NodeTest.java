package io.mq.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.client.MqConfigurationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeTest {

    @Test
    void parsesHostPortAndBracketedIpv6() {
        assertThat(Node.parse(" broker-1:9092 ", 3)).isEqualTo(new Node(3, "broker-1", 9092));
        Node v6 = Node.parse("[::1]:9093", -1);
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.address()).isEqualTo("[::1]:9093");
        assertThat(v6.isBootstrap()).isTrue();
        assertThat(v6).hasToString("bootstrap [::1]:9093");
        assertThat(new Node(0, "h", 1)).hasToString("node 0 h:1");
    }

    @Test
    void rejectsMalformedAddresses() {
        for (String bad : List.of("no-port", "host:", ":9092", "::1:9092", "host:port", "host:70000")) {
            assertThatThrownBy(() -> Node.parse(bad, -1)).as(bad).isInstanceOf(MqConfigurationException.class)
                    .hasMessageContaining("broker");
        }
    }

    @Test
    void bootstrapServersBecomeNodesWithNegativeIdsInOrder() {
        MetadataOptions options = MetadataOptions.builder("a:1, b:2,,c:3").build();

        assertThat(options.bootstrapNodes()).containsExactly(new Node(-1, "a", 1), new Node(-2, "b", 2),
                new Node(-3, "c", 3));
        assertThat(options.metadataMaxAge()).isEqualTo(MetadataOptions.DEFAULT_METADATA_MAX_AGE)
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(options.refreshBackoff()).isEqualTo(MetadataOptions.DEFAULT_REFRESH_BACKOFF);
        assertThat(options.allowAutoTopicCreation()).isEqualTo(MetadataOptions.DEFAULT_ALLOW_AUTO_TOPIC_CREATION);
    }

    @Test
    void metadataOptionsAreValidated() {
        assertThatThrownBy(() -> MetadataOptions.builder(" , ").build())
                .isInstanceOf(MqConfigurationException.class).hasMessageContaining("bootstrapServers");
        assertThatThrownBy(() -> MetadataOptions.builder("a:1").metadataMaxAge(Duration.ZERO).build())
                .isInstanceOf(MqConfigurationException.class).hasMessageContaining("metadataMaxAge must be positive");
        assertThatThrownBy(() -> MetadataOptions.builder("a").build())
                .isInstanceOf(MqConfigurationException.class).hasMessageContaining("host:port");
    }
}
