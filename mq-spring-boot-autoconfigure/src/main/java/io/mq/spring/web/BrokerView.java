package io.mq.spring.web;

import io.mq.metadata.Node;

/**
 * A broker in admin API responses.
 *
 * @param id   the broker id
 * @param host its advertised host
 * @param port its port
 */
public record BrokerView(int id, String host, int port) {

    /** The view of {@code node}, or {@code null} for none. */
    static BrokerView of(Node node) {
        return node == null ? null : new BrokerView(node.id(), node.host(), node.port());
    }
}
