package ai.asyncjava.kit.course.helidon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.GenerateContentResponse;
import io.helidon.common.concurrency.limits.FixedLimit;
import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chapter 07's service in miniature, on Helidon SE 4: {@code GET /ask?q=...} streams the model's answer
 * as server-sent events (a {@code start}, one {@code token} per chunk of a {@code generateContentStream}
 * call, then {@code done}); after the response it logs the exchange on an executor it owns, and
 * {@link #close()} stops taking requests, then drains that work.
 *
 * <p>Every request runs on a virtual thread of Helidon's; {@link ModelThreads#PLATFORM_POOL} hands the
 * request's work to a fixed pool of platform threads instead, the classic thread-per-request server.
 */
final class AskService implements AutoCloseable {

    /** Where a request's model call and event writing run. */
    enum ModelThreads {
        /** On the request's own virtual thread, where Helidon runs the handler. */
        VIRTUAL,
        /** On a fixed pool of platform threads; the request's virtual thread waits for its turn. */
        PLATFORM_POOL
    }

    /**
     * How the service runs.
     *
     * @param modelName      the model each question goes to
     * @param threads        where the model work runs
     * @param poolSize       platform threads in the pool ({@link ModelThreads#PLATFORM_POOL} only)
     * @param requestLimit   requests Helidon lets run at once, the rest queue; 0 for no limit
     * @param logTime        how long logging one exchange takes (the background work)
     * @param gracePeriod    how long {@link #close()} lets requests in flight finish
     * @param drainLimit     how long {@link #close()} waits for the background work
     */
    record Options(String modelName, ModelThreads threads, int poolSize, int requestLimit, Duration logTime,
                   Duration gracePeriod, Duration drainLimit) {

        static Options defaults() {
            return new Options("gemini-2.5-flash", ModelThreads.VIRTUAL, 20, 0, Duration.ofMillis(300),
                    Duration.ofSeconds(2), Duration.ofSeconds(10));
        }

        Options withThreads(ModelThreads newThreads, int newPoolSize) {
            return new Options(modelName, newThreads, newPoolSize, requestLimit, logTime, gracePeriod, drainLimit);
        }

        Options withRequestLimit(int limit) {
            return new Options(modelName, threads, poolSize, limit, logTime, gracePeriod, drainLimit);
        }

        Options withLogTime(Duration time) {
            return new Options(modelName, threads, poolSize, requestLimit, time, gracePeriod, drainLimit);
        }
    }

    /** How a request ended. */
    enum Ending {
        ANSWERED,
        /** Sending an event failed: the client had gone. */
        CLIENT_GONE,
        /** The model call failed (or was interrupted by a stop) after the stream began; an error event said so. */
        FAILED
    }

    /**
     * What one request did, for checks and charts.
     *
     * @param handlerThread  the thread Helidon ran the handler on
     * @param workThread     the thread that called the model and wrote the events
     * @param arrivedNanos   when the handler began ({@link System#nanoTime()})
     * @param endedNanos     when the response was complete, or when the model stream was closed
     *                       after the client was found gone
     * @param clientGoneNanos when writing an event failed because the client had gone; -1 if it never did
     */
    record Trace(String question, ThreadInfo handlerThread, ThreadInfo workThread, int tokensSent, Ending ending,
                 long arrivedNanos, long clientGoneNanos, long endedNanos) {
    }

    /** A thread as a check sees it. */
    record ThreadInfo(String name, boolean virtual) {
        static ThreadInfo current() {
            Thread thread = Thread.currentThread();
            return new ThreadInfo(thread.getName(), thread.isVirtual());
        }
    }

    /** One exchange as the background work logged it. */
    record LoggedExchange(String question, String answer, long respondedNanos, long loggedNanos) {
    }

    // Helidon logs through System.Logger, that is JUL: a few INFO lines per start and stop that would
    // land in every notebook cell. Held in a field, since JUL keeps only weak references to loggers.
    private static final Logger HELIDON_LOGS = Logger.getLogger("io.helidon");

    static {
        HELIDON_LOGS.setLevel(Level.WARNING);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Client model;
    private final Options options;
    private final ExecutorService modelPool;
    private final ExecutorService background;
    private final Queue<Trace> traces = new ConcurrentLinkedQueue<>();
    private final Queue<LoggedExchange> logged = new ConcurrentLinkedQueue<>();
    private final WebServer server;
    private volatile int lostAtStop = -1;

    private AskService(Client model, Options options) {
        this.model = model;
        this.options = options;
        this.modelPool = options.threads() == ModelThreads.PLATFORM_POOL
                ? Executors.newFixedThreadPool(options.poolSize(), Thread.ofPlatform().name("model-pool-", 1).factory())
                : null;
        this.background = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("exchange-log-", 1).factory());
        WebServerConfig.Builder config = WebServer.builder()
                .host("127.0.0.1")
                .port(0) // any free port; ask port() which one
                .shutdownHook(false) // close() decides when it stops, not the JVM's exit
                .shutdownGracePeriod(options.gracePeriod())
                .routing(routing -> routing.get("/ask", this::ask));
        if (options.requestLimit() > 0) {
            config.concurrencyLimit(FixedLimit.builder()
                    .permits(options.requestLimit())
                    .queueLength(10_000)
                    .queueTimeout(Duration.ofMinutes(1))
                    .build());
        }
        this.server = withHelidonsClassLoader(() -> config.build().start());
    }

    // In a Jupyter kernel the kit, Helidon with it, sits in JShell's class loader, not the system one,
    // and Helidon finds its HTTP/1.1 connections and SSE sinks with ServiceLoader through the context
    // class loader: build and start it with its own loader there. Its threads inherit that loader.
    private static <T> T withHelidonsClassLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(WebServer.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(callers);
        }
    }

    /** Starts the service on a free port of 127.0.0.1. */
    static AskService start(Client model, Options options) {
        return new AskService(model, options);
    }

    int port() {
        return server.port();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Every request so far that reached the model, in the order they ended. */
    List<Trace> traces() {
        return List.copyOf(traces);
    }

    /** Every exchange the background work has logged so far. */
    List<LoggedExchange> loggedExchanges() {
        return List.copyOf(logged);
    }

    /** Background tasks that {@link #close()} had to abandon; -1 before it ran. */
    int lostAtStop() {
        return lostAtStop;
    }

    private void ask(ServerRequest request, ServerResponse response) throws Exception {
        String question = request.query().first("q").orElse("").strip();
        if (question.isEmpty()) {
            response.status(Status.BAD_REQUEST_400).send("Ask a question: /ask?q=...");
            return;
        }
        ThreadInfo handler = ThreadInfo.current();
        long arrived = System.nanoTime();
        if (modelPool == null) {
            answer(question, response, handler, arrived);
        } else {
            awaitTurn(modelPool.submit(() -> answer(question, response, handler, arrived)));
        }
    }

    // The request's virtual thread waits while a pool thread does its work.
    private static void awaitTurn(Future<?> work) throws Exception {
        try {
            work.get();
        } catch (InterruptedException stopping) {
            work.cancel(true);
            throw stopping;
        } catch (ExecutionException e) {
            // Rethrown as it was, so that Helidon closes a connection whose client went away quietly.
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void answer(String question, ServerResponse response, ThreadInfo handler, long arrived) {
        ThreadInfo worker = ThreadInfo.current();
        StringBuilder answer = new StringBuilder();
        EventWriter events;
        try (SseSink sink = response.sink(SseSink.TYPE)) { // sends the headers at once
            events = new EventWriter(sink);
            try {
                events.send("start", Map.of("model", options.modelName()));
                streamAnswer(question, events, answer);
                events.send("done", Map.of("tokens", events.tokens(), "chars", answer.length()));
            } catch (RuntimeException e) {
                if (events.clientGone()) {
                    traces.add(new Trace(question, handler, worker, events.tokens(), Ending.CLIENT_GONE, arrived,
                            events.failedAt(), System.nanoTime()));
                    throw e; // Helidon logs it at TRACE and closes the connection
                }
                // The model failed, or the server is stopping, after the headers went out: no status code
                // can say so any more, an event can. Thrown on, it would be logged as a WARNING with its trace.
                events.sendIfStillThere("error", Map.of("message", String.valueOf(e.getMessage())));
                traces.add(new Trace(question, handler, worker, events.tokens(), Ending.FAILED, arrived, -1,
                        System.nanoTime()));
                return;
            }
        }
        long responded = System.nanoTime();
        traces.add(new Trace(question, handler, worker, events.tokens(), Ending.ANSWERED, arrived, -1, responded));
        background.execute(() -> logExchange(question, answer.toString(), responded));
    }

    // One token event per chunk of text. Closing the model's stream ends its HTTP call, whether the
    // stream ran to its end or sending an event failed half-way.
    private void streamAnswer(String question, EventWriter events, StringBuilder answer) {
        try (ResponseStream<GenerateContentResponse> chunks =
                     model.models.generateContentStream(options.modelName(), question, null)) {
            for (GenerateContentResponse chunk : chunks) {
                String text = chunk.text();
                if (text != null && !text.isEmpty()) {
                    answer.append(text);
                    events.send("token", Map.of("text", text));
                }
            }
        }
    }

    // The background work: stands for writing the exchange to a store, or an evaluation call.
    private void logExchange(String question, String answer, long respondedNanos) {
        try {
            Thread.sleep(options.logTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        logged.add(new LoggedExchange(question, answer, respondedNanos, System.nanoTime()));
    }

    /**
     * Stops taking requests (those in flight get the grace period), then waits for the background
     * work still pending, up to the drain limit.
     */
    @Override
    public void close() {
        server.stop();
        if (modelPool != null) {
            modelPool.shutdownNow();
        }
        background.shutdown();
        try {
            boolean drained = background.awaitTermination(options.drainLimit().toMillis(), TimeUnit.MILLISECONDS);
            lostAtStop = drained ? 0 : background.shutdownNow().size();
        } catch (InterruptedException e) {
            lostAtStop = background.shutdownNow().size();
            Thread.currentThread().interrupt();
        }
    }

    /** Writes named events whose data is one line of JSON, and notes when the client was found gone. */
    private static final class EventWriter {
        private final SseSink sink;
        private int tokens;
        private long failedAt = -1;

        EventWriter(SseSink sink) {
            this.sink = sink;
        }

        void send(String name, Map<String, ?> data) {
            try {
                // JSON, not raw text: Helidon writes "data:" + the text, and a client drops one leading
                // space of it, as the SSE format says; JSON also keeps newlines inside one data line.
                sink.emit(SseEvent.builder().name(name).data(JSON.writeValueAsString(data)).build());
            } catch (CloseConnectionException | UncheckedIOException gone) {
                failedAt = System.nanoTime();
                throw gone;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            if (name.equals("token")) {
                tokens++;
            }
        }

        /** Sends a last event if the client is still there to read it; never throws. */
        void sendIfStillThere(String name, Map<String, ?> data) {
            try {
                send(name, data);
            } catch (RuntimeException gone) {
                // the client, or the server's side of the connection, is gone: nothing more to say
            }
        }

        int tokens() {
            return tokens;
        }

        boolean clientGone() {
            return failedAt >= 0;
        }

        /** When sending failed because the client had gone; -1 if it never did. */
        long failedAt() {
            return failedAt;
        }
    }
}
