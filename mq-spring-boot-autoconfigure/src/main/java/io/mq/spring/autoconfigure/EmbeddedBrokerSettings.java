package io.mq.spring.autoconfigure;

import io.mq.broker.EmbeddedBroker;

/** The one place that maps {@code mq.embedded.*} onto the broker's builder. */
final class EmbeddedBrokerSettings {

    private EmbeddedBrokerSettings() {
    }

    static EmbeddedBroker.Builder apply(MqProperties.Embedded embedded, EmbeddedBroker.Builder builder) {
        return builder.host(embedded.getHost())
                .port(embedded.getPort())
                .dataDir(embedded.getDataDir())
                .brokerId(embedded.getBrokerId())
                .clusterId(embedded.getClusterId())
                .flushMode(embedded.getFlush())
                .flushInterval(embedded.getFlushInterval())
                .segmentBytes(embedded.getSegmentSize().toBytes())
                .retention(embedded.getRetention())
                .retentionBytes(embedded.getRetentionSize() == null ? -1 : embedded.getRetentionSize().toBytes())
                .autoCreateTopics(embedded.isAutoCreateTopics())
                .defaultPartitions(embedded.getDefaultPartitions())
                .groupInitialRebalanceDelay(embedded.getGroupInitialRebalanceDelay())
                .offsetsRetention(embedded.getOffsetsRetention())
                .maxMessageBytes(Math.toIntExact(embedded.getMaxMessageSize().toBytes()));
    }
}
