package io.mq.admin;

import io.mq.metadata.Node;
import java.util.List;

/**
 * The cluster as {@link MqAdmin#describeCluster()} describes it.
 *
 * @param clusterId  the cluster id, or {@code null} when the broker gives none
 * @param controller the controller (for KRaft clusters, the broker clients send controller requests to), or
 *                   {@code null} when unknown
 * @param nodes      the brokers, ordered by id
 */
public record ClusterDescription(String clusterId, Node controller, List<Node> nodes) {

    /** Copies the node list. */
    public ClusterDescription {
        nodes = List.copyOf(nodes);
    }
}
