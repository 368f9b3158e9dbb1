/**
 * The client network engine, which users never import: {@link io.mq.client.internal.BrokerConnection} (one channel,
 * version negotiation, in-flight table, timeouts, heartbeat) and {@link io.mq.client.internal.ConnectionPool}
 * (connections per broker, lazy or eager connect, idle reclaim, reconnect backoff).
 */
package io.mq.client.internal;
