package io.mq.broker.cluster;

/**
 * A broker as clients see it in Metadata, FindCoordinator and DescribeCluster.
 *
 * @param id   node id
 * @param host advertised host
 * @param port advertised port
 */
public record BrokerNode(int id, String host, int port) {
}
