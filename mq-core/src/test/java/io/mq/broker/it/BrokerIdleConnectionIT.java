package io.mq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.junit.EmbeddedBrokerExtension;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The broker closes connections that stay idle past {@code connectionsMaxIdle}. */
class BrokerIdleConnectionIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = EmbeddedBrokerExtension.with(
            b -> b.connectionsMaxIdle(Duration.ofMillis(300)));

    @Test
    void idleConnectionIsClosedByTheBroker() throws IOException {
        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            assertThat(connection.isClosedByPeer()).isTrue();
        }
    }
}
