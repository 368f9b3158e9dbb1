package io.mq.client.internal;

import java.util.concurrent.CompletableFuture;

/**
 * A step of connection establishment that runs after ApiVersions negotiation and before the connection accepts
 * requests, e.g. a SASL handshake. Stages run in order; a failed stage fails the connection.
 */
@FunctionalInterface
public interface ConnectionStage {

    /** Runs the step; the future completes (on any thread) when the connection may proceed. */
    CompletableFuture<Void> establish(EstablishingConnection connection);
}
