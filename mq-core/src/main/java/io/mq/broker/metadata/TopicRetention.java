package io.mq.broker.metadata;

import io.mq.broker.BrokerConfig;
import io.mq.broker.storage.PartitionId;
import io.mq.broker.storage.Retention;
import io.mq.broker.storage.RetentionLookup;
import java.util.Map;

/** Resolves a partition's retention from its topic's {@code retention.ms} / {@code retention.bytes} or the broker defaults. */
public final class TopicRetention implements RetentionLookup {

    private static final Retention UNLIMITED = new Retention(-1, -1);

    private final TopicRegistry registry;
    private final Map<String, String> defaults;

    public TopicRetention(BrokerConfig config, TopicRegistry registry) {
        this.registry = registry;
        this.defaults = TopicConfig.defaults(config);
    }

    @Override
    public Retention retentionFor(PartitionId id) {
        Topic topic = registry.byId(id.topicId());
        if (topic == null) {
            return UNLIMITED;
        }
        return new Retention(Long.parseLong(topic.config(TopicConfig.RETENTION_MS, defaults.get(TopicConfig.RETENTION_MS))),
                Long.parseLong(topic.config(TopicConfig.RETENTION_BYTES, defaults.get(TopicConfig.RETENTION_BYTES))));
    }
}
