package io.mq.broker.it;

import io.mq.protocol.ApiKey;
import io.mq.protocol.RequestHeader;
import io.mq.protocol.ResponseHeader;
import io.mq.protocol.codec.Frames;
import io.mq.protocol.message.ApiMessage;
import io.mq.protocol.types.WireReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.function.BiFunction;

/** A blocking socket speaking raw frames to the broker, for tests that need to send what no client would. */
final class RawConnection implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private int correlationId;

    RawConnection(String bootstrap) throws IOException {
        String[] hostPort = bootstrap.split(":");
        socket = new Socket();
        socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 5_000);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Writes arbitrary bytes. */
    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends a request and returns its correlation id. */
    int send(ApiKey apiKey, short version, ApiMessage body) throws IOException {
        int id = ++correlationId;
        ByteBuf frame = Frames.encodeRequest(UnpooledByteBufAllocator.DEFAULT,
                new RequestHeader(apiKey, version, id, "raw-test"), body);
        try {
            byte[] bytes = new byte[frame.readableBytes()];
            frame.readBytes(bytes);
            writeRaw(bytes);
        } finally {
            frame.release();
        }
        return id;
    }

    /** Reads the next response, checks its correlation id and decodes its body. */
    <T> T receive(int expectedCorrelationId, ApiKey apiKey, short version, BiFunction<WireReader, Short, T> reader)
            throws IOException {
        byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        WireReader wire = new WireReader(Unpooled.wrappedBuffer(frame));
        ResponseHeader header = ResponseHeader.read(wire, apiKey.responseHeaderVersion(version));
        if (header.correlationId() != expectedCorrelationId) {
            throw new AssertionError("expected correlation id " + expectedCorrelationId + ", got "
                    + header.correlationId());
        }
        return reader.apply(wire, version);
    }

    /** Sends and receives one request. */
    <T> T call(ApiKey apiKey, short version, ApiMessage body, BiFunction<WireReader, Short, T> reader)
            throws IOException {
        return receive(send(apiKey, version, body), apiKey, version, reader);
    }

    /** Whether the broker closed the connection (reads end of stream within the socket timeout). */
    boolean isClosedByPeer() throws IOException {
        try {
            return in.read() == -1;
        } catch (EOFException | java.net.SocketException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
