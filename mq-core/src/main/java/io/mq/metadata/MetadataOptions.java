package io.mq.metadata;

import io.mq.client.MqConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Immutable settings of a {@link MetadataManager}. Built by {@link #builder(List)}; every default is a
 * {@code DEFAULT_*} constant and every value is validated by {@link Builder#build()} with a
 * {@link MqConfigurationException} naming the setting.
 *
 * @param bootstrapServers       {@code host:port} addresses tried in order until one answers
 * @param metadataMaxAge         metadata older than this is refreshed even when nothing asks for it
 * @param refreshBackoff         the shortest gap between two refreshes, so errors cannot cause a refresh storm
 * @param allowAutoTopicCreation whether Metadata requests ask the broker to create missing topics
 */
public record MetadataOptions(List<String> bootstrapServers, Duration metadataMaxAge, Duration refreshBackoff,
        boolean allowAutoTopicCreation) {

    public static final Duration DEFAULT_METADATA_MAX_AGE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REFRESH_BACKOFF = Duration.ofMillis(100);
    public static final boolean DEFAULT_ALLOW_AUTO_TOPIC_CREATION = true;

    /** Validates every setting, including each bootstrap address. */
    public MetadataOptions {
        if (bootstrapServers == null || bootstrapServers.isEmpty()) {
            throw new MqConfigurationException("invalid metadata option: bootstrapServers must list at least one "
                    + "host:port");
        }
        bootstrapServers = List.copyOf(bootstrapServers);
        bootstrapNodes(bootstrapServers);
        requirePositive("metadataMaxAge", metadataMaxAge);
        requirePositive("refreshBackoff", refreshBackoff);
    }

    /** A builder for {@code bootstrapServers} with the other settings at their defaults. */
    public static Builder builder(List<String> bootstrapServers) {
        return new Builder(bootstrapServers);
    }

    /** A builder for a comma-separated {@code host:port} list. */
    public static Builder builder(String bootstrapServers) {
        List<String> list = new ArrayList<>();
        for (String s : bootstrapServers.split(",")) {
            if (!s.isBlank()) {
                list.add(s.trim());
            }
        }
        return new Builder(list);
    }

    /** The bootstrap addresses as nodes with ids -1, -2, ... in the order given. */
    public List<Node> bootstrapNodes() {
        return bootstrapNodes(bootstrapServers);
    }

    private static List<Node> bootstrapNodes(List<String> servers) {
        List<Node> nodes = new ArrayList<>(servers.size());
        for (int i = 0; i < servers.size(); i++) {
            nodes.add(Node.parse(servers.get(i), -(i + 1)));
        }
        return List.copyOf(nodes);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new MqConfigurationException("invalid metadata option: " + name + " must be positive, was " + value);
        }
    }

    /** Builds {@link MetadataOptions}; see the record components for what each setting means. */
    public static final class Builder {
        private final List<String> bootstrapServers;
        private Duration metadataMaxAge = DEFAULT_METADATA_MAX_AGE;
        private Duration refreshBackoff = DEFAULT_REFRESH_BACKOFF;
        private boolean allowAutoTopicCreation = DEFAULT_ALLOW_AUTO_TOPIC_CREATION;

        private Builder(List<String> bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
        }

        public Builder metadataMaxAge(Duration metadataMaxAge) {
            this.metadataMaxAge = metadataMaxAge;
            return this;
        }

        public Builder refreshBackoff(Duration refreshBackoff) {
            this.refreshBackoff = refreshBackoff;
            return this;
        }

        public Builder allowAutoTopicCreation(boolean allowAutoTopicCreation) {
            this.allowAutoTopicCreation = allowAutoTopicCreation;
            return this;
        }

        /** Validates the settings. */
        public MetadataOptions build() {
            return new MetadataOptions(bootstrapServers, metadataMaxAge, refreshBackoff, allowAutoTopicCreation);
        }
    }
}
