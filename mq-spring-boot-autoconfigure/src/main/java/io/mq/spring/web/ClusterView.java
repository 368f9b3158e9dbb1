package io.mq.spring.web;

import io.mq.admin.ClusterDescription;
import java.util.List;

/**
 * Body of {@code GET /admin/cluster}.
 *
 * @param clusterId  the cluster id, or {@code null} when the broker gives none
 * @param controller the controller, or {@code null} when unknown
 * @param brokers    the brokers, ordered by id
 */
public record ClusterView(String clusterId, BrokerView controller, List<BrokerView> brokers) {

    static ClusterView of(ClusterDescription cluster) {
        return new ClusterView(cluster.clusterId(), BrokerView.of(cluster.controller()),
                cluster.nodes().stream().map(BrokerView::of).toList());
    }
}
