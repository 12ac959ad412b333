package ai.asyncjava.kit.simulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A byte-for-byte TCP relay in front of a loopback {@code HttpServer}, there to see clients hang up.
 * Each client connection gets its own connection to the server and two virtual threads copying
 * bytes, one each way. The thread reading from the client is blocked in that read all the time a
 * request is being served, so the client's close (its FIN, or a reset) wakes it at once: the relay
 * notes the moment and wakes the handler waiting on that connection ({@link ClientConnection}).
 * Nothing on the wire changes: the client gets the same bytes at the same moments. A client that
 * only shuts down its sending side counts as gone (HTTP clients close whole connections).
 *
 * <p>Why not let the handler find out by writing (headers at once, then a byte the client skips
 * every few ms)? It changes what the client sees: its reader wakes for every byte, so a platform
 * thread blocked in a call notices an interrupt it would never notice against the real API, and
 * errors surface from reading the body instead of awaiting the headers. And it cannot watch a call
 * that will fail, whose status must wait for the end.
 */
final class ConnectionRelay implements AutoCloseable {

    private static final int BUFFER_BYTES = 16 * 1024;

    private final ServerSocket listener;
    private final InetSocketAddress server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    /**
     * Links by the port of their server-side socket, which the server sees as its client's port.
     * A closed link stays until a new connection takes its port, so a handler that starts late
     * still finds that its client has gone.
     */
    private final Map<Integer, Link> byServerSidePort = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private ConnectionRelay(ServerSocket listener, InetSocketAddress server) {
        this.listener = listener;
        this.server = server;
    }

    /** Listens on 127.0.0.1:{@code port} (0 for any free port) and relays every connection to {@code server}. */
    static ConnectionRelay start(int port, int backlog, InetSocketAddress server) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        ConnectionRelay relay = new ConnectionRelay(listener, server);
        relay.threads.submit(relay::acceptConnections);
        return relay;
    }

    /** The address clients connect to. */
    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** The client behind the server-side connection whose peer is {@code serverSidePeer}, as the server sees it. */
    ClientConnection clientOf(InetSocketAddress serverSidePeer) {
        Link link = serverSidePeer == null ? null : byServerSidePort.get(serverSidePeer.getPort());
        return link == null ? ClientConnection.UNWATCHED : link;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        byServerSidePort.values().forEach(Link::letGo);
        threads.shutdownNow();
    }

    private void acceptConnections() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    pauseAfterFailedAccept(); // out of file descriptors, say: do not spin
                }
                continue;
            }
            try {
                threads.submit(() -> relay(client));
            } catch (RejectedExecutionException stopping) {
                closeQuietly(client);
            }
        }
    }

    private void relay(Socket client) {
        Socket toServer = new Socket();
        try {
            client.setTcpNoDelay(true); // small writes (a stream's chunks) must not wait for ACKs
            toServer.setTcpNoDelay(true);
            toServer.connect(server);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(toServer);
            return;
        }
        Link link = new Link(client, toServer);
        byServerSidePort.put(toServer.getLocalPort(), link); // before any byte can reach the server
        try {
            threads.submit(link::clientToServer);
        } catch (RejectedExecutionException stopping) {
            link.letGo();
            return;
        }
        link.serverToClient();
    }

    private static void pauseAfterFailedAccept() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed, or nothing more to do
        }
    }

    /** One client connection and its connection to the server. */
    private static final class Link implements ClientConnection {
        private final Socket client;
        private final Socket toServer;
        private final CountDownLatch clientGone = new CountDownLatch(1);
        private volatile long clientClosedAtNanos = -1;
        /** Set when the server's side ended first or the relay stops: later failures are not the client's doing. */
        private volatile boolean letGo;

        Link(Socket client, Socket toServer) {
            this.client = client;
            this.toServer = toServer;
        }

        @Override
        public boolean awaitClosed(Duration delay) throws InterruptedException {
            return clientGone.await(Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        }

        @Override
        public long closedAtNanos() {
            return clientClosedAtNanos;
        }

        void clientToServer() {
            byte[] buffer = new byte[BUFFER_BYTES];
            try {
                InputStream in = client.getInputStream();
                OutputStream out = toServer.getOutputStream();
                while (true) {
                    int n;
                    try {
                        n = in.read(buffer);
                    } catch (IOException reset) {
                        n = -1;
                    }
                    if (n < 0) {
                        clientLeft();
                        return;
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException serverSideFailed) {
                letGo();
            } finally {
                closeBoth();
            }
        }

        void serverToClient() {
            byte[] buffer = new byte[BUFFER_BYTES];
            try {
                InputStream in = toServer.getInputStream();
                OutputStream out = client.getOutputStream();
                while (true) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        letGo(); // the server closed the connection: a dropped one, or the server stopping
                        return;
                    }
                    try {
                        out.write(buffer, 0, n);
                    } catch (IOException clientGoneWhileWriting) {
                        clientLeft();
                        return;
                    }
                }
            } catch (IOException serverSideFailed) {
                letGo();
            } finally {
                closeBoth();
            }
        }

        private synchronized void clientLeft() {
            if (letGo || clientClosedAtNanos >= 0) {
                return;
            }
            clientClosedAtNanos = System.nanoTime();
            clientGone.countDown();
        }

        synchronized void letGo() {
            if (clientClosedAtNanos < 0) {
                letGo = true;
            }
            closeBoth();
        }

        private void closeBoth() {
            closeQuietly(client);
            closeQuietly(toServer);
        }
    }
}
