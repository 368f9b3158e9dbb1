package io.mq.broker.network;

import io.mq.broker.handler.HandlerRegistry;
import io.mq.protocol.codec.FrameDecoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The broker's Netty server: one boss thread accepting connections, worker event loops running each connection's
 * pipeline (idle detection, framing, dispatch).
 */
public final class BrokerServer implements AutoCloseable {

    private final int maxFrameBytes;
    private volatile HandlerRegistry registry;
    private volatile RequestStats stats;
    private final Duration connectionsMaxIdle;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelGroup channels = new DefaultChannelGroup("mq-broker", GlobalEventExecutor.INSTANCE);
    private Channel serverChannel;

    /**
     * Starts the event loops; nothing listens before {@link #bind}, nothing is accepted before {@link #serve}.
     * Independent of storage, so a broker may create and bind it while its storage opens.
     *
     * @param ioThreads          worker event-loop threads
     * @param maxFrameBytes      largest accepted request frame
     * @param connectionsMaxIdle idle time after which a connection with no pending request is closed
     */
    public BrokerServer(int ioThreads, int maxFrameBytes, Duration connectionsMaxIdle) {
        this.maxFrameBytes = maxFrameBytes;
        this.connectionsMaxIdle = connectionsMaxIdle;
        this.boss = new NioEventLoopGroup(1, new DefaultThreadFactory("mq-broker-accept", true));
        this.workers = new NioEventLoopGroup(ioThreads, new DefaultThreadFactory("mq-broker-io", true));
    }

    /**
     * Binds the listening socket with accepting paused: clients that connect wait in the backlog (their first
     * request in the socket buffer) until {@link #serve}. Lets a broker take its port before its storage is open.
     */
    public InetSocketAddress bind(String host, int port) throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        ch.pipeline()
                                .addLast("idle", new IdleStateHandler(0, 0, connectionsMaxIdle.toMillis(), TimeUnit.MILLISECONDS))
                                .addLast("frames", new FrameDecoder(maxFrameBytes))
                                .addLast("requests", new RequestChannelHandler(registry, stats));
                    }
                });
        serverChannel = bootstrap.bind(host, port).sync().channel();
        channels.add(serverChannel);
        return address();
    }

    /** The address {@link #bind} bound. */
    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /**
     * Starts accepting connections (those waiting in the backlog first), dispatching their requests to
     * {@code registry}. Call once, after {@link #bind}.
     *
     * @param registry the handlers to dispatch to
     * @param stats    where answered requests are counted
     */
    public void serve(HandlerRegistry registry, RequestStats stats) {
        this.registry = registry;
        this.stats = stats;
        serverChannel.config().setAutoRead(true);
    }

    /** Closes the listener and every connection, then stops the event loops. */
    @Override
    public void close() {
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
