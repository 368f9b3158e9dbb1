package io.mq.broker.network;

import io.mq.broker.handler.HandlerRegistry;
import io.mq.broker.handler.RequestContext;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.ProtocolException;
import io.mq.protocol.RequestHeader;
import io.mq.protocol.UnsupportedApiException;
import io.mq.protocol.message.ApiMessage;
import io.mq.protocol.message.ApiVersionsResponse;
import io.mq.protocol.types.WireReader;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-connection dispatcher: decodes the header of each frame, hands the body to the registered handler and writes
 * responses in request order. Malformed input closes the connection with a log line naming the peer; it never
 * affects other connections. Owns and releases every inbound frame.
 */
final class RequestChannelHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(RequestChannelHandler.class);

    private final HandlerRegistry registry;
    private final RequestStats stats;
    private final ResponseQueue responses = new ResponseQueue();

    RequestChannelHandler(HandlerRegistry registry, RequestStats stats) {
        this.registry = registry;
        this.stats = stats;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        long startNanos = System.nanoTime();
        ApiKey apiKey;
        ResponseQueue.Slot slot;
        CompletionStage<? extends ApiMessage> stage;
        try {
            WireReader in = new WireReader(frame);
            RequestHeader header = RequestHeader.read(in);
            apiKey = header.apiKey();
            if (!apiKey.isSupported(header.apiVersion())) {
                if (apiKey == ApiKey.API_VERSIONS) {
                    answerUnsupportedApiVersions(ctx, header);
                    return;
                }
                throw new UnsupportedApiException(apiKey.id(), header.apiVersion(), header.correlationId());
            }
            HandlerRegistry.Registration<?> registration = registry.lookup(apiKey);
            if (registration == null) {
                throw new UnsupportedApiException(apiKey.id(), header.apiVersion(), header.correlationId());
            }
            RequestContext context = new RequestContext(header, ctx.channel().remoteAddress(), ctx.executor());
            slot = responses.add(header.correlationId(), header.apiVersion());
            stage = registration.decodeAndHandle(context, in);
        } finally {
            frame.release();
        }
        stage.whenComplete((response, error) -> {
            stats.record(apiKey, System.nanoTime() - startNanos);
            if (ctx.executor().inEventLoop()) {
                complete(ctx, slot, response, error);
            } else {
                ctx.executor().execute(() -> complete(ctx, slot, response, error));
            }
        });
    }

    /** KIP-511: a too-new ApiVersions request gets a v0 response with UNSUPPORTED_VERSION and our ranges. */
    private void answerUnsupportedApiVersions(ChannelHandlerContext ctx, RequestHeader header) {
        ResponseQueue.Slot slot = responses.add(header.correlationId(), (short) 0);
        complete(ctx, slot, new ApiVersionsResponse(Errors.UNSUPPORTED_VERSION.code(), registry.advertisedVersions(), 0),
                null);
    }

    private void complete(ChannelHandlerContext ctx, ResponseQueue.Slot slot, ApiMessage response, Throwable error) {
        if (error != null) {
            log.error("Request handling failed for {} (correlation id {}); closing the connection",
                    ctx.channel().remoteAddress(), slot.correlationId, error);
            ctx.close();
            return;
        }
        if (!ctx.channel().isActive()) {
            ResponseResources.release(response);
            return;
        }
        slot.complete(response);
        responses.drain(done -> ResponseEncoder.write(ctx, done.correlationId, done.version, done.response));
        ctx.flush();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        responses.drain(done -> ResponseResources.release(done.response));
        responses.releasePending(ResponseResources::release);
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent && responses.pending() == 0) {
            log.debug("Closing idle connection {}", ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause.getCause() instanceof ProtocolException ? cause.getCause() : cause;
        if (root instanceof ProtocolException) {
            log.warn("Closing connection from {}: {}", ctx.channel().remoteAddress(), root.getMessage());
        } else if (root instanceof IOException) {
            log.debug("Connection from {} failed: {}", ctx.channel().remoteAddress(), root.toString());
        } else {
            log.error("Unexpected error on connection from {}; closing it", ctx.channel().remoteAddress(), root);
        }
        ctx.close();
    }
}
