package io.mq.client.internal;

/**
 * A point-in-time view of a {@link ConnectionPool}, for gauges and counters.
 *
 * @param connections        open connections (connecting, establishing or ready)
 * @param readyConnections   connections accepting requests
 * @param inFlightRequests   requests awaiting responses, over all connections
 * @param queuedRequests     requests waiting to be sent, over all connections
 * @param connectionsCreated connections ever created
 * @param connectFailures    connections that could not be established
 * @param connectionsLost    established connections that failed (not closed for idleness)
 */
public record ConnectionPoolStats(int connections, int readyConnections, int inFlightRequests, int queuedRequests,
        long connectionsCreated, long connectFailures, long connectionsLost) {
}
