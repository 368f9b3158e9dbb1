package io.mq.client.internal;

import io.mq.metadata.Node;
import io.netty.channel.socket.SocketChannel;
import java.util.List;

/**
 * How connections are set up beyond plain TCP: a hook that adds handlers at the head of each new channel's pipeline
 * (where an {@code SslHandler} belongs) and the establishment stages run after ApiVersions negotiation (where a SASL
 * handshake belongs). {@link #NONE} is plain TCP.
 *
 * @param pipelineHook called first when a channel is initialized, before mq adds its own handlers
 * @param stages       run in order after ApiVersions negotiation, before the first request
 */
public record ConnectionSetup(PipelineHook pipelineHook, List<ConnectionStage> stages) {

    /** Plain TCP: no extra handlers, no extra stages. */
    public static final ConnectionSetup NONE = new ConnectionSetup((channel, broker) -> { }, List.of());

    /** Copies the stage list. */
    public ConnectionSetup {
        stages = List.copyOf(stages);
    }

    /** Adds handlers to a new channel's pipeline. */
    @FunctionalInterface
    public interface PipelineHook {

        /** Called on the channel's event loop before mq's framing handlers are added. */
        void initChannel(SocketChannel channel, Node broker);
    }
}
