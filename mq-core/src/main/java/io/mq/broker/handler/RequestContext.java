package io.mq.broker.handler;

import io.mq.protocol.RequestHeader;
import io.netty.util.concurrent.EventExecutor;
import java.net.SocketAddress;

/**
 * What a handler knows about the request beyond its body.
 *
 * @param header        the request header (api, version, correlation id, client id)
 * @param remoteAddress the client's address, for logs
 * @param executor      the connection's event loop; use it for timers (never block it)
 */
public record RequestContext(RequestHeader header, SocketAddress remoteAddress, EventExecutor executor) {

    /** The request's api version. */
    public short version() {
        return header.apiVersion();
    }
}
