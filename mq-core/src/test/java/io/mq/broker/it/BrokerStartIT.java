package io.mq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.EmbeddedBroker;
import io.mq.broker.handler.ApiVersionsHandler;
import io.mq.broker.handler.HandlerRegistry;
import io.mq.broker.network.BrokerServer;
import io.mq.broker.network.RequestStats;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.message.ApiVersionsRequest;
import io.mq.protocol.message.ApiVersionsResponse;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broker start: the port is taken while storage opens, and requests sent that early are answered once it serves. */
class BrokerStartIT {

    @TempDir
    Path dataDir;

    @Test
    void startOnATakenPortFailsAndReleasesTheDataDirectory() {
        try (EmbeddedBroker running = EmbeddedBroker.builder().host("127.0.0.1").port(0).build().start()) {
            EmbeddedBroker second = EmbeddedBroker.builder().host("127.0.0.1").port(running.port())
                    .dataDir(dataDir).build();

            assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Address already in use");
            assertThat(second.state()).isEqualTo(EmbeddedBroker.State.START_FAILED);

            try (EmbeddedBroker third = EmbeddedBroker.builder().host("127.0.0.1").port(0).dataDir(dataDir).build()
                    .start()) {
                assertThat(third.state()).isEqualTo(EmbeddedBroker.State.RUNNING);
            }
        }
    }

    @Test
    void requestSentBeforeServeIsAnsweredOnceServing() throws Exception {
        BrokerServer server = new BrokerServer(1, 1 << 20, Duration.ofMinutes(1));
        try {
            InetSocketAddress address = server.bind("127.0.0.1", 0);
            try (RawConnection connection = new RawConnection("127.0.0.1:" + address.getPort())) {
                int id = connection.send(ApiKey.API_VERSIONS, (short) 3, new ApiVersionsRequest("early", "1"));
                HandlerRegistry registry = new HandlerRegistry();
                registry.register(ApiKey.API_VERSIONS, ApiVersionsRequest::read, new ApiVersionsHandler(registry));

                server.serve(registry, new RequestStats(registry.servedApis()));

                ApiVersionsResponse response = connection.receive(id, ApiKey.API_VERSIONS, (short) 3,
                        ApiVersionsResponse::read);
                assertThat(response.errorCode()).isEqualTo(Errors.NONE.code());
            }
        } finally {
            server.close();
        }
    }
}
