package ai.asyncjava.kit.course.helidon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.course.helidon.AskService.ModelThreads;
import ai.asyncjava.kit.course.helidon.AskService.Options;
import ai.asyncjava.kit.course.helidon.AskService.Trace;
import ai.asyncjava.kit.checks.ch07.SseReader;
import ai.asyncjava.kit.checks.ch07.SseReader.Received;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.gemini.GeminiLatencies;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import ai.asyncjava.kit.simulators.gemini.GeminiScript;
import ai.asyncjava.kit.simulators.gemini.ModelReply;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.genai.Client;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The prototype of chapter 07's service on Helidon SE 4: SSE framing, background work after the
 * response and drained at stop, a client hanging up half-way, and the threads requests run on.
 * Each test prints what it measured (lines starting "helidon:").
 */
class HelidonServiceTest {

    static final String MODEL = "gemini-2.5-flash";
    static final String QUESTION = "Explain back-pressure in a pipeline";
    static final Duration FIRST_CHUNK = Duration.ofMillis(50);
    static final Duration CHUNK_GAP = Duration.ofMillis(100);
    static final Duration LOG_TIME = Duration.ofMillis(300);
    static final int LONG_ANSWER_CHUNKS = 20;
    static final int CLIENT_CLOSED = 499; // the simulator's status for a call whose client hung up

    private static final ObjectMapper JSON = new ObjectMapper();

    private static GeminiSimulator sim;
    private static Client model;
    private static HttpClient http;

    @BeforeAll
    static void startTheModel() throws Exception {
        sim = GeminiSimulator.start(GeminiSimulatorConfig.fast().withLatencies(GeminiLatencies.none()
                .withStreaming(LatencyModel.fixed(FIRST_CHUNK), LatencyModel.fixed(CHUNK_GAP))));
        model = sim.clientWithoutRetries();
        // HTTP/1.1: the JDK client's default, HTTP/2, would first offer Helidon an h2c upgrade.
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        measureStartUp();
    }

    @AfterAll
    static void stopTheModel() {
        http.close();
        model.close();
        sim.close();
    }

    @BeforeEach
    void freshLogs() {
        sim.reset();
    }

    // Start-up: the first server in this JVM loads Helidon's classes; its first request loads more.
    private static void measureStartUp() throws Exception {
        try (var warmUp = model.models.generateContentStream(MODEL, "hi", null)) { // the SDK's own first call
            warmUp.forEach(chunk -> { });
        }
        long t0 = System.nanoTime();
        try (AskService service = AskService.start(model, options())) {
            long started = System.nanoTime();
            try (SseReader reader = SseReader.open(http, ask(service, "hi"))) {
                reader.readAll();
            }
            long firstAnswered = System.nanoTime();
            try (SseReader reader = SseReader.open(http, ask(service, "hi"))) {
                reader.readAll();
            }
            long secondAnswered = System.nanoTime();
            long t1 = System.nanoTime();
            AskService second = AskService.start(model, options());
            long secondStarted = System.nanoTime();
            second.close();
            long secondStopped = System.nanoTime();
            System.out.printf(Locale.ROOT, "helidon: start-up %d ms (first in this JVM), then %d ms, an idle stop %d ms;"
                            + " first request %d ms, second %d ms (model: %d ms to first chunk); global serial filter after"
                            + " start: %s%n",
                    ms(started - t0), ms(secondStarted - t1), ms(secondStopped - secondStarted), ms(firstAnswered - started),
                    ms(secondAnswered - firstAnswered), FIRST_CHUNK.toMillis(), ObjectInputFilter.Config.getSerialFilter());
        }
    }

    @Test
    void streamsAStartEventThenATokenPerModelChunkThenDone() throws Exception {
        String expected = model.models.generateContent(MODEL, QUESTION, null).text();
        sim.reset();
        try (AskService service = AskService.start(model, options());
             SseReader reader = SseReader.open(http, ask(service, QUESTION))) {
            assertTrue(service.port() > 0, "port 0 asks for a free port; port() says which");
            assertEquals(200, reader.status());
            assertTrue(reader.contentType().startsWith("text/event-stream"), reader.contentType());
            List<Received> events = reader.readAll();

            List<String> names = events.stream().map(Received::name).toList();
            assertEquals("start", names.getFirst(), names.toString());
            assertEquals("done", names.getLast(), names.toString());
            assertTrue(names.subList(1, names.size() - 1).stream().allMatch("token"::equals), names.toString());
            List<String> tokens = events.stream().filter(e -> e.name().equals("token")).map(e -> field(e, "text")).toList();
            assertEquals(expected, String.join("", tokens));
            long chunksWithText = sim.streamLog().stream().filter(c -> !c.text().isEmpty()).count();
            assertEquals(chunksWithText, tokens.size(), "one token event per chunk of text the model streamed");
            assertEquals(String.valueOf(tokens.size()), field(events.getLast(), "tokens"));

            // The framing on the wire: "event:NAME", "data:ONE-LINE-OF-JSON", a blank line; nothing else.
            List<String> raw = reader.rawLines();
            assertEquals(events.size() * 3, raw.size(), raw.toString());
            for (int i = 0; i < events.size(); i++) {
                assertEquals("event:" + events.get(i).name(), raw.get(3 * i));
                assertTrue(raw.get(3 * i + 1).startsWith("data:{"), raw.get(3 * i + 1));
                assertEquals("", raw.get(3 * i + 2));
            }
            long firstEvent = events.getFirst().arrivedNanos() - reader.sentNanos();
            long firstToken = events.get(1).arrivedNanos() - reader.sentNanos();
            System.out.printf(Locale.ROOT, "helidon: %d tokens; first event after %.1f ms, first token %.1f ms, all %.1f ms%n",
                    tokens.size(), firstEvent / 1e6, firstToken / 1e6, (reader.endedNanos() - reader.sentNanos()) / 1e6);
        }
    }

    @Test
    void aClientThatDoesNotAcceptAnEventStreamIsRefused() throws Exception {
        try (AskService service = AskService.start(model, options())) {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(ask(service, QUESTION))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(406, reply.statusCode(), "Helidon's SSE sink needs Accept: text/event-stream (or no Accept)");
            HttpResponse<String> noQuestion = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/ask"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, noQuestion.statusCode());
        }
    }

    @Test
    void logsTheExchangeAfterTheResponseWithoutDelayingIt() throws Exception {
        try (AskService service = AskService.start(model, options())) {
            String streamed;
            long lastByte;
            try (SseReader reader = SseReader.open(http, ask(service, QUESTION))) {
                streamed = String.join("", reader.readAll().stream().filter(e -> e.name().equals("token"))
                        .map(e -> field(e, "text")).toList());
                lastByte = reader.endedNanos();
            }
            AskService.LoggedExchange logged = await("the exchange to be logged", Duration.ofSeconds(3),
                    () -> service.loggedExchanges().isEmpty() ? null : service.loggedExchanges().getFirst());
            assertEquals(streamed, logged.answer());
            double lagMs = (logged.loggedNanos() - lastByte) / 1e6;
            // Logging takes 300 ms and starts when the response is complete, so it ends well after the last byte.
            assertTrue(lagMs > LOG_TIME.toMillis() * 2 / 3.0,
                    "the response ended only " + lagMs + " ms before the logging did: it waited for the logging");
            System.out.printf(Locale.ROOT, "helidon: last byte at the client %.1f ms before the background log ended "
                    + "(log takes %d ms); server: response done -> logged %.1f ms%n", lagMs, LOG_TIME.toMillis(),
                    (logged.loggedNanos() - logged.respondedNanos()) / 1e6);
        }
    }

    @Test
    void stopFinishesRequestsInFlightThenDrainsTheBackgroundWork() throws Exception {
        AskService service = AskService.start(model, options());
        try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            // Two requests answered, so their logging is pending, and one still streaming when stop() begins.
            for (int i = 0; i < 2; i++) {
                try (SseReader reader = SseReader.open(http, ask(service, QUESTION + " " + i))) {
                    reader.readAll();
                }
            }
            SseReader inFlight = SseReader.open(http, ask(service, QUESTION + " in flight"));
            assertEquals("start", inFlight.next().orElseThrow().name());
            Future<List<Received>> rest = users.submit(inFlight::readAll);
            URI afterStop = ask(service, QUESTION); // port() says -1 once stopped
            long stopAt = System.nanoTime();
            service.close();
            long closed = System.nanoTime();

            List<Received> restOfStream = rest.get();
            assertEquals("done", restOfStream.getLast().name(), "the stream in flight was finished within the grace period");
            assertEquals(3, service.loggedExchanges().size(), "every exchange was logged before close() returned");
            assertEquals(0, service.lostAtStop());
            assertTrue(inFlight.endedNanos() < closed);
            try (HttpClient fresh = HttpClient.newHttpClient()) { // no kept-alive connection to reuse
                assertThrows(ConnectException.class, () -> fresh.send(HttpRequest.newBuilder(afterStop).build(),
                        HttpResponse.BodyHandlers.ofString()), "after stop() no request is taken");
            }
            System.out.printf(Locale.ROOT, "helidon: close() took %.1f ms (stream in flight ended %.1f ms after stop began);"
                            + " logged %d of 3, lost %d%n", (closed - stopAt) / 1e6, (inFlight.endedNanos() - stopAt) / 1e6,
                    service.loggedExchanges().size(), service.lostAtStop());
            inFlight.close();
        }
    }

    @Test
    void aClientThatHangsUpStopsItsModelStream() throws Exception {
        // A long answer, 20 chunks a gap apart, so that the model is still streaming when the cut reaches it.
        GeminiScript usual = sim.config().script();
        sim.reconfigure(config -> config.withScript(call -> ModelReply.planned(IntStream.range(0, LONG_ANSWER_CHUNKS)
                .mapToObj(i -> ModelReply.Chunk.text(i == 0 ? Duration.ZERO : CHUNK_GAP, "word" + i + " ")).toList())));
        try (AskService service = AskService.start(model, options())) {
            SseReader reader = SseReader.open(http, ask(service, QUESTION));
            assertEquals("start", reader.next().orElseThrow().name());
            assertEquals("token", reader.next().orElseThrow().name());
            long hungUp = System.nanoTime();
            reader.close();

            Trace trace = await("the handler to notice", Duration.ofSeconds(3),
                    () -> service.traces().isEmpty() ? null : service.traces().getFirst());
            assertEquals(AskService.Ending.CLIENT_GONE, trace.ending());
            LoggedRequest call = await("the model call to end", Duration.ofSeconds(3), () -> sim.log().requests().stream()
                    .filter(r -> !r.inFlight()).findFirst().orElse(null));
            assertEquals(CLIENT_CLOSED, call.status(), "the model saw its client close the stream: " + call);
            long sent = sim.streamLog().stream().filter(c -> c.requestId() == call.id()).count();
            assertTrue(sent < LONG_ANSWER_CHUNKS / 2, "the model sent " + sent + " of " + LONG_ANSWER_CHUNKS + " chunks");
            assertTrue(service.loggedExchanges().isEmpty(), "a broken exchange is not logged as answered");

            double noticed = (trace.clientGoneNanos() - hungUp) / 1e6;
            double closedModel = (trace.endedNanos() - hungUp) / 1e6;
            double modelSaw = (sim.log().originNanos() + call.endMs() * 1e6 - hungUp) / 1e6;
            System.out.printf(Locale.ROOT, "helidon: client hung up after the first token; handler's send failed %.1f ms"
                            + " later (after %d token(s) sent), model stream closed at %.1f ms, simulator saw it at %.1f ms;"
                            + " model sent %d of %d chunks (gap %d ms)%n", noticed, trace.tokensSent(), closedModel, modelSaw,
                    sent, LONG_ANSWER_CHUNKS, CHUNK_GAP.toMillis());
        } finally {
            sim.reconfigure(config -> config.withScript(usual));
        }
    }

    @Test
    void eachRequestRunsOnAVirtualThreadAndCanHandItsWorkToAPlatformPool() throws Exception {
        try (AskService service = AskService.start(model, options())) {
            try (SseReader reader = SseReader.open(http, ask(service, QUESTION))) {
                reader.readAll();
            }
            Trace trace = await("the request's trace", Duration.ofSeconds(2),
                    () -> service.traces().isEmpty() ? null : service.traces().getFirst());
            assertTrue(trace.handlerThread().virtual(), "Helidon ran the handler on " + trace.handlerThread());
            assertEquals(trace.handlerThread(), trace.workThread());
            System.out.println("helidon: handler thread " + trace.handlerThread());
        }
        try (AskService service = AskService.start(model, options().withThreads(ModelThreads.PLATFORM_POOL, 2))) {
            try (SseReader reader = SseReader.open(http, ask(service, QUESTION))) {
                assertEquals("done", reader.readAll().getLast().name());
            }
            Trace trace = await("the request's trace", Duration.ofSeconds(2),
                    () -> service.traces().isEmpty() ? null : service.traces().getFirst());
            assertTrue(trace.handlerThread().virtual());
            assertFalse(trace.workThread().virtual(), "the pool's threads are platform threads: " + trace.workThread());
            assertTrue(trace.workThread().name().startsWith("model-pool-"), trace.workThread().name());
        }
    }

    // --- helpers ---

    static Options options() {
        return Options.defaults().withLogTime(LOG_TIME);
    }

    static URI ask(AskService service, String question) {
        return URI.create(service.baseUrl() + "/ask?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8));
    }

    static String field(Received event, String name) {
        try {
            return JSON.readTree(event.data()).path(name).asText();
        } catch (IOException e) {
            throw new UncheckedIOException("event data is not JSON: " + event, e);
        }
    }

    static <T> T await(String what, Duration limit, Supplier<T> poll) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            T value = poll.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("waited " + limit.toMillis() + " ms for " + what);
    }

    static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
