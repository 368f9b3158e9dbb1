package io.mq.broker.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicRegistryTest {

    @TempDir
    Path dir;

    @Test
    void reloadReturnsTopicsWithConfigValuesNeedingEscapes() {
        Map<String, String> configs = Map.of("message.format", "a=b: #!c\\d\te\nf g", "retention.ms", "-1",
                "note", " leading space and ünïcode");
        Topic created = TopicRegistry.load(dir).create("orders.v1", 3, configs);

        Topic reloaded = TopicRegistry.load(dir).get("orders.v1");

        assertThat(reloaded).isEqualTo(created);
        assertThat(reloaded.configs()).isEqualTo(configs);
    }

    @Test
    void newTopicIdsAreDistinctVersionFourUuids() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = TopicRegistry.newTopicId();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }
}
