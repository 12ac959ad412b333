package ai.asyncjava.kit.simulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link LoopbackServer#startWatching}: bytes pass unchanged, and a handler sees its client close at once. */
class WatchingServerTest {

    /** A client's close reaches a waiting handler within this (a loaded machine included). */
    private static final long SEEN_WITHIN_MS = 200;

    private static byte[] request(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void passesRequestsAndAnswersThroughAndKeepsConnectionsAlive() throws Exception {
        try (LoopbackServer server = LoopbackServer.startWatching(0, exchange -> {
            byte[] body = ("you asked for " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        })) {
            assertTrue(server.watching());
            assertTrue(server.address().getAddress().isLoopbackAddress());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/x/" + i))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode());
                assertEquals("you asked for /x/" + i, response.body());
            }
            assertThrows(UncheckedIOException.class, () -> LoopbackServer.startWatching(server.port(), exchange -> exchange.close()));
        }
    }

    @Test
    void aWaitingHandlerSeesItsClientCloseAtOnce() throws Exception {
        CompletableFuture<Long> closedAfterNanos = new CompletableFuture<>();
        CompletableFuture<Long> handlerStarted = new CompletableFuture<>();
        LoopbackServer[] self = new LoopbackServer[1];
        try (LoopbackServer server = LoopbackServer.startWatching(0, exchange -> {
            ClientConnection client = self[0].clientOf(exchange);
            handlerStarted.complete(System.nanoTime());
            try {
                boolean closed = client.awaitClosed(Duration.ofSeconds(10));
                closedAfterNanos.complete(closed ? client.closedAtNanos() : -1L);
            } catch (InterruptedException e) {
                closedAfterNanos.completeExceptionally(e);
            } finally {
                exchange.close();
            }
        })) {
            self[0] = server;
            long closedAt;
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.getOutputStream().write(request("/slow"));
                handlerStarted.get(5, TimeUnit.SECONDS);
                Thread.sleep(50);
                closedAt = System.nanoTime();
            }
            long seenAt = closedAfterNanos.get(5, TimeUnit.SECONDS);
            assertTrue(seenAt > 0, "the handler waited its whole delay");
            long delayMs = TimeUnit.NANOSECONDS.toMillis(seenAt - closedAt);
            assertTrue(delayMs < SEEN_WITHIN_MS && seenAt >= closedAt - TimeUnit.MILLISECONDS.toNanos(1),
                    "closed the socket, the relay saw it " + delayMs + " ms later");
        }
    }

    @Test
    void aClientThatStaysIsNeverReportedGoneAndTheServerClosingReachesIt() throws Exception {
        CompletableFuture<Boolean> reportedClosed = new CompletableFuture<>();
        LoopbackServer[] self = new LoopbackServer[1];
        try (LoopbackServer server = LoopbackServer.startWatching(0, exchange -> {
            try {
                reportedClosed.complete(self[0].clientOf(exchange).awaitClosed(Duration.ofMillis(150)));
            } catch (InterruptedException e) {
                reportedClosed.completeExceptionally(e);
            }
            exchange.close(); // no answer at all: the server drops the connection
        })) {
            self[0] = server;
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(request("/dropped"));
                InputStream in = socket.getInputStream();
                assertEquals(-1, in.read(), "the client should see the connection end");
            }
            assertFalse(reportedClosed.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void unwatchedServersNeverCutAWaitShort() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(0, exchange -> exchange.close())) {
            assertFalse(server.watching());
        }
        long start = System.nanoTime();
        assertFalse(ClientConnection.UNWATCHED.awaitClosed(Duration.ofMillis(30)));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(29));
        assertEquals(-1, ClientConnection.UNWATCHED.closedAtNanos());
    }
}
