package io.mq.metadata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of cluster metadata: the brokers, the controller and, for each topic asked about, its
 * partitions and their leaders. A new snapshot replaces the old one on every refresh; holders of an old one keep a
 * consistent view.
 */
public final class Cluster {

    private final String clusterId;
    private final Node controller;
    private final Map<Integer, Node> nodes;
    private final Map<String, TopicMetadata> topics;
    private final Instant fetchedAt;

    /**
     * @param clusterId  the cluster id, or null when unknown
     * @param controller the controller, or null when unknown
     * @param nodes      the brokers
     * @param topics     the topics described
     * @param fetchedAt  when the metadata was received, or null for a bootstrap snapshot
     */
    public Cluster(String clusterId, Node controller, Collection<Node> nodes, Collection<TopicMetadata> topics,
            Instant fetchedAt) {
        this.clusterId = clusterId;
        this.controller = controller;
        Map<Integer, Node> byId = new LinkedHashMap<>();
        nodes.stream().sorted(Comparator.comparingInt(Node::id)).forEach(n -> byId.put(n.id(), n));
        this.nodes = Collections.unmodifiableMap(byId);
        Map<String, TopicMetadata> byName = new LinkedHashMap<>();
        topics.forEach(t -> byName.put(t.name(), t));
        this.topics = Collections.unmodifiableMap(byName);
        this.fetchedAt = fetchedAt;
    }

    /** A snapshot knowing only the bootstrap addresses, before any metadata arrived. */
    public static Cluster bootstrap(List<Node> bootstrapNodes) {
        return new Cluster(null, null, bootstrapNodes, List.of(), null);
    }

    /** Whether this snapshot holds only bootstrap addresses. */
    public boolean isBootstrap() {
        return fetchedAt == null;
    }

    /** The cluster id, if known. */
    public Optional<String> clusterId() {
        return Optional.ofNullable(clusterId);
    }

    /** The controller, if known. */
    public Optional<Node> controller() {
        return Optional.ofNullable(controller);
    }

    /** The brokers, ordered by id. */
    public List<Node> nodes() {
        return new ArrayList<>(nodes.values());
    }

    /** The broker with {@code id}, if known. */
    public Optional<Node> node(int id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** The described topics by name. */
    public Map<String, TopicMetadata> topics() {
        return topics;
    }

    /** The topic named {@code name}, if this snapshot describes it (possibly with an error). */
    public Optional<TopicMetadata> topic(String name) {
        return Optional.ofNullable(topics.get(name));
    }

    /** The leader of {@code topic}'s partition {@code partition}, if known. */
    public Optional<Node> leaderFor(String topic, int partition) {
        return topic(topic).flatMap(t -> t.partition(partition)).flatMap(PartitionMetadata::leaderNode);
    }

    /** When this metadata was received; null for a bootstrap snapshot. */
    public Instant fetchedAt() {
        return fetchedAt;
    }

    @Override
    public String toString() {
        return "Cluster[id=" + clusterId + ", controller=" + controller + ", nodes=" + nodes.values() + ", topics="
                + topics.keySet() + ", fetchedAt=" + fetchedAt + "]";
    }
}
