package io.mq.broker.handler;

/** Kafka's config source codes, as DescribeConfigs and CreateTopics v5+ report them. */
final class ConfigSources {

    /** Set on the topic. */
    static final byte TOPIC = 1;
    /** Set in the broker's static configuration. */
    static final byte STATIC_BROKER = 4;
    /** The default value. */
    static final byte DEFAULT = 5;

    private ConfigSources() {
    }
}
