package io.mq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.junit.EmbeddedBrokerExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.AlterConfigsOptions;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real Java {@link Admin#incrementalAlterConfigs} against the embedded broker. */
class KafkaIncrementalAlterConfigsIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = EmbeddedBrokerExtension.with(b -> b.autoCreateTopics(false));

    private static Admin admin;

    @BeforeAll
    static void connect() {
        admin = KafkaClients.admin(BROKER.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void setDeleteAppendAndSubtractChangeOnlyTheNamedEntries() throws Exception {
        createTopic("altered", Map.of("retention.ms", "60000", "segment.bytes", "1048576"));
        ConfigResource topic = topic("altered");

        alter(topic, false,
                new AlterConfigOp(new ConfigEntry("retention.ms", "120000"), AlterConfigOp.OpType.SET),
                new AlterConfigOp(new ConfigEntry("segment.bytes", null), AlterConfigOp.OpType.DELETE),
                new AlterConfigOp(new ConfigEntry("cleanup.policy", "compact"), AlterConfigOp.OpType.APPEND));

        Config config = describe(topic);
        assertThat(config.get("retention.ms").value()).isEqualTo("120000");
        assertThat(config.get("retention.ms").source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
        assertThat(config.get("segment.bytes").source()).isEqualTo(ConfigEntry.ConfigSource.DEFAULT_CONFIG);
        assertThat(config.get("cleanup.policy").value()).isEqualTo("delete,compact");

        alter(topic, false,
                new AlterConfigOp(new ConfigEntry("cleanup.policy", "delete"), AlterConfigOp.OpType.SUBTRACT));

        assertThat(describe(topic).get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(describe(topic).get("retention.ms").value()).isEqualTo("120000");
    }

    @Test
    void validateOnlyChangesNothing() throws Exception {
        createTopic("validated", Map.of("retention.ms", "60000"));
        ConfigResource topic = topic("validated");

        alter(topic, true, new AlterConfigOp(new ConfigEntry("retention.ms", "1"), AlterConfigOp.OpType.SET));

        assertThat(describe(topic).get("retention.ms").value()).isEqualTo("60000");
    }

    @Test
    void invalidValuesUnknownKeysAndListOperationsOnScalarsAreInvalidConfig() throws Exception {
        createTopic("rejected", Map.of());
        ConfigResource topic = topic("rejected");

        assertThatThrownBy(() -> alter(topic, false,
                new AlterConfigOp(new ConfigEntry("retention.ms", "soon"), AlterConfigOp.OpType.SET)))
                .hasCauseInstanceOf(InvalidConfigurationException.class).hasMessageContaining("retention.ms");
        assertThatThrownBy(() -> alter(topic, false,
                new AlterConfigOp(new ConfigEntry("no.such.config", "1"), AlterConfigOp.OpType.SET)))
                .hasCauseInstanceOf(InvalidConfigurationException.class).hasMessageContaining("no.such.config");
        assertThatThrownBy(() -> alter(topic, false,
                new AlterConfigOp(new ConfigEntry("retention.ms", "5"), AlterConfigOp.OpType.APPEND)))
                .hasCauseInstanceOf(InvalidConfigurationException.class).hasMessageContaining("not a list");
        assertThat(describe(topic).get("retention.ms").source()).isEqualTo(ConfigEntry.ConfigSource.DEFAULT_CONFIG);
    }

    @Test
    void unknownTopicAndBrokerResourcesAreRejected() {
        assertThatThrownBy(() -> alter(topic("missing"), false,
                new AlterConfigOp(new ConfigEntry("retention.ms", "1000"), AlterConfigOp.OpType.SET)))
                .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
        assertThatThrownBy(() -> alter(new ConfigResource(ConfigResource.Type.BROKER, "0"), false,
                new AlterConfigOp(new ConfigEntry("log.retention.ms", "1000"), AlterConfigOp.OpType.SET)))
                .hasCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("only topic configs");
    }

    private static void createTopic(String name, Map<String, String> configs) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, 1, (short) 1).configs(configs))).all().get(10, TimeUnit.SECONDS);
    }

    private static ConfigResource topic(String name) {
        return new ConfigResource(ConfigResource.Type.TOPIC, name);
    }

    private static void alter(ConfigResource resource, boolean validateOnly, AlterConfigOp... ops) throws Exception {
        admin.incrementalAlterConfigs(Map.of(resource, List.of(ops)), new AlterConfigsOptions().validateOnly(validateOnly))
                .all().get(10, TimeUnit.SECONDS);
    }

    private static Config describe(ConfigResource resource) throws Exception {
        return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
    }
}
