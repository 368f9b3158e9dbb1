package io.mq.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.client.ConnectionOptions;
import io.mq.client.MqConfigurationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminOptionsTest {

    @Test
    void builderStartsFromTheDefaults() {
        AdminOptions options = MqAdmin.builder().bootstrapServers("a:1, b:2").buildOptions();

        assertThat(options.bootstrapServers()).containsExactly("a:1", "b:2");
        assertThat(options.connection()).isEqualTo(ConnectionOptions.defaults());
        assertThat(options.requestTimeout()).isEqualTo(AdminOptions.DEFAULT_REQUEST_TIMEOUT);
        assertThat(options.operationTimeout()).isEqualTo(AdminOptions.DEFAULT_OPERATION_TIMEOUT);
        assertThat(options.retryBackoff()).isEqualTo(AdminOptions.DEFAULT_RETRY_BACKOFF);
        assertThat(options.retryBackoffMax()).isEqualTo(AdminOptions.DEFAULT_RETRY_BACKOFF_MAX);
        assertThat(options.maxAttempts()).isEqualTo(AdminOptions.DEFAULT_MAX_ATTEMPTS);
        assertThat(MqAdmin.builder().options(options).buildOptions()).isEqualTo(options);
    }

    @Test
    void invalidSettingsAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> MqAdmin.builder().build()).isInstanceOf(MqConfigurationException.class)
                .hasMessageContaining("bootstrapServers");
        assertThatThrownBy(() -> MqAdmin.builder().bootstrapServers(List.of("no-port")).build())
                .isInstanceOf(MqConfigurationException.class).hasMessageContaining("no-port");
        assertThatThrownBy(() -> MqAdmin.builder().bootstrapServers("a:1").operationTimeout(Duration.ZERO).build())
                .isInstanceOf(MqConfigurationException.class).hasMessageContaining("operationTimeout");
        assertThatThrownBy(() -> MqAdmin.builder().bootstrapServers("a:1").maxAttempts(0).build())
                .isInstanceOf(MqConfigurationException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> MqAdmin.builder().bootstrapServers("a:1")
                .retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
                .isInstanceOf(MqConfigurationException.class).hasMessageContaining("retryBackoffMax");
    }

    @Test
    void valueTypesCheckTheirArguments() {
        assertThatThrownBy(() -> OffsetSpec.offset(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OffsetSpec.timestamp(-5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfigChange(ConfigChange.Operation.SET, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ConfigChange.delete().operation().code()).isEqualTo((byte) 1);
        assertThat(ConfigChange.subtract("compact").operation().code()).isEqualTo((byte) 3);
        assertThat(GroupState.parse("completingrebalance")).isEqualTo(GroupState.COMPLETING_REBALANCE);
        assertThat(GroupState.parse("")).isEqualTo(GroupState.UNKNOWN);
        assertThat(GroupState.STABLE.isActive()).isTrue();
        assertThat(GroupState.EMPTY.isActive()).isFalse();
        assertThat(ConfigSource.forCode((byte) 1)).isEqualTo(ConfigSource.DYNAMIC_TOPIC);
        assertThat(ConfigSource.forCode((byte) 42)).isEqualTo(ConfigSource.UNKNOWN);
        assertThat(Outcome.success("t", 1).orThrow()).isEqualTo(1);
        assertThatThrownBy(() -> Outcome.failure("t", new TopicExistsException("t", "exists", null, null)).orThrow())
                .isInstanceOf(TopicExistsException.class);
    }
}
