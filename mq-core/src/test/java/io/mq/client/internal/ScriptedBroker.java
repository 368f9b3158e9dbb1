package io.mq.client.internal;

import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.RequestHeader;
import io.mq.protocol.codec.FrameDecoder;
import io.mq.protocol.codec.Frames;
import io.mq.protocol.message.ApiVersionsResponse;
import io.mq.protocol.message.ApiVersionsResponse.ApiVersion;
import io.mq.protocol.message.MetadataResponse;
import io.mq.protocol.types.WireReader;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny TCP server on 127.0.0.1 that reads request frames and answers them as a script says, for the failures no
 * real broker can be made to show: silence, an old ApiVersions range, a wrong correlation id. Everything else is
 * tested against the real embedded broker. Public for the admin client's retry tests.
 */
public final class ScriptedBroker implements AutoCloseable {

    /** Decides the answer to one request. */
    @FunctionalInterface
    public interface Script {
        /**
         * @param header the request header
         * @param index  the request's position on its connection, from 0
         * @return the response frame, or null to ignore the request
         */
        ByteBuf answer(RequestHeader header, int index, ByteBufAllocator alloc);
    }

    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("scripted-broker", true));
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final List<RequestHeader> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Channel server;

    public ScriptedBroker(Script script) throws InterruptedException {
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.incrementAndGet();
                        channels.add(ch);
                        ch.pipeline().addLast(new FrameDecoder(1 << 20), new ChannelInboundHandlerAdapter() {
                            private int index;

                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                ByteBuf frame = (ByteBuf) msg;
                                RequestHeader header;
                                try {
                                    header = RequestHeader.read(new WireReader(frame));
                                } finally {
                                    frame.release();
                                }
                                requests.add(header);
                                ByteBuf answer = script.answer(header, index++, ctx.alloc());
                                if (answer != null) {
                                    ctx.writeAndFlush(answer);
                                }
                            }
                        });
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    /** Reads everything, answers nothing. */
    static ScriptedBroker silent() throws InterruptedException {
        return new ScriptedBroker((header, index, alloc) -> null);
    }

    /** Answers the first request of each connection (the ApiVersions handshake), then goes silent. */
    static ScriptedBroker silentAfterHandshake() throws InterruptedException {
        return new ScriptedBroker((header, index, alloc) -> index == 0 ? apiVersions(header, alloc) : null);
    }

    /** A broker knowing ApiVersions only up to {@code maxVersion}; answers Metadata with an empty cluster. */
    static ScriptedBroker withApiVersionsUpTo(int maxVersion) throws InterruptedException {
        return new ScriptedBroker((header, index, alloc) -> {
            if (header.apiKey() == ApiKey.API_VERSIONS) {
                if (header.apiVersion() > maxVersion) {
                    ApiVersionsResponse unsupported = new ApiVersionsResponse(Errors.UNSUPPORTED_VERSION.code(),
                            List.of(new ApiVersion(ApiKey.API_VERSIONS.id(), (short) 0, (short) maxVersion)), 0);
                    return Frames.encodeResponse(alloc, header.correlationId(), (short) 0, (short) 0, unsupported);
                }
                return apiVersions(header, alloc, (short) maxVersion);
            }
            return metadata(header, header.correlationId(), alloc);
        });
    }

    /** Answers the handshake correctly and every later request with a correlation id off by 1000. */
    static ScriptedBroker withWrongCorrelationIds() throws InterruptedException {
        return new ScriptedBroker((header, index, alloc) -> index == 0 ? apiVersions(header, alloc)
                : metadata(header, header.correlationId() + 1000, alloc));
    }

    /** An ApiVersions answer advertising every api mq knows. */
    public static ByteBuf apiVersions(RequestHeader header, ByteBufAllocator alloc) {
        return apiVersions(header, alloc, ApiKey.API_VERSIONS.maxVersion());
    }

    /** An ApiVersions answer advertising every api mq knows, ApiVersions itself only up to {@code maxApiVersions}. */
    static ByteBuf apiVersions(RequestHeader header, ByteBufAllocator alloc, short maxApiVersions) {
        List<ApiVersion> all = Arrays.stream(ApiKey.values())
                .map(k -> new ApiVersion(k.id(), k.minVersion(),
                        k == ApiKey.API_VERSIONS ? maxApiVersions : k.maxVersion())).toList();
        return Frames.encodeResponse(alloc, header.correlationId(), header.apiVersion(),
                new ApiVersionsResponse(Errors.NONE.code(), all, 0));
    }

    private static ByteBuf metadata(RequestHeader header, int correlationId, ByteBufAllocator alloc) {
        MetadataResponse empty = new MetadataResponse(0, List.of(new MetadataResponse.MetadataResponseBroker(7,
                "127.0.0.1", 1, null)), "scripted", 7, List.of(), MetadataResponse.AUTHORIZED_OPERATIONS_OMITTED);
        return Frames.encodeResponse(alloc, correlationId, header.apiVersion(), empty);
    }

    /** The address as a node with id 7. */
    public Node node() {
        return new Node(7, "127.0.0.1", ((InetSocketAddress) server.localAddress()).getPort());
    }

    /** The headers of every request received, in order. */
    public List<RequestHeader> requests() {
        return requests;
    }

    /** Connections accepted so far. */
    int connectionsAccepted() {
        return connections.get();
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
