/**
 * Who leads what: the {@link io.mq.broker.cluster.ClusterView} a broker's handlers consult (its nodes, partition
 * leaders, group coordinators), trivial for a single broker and backed by the shared
 * {@link io.mq.broker.cluster.ClusterController} in a multi-broker test cluster.
 */
package io.mq.broker.cluster;
