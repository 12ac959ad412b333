package ai.asyncjava.kit.checks.ch07;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads server-sent events from a {@code java.net.http} response, line by line as they arrive
 * ({@code BodyHandlers.ofLines()}), and notes when each event and the response's end arrived.
 * It parses as the SSE format says (fields {@code event}, {@code data}, {@code id}, {@code retry},
 * comments, a blank line ending each event) and refuses anything else.
 */
public final class SseReader implements AutoCloseable {

    /** One event as the client received it: its name ({@code message} when unnamed), data, arrival. */
    public record Received(String name, String data, long arrivedNanos) {
    }

    private final HttpResponse<Stream<String>> response;
    private final Iterator<String> lines;
    private final List<String> rawLines = new ArrayList<>();
    private final long sentNanos;
    private final long headersNanos;
    private long endedNanos = -1;

    private SseReader(HttpResponse<Stream<String>> response, long sentNanos, long headersNanos) {
        this.response = response;
        this.lines = response.body().iterator();
        this.sentNanos = sentNanos;
        this.headersNanos = headersNanos;
    }

    /** Sends {@code GET uri} asking for an event stream; returns once the response's headers are in. */
    public static SseReader open(HttpClient http, URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        long sent = System.nanoTime();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        return new SseReader(response, sent, System.nanoTime());
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("content-type").orElse("");
    }

    /** When the request was sent and when its headers arrived ({@link System#nanoTime()}). */
    public long sentNanos() {
        return sentNanos;
    }

    public long headersNanos() {
        return headersNanos;
    }

    /** When the last byte of the response arrived; -1 while it has not. */
    public long endedNanos() {
        return endedNanos;
    }

    /** Reads up to {@code most} more lines as they are, for showing a response that is not an event stream. */
    public List<String> rawLinesUpTo(int most) {
        List<String> read = new ArrayList<>();
        while (read.size() < most && lines.hasNext()) {
            read.add(lines.next());
        }
        return read;
    }

    /** Every line read so far, blank ones included. */
    public List<String> rawLines() {
        return List.copyOf(rawLines);
    }

    /**
     * The next event, waiting for it; empty once the response has ended.
     *
     * @throws IllegalStateException when the body is not SSE framing
     */
    public Optional<Received> next() {
        String name = null;
        StringBuilder data = null;
        while (lines.hasNext()) {
            String line = lines.next();
            rawLines.add(line);
            if (line.isEmpty()) {
                if (name == null && data == null) {
                    throw new IllegalStateException("a blank line with no event before it, after " + rawLines);
                }
                return Optional.of(new Received(name == null ? "message" : name, data == null ? "" : data.toString(),
                        System.nanoTime()));
            }
            int colon = line.indexOf(':');
            if (colon == 0) {
                continue; // a comment
            }
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1); // the format drops one space after the colon
            }
            switch (field) {
                case "event" -> name = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                case "id", "retry" -> { }
                default -> throw new IllegalStateException("not an SSE field: '" + line + "'");
            }
        }
        endedNanos = System.nanoTime();
        if (name != null || data != null) {
            throw new IllegalStateException("the response ended inside an event (no blank line after it): " + rawLines);
        }
        return Optional.empty();
    }

    /** Every remaining event, until the response ends. */
    public List<Received> readAll() {
        List<Received> events = new ArrayList<>();
        for (Optional<Received> event = next(); event.isPresent(); event = next()) {
            events.add(event.get());
        }
        return events;
    }

    /** Stops reading: the client hangs up, whether or not the response has ended. */
    @Override
    public void close() {
        response.body().close();
    }
}
