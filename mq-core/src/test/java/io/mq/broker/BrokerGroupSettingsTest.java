package io.mq.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.coordinator.GroupConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Defaults and validation of the group coordinator settings of {@link BrokerConfig}. */
class BrokerGroupSettingsTest {

    @Test
    void defaultsAreKafkasExceptAShortInitialRebalanceDelay() {
        BrokerConfig config = EmbeddedBroker.builder().build().config();

        assertThat(config.groupInitialRebalanceDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.groupMinSessionTimeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(config.groupMaxSessionTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.offsetsRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(config.offsetsRetentionCheckInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.offsetsTopicPartitions()).isEqualTo(8);
        assertThat(GroupConfig.from(config)).isEqualTo(new GroupConfig(100, 6_000, 1_800_000, 604_800_000L, 600_000));
    }

    @Test
    void builderSettingsReachTheConfig() {
        BrokerConfig config = EmbeddedBroker.builder().groupInitialRebalanceDelay(Duration.ZERO)
                .groupMinSessionTimeout(Duration.ofSeconds(1)).groupMaxSessionTimeout(Duration.ofSeconds(2))
                .offsetsRetention(Duration.ofHours(1)).offsetsRetentionCheckInterval(Duration.ofSeconds(5))
                .offsetsTopicPartitions(3).build().config();

        assertThat(GroupConfig.from(config)).isEqualTo(new GroupConfig(0, 1_000, 2_000, 3_600_000L, 5_000));
        assertThat(config.offsetsTopicPartitions()).isEqualTo(3);
    }

    @Test
    void invalidGroupSettingsAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> EmbeddedBroker.builder().groupInitialRebalanceDelay(Duration.ofMillis(-1)).build())
                .hasMessageContaining("groupInitialRebalanceDelay");
        assertThatThrownBy(() -> EmbeddedBroker.builder().groupMinSessionTimeout(Duration.ZERO).build())
                .hasMessageContaining("groupMinSessionTimeout");
        assertThatThrownBy(() -> EmbeddedBroker.builder().groupMinSessionTimeout(Duration.ofMinutes(1))
                .groupMaxSessionTimeout(Duration.ofSeconds(30)).build())
                .hasMessageContaining("groupMaxSessionTimeout must be >= groupMinSessionTimeout");
        assertThatThrownBy(() -> EmbeddedBroker.builder().offsetsRetention(null).build())
                .hasMessageContaining("offsetsRetention");
        assertThatThrownBy(() -> EmbeddedBroker.builder().offsetsRetentionCheckInterval(Duration.ZERO).build())
                .hasMessageContaining("offsetsRetentionCheckInterval");
        assertThatThrownBy(() -> EmbeddedBroker.builder().offsetsTopicPartitions(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offsetsTopicPartitions");
    }
}
