package ai.asyncjava.kit.simulators.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.LoggedRequest;
import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.errors.ClientException;
import com.google.genai.errors.ServerException;
import com.google.genai.types.EmbedContentResponse;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Watching for clients that hang up: with {@code withWatchForDisconnects(true)} every connection
 * passes through a relay, so a client that gives up (its timeout, an interrupted call, a stream
 * closed half-way) is logged as abandoned the moment it closes, and its simulated work stops; the
 * bytes on the wire, and so what the SDK sees, stay exactly as before. Off, nothing changes.
 */
class DisconnectWatchTest {

    private static final String MODEL = "gemini-2.5-flash";
    /** A call slow enough that only a client giving up ends it early. */
    private static final Duration SLOW = Duration.ofSeconds(2);
    /** How long after the client let go the simulator may log it: at once, but a busy machine may be slow to close. */
    private static final double NOTICED_WITHIN_MS = 150;

    private static GeminiSimulatorConfig watching(GeminiLatencies latencies) {
        return GeminiSimulatorConfig.fast().withLatencies(latencies).withWatchForDisconnects(true);
    }

    private static GenerateContentConfig timeout(int ms) {
        return GenerateContentConfig.builder().httpOptions(HttpOptions.builder().timeout(ms).build()).build();
    }

    // Now on the log's clock, in ms.
    private static double logNowMs(GeminiSimulator sim) {
        return (System.nanoTime() - sim.log().originNanos()) / 1e6;
    }

    private static LoggedRequest ended(GeminiSimulator sim, int id) throws InterruptedException {
        Optional<LoggedRequest> row = sim.log().awaitEnd(id, Duration.ofSeconds(5));
        assertTrue(row.isPresent(), "request " + id + " never ended: " + sim.log().requests());
        return row.get();
    }

    // Waits until request id has reached the simulator, then a little more, so it is under way.
    private static void arrived(GeminiSimulator sim, int id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sim.log().byId(id).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "request " + id + " never arrived");
            Thread.sleep(5);
        }
        Thread.sleep(50);
    }

    @Test
    void theSdkGetsTheSameAnswersByteForByte() {
        GeminiLatencies latencies = GeminiLatencies.none()
                .withGenerate(LatencyModel.fixed(Duration.ofMillis(60)))
                .withStreaming(LatencyModel.fixed(Duration.ofMillis(40)), LatencyModel.fixed(Duration.ofMillis(20)))
                .withEmbed(LatencyModel.fixed(Duration.ofMillis(40)), Duration.ZERO);
        try (GeminiSimulator watched = GeminiSimulator.start(watching(latencies));
             GeminiSimulator plain = GeminiSimulator.start(GeminiSimulatorConfig.fast().withLatencies(latencies));
             Client client = watched.clientWithoutRetries()) {
            String question = "What is 6 times 7?";
            assertEquals(GeminiAnswers.answerTo(question), client.models.generateContent(MODEL, question, null).text());
            String prompt = "Explain back-pressure in a pipeline";
            List<String> pieces = new ArrayList<>();
            try (ResponseStream<GenerateContentResponse> stream = client.models.generateContentStream(MODEL, prompt, null)) {
                stream.forEach(chunk -> pieces.add(chunk.text()));
            }
            assertTrue(pieces.size() >= 3, "chunks: " + pieces);
            assertEquals(GeminiAnswers.answerTo(prompt), String.join("", pieces));
            List<String> texts = List.of("virtual threads", "structured concurrency");
            EmbedContentResponse embedded = client.models.embedContent("gemini-embedding-001", texts, null);
            assertEquals(GeminiAnswers.embedding(texts.get(1)),
                    embedded.embeddings().orElseThrow().get(1).values().orElseThrow());
            assertTrue(watched.log().requests().stream().allMatch(r -> r.status() == 200), watched.log().requests().toString());
            assertEquals(List.of(), watched.log().abandoned());

            for (String pathAndQuery : List.of(":generateContent", ":streamGenerateContent?alt=sse", ":streamGenerateContent")) {
                String path = "/v1beta/models/" + MODEL + pathAndQuery;
                RawHttp.Reply relayed = RawHttp.post(watched, path, RawHttp.prompt(prompt), watched.apiKey());
                RawHttp.Reply direct = RawHttp.post(plain, path, RawHttp.prompt(prompt), plain.apiKey());
                assertEquals(direct.status(), relayed.status(), path);
                assertEquals(direct.body().replaceAll("\"responseId\": ?\"\\w+\"", ""),
                        relayed.body().replaceAll("\"responseId\": ?\"\\w+\"", ""), path);
            }
        }
    }

    @Test
    void aCallTheSdkTimesOutIsSeenAbandonedAtOnce() throws InterruptedException {
        try (GeminiSimulator sim = GeminiSimulator.start(watching(
                GeminiLatencies.none().withGenerate(LatencyModel.fixed(SLOW))));
             Client client = sim.clientWithoutRetries()) {
            long start = System.nanoTime();
            RuntimeException timedOut = assertThrows(RuntimeException.class,
                    () -> client.models.generateContent(MODEL, "What is 2 plus 2?", timeout(300)));
            double gaveUpMs = logNowMs(sim);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMs < SLOW.toMillis() / 2, "the SDK's timeout of 300 ms fired after " + tookMs + " ms: " + timedOut);

            LoggedRequest row = ended(sim, 1);
            assertTrue(row.abandoned(), "logged as " + row);
            // The client closes the connection, then its exception unwinds: the simulator may log it first.
            assertTrue(row.abandonedAtMs() - gaveUpMs < NOTICED_WITHIN_MS,
                    "the client gave up at " + gaveUpMs + " ms, the simulator noticed at " + row.abandonedAtMs());
            assertTrue(row.abandonedAtMs() - row.arrivalMs() < 300 + NOTICED_WITHIN_MS, row.toString());
            assertEquals(List.of(row), sim.log().abandoned());
        }
    }

    @Test
    void unwatchedTheSameTimeoutGoesUnseenUntilTheAnswerIsDue() throws InterruptedException {
        Duration latency = Duration.ofMillis(600);
        GeminiSimulatorConfig config = GeminiSimulatorConfig.fast().withLatencies(
                GeminiLatencies.none().withGenerate(LatencyModel.fixed(latency)));
        assertFalse(config.watchForDisconnects());
        try (GeminiSimulator sim = GeminiSimulator.start(config);
             Client client = sim.clientWithoutRetries()) {
            assertThrows(RuntimeException.class, () -> client.models.generateContent(MODEL, "hi", timeout(100)));
            assertTrue(sim.log().byId(1).orElseThrow().inFlight(), "an unwatched call looks in flight after its client left");
            // Unwatched, the simulator learns nothing until its answer is due; and then a small answer
            // usually fits the socket's buffer and counts as sent (200), so the log may never know.
            LoggedRequest row = ended(sim, 1);
            assertTrue(row.durationMs() >= latency.toMillis() - 5, "ended after " + row.durationMs() + " ms: " + row);
        }
    }

    @Test
    void aStreamClosedAfterItsFirstChunkIsSeenAbandoned() throws InterruptedException {
        GeminiLatencies latencies = GeminiLatencies.none().withStreaming(
                LatencyModel.fixed(Duration.ofMillis(50)), LatencyModel.fixed(Duration.ofMillis(400)));
        try (GeminiSimulator sim = GeminiSimulator.start(watching(latencies));
             Client client = sim.clientWithoutRetries()) {
            double closedMs;
            try (ResponseStream<GenerateContentResponse> stream =
                         client.models.generateContentStream(MODEL, "Explain back-pressure in a pipeline", null)) {
                stream.iterator().next();
                closedMs = logNowMs(sim);
            }
            double returnedMs = logNowMs(sim);
            LoggedRequest row = ended(sim, 1);
            assertTrue(row.abandoned(), row.toString());
            // OkHttp's close() reads on for up to 100 ms, hoping to keep the connection, then closes it.
            assertTrue(row.abandonedAtMs() > closedMs && row.abandonedAtMs() - returnedMs < NOTICED_WITHIN_MS,
                    "close() called at " + closedMs + " ms, returned at " + returnedMs + ", noticed at "
                            + row.abandonedAtMs());
            long sent = sim.streamLog().stream().filter(c -> c.requestId() == 1).count();
            assertTrue(sent <= 3, sent + " chunks were sent to a closed stream");
        }
    }

    @Test
    void aBlockingCallInterruptedOnAVirtualThreadIsSeenAbandoned() throws Exception {
        try (GeminiSimulator sim = GeminiSimulator.start(watching(
                GeminiLatencies.none().withGenerate(LatencyModel.fixed(SLOW))));
             Client client = sim.clientWithoutRetries();
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> call = threads.submit(() -> client.models.generateContent(MODEL, "hi", null).text());
            arrived(sim, 1);
            double cancelledMs = logNowMs(sim);
            call.cancel(true);
            LoggedRequest row = ended(sim, 1);
            assertTrue(row.abandoned(), row.toString());
            assertTrue(row.abandonedAtMs() - cancelledMs < NOTICED_WITHIN_MS,
                    "cancelled at " + cancelledMs + " ms, noticed at " + row.abandonedAtMs());
        }
    }

    @Test
    void faultsAndQuotaErrorsComeAsEver() {
        try (GeminiSimulator sim = GeminiSimulator.start(watching(
                GeminiLatencies.none().withGenerate(LatencyModel.fixed(Duration.ofMillis(100))))
                .withQuota(GeminiQuota.perWindow(2, Duration.ofMinutes(1))));
             Client client = sim.clientWithoutRetries()) {
            sim.failNext(Fault.INTERNAL_ERROR);
            assertEquals(500, assertThrows(ServerException.class,
                    () -> client.models.generateContent(MODEL, "a", null)).code());
            assertEquals(GeminiAnswers.answerTo("b"), client.models.generateContent(MODEL, "b", null).text());
            assertEquals(429, assertThrows(ClientException.class,
                    () -> client.models.generateContent(MODEL, "c", null)).code());
            assertEquals(List.of(500, 200, 429), sim.log().requests().stream().map(LoggedRequest::status).toList());
        }
    }

    @Test
    void aHangingCallIsSeenAbandonedToo() throws InterruptedException {
        try (GeminiSimulator sim = GeminiSimulator.start(watching(GeminiLatencies.none())
                .withFaults(FaultSettings.none().withHangFor(SLOW)));
             Client client = sim.clientWithoutRetries()) {
            sim.failNext(Fault.HANG);
            assertThrows(RuntimeException.class, () -> client.models.generateContent(MODEL, "hi", timeout(200)));
            double gaveUpMs = logNowMs(sim);
            LoggedRequest row = ended(sim, 1);
            assertTrue(row.abandoned() && "hang".equals(row.fault()), row.toString());
            assertTrue(row.abandonedAtMs() - gaveUpMs < NOTICED_WITHIN_MS,
                    "gave up at " + gaveUpMs + " ms, noticed at " + row.abandonedAtMs());
        }
    }

    @Test
    void aPlatformThreadBlockedInACallDoesNotNoticeItsInterruptSoTheCallRunsOn() throws Exception {
        // As against the real API: no byte arrives while the model works, so nothing wakes the thread.
        Duration latency = Duration.ofMillis(600);
        try (GeminiSimulator sim = GeminiSimulator.start(watching(
                GeminiLatencies.none().withGenerate(LatencyModel.fixed(latency))));
             Client client = sim.clientWithoutRetries();
             ExecutorService platform = Executors.newCachedThreadPool()) {
            Future<String> call = platform.submit(() -> client.models.generateContent(MODEL, "hi", null).text());
            arrived(sim, 1);
            call.cancel(true);
            LoggedRequest row = ended(sim, 1);
            assertEquals(200, row.status(), row.toString());
            assertTrue(row.durationMs() >= latency.toMillis() - 5, row.toString());
        }
    }

    @Test
    void offInEveryPreset() {
        for (String preset : GeminiSimulatorConfig.PRESETS) {
            assertFalse(GeminiSimulatorConfig.preset(preset).watchForDisconnects(), preset);
        }
        GeminiSimulatorConfig watched = GeminiSimulatorConfig.fast().withWatchForDisconnects(true);
        assertTrue(watched.watchForDisconnects());
        assertTrue(watched.summary().contains("watching"), watched.summary());
        try (GeminiSimulator sim = GeminiSimulator.start(watched)) {
            sim.reconfigure(c -> c.withWatchForDisconnects(false).withTimeScale(0.5));
            assertTrue(sim.config().watchForDisconnects(), "watching is fixed when the simulator starts");
        }
    }

    @Test
    void countsTheConnectionsClientsOpened() throws InterruptedException {
        try (GeminiSimulator sim = GeminiSimulator.start(watching(
                GeminiLatencies.none().withGenerate(LatencyModel.fixed(Duration.ofMillis(150)))));
             Client client = sim.clientWithoutRetries()) {
            for (int i = 0; i < 3; i++) {
                client.models.generateContent(MODEL, "call " + i, null);
            }
            assertEquals(1, sim.connectionsSeen(), "one client calling in turn reuses its connection");
            assertThrows(RuntimeException.class, () -> client.models.generateContent(MODEL, "late", timeout(50)));
            assertTrue(ended(sim, 4).abandoned());
            client.models.generateContent(MODEL, "after", null);
            assertEquals(2, sim.connectionsSeen(), "a call that timed out took its connection with it");
            sim.reset();
            assertEquals(0, sim.connectionsSeen());
        }
    }
}
