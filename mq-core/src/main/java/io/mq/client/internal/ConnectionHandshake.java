package io.mq.client.internal;

import io.mq.client.MqExceptions;
import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.message.ApiMessage;
import io.mq.protocol.message.ApiVersionsRequest;
import io.mq.protocol.message.ApiVersionsResponse;
import io.mq.protocol.types.WireReader;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Establishes a connection once TCP is up: ApiVersions negotiation (v4 first; on UNSUPPORTED_VERSION, per KIP-511, once
 * more with the highest version the broker listed), the check that every required api has a common version, then the
 * {@link ConnectionSetup} stages in order. Runs on the connection's event loop; the result completes there with the
 * negotiated versions, or fails with the reason the connection cannot be used.
 */
final class ConnectionHandshake {

    private static final Logger log = LoggerFactory.getLogger(ConnectionHandshake.class);

    /** The client software name sent in ApiVersions (v3+). */
    static final String CLIENT_SOFTWARE_NAME = "mq-java";
    /** The client software version sent in ApiVersions (v3+), as Kafka's name pattern allows. */
    static final String CLIENT_SOFTWARE_VERSION = softwareVersion();

    /** How the handshake talks through its connection. */
    interface Transport {

        /** Sends a request with an explicit version ahead of queued requests; completes on the event loop. */
        <T> CompletableFuture<T> sendSetup(ApiKey api, ApiMessage request, BiFunction<WireReader, Short, T> reader,
                short version);

        /** The connection's channel. */
        Channel channel();

        /** Runs {@code task} on the connection's event loop. */
        void execute(Runnable task);
    }

    private final Node broker;
    private final Set<ApiKey> requiredApis;
    private final List<ConnectionStage> stages;
    private final Transport transport;
    private final CompletableFuture<NegotiatedVersions> result = new CompletableFuture<>();
    private NegotiatedVersions versions;

    ConnectionHandshake(Node broker, Set<ApiKey> requiredApis, List<ConnectionStage> stages, Transport transport) {
        this.broker = broker;
        this.requiredApis = requiredApis;
        this.stages = stages;
        this.transport = transport;
    }

    /** The ApiVersions request mq sends, for negotiation and as a heartbeat ping. */
    static ApiVersionsRequest apiVersionsRequest() {
        return new ApiVersionsRequest(CLIENT_SOFTWARE_NAME, CLIENT_SOFTWARE_VERSION);
    }

    /** Starts the handshake. */
    CompletableFuture<NegotiatedVersions> start() {
        negotiate(ApiKey.API_VERSIONS.maxVersion(), false);
        return result;
    }

    private void negotiate(short version, boolean retried) {
        transport.sendSetup(ApiKey.API_VERSIONS, apiVersionsRequest(), ConnectionHandshake::readApiVersions, version)
                .whenComplete((response, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        negotiated(response, version, retried);
                    }
                });
    }

    /** KIP-511: a broker that does not know our ApiVersions version answers with a v0 body and UNSUPPORTED_VERSION. */
    private static ApiVersionsResponse readApiVersions(WireReader in, short version) {
        short errorCode = in.buffer().getShort(in.buffer().readerIndex());
        return ApiVersionsResponse.read(in, errorCode == Errors.UNSUPPORTED_VERSION.code() ? 0 : version);
    }

    private void negotiated(ApiVersionsResponse response, short requested, boolean retried) {
        Errors error = Errors.forCode(response.errorCode());
        if (error == Errors.UNSUPPORTED_VERSION && !retried) {
            short theirMax = response.apiKeys().stream()
                    .filter(v -> v.apiKey() == ApiKey.API_VERSIONS.id())
                    .map(ApiVersionsResponse.ApiVersion::maxVersion)
                    .findFirst().orElse((short) 0);
            short next = (short) Math.min(theirMax, ApiKey.API_VERSIONS.maxVersion());
            if (next < requested) {
                log.debug("{} does not support ApiVersions v{}; retrying with v{}", broker, requested, next);
                negotiate(next, true);
                return;
            }
        }
        if (error != Errors.NONE) {
            result.completeExceptionally(MqExceptions.fromError(error, "ApiVersions v" + requested + " negotiation",
                    broker, ApiKey.API_VERSIONS));
            return;
        }
        NegotiatedVersions negotiated = NegotiatedVersions.negotiate(broker, response.apiKeys());
        try {
            negotiated.require(requiredApis);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        versions = negotiated;
        runStage(0);
    }

    private void runStage(int index) {
        if (index == stages.size()) {
            result.complete(versions);
            return;
        }
        CompletableFuture<Void> stage;
        try {
            stage = stages.get(index).establish(new Establishing());
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((ignored, error) -> transport.execute(() -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                runStage(index + 1);
            }
        }));
    }

    private static String softwareVersion() {
        String version = ConnectionHandshake.class.getPackage().getImplementationVersion();
        return version != null && version.matches("[a-zA-Z0-9](?:[a-zA-Z0-9\\-.]*[a-zA-Z0-9])?") ? version : "unknown";
    }

    /** The view of the connection that establishment stages get. */
    private final class Establishing implements EstablishingConnection {

        @Override
        public Node broker() {
            return broker;
        }

        @Override
        public NegotiatedVersions versions() {
            return versions;
        }

        @Override
        public Channel channel() {
            return transport.channel();
        }

        @Override
        public <T> CompletableFuture<T> send(ApiKey api, ApiMessage request,
                BiFunction<WireReader, Short, T> responseReader) {
            return transport.sendSetup(api, request, Objects.requireNonNull(responseReader, "responseReader"),
                    versions.version(api));
        }
    }
}
