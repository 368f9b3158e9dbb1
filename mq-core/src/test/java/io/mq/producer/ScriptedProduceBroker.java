package io.mq.producer;

import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.RequestHeader;
import io.mq.protocol.codec.FrameDecoder;
import io.mq.protocol.codec.Frames;
import io.mq.protocol.message.ApiMessage;
import io.mq.protocol.message.ApiVersionsResponse;
import io.mq.protocol.message.ApiVersionsResponse.ApiVersion;
import io.mq.protocol.message.InitProducerIdResponse;
import io.mq.protocol.message.MetadataResponse;
import io.mq.protocol.message.MetadataResponse.MetadataResponseBroker;
import io.mq.protocol.message.MetadataResponse.MetadataResponsePartition;
import io.mq.protocol.message.MetadataResponse.MetadataResponseTopic;
import io.mq.protocol.message.ProduceRequest;
import io.mq.protocol.message.ProduceResponse;
import io.mq.protocol.message.ProduceResponse.PartitionProduceResponse;
import io.mq.protocol.message.ProduceResponse.TopicProduceResponse;
import io.mq.protocol.record.MemoryRecords;
import io.mq.protocol.record.RecordBatch;
import io.mq.protocol.types.Uuids;
import io.mq.protocol.types.WireReader;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A one-node Kafka-protocol server on 127.0.0.1 whose answers to Produce and InitProducerId follow a script, for the
 * broker errors no real broker can be made to return on demand (out-of-order sequences, unknown producer ids,
 * authorization failures, leader changes). It leads partition 0 of topic {@link #TOPIC}, records the producer id,
 * epoch and base sequence of every batch it receives, and appends the batches it accepts to nothing but a counter.
 * Everything else is tested against the real embedded broker.
 */
final class ScriptedProduceBroker implements AutoCloseable {

    /** The one topic, with one partition led by this server. */
    static final String TOPIC = "scripted";
    /** The producer id InitProducerId hands out. */
    static final long PRODUCER_ID = 4242;

    /** A batch as received. */
    record ReceivedBatch(long producerId, short epoch, int baseSequence, int records) {
    }

    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("scripted-produce", true));
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final IntFunction<Errors> produceAnswers;
    private final IntFunction<Errors> initProducerIdAnswers;
    private final List<ReceivedBatch> batches = new CopyOnWriteArrayList<>();
    private final AtomicInteger produceRequests = new AtomicInteger();
    private final AtomicInteger metadataRequests = new AtomicInteger();
    private final AtomicInteger initProducerIdRequests = new AtomicInteger();
    private final AtomicLong nextOffset = new AtomicLong();
    private final Channel server;

    /**
     * @param produceAnswers        the error for the n-th Produce request (from 0)
     * @param initProducerIdAnswers the error for the n-th InitProducerId request (from 0)
     */
    ScriptedProduceBroker(IntFunction<Errors> produceAnswers, IntFunction<Errors> initProducerIdAnswers)
            throws InterruptedException {
        this.produceAnswers = produceAnswers;
        this.initProducerIdAnswers = initProducerIdAnswers;
        this.server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        ch.pipeline().addLast(new FrameDecoder(1 << 20), new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                ByteBuf frame = (ByteBuf) msg;
                                try {
                                    WireReader in = new WireReader(frame);
                                    RequestHeader header = RequestHeader.read(in);
                                    ApiMessage answer = answer(header, in);
                                    if (answer != null) {
                                        ctx.writeAndFlush(Frames.encodeResponse(ctx.alloc(), header.correlationId(),
                                                header.apiVersion(), answer));
                                    }
                                } finally {
                                    frame.release();
                                }
                            }
                        });
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    /** A server accepting every batch after answering the first Produce requests with {@code errors}, in order. */
    static ScriptedProduceBroker answeringProduce(Errors... errors) throws InterruptedException {
        return new ScriptedProduceBroker(n -> n < errors.length ? errors[n] : Errors.NONE, n -> Errors.NONE);
    }

    /** {@code host:port} for bootstrapping. */
    String bootstrapServers() {
        return "127.0.0.1:" + port();
    }

    /** Every batch received, in order. */
    List<ReceivedBatch> batches() {
        return batches;
    }

    int produceRequests() {
        return produceRequests.get();
    }

    int metadataRequests() {
        return metadataRequests.get();
    }

    int initProducerIdRequests() {
        return initProducerIdRequests.get();
    }

    private int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    private ApiMessage answer(RequestHeader header, WireReader in) {
        return switch (header.apiKey()) {
            case API_VERSIONS -> new ApiVersionsResponse(Errors.NONE.code(), Arrays.stream(ApiKey.values())
                    .map(k -> new ApiVersion(k.id(), k.minVersion(), k.maxVersion())).toList(), 0);
            case METADATA -> {
                metadataRequests.incrementAndGet();
                yield new MetadataResponse(0, List.of(new MetadataResponseBroker(1, "127.0.0.1", port(), null)),
                        "scripted", 1, List.of(new MetadataResponseTopic(Errors.NONE.code(), TOPIC, Uuids.ZERO, false,
                                List.of(new MetadataResponsePartition(Errors.NONE.code(), 0, 1, 0, List.of(1),
                                        List.of(1), List.of())), MetadataResponse.AUTHORIZED_OPERATIONS_OMITTED)),
                        MetadataResponse.AUTHORIZED_OPERATIONS_OMITTED);
            }
            case INIT_PRODUCER_ID -> {
                Errors error = initProducerIdAnswers.apply(initProducerIdRequests.getAndIncrement());
                yield error == Errors.NONE ? new InitProducerIdResponse(0, Errors.NONE.code(), PRODUCER_ID, (short) 0)
                        : new InitProducerIdResponse(0, error.code(), -1L, (short) -1);
            }
            case PRODUCE -> produce(ProduceRequest.read(in, header.apiVersion()));
            default -> throw new IllegalStateException("the scripted broker does not serve " + header.apiKey());
        };
    }

    private ProduceResponse produce(ProduceRequest request) {
        Errors error = produceAnswers.apply(produceRequests.getAndIncrement());
        List<TopicProduceResponse> topics = request.topicData().stream().map(topic -> new TopicProduceResponse(
                topic.name(), topic.partitionData().stream().map(partition -> {
                    RecordBatch batch = RecordBatch.at(((MemoryRecords) partition.records()).buffer());
                    int records = batch.lastOffsetDelta() + 1;
                    batches.add(new ReceivedBatch(batch.producerId(), batch.producerEpoch(), batch.baseSequence(),
                            records));
                    long offset = error == Errors.NONE ? nextOffset.getAndAdd(records) : -1L;
                    return new PartitionProduceResponse(partition.index(), error.code(), offset, -1L, 0L, List.of(),
                            error == Errors.NONE ? null : "scripted " + error);
                }).toList())).toList();
        return request.acks() == 0 ? null : new ProduceResponse(topics, 0);
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
