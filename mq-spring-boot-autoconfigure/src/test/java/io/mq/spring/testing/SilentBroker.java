package io.mq.spring.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server on 127.0.0.1 that accepts connections and never answers: what a hung broker looks like to a client. The
 * one case where no real part can play the role. Closing it closes every accepted connection.
 */
public final class SilentBroker implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private SilentBroker(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptForever, "silent-broker");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** Starts listening on a free loopback port. */
    public static SilentBroker start() throws IOException {
        return new SilentBroker(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** The port it listens on. */
    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        acceptor.join();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    private void acceptForever() {
        try {
            while (!server.isClosed()) {
                accepted.add(server.accept());
            }
        } catch (IOException closed) {
            // closed by close()
        }
    }
}
