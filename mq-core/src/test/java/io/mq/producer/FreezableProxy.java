package io.mq.producer;

import io.mq.protocol.ApiKey;
import io.mq.protocol.ResponseHeader;
import io.mq.protocol.codec.Frames;
import io.mq.protocol.message.MetadataResponse;
import io.mq.protocol.message.MetadataResponse.MetadataResponseBroker;
import io.mq.protocol.types.WireReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A frame-aware TCP proxy on 127.0.0.1 in front of one broker, for tests of silent servers. It rewrites Metadata
 * responses so that clients keep talking through it, and it can be frozen: a frozen connection stays open but forwards
 * nothing in either direction (what a hung server looks like). {@link #freeze()} freezes the open connections and
 * every new one; {@link #thawNewConnections()} lets new connections through again while the frozen ones stay silent
 * until their client closes them.
 */
final class FreezableProxy implements AutoCloseable {

    private static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

    private final String brokerHost;
    private final int brokerPort;
    private final ServerSocket server;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private volatile boolean freezeNew;
    private volatile boolean closed;

    private FreezableProxy(String brokerHost, int brokerPort) throws IOException {
        this.brokerHost = brokerHost;
        this.brokerPort = brokerPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "freezable-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A running proxy forwarding to {@code host:port}. */
    static FreezableProxy start(String host, int port) throws IOException {
        return new FreezableProxy(host, port);
    }

    /** {@code 127.0.0.1:port} of the proxy. */
    String bootstrapServers() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Freezes every open connection and every connection accepted from now on; returns those that were open. */
    List<Connection> freeze() {
        freezeNew = true;
        List<Connection> open = connections.stream().filter(c -> !c.isClosed()).toList();
        open.forEach(c -> c.frozen = true);
        return open;
    }

    /** New connections forward again; the frozen ones stay frozen. */
    void thawNewConnections() {
        freezeNew = false;
    }

    /** Every connection accepted so far. */
    List<Connection> connections() {
        return List.copyOf(connections);
    }

    /** How many frames reached the client through the proxy. */
    long framesToClients() {
        return connections.stream().mapToLong(c -> c.framesToClient).sum();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket broker = new Socket();
                broker.connect(new InetSocketAddress(brokerHost, brokerPort), 5_000);
                Connection connection = new Connection(client, broker, freezeNew);
                connections.add(connection);
                connection.start();
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("proxy accept failed", e);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        connections.forEach(Connection::close);
    }

    /** One proxied connection. */
    final class Connection {

        private final Socket client;
        private final Socket broker;
        private final Map<Integer, Short> metadataVersions = new ConcurrentHashMap<>();
        private volatile boolean frozen;
        private volatile boolean closedByClient;
        private volatile boolean isClosed;
        private volatile long framesToClient;

        private Connection(Socket client, Socket broker, boolean frozen) {
            this.client = client;
            this.broker = broker;
            this.frozen = frozen;
        }

        /** Whether the client closed this connection. */
        boolean closedByClient() {
            return closedByClient;
        }

        /** Whether this connection is closed (by either side). */
        boolean isClosed() {
            return isClosed;
        }

        /** Whether this connection forwards nothing. */
        boolean frozen() {
            return frozen;
        }

        private void start() {
            Thread up = new Thread(() -> pump(true), "freezable-proxy-up");
            Thread down = new Thread(() -> pump(false), "freezable-proxy-down");
            up.setDaemon(true);
            down.setDaemon(true);
            up.start();
            down.start();
        }

        private void pump(boolean fromClient) {
            try (DataInputStream in = new DataInputStream(input(fromClient ? client : broker))) {
                OutputStream out = output(fromClient ? broker : client);
                while (true) {
                    int size = in.readInt();
                    if (size < 0 || size > MAX_FRAME_BYTES) {
                        throw new IOException("frame size " + size);
                    }
                    byte[] frame = new byte[size];
                    in.readFully(frame);
                    if (frozen) {
                        continue;
                    }
                    byte[] forwarded = fromClient ? noteRequest(frame) : rewriteResponse(frame);
                    DataOutputStream data = new DataOutputStream(out);
                    data.writeInt(forwarded.length);
                    data.write(forwarded);
                    data.flush();
                    if (!fromClient) {
                        framesToClient++;
                    }
                }
            } catch (EOFException e) {
                if (fromClient && !closed) {
                    closedByClient = true;
                }
            } catch (IOException e) {
                if (fromClient && !closed && !isClosed) {
                    closedByClient = true;
                }
            } finally {
                close();
            }
        }

        private byte[] noteRequest(byte[] frame) {
            ByteBuf buf = Unpooled.wrappedBuffer(frame);
            short apiKey = buf.getShort(0);
            if (apiKey == ApiKey.METADATA.id()) {
                metadataVersions.put(buf.getInt(4), buf.getShort(2));
            }
            return frame;
        }

        private byte[] rewriteResponse(byte[] frame) {
            ByteBuf buf = Unpooled.wrappedBuffer(frame);
            Short version = metadataVersions.remove(buf.getInt(0));
            if (version == null) {
                return frame;
            }
            WireReader reader = new WireReader(buf);
            short headerVersion = ApiKey.METADATA.responseHeaderVersion(version);
            ResponseHeader header = ResponseHeader.read(reader, headerVersion);
            MetadataResponse response = MetadataResponse.read(reader, version);
            List<MetadataResponseBroker> brokers = response.brokers().stream()
                    .map(b -> new MetadataResponseBroker(b.nodeId(), "127.0.0.1", server.getLocalPort(), b.rack()))
                    .toList();
            MetadataResponse rewritten = new MetadataResponse(response.throttleTimeMs(), brokers,
                    response.clusterId(), response.controllerId(), response.topics(),
                    response.clusterAuthorizedOperations());
            ByteBuf encoded = Frames.encodeResponse(UnpooledByteBufAllocator.DEFAULT, header.correlationId(),
                    headerVersion, version, rewritten);
            try {
                encoded.skipBytes(4);
                byte[] body = new byte[encoded.readableBytes()];
                encoded.readBytes(body);
                return body;
            } finally {
                encoded.release();
            }
        }

        private InputStream input(Socket socket) throws IOException {
            return socket.getInputStream();
        }

        private OutputStream output(Socket socket) throws IOException {
            return socket.getOutputStream();
        }

        private void close() {
            isClosed = true;
            try {
                client.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            try {
                broker.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
