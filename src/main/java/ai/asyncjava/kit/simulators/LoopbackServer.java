package ai.asyncjava.kit.simulators;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP server on 127.0.0.1 only, serving every request on its own virtual thread, so a
 * simulated delay costs a parked virtual thread and nothing more. The simulators build on it.
 * {@link #startWatching} puts a relay in front that sees clients hang up ({@link #clientOf}).
 */
public final class LoopbackServer implements AutoCloseable {

    /** Room for a burst of hundreds of new connections at once (a benchmark, a learner's fan-out). */
    private static final int ACCEPT_BACKLOG = 2048;

    /**
     * The JDK server closes any connection that goes idle while 200 others are idle, racing
     * clients that reuse it at that moment (they see an empty answer). Hundreds of keep-alive
     * clients are normal here, so allow many more. Read once, when the first server starts.
     */
    private static final String MAX_IDLE_PROPERTY = "sun.net.httpserver.maxIdleConnections";

    /**
     * Without TCP_NODELAY, a body too large to share a segment with the headers waits for the
     * client's delayed ACK of them: about 40 ms more for any answer of a few tens of KB (measured
     * with the works simulator's pages of abstracts). Read once, when the first server starts.
     */
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(MAX_IDLE_PROPERTY) == null) {
            System.setProperty(MAX_IDLE_PROPERTY, "10000");
        }
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ConnectionRelay relay; // null unless watching

    private LoopbackServer(HttpServer server, ExecutorService executor, ConnectionRelay relay) {
        this.server = server;
        this.executor = executor;
        this.relay = relay;
    }

    /**
     * Starts serving {@code handler} on a loopback port.
     *
     * @param port the port, or 0 for any free one
     * @throws UncheckedIOException when the port is taken
     */
    public static LoopbackServer start(int port, HttpHandler handler) {
        return start(port, handler, false);
    }

    /**
     * Like {@link #start}, with a relay on {@code port} that passes every connection on to the
     * server byte for byte and sees the moment each client closes its connection, so a handler
     * can stop waiting for a client that has gone: {@link #clientOf}.
     */
    public static LoopbackServer startWatching(int port, HttpHandler handler) {
        return start(port, handler, true);
    }

    private static LoopbackServer start(int port, HttpHandler handler, boolean watching) {
        HttpServer server;
        try {
            server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), watching ? 0 : port), ACCEPT_BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        ConnectionRelay relay = null;
        if (watching) {
            try {
                relay = ConnectionRelay.start(port, ACCEPT_BACKLOG, server.getAddress());
            } catch (IOException e) {
                server.stop(0);
                executor.shutdownNow();
                throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
            }
        }
        return new LoopbackServer(server, executor, relay);
    }

    /** The port it listens on. */
    public int port() {
        return address().getPort();
    }

    /** The address it is bound to: always a loopback one. */
    public InetSocketAddress address() {
        return relay != null ? relay.address() : server.getAddress();
    }

    /** Whether it sees clients hang up: started with {@link #startWatching}. */
    public boolean watching() {
        return relay != null;
    }

    /**
     * The client connection {@code exchange} came in on: one whose close a handler can wait for
     * when {@link #watching()}, else {@link ClientConnection#UNWATCHED} (waits never cut short).
     */
    public ClientConnection clientOf(HttpExchange exchange) {
        return relay == null ? ClientConnection.UNWATCHED : relay.clientOf(exchange.getRemoteAddress());
    }

    /** {@code http://127.0.0.1:PORT}, with no trailing slash. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Stops listening and interrupts the requests still being served (delays, hangs). */
    @Override
    public void close() {
        if (relay != null) {
            relay.close();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
