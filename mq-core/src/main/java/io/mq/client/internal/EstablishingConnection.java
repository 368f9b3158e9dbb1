package io.mq.client.internal;

import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.message.ApiMessage;
import io.mq.protocol.types.WireReader;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/** What a {@link ConnectionStage} may use while the connection is being established. */
public interface EstablishingConnection {

    /** The broker connected to. */
    Node broker();

    /** The negotiated api versions. */
    NegotiatedVersions versions();

    /** The channel, e.g. to inspect an {@code SslHandler}'s session. */
    Channel channel();

    /** Sends a request now, ahead of the requests waiting for the connection to become ready. */
    <T> CompletableFuture<T> send(ApiKey api, ApiMessage request, BiFunction<WireReader, Short, T> responseReader);
}
