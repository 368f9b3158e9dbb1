package io.mq.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.admin.MqAdmin;
import io.mq.broker.EmbeddedBroker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class MqHealthIndicatorTest {

    @Test
    void healthIsDownWhenTheEmbeddedBrokerIsNotRunning() {
        EmbeddedBroker broker = EmbeddedBroker.builder().port(0).build().start();
        String servers = broker.bootstrapServers();
        broker.close();
        try (MqAdmin admin = MqAdmin.builder().bootstrapServers(servers).build()) {
            Health health = new MqHealthIndicator(admin, Duration.ofSeconds(1), broker, List.of()).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("embeddedBroker", EmbeddedBroker.State.CLOSED)
                    .containsEntry("error", "the embedded broker is CLOSED").doesNotContainKey("producers");
        }
    }
}
