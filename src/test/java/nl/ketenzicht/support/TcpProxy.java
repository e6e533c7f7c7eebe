package nl.ketenzicht.support;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder between the application and the database that a test can break in the two ways a
 * database goes away: {@link #refuse()} (the server is down: connections are reset, new ones
 * refused) and {@link #blackHole()} (the network is gone: nothing answers, nothing is refused).
 * {@link #restore()} forwards again; connections from the broken period are closed, as they would be.
 */
public final class TcpProxy implements AutoCloseable {

    private enum State {
        OPEN,
        REFUSING,
        BLACK_HOLE,
        CLOSED
    }

    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile State state = State.OPEN;
    private volatile ServerSocket server;

    private TcpProxy(int port, String targetHost, int targetPort) {
        this.port = port;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    public static TcpProxy start(int port, String targetHost, int targetPort) {
        TcpProxy proxy = new TcpProxy(port, targetHost, targetPort);
        proxy.listen();
        return proxy;
    }

    public synchronized void refuse() {
        state = State.REFUSING;
        closeQuietly(server);
        closeAll();
    }

    public synchronized void blackHole() {
        state = State.BLACK_HOLE;
    }

    public synchronized void restore() {
        State before = state;
        state = State.OPEN;
        if (before == State.BLACK_HOLE) {
            closeAll();
        } else if (before == State.REFUSING) {
            listen();
        }
    }

    @Override
    public synchronized void close() {
        state = State.CLOSED;
        closeQuietly(server);
        closeAll();
    }

    private void listen() {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = s;
            Thread acceptor = new Thread(() -> accept(s), "tcp-proxy-accept-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port + " for the database proxy", e);
        }
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                sockets.add(client);
                if (state == State.OPEN) {
                    Socket upstream = new Socket(targetHost, targetPort);
                    sockets.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                }
                // In a black hole the client is accepted and then hears nothing, like a dead route.
            } catch (IOException e) {
                // The listener was closed (refuse/close) or the target refused; the loop ends or goes on.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[16384];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            while (state == State.BLACK_HOLE && !from.isClosed()) {
                                Thread.sleep(50);
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        // One side went away; closing both below tells the other side.
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        sockets.remove(from);
                        sockets.remove(to);
                    }
                },
                "tcp-proxy-pump-" + port);
        t.setDaemon(true);
        t.start();
    }

    private void closeAll() {
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }

    private static void closeQuietly(Closeable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // Closing is best effort.
        }
    }
}
