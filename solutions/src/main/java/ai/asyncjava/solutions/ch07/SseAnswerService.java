package ai.asyncjava.solutions.ch07;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch07.AnswerService;
import ai.asyncjava.kit.exercises.ch07.ExchangeLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.GenerateContentResponse;
import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The answer service on Helidon SE 4. Helidon runs each request on a virtual thread of its own, so a
 * request that waits for the model holds no platform thread: a few hundred users waiting at once cost
 * a few hundred small stacks. The handler streams the model's chunks out as events, then hands the
 * exchange to a background executor; {@link #close()} stops the server first (no new work arrives),
 * then shuts that executor down and waits for what it still holds.
 *
 * <p>{@link #onPlatformPool} builds the classic alternative for comparison: each request's work runs
 * on a fixed pool of platform threads, and requests beyond the pool's size wait for a thread.
 */
public class SseAnswerService implements AnswerService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Client gemini;
    private final ExchangeLog log;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService platformPool; // null: the work runs on the request's own virtual thread
    private final WebServer server;

    private SseAnswerService(Client gemini, ExchangeLog log, ExecutorService platformPool) {
        this.gemini = gemini;
        this.log = log;
        this.platformPool = platformPool;
        this.server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)               // any free port: port() says which
                .shutdownHook(false)   // close() decides when it stops
                .routing(routes -> routes.get("/ask", this::ask))
                .build()
                .start();
    }

    /** The service, each request on its own virtual thread. */
    public static SseAnswerService start(Client gemini, ExchangeLog log) {
        return new SseAnswerService(gemini, log, null);
    }

    /** The same service with each request's work on one of {@code threads} platform threads. */
    public static SseAnswerService onPlatformPool(Client gemini, ExchangeLog log, int threads) {
        return new SseAnswerService(gemini, log, Executors.newFixedThreadPool(threads));
    }

    @Override
    public int port() {
        return server.port();
    }

    private void ask(ServerRequest request, ServerResponse response) throws Exception {
        String question = request.query().first("q").orElse("").strip();
        if (question.isEmpty()) {
            response.status(Status.BAD_REQUEST_400).send("Ask a question: /ask?q=...");
            return;
        }
        if (platformPool == null) {
            answer(question, response);
            return;
        }
        Future<?> work = platformPool.submit(() -> answer(question, response));
        try {
            work.get(); // the request's thread waits for a pool thread to do its work
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void answer(String question, ServerResponse response) {
        StringBuilder answer = new StringBuilder();
        // The sink sends the headers at once; closing it ends the response. If the client has gone,
        // emit throws, and leaving both try blocks closes the model's stream: its call ends too.
        try (SseSink events = response.sink(SseSink.TYPE);
             ResponseStream<GenerateContentResponse> chunks =
                     gemini.models.generateContentStream(Gemini.MODEL, question, null)) {
            for (GenerateContentResponse chunk : chunks) {
                String text = chunk.text();
                if (text != null && !text.isEmpty()) {
                    answer.append(text);
                    events.emit(event("token", Map.of("text", text)));
                }
            }
            events.emit(event("done", Map.of("chars", answer.length())));
        }
        // The response is complete: the slow work starts now, on a thread of its own. execute, not
        // submit: an exception it throws then reaches the thread's handler instead of a Future no one reads.
        background.execute(() -> {
            try {
                log.record(question, answer.toString());
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
    }

    // Data as one line of JSON: a chunk's text may start with a space (which the SSE format drops
    // after "data:") or hold newlines (which would split it into several data lines).
    private static SseEvent event(String name, Map<String, ?> data) {
        try {
            return SseEvent.builder().name(name).data(JSON.writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers is always JSON", e);
        }
    }

    @Override
    public void close() {
        server.stop(); // no new requests; those in flight finish, and hand their exchanges over
        if (platformPool != null) {
            platformPool.shutdown();
        }
        background.close(); // shutdown(), then wait until every exchange handed over is recorded
    }
}
