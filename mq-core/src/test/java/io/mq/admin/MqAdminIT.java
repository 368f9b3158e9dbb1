package io.mq.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.junit.EmbeddedBrokerExtension;
import io.mq.client.ClientResources;
import io.mq.client.ConnectionOptions;
import io.mq.client.FatalMqException;
import io.mq.client.RetriableMqException;
import io.mq.protocol.Errors;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MqAdminContract} against the embedded broker, plus what only the embedded broker can show. */
class MqAdminIT extends MqAdminContract {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = EmbeddedBrokerExtension.with(b -> b.autoCreateTopics(false));

    @Override
    protected String bootstrapServers() {
        return BROKER.bootstrapServers();
    }

    @Test
    void internalTopicsAreListedOnlyWhenAsked() {
        assertThat(await(admin().listTopics(true))).filteredOn(TopicListing::internal)
                .extracting(TopicListing::name).containsExactly("__consumer_offsets");
        assertThat(await(admin().listTopics(false))).extracting(TopicListing::name)
                .doesNotContain("__consumer_offsets");
    }

    @Test
    void brokerConfigsAreTheStaticSettings() {
        Map<String, ConfigEntry> configs = await(admin().describeBrokerConfigs(0));

        assertThat(configs.get("auto.create.topics.enable"))
                .isEqualTo(new ConfigEntry("auto.create.topics.enable", "false", ConfigSource.STATIC_BROKER, true,
                        false));
    }

    @Test
    void invalidArgumentsFailWithoutARequest() {
        assertThat(failure(admin().describeTopics(List.of()))).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.error()).contains(Errors.INVALID_REQUEST));
        assertThat(failure(admin().deleteGroup(" "))).isInstanceOf(InvalidRequestException.class);
        assertThat(failure(admin().alterConfigs("t", Map.of()))).isInstanceOf(InvalidRequestException.class);
        assertThat(failure(admin().resetGroupOffsets("g", List.of(), OffsetSpec.latest(), true)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void closedAdminFailsEveryOperation() {
        MqAdmin closed = MqAdmin.builder().bootstrapServers(bootstrapServers()).build();
        await(closed.listTopics(false));

        closed.close();

        assertThat(failure(closed.listTopics(false))).isInstanceOf(FatalMqException.class)
                .hasMessageContaining("closed");
        assertThat(failure(closed.describeGroup("g"))).isInstanceOf(FatalMqException.class);
    }

    @Test
    void unreachableClusterFailsWithARetriableError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (ClientResources resources = ClientResources.builder().ioThreads(1).build();
                MqAdmin unreachable = MqAdmin.builder().bootstrapServers("127.0.0.1:" + port).resources(resources)
                        .connection(ConnectionOptions.builder().connectTimeout(Duration.ofMillis(500))
                                .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(20)).build())
                        .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(20)).maxAttempts(3).build()) {

            assertThat(failure(unreachable.describeCluster())).isInstanceOf(RetriableMqException.class)
                    .hasMessageContaining("127.0.0.1:" + port);
        }
    }
}
