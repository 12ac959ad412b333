package ai.asyncjava.kit.checks.ch07;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.BoundedRun;
import ai.asyncjava.kit.checks.CheckSimulators;
import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.checks.ch07.SseReader.Received;
import ai.asyncjava.kit.exercises.ch07.AnswerService;
import ai.asyncjava.kit.exercises.ch07.AnswerServiceFactory;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.gemini.GeminiAnswers;
import ai.asyncjava.kit.simulators.gemini.GeminiLatencies;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import ai.asyncjava.kit.simulators.gemini.ModelReply;
import ai.asyncjava.kit.simulators.gemini.StreamedChunk;
import com.google.genai.Client;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of chapter 07's {@link AnswerService}, as its users see it: over HTTP, with the
 * JDK's client, against a Gemini simulator that streams an answer in about six chunks (the first
 * after 150 ms, the others 100 ms apart) and watches its connections. The exchange log is the
 * check's own: it notes when each record began and ended, and whether it was interrupted.
 */
@HiddenChecks(secondsPerCheck = 4)
class AnswerServiceChecks {

    static final String QUESTION = "What is two times 51?";
    static final Duration FIRST_CHUNK = Duration.ofMillis(150);
    static final Duration CHUNK_GAP = Duration.ofMillis(100);
    /** How long recording one exchange takes: long enough that a response which waited for it shows. */
    static final Duration RECORD_TIME = Duration.ofMillis(500);
    /** The long answer of the hang-up check: 20 chunks, 2 s in all, so the model is mid-answer when the client goes. */
    static final int LONG_ANSWER_CHUNKS = 20;
    /** Users at once in the load check; served one at a time they would take over 10 s. */
    static final int USERS = 16;

    // Helidon logs a few INFO lines at each start and stop through JUL, which would land in the check
    // cell's output. Held in a field: JUL keeps loggers weakly, and a collected one forgets its level.
    private static final Logger HELIDON_LOGS = Logger.getLogger("io.helidon");

    static {
        HELIDON_LOGS.setLevel(Level.WARNING);
    }

    private final GeminiSimulator simulator = CheckSimulators.gemini(GeminiSimulatorConfig.fast()
            .withWatchForDisconnects(true)
            .withLatencies(GeminiLatencies.none()
                    .withStreaming(LatencyModel.fixed(FIRST_CHUNK), LatencyModel.fixed(CHUNK_GAP))
                    // an answer asked for whole takes as long as the streamed one does to its end
                    .withGenerate(LatencyModel.fixed(FIRST_CHUNK.plus(CHUNK_GAP.multipliedBy(5))))));
    private final Client client = CheckSimulators.clientWithoutRetries(simulator);
    // The users' client: HTTP/1.1, since the JDK client's default, HTTP/2, would first ask the service to
    // upgrade the connection. Built outside the check and run on virtual threads, so that its threads
    // are not taken for the learner's.
    private final HttpClient http = usersClient();
    private final RecordingLog log = new RecordingLog(RECORD_TIME);
    private AnswerService service;

    /** The learner's service for one check; closing it closes the service, within the check, so that its threads are gone. */
    private final class Running implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (service != null) {
                AnswerService started = service;
                service = null;
                BoundedRun.call("close()", Duration.ofSeconds(3), () -> {
                    started.close();
                    return null;
                }).requireReturned().resultOrRethrow();
            }
        }
    }

    @AfterEach
    void closeEverything() {
        http.shutdownNow();
        CheckSimulators.close(client);
        CheckSimulators.close(simulator);
    }

    @Test
    @Order(1)
    @DisplayName("streams the answer as server-sent events: a token event per chunk, each sent as it is read")
    void streamsTokensAsTheModelStreams(AnswerServiceFactory services) throws Exception {
        try (Running running = start(services)) {
            List<Received> events;
            try (SseReader reader = open(QUESTION)) {
                events = readAll(reader);
            }
            List<Received> tokens = events.stream().filter(event -> event.name().equals("token")).toList();
            String expected = GeminiAnswers.answerTo(QUESTION);
            StringBuilder streamed = new StringBuilder();
            for (Received token : tokens) {
                streamed.append(TokenEvents.text(token));
            }
            if (tokens.isEmpty()) {
                fail("The response held no token event, only " + names(events) + ". Send each chunk's text as an event "
                        + "named token, its data the JSON {\"text\": \"...\"}.");
            }
            if (!streamed.toString().equals(expected)) {
                fail("The token events join into " + Wording.quoted(streamed.toString()) + "; the model's answer is "
                        + Wording.quoted(expected) + ".");
            }
            if (!events.getLast().name().equals("done")) {
                fail("The last event was " + Wording.quoted(events.getLast().name()) + "; end the answer with an event named "
                        + "done, so the client knows it is complete.");
            }
            List<StreamedChunk> chunks = simulator.streamLog();
            if (chunks.isEmpty()) {
                fail("The model's answer was asked for whole (generateContent), so the first token event waited for "
                        + "the last word. Stream it: generateContentStream, and emit each chunk's event as it is read.");
            }
            long late = tokens.getFirst().arrivedNanos() - chunks.getFirst().readableNanos();
            if (late > Tolerances.Ch07.EVENT_LATE.nanos()) {
                boolean afterTheEnd = tokens.getFirst().arrivedNanos() >= chunks.getLast().readableNanos();
                fail("The first token event reached the client " + Wording.nanos(late) + " after the SDK could hand its chunk "
                        + "over" + (afterTheEnd ? ", once the whole answer had streamed in" : "") + ". Emit each chunk's "
                        + "event inside the loop over the model's stream, as it is read.");
            }
            if (tokens.size() < chunks.size() - 1) {
                fail("The model streamed " + Wording.count(chunks.size(), "chunk") + " and the client got "
                        + Wording.count(tokens.size(), "token event") + ": send one event per chunk.");
            }
        }
    }

    @Test
    @Order(2)
    @DisplayName("answers a request without a question with 400, and asks the model nothing")
    void refusesAMissingQuestion(AnswerServiceFactory services) throws Exception {
        try (Running running = start(services)) {
            for (String query : List.of("", "?q=", "?q=%20%20")) {
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(base() + "/ask" + query))
                        .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() != 400) {
                    fail("GET /ask" + query + " answered " + reply.statusCode() + "; a request with no question is the "
                            + "client's mistake: answer 400 (Status.BAD_REQUEST_400) with a line that says what is missing.");
                }
            }
            if (!simulator.log().requests().isEmpty()) {
                fail("The model was called " + Wording.count(simulator.log().requests().size(), "time")
                        + " for requests with no question; check the question before calling it.");
            }
        }
    }

    @Test
    @Order(3)
    @DisplayName("records the exchange in the background, after the response, without delaying it")
    void recordsInTheBackgroundAfterTheResponse(AnswerServiceFactory services) throws Exception {
        try (Running running = start(services)) {
            long responseEnded;
            try (SseReader reader = open(QUESTION)) {
                readAll(reader);
                responseEnded = reader.endedNanos();
            }
            RecordingLog.Entry entry = log.awaitFinished(1, Duration.ofSeconds(2)).stream().findFirst().orElse(null);
            if (entry == null) {
                fail("No exchange was recorded within 2 s of the response (" + log.describe() + "). Once the done event is "
                        + "sent, hand log.record(question, answer) to an executor of the service's own.");
            }
            if (!entry.question().equals(QUESTION) || !entry.answer().equals(GeminiAnswers.answerTo(QUESTION))) {
                fail("The exchange recorded was " + Wording.quoted(entry.question()) + " -> " + Wording.quoted(entry.answer())
                        + "; record the question and the whole answer streamed: " + Wording.quoted(QUESTION) + " -> "
                        + Wording.quoted(GeminiAnswers.answerTo(QUESTION)) + ".");
            }
            long waited = responseEnded - entry.startedNanos();
            if (waited > Tolerances.Ch07.RESPONSE_AFTER_RECORD.nanos()) {
                fail("The response ended " + Wording.nanos(waited) + " after recording the exchange began (recording takes "
                        + Wording.duration(RECORD_TIME) + "): the user waited for the log. Finish the response first, "
                        + "then submit the recording to a background executor and return without waiting for it.");
            }
        }
    }

    @Test
    @Order(4)
    @DisplayName("close() stops taking requests and waits for every exchange to be recorded, none lost")
    void closeDrainsTheBackgroundWork(AnswerServiceFactory services) throws Exception {
        try (Running running = start(services)) {
            List<CompletableFuture<HttpResponse<String>>> requests = IntStream.range(0, 3)
                    .mapToObj(i -> http.sendAsync(sse(ask(QUESTION + " (" + (i + 1) + ")")), HttpResponse.BodyHandlers.ofString()))
                    .toList();
            CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(3, TimeUnit.SECONDS);
            URI afterClose = ask(QUESTION);

            running.close();
            List<RecordingLog.Entry> atClose = log.entries();
            long finished = atClose.stream().filter(RecordingLog.Entry::finished).count();
            long interrupted = atClose.stream().filter(RecordingLog.Entry::interrupted).count();
            if (interrupted > 0) {
                fail("close() interrupted " + Wording.count(interrupted, "exchange") + " still being recorded: they are lost. "
                        + "Shut the executor down with shutdown() (or close()), which lets its tasks finish, not shutdownNow().");
            }
            if (finished < requests.size()) {
                log.awaitFinished(requests.size(), RECORD_TIME.multipliedBy(2));
                fail("close() returned when " + finished + " of " + requests.size() + " answered exchanges were recorded ("
                        + log.describe() + " by now): a JVM that exits after close() loses the rest. After stopping the "
                        + "server, shut the background executor down and wait for it: awaitTermination, or close().");
            }
            try (HttpClient fresh = usersClient()) { // a new connection, not one kept alive from before
                HttpResponse<String> reply = fresh.send(sse(afterClose), HttpResponse.BodyHandlers.ofString());
                fail("After close() the service still answered a new request (" + reply.statusCode() + "); stop the web "
                        + "server in close(), before draining the background work.");
            } catch (ConnectException | java.net.http.HttpConnectTimeoutException refused) {
                // stopped, as it should be
            } catch (IOException closedMidway) {
                // the server accepted nothing, or closed the connection without answering: also stopped
            }
        }
    }

    @Test
    @Order(5)
    @DisplayName("a client that hangs up half-way stops the model's stream")
    void aClientThatHangsUpStopsTheModel(AnswerServiceFactory services) throws Exception {
        simulator.reconfigure(config -> config.withScript(call -> ModelReply.planned(IntStream.range(0, LONG_ANSWER_CHUNKS)
                .mapToObj(i -> ModelReply.Chunk.text(i == 0 ? FIRST_CHUNK : CHUNK_GAP, "word" + i + " ")).toList())));
        try (Running running = start(services)) {
            long hungUp;
            try (SseReader reader = open(QUESTION)) {
                Optional<Received> first = nextToken(reader);
                if (first.isEmpty()) {
                    fail("The response ended before its first token event; send each chunk as a token event.");
                }
                hungUp = System.nanoTime();
            } // closing the reader closes the connection: the user has gone
            List<LoggedRequest> calls = simulator.log().requests();
            if (calls.isEmpty()) {
                fail("No model call reached the simulator.");
            }
            Duration patience = Tolerances.Ch07.HANG_UP_NOTICED.get();
            LoggedRequest call = simulator.log().awaitEnd(calls.getFirst().id(), patience).orElse(calls.getFirst());
            long sent = simulator.streamLog().stream().filter(chunk -> chunk.requestId() == call.id()).count();
            if (sent == 0) {
                fail("The model's answer was asked for whole (generateContent), not streamed: it was complete before "
                        + "the first event, and nothing was left to stop when the client hung up. Stream it with "
                        + "generateContentStream, so that a client who goes stops the model's stream.");
            }
            if (!call.abandoned()) {
                fail("The client hung up after the first token, and the model's stream "
                        + (call.inFlight() ? "was still open " + Wording.duration(patience) + " later" : "was read to its end")
                        + " (" + sent + " of " + LONG_ANSWER_CHUNKS + " chunks): the model went on writing for nobody. When "
                        + "emit throws because the client has gone, let the exception leave the loop, and close the stream: "
                        + "try (ResponseStream<GenerateContentResponse> chunks = ...) does it on the way out.");
            }
            double hungUpMs = (hungUp - simulator.log().originNanos()) / 1e6;
            double noticed = call.abandonedAtMs() - hungUpMs;
            if (noticed > Tolerances.Ch07.HANG_UP_NOTICED.millis()) {
                fail(String.format(java.util.Locale.ROOT, "The model's stream was closed %.0f ms after the client hung up (%d of"
                        + " %d chunks sent); close it as soon as sending an event fails.", noticed, sent, LONG_ANSWER_CHUNKS));
            }
        }
    }

    @Test
    @Order(6)
    @DisplayName("serves " + USERS + " users at once, each answer streaming while the others do")
    void servesManyUsersAtOnce(AnswerServiceFactory services) throws Exception {
        try (Running running = start(services)) {
            long began = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> users = IntStream.range(0, USERS)
                    .mapToObj(i -> http.sendAsync(sse(ask(QUESTION + " (user " + (i + 1) + ")")), HttpResponse.BodyHandlers.ofString()))
                    .toList();
            Duration limit = Tolerances.Ch07.MANY_USERS.get();
            try {
                CompletableFuture.allOf(users.toArray(CompletableFuture[]::new)).get(limit.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException slow) {
                long answered = users.stream().filter(user -> user.isDone() && !user.isCompletedExceptionally()).count();
                fail(USERS + " users asked at once; after " + Wording.duration(limit) + " " + answered + " had their answer "
                        + "(one takes about " + Wording.duration(answerTime()) + "), and the model saw at most "
                        + simulator.log().peakInFlight() + " call(s) at once. The service serves requests one by one, or a few at "
                        + "a time: keep no lock around a request's work, and run each request on a virtual thread of its own.");
            }
            for (CompletableFuture<HttpResponse<String>> user : users) {
                HttpResponse<String> reply = user.get();
                if (reply.statusCode() != 200 || !reply.body().contains("event:done")) {
                    fail("With " + USERS + " users at once, one got " + reply.statusCode() + " "
                            + Wording.quoted(Wording.shortened(reply.body(), 120)) + " instead of a whole answer.");
                }
            }
            int peak = simulator.log().peakInFlight();
            if (peak < USERS * Tolerances.Ch07.USERS_AT_ONCE) {
                fail(USERS + " users asked at once and the model saw at most " + peak + " of their calls at once (all "
                        + USERS + " answered in " + Wording.nanos(System.nanoTime() - began) + "). A request should not wait "
                        + "for another's: run each on its own (virtual) thread, with no lock or small pool around its work.");
            }
        }
    }

    // --- helpers ---

    private Running start(AnswerServiceFactory services) throws Exception {
        AnswerService started = BoundedRun.call("start(...)", Duration.ofSeconds(3), () -> services.start(client, log))
                .requireReturned().resultOrRethrow();
        if (started == null) {
            fail("Your factory returned null instead of an AnswerService; pass SseAnswerService::start.");
        }
        service = started;
        Running running = new Running();
        if (started.port() <= 0) {
            running.close();
            fail("port() said " + started.port() + "; start the web server on port 0 (any free port) and return "
                    + "server.port(), the one it was given.");
        }
        return running;
    }

    private static HttpClient usersClient() {
        return CheckSimulators.outsideTheCheck(() -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build());
    }

    private String base() {
        return "http://127.0.0.1:" + service.port();
    }

    private URI ask(String question) {
        return URI.create(base() + "/ask?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8));
    }

    private static HttpRequest sse(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build();
    }

    private SseReader open(String question) throws IOException, InterruptedException {
        SseReader reader = SseReader.open(http, ask(question));
        if (reader.status() != 200 || !reader.contentType().startsWith("text/event-stream")) {
            String body = String.join("\n", reader.rawLinesUpTo(5));
            reader.close();
            fail("GET /ask?q=... answered " + reader.status() + " with Content-Type " + Wording.quoted(reader.contentType())
                    + (body.isBlank() ? "" : " and " + Wording.quoted(Wording.shortened(body, 160)))
                    + "; answer 200 with an event stream: response.sink(SseSink.TYPE).");
        }
        return reader;
    }

    private static List<Received> readAll(SseReader reader) {
        try {
            return reader.readAll();
        } catch (IllegalStateException notSse) {
            fail("The response is not server-sent events: " + notSse.getMessage());
            return List.of();
        }
    }

    private static Optional<Received> nextToken(SseReader reader) {
        for (Optional<Received> event = reader.next(); event.isPresent(); event = reader.next()) {
            if (event.get().name().equals("token")) {
                return event;
            }
        }
        return Optional.empty();
    }

    private static String names(List<Received> events) {
        List<String> names = new ArrayList<>();
        events.forEach(event -> names.add(event.name()));
        return names.isEmpty() ? "no events" : "events " + names;
    }

    private static Duration answerTime() {
        return FIRST_CHUNK.plus(CHUNK_GAP.multipliedBy(5));
    }
}
