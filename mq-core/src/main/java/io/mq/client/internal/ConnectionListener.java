package io.mq.client.internal;

import io.mq.client.MqException;
import io.mq.metadata.Node;

/** Connection events of a {@link ConnectionPool}, for metadata refresh and metrics. Called on event-loop threads. */
public interface ConnectionListener {

    /** A connection to {@code broker} became ready. */
    default void connectionReady(Node broker) {
    }

    /**
     * A connection to {@code broker} closed.
     *
     * @param cause       why, or null when it was closed because it was idle or the pool closed
     * @param established whether it had been ready (a lost connection) rather than failing to connect
     */
    default void connectionClosed(Node broker, MqException cause, boolean established) {
    }
}
