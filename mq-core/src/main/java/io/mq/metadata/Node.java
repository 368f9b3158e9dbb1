package io.mq.metadata;

import io.mq.client.MqConfigurationException;

/**
 * A broker: its id and the address clients connect to. Bootstrap addresses, whose ids are not known yet, get negative
 * ids (-1, -2, ...), as in Kafka.
 *
 * @param id   the broker id, negative for a bootstrap address
 * @param host the advertised host name or IP literal
 * @param port the advertised port, 1..65535
 */
public record Node(int id, String host, int port) {

    /** Validates the host and port. */
    public Node {
        if (host == null || host.isBlank()) {
            throw new MqConfigurationException("broker host must not be blank (node " + id + ")");
        }
        if (port < 1 || port > 65535) {
            throw new MqConfigurationException("broker port must be 1..65535, was " + port + " for " + host);
        }
    }

    /**
     * Parses {@code host:port} (an IPv6 literal in brackets: {@code [::1]:9092}) into a node with {@code id}.
     *
     * @throws MqConfigurationException when the text is not {@code host:port}
     */
    public static Node parse(String hostPort, int id) {
        if (hostPort == null) {
            throw new MqConfigurationException("broker address must not be null");
        }
        String text = hostPort.trim();
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new MqConfigurationException("broker address must be host:port, was '" + hostPort + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new MqConfigurationException("an IPv6 broker address needs brackets ([::1]:9092), was '"
                    + hostPort + "'");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new MqConfigurationException("broker port must be a number in '" + hostPort + "'");
        }
        return new Node(id, host, port);
    }

    /** Whether this is a bootstrap address rather than a broker known from metadata. */
    public boolean isBootstrap() {
        return id < 0;
    }

    /** {@code host:port}, with an IPv6 literal in brackets. */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return (isBootstrap() ? "bootstrap " : "node " + id + " ") + address();
    }
}
