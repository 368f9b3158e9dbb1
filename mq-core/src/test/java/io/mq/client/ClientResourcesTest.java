package io.mq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClientResourcesTest {

    @Test
    void shutdownStopsTheEventLoops() throws Exception {
        ClientResources resources = ClientResources.builder().ioThreads(1).build();
        assertThat(resources.ioThreads()).isEqualTo(1);

        resources.shutdown().get(10, TimeUnit.SECONDS);

        assertThat(resources.isShutdown()).isTrue();
        assertThat(resources.eventLoopGroup().isTerminated()).isTrue();
    }

    @Test
    void theSharedInstanceIsOneAndSurvivesClose() {
        ClientResources shared = ClientResources.shared();

        shared.close();

        assertThat(ClientResources.shared()).isSameAs(shared);
        assertThat(shared.isShutdown()).isFalse();
        assertThat(shared.eventLoopGroup().isShuttingDown()).isFalse();
    }

    @Test
    void closingFromAnOwnThreadIsRefused() throws Exception {
        try (ClientResources resources = ClientResources.builder().ioThreads(1).build()) {
            Throwable refused = resources.eventLoopGroup().submit(() -> {
                try {
                    resources.close();
                    return null;
                } catch (IllegalStateException e) {
                    return e;
                }
            }).get(10, TimeUnit.SECONDS);

            assertThat(refused).hasMessageContaining("own threads");
        }
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> ClientResources.builder().ioThreads(0).build())
                .isInstanceOf(MqConfigurationException.class).hasMessageContaining("ioThreads must be >= 1, was 0");
        assertThatThrownBy(() -> ClientResources.builder().shutdownTimeout(Duration.ZERO).build())
                .isInstanceOf(MqConfigurationException.class).hasMessageContaining("shutdownTimeout");
        assertThatThrownBy(() -> ClientResources.builder().shutdownQuietPeriod(Duration.ofSeconds(5))
                .shutdownTimeout(Duration.ofSeconds(1)).build())
                .isInstanceOf(MqConfigurationException.class).hasMessageContaining("shutdownQuietPeriod");
    }
}
