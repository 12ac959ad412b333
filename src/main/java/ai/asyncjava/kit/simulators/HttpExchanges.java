package ai.asyncjava.kit.simulators;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers for answering an {@link HttpExchange}. */
public final class HttpExchanges {

    private HttpExchanges() {
    }

    /**
     * Sends a complete JSON answer and closes the exchange.
     *
     * @param justBefore runs right before the body is written: a request log marks the end
     *                   there, so a client that has its answer always finds it logged
     */
    public static void sendJson(HttpExchange exchange, int status, byte[] json, Runnable justBefore)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, json.length == 0 ? -1 : json.length);
        justBefore.run();
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(json);
        }
    }

    /**
     * Sends {@code answer} and finishes its log entry with the answer's status just before the
     * body goes out, so a client holding the answer always finds it logged.
     */
    public static void sendLogged(HttpExchange exchange, JsonAnswer answer, RequestLog.Entry entry) throws IOException {
        sendJson(exchange, answer.status(), answer.body(), () -> entry.finish(answer.status()));
    }

    /**
     * {@link #sendLogged}, for an answer to a request that already went wrong: when the headers
     * were already sent or the client is gone, the entry is finished as closed by the client
     * ({@link LoggedRequest#CLIENT_CLOSED}) instead of throwing.
     */
    public static void sendLoggedQuietly(HttpExchange exchange, JsonAnswer answer, RequestLog.Entry entry) {
        try {
            sendLogged(exchange, answer, entry);
        } catch (IOException | RuntimeException e) {
            entry.finish(LoggedRequest.CLIENT_CLOSED);
        }
    }

    /** Holds the answer back for a simulated latency; zero or less is no wait at all. */
    public static void pause(Duration delay) throws InterruptedException {
        if (delay.isPositive()) {
            Thread.sleep(delay);
        }
    }

    /** Starts a server-sent-events answer (chunked); write events with {@link #sendEvent}. */
    public static OutputStream startEvents(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    /** Writes one {@code data:} event and flushes it, so the client sees it now. */
    public static void sendEvent(OutputStream events, byte[] json) throws IOException {
        events.write("data: ".getBytes(StandardCharsets.US_ASCII));
        events.write(json);
        events.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        events.flush();
    }

    /**
     * Closes the connection without any answer: closing an exchange before its headers are sent
     * makes the JDK server drop the connection, which the client sees as an I/O error.
     */
    public static void dropConnection(HttpExchange exchange) {
        exchange.close();
    }

    /**
     * The request body. With a Content-Length it reads exactly that many bytes: readAllBytes
     * would allocate 16 KB chunks per request, garbage that lengthens GC pauses under load.
     */
    public static byte[] body(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        try (var in = exchange.getRequestBody()) {
            if (length != null) {
                try {
                    return in.readNBytes(Integer.parseInt(length.strip()));
                } catch (NumberFormatException e) {
                    // fall through: read until the end
                }
            }
            return in.readAllBytes();
        }
    }

    /** The query parameters, decoded; the last value wins. */
    public static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
