package io.mq.client.internal;

import io.netty.resolver.AddressResolverGroup;
import java.net.InetSocketAddress;
import io.mq.client.ConnectionOptions;
import io.mq.metadata.Node;
import io.mq.protocol.codec.FrameDecoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Opens the channel of a {@link BrokerConnection}: TCP_NODELAY, keepalive as configured, and the pipeline
 * {@code [setup hook handlers (TLS)] → heartbeat (IdleStateHandler) → frames (FrameDecoder) → responses}.
 */
final class ConnectionChannels {

    private ConnectionChannels() {
    }

    /**
     * Starts connecting on {@code loop}; the returned future's channel exists at once.
     *
     * @param resolver  resolves the broker's host name without blocking the loop
     * @param responses the connection's own handler, last in the pipeline
     */
    static ChannelFuture connect(EventLoop loop, AddressResolverGroup<InetSocketAddress> resolver, Node broker,
            ConnectionOptions options, ConnectionSetup setup, ChannelHandler responses) {
        return new Bootstrap()
                .group(loop)
                .resolver(resolver)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, options.tcpKeepAlive())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        setup.pipelineHook().initChannel(ch, broker);
                        if (options.heartbeatEnabled()) {
                            ch.pipeline().addLast("heartbeat", new IdleStateHandler(
                                    options.heartbeatTimeout().toNanos(), options.heartbeatInterval().toNanos(), 0,
                                    TimeUnit.NANOSECONDS));
                        }
                        ch.pipeline()
                                .addLast("frames", new FrameDecoder(options.maxFrameBytes()))
                                .addLast("responses", responses);
                    }
                })
                .connect(broker.host(), broker.port());
    }
}
