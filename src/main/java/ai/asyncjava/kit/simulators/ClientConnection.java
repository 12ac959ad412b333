package ai.asyncjava.kit.simulators;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The connection a request came in on, as far as a simulator can tell whether its client is still
 * there. A JDK {@code HttpServer} handler cannot: the socket is hidden, and a handler that sleeps
 * learns that its client hung up only when it writes the answer (and a small answer usually fits
 * the socket's buffer, so not even then). A {@link LoopbackServer#startWatching watching server}
 * can, because its connections pass through a relay that sees each client's close.
 */
public interface ClientConnection {

    /** For servers that do not watch: waits the whole delay and never reports a close. */
    ClientConnection UNWATCHED = new ClientConnection() {
        @Override
        public boolean awaitClosed(Duration delay) throws InterruptedException {
            if (delay.isPositive()) {
                Thread.sleep(delay);
            }
            return false;
        }

        @Override
        public long closedAtNanos() {
            return -1;
        }
    };

    /**
     * Waits {@code delay}, the simulated work of a request, but no longer than the client stays.
     *
     * @return true, at once, when the client has closed its connection (before or during the wait)
     */
    boolean awaitClosed(Duration delay) throws InterruptedException;

    /** The {@link System#nanoTime()} at which the client closed the connection; -1 while it is open (or unwatched). */
    long closedAtNanos();

    /** Like {@link #awaitClosed}, but a close ends the wait with {@link ClientClosedException}. */
    default void pause(Duration delay) throws InterruptedException, ClientClosedException {
        if (awaitClosed(delay)) {
            throw new ClientClosedException(closedAtNanos());
        }
    }

    /** The client closed the connection while its request was being served: there is no one to answer. */
    final class ClientClosedException extends IOException {
        private final long closedAtNanos;

        public ClientClosedException(long closedAtNanos) {
            super("the client closed the connection "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAtNanos) + " ms ago");
            this.closedAtNanos = closedAtNanos;
        }

        /** The {@link System#nanoTime()} at which the client closed the connection. */
        public long closedAtNanos() {
            return closedAtNanos;
        }
    }
}
