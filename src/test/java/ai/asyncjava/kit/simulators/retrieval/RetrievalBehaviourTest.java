package ai.asyncjava.kit.simulators.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.Http;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Latency, faults, the request log and configuration, seen from a client and from the log. */
class RetrievalBehaviourTest {

    @Test
    void bothSearchesAtOnceOverlapInTheLogEachWithItsLatency() throws Exception {
        RetrievalConfig config = RetrievalConfig.fast()
                .withLatency(Service.VECTOR, LatencyModel.fixed(Duration.ofMillis(150)))
                .withLatency(Service.KEYWORD, LatencyModel.fixed(Duration.ofMillis(250)));
        try (RetrievalSimulator sim = RetrievalSimulator.start(config); HttpClient client = Http.client();
             var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Search.keyword(client, sim, "warm up", 1); // the first connection costs more than the rest
            Search.vector(client, sim, sim.embeddingOf("warm up"), 1);
            sim.reset();
            long start = System.nanoTime();
            Future<List<Hit>> vector = threads.submit(() -> Search.vector(client, sim, sim.embeddingOf("sleep and memory"), 20));
            Future<List<Hit>> keyword = threads.submit(() -> Search.keyword(client, sim, "sleep and memory", 20));
            assertEquals(20, vector.get().size());
            assertEquals(20, keyword.get().size());
            double tookMs = (System.nanoTime() - start) / 1e6;
            assertTrue(tookMs >= 250, "the slower search's time at least: " + tookMs + " ms");

            LoggedRequest v = sim.requests(Service.VECTOR).getFirst();
            LoggedRequest k = sim.requests(Service.KEYWORD).getFirst();
            assertTrue(v.durationMs() >= 150 && v.durationMs() < 1000, "vector: " + v.durationMs());
            assertTrue(k.durationMs() >= 250 && k.durationMs() < 1000, "keyword: " + k.durationMs());
            LoggedRequest first = v.arrivalMs() < k.arrivalMs() ? v : k;
            LoggedRequest second = first == v ? k : v;
            assertTrue(second.arrivalMs() < first.endMs(), "they overlapped");
            assertEquals(1, second.inFlightAtArrival(), "the second arrived while the first was in flight");
            assertEquals(2, sim.log().peakInFlight());
            assertEquals("sleep and memory", k.target());
            assertTrue(v.target().matches("\\[-?0\\.\\d{4}, -?0\\.\\d{4}, -?0\\.\\d{4}, …] \\(768\\)"), v.target());
            assertEquals(20, v.batchSize());

            Table table = sim.requestTable();
            assertEquals(List.of("id", "request", "attempt", "query", "service", "arrival_ms", "start_ms", "end_ms",
                    "duration_ms", "status", "top_k", "in_flight_at_arrival", "retry_after_ms", "admitted", "fault"),
                    table.columnNames());
            assertEquals(2, table.rowCount());

            sim.reconfigure(c -> c.withTimeScale(0.2));
            Search.keyword(client, sim, "scaled", 1);
            double scaled = sim.requests(Service.KEYWORD).getLast().durationMs();
            assertTrue(scaled >= 50 && scaled < 250, "250 ms at a time scale of 0.2: " + scaled);
        }
    }

    @Test
    void failNextFailsTheNextSearchesOfOneServiceAndRetriesAreRecognised() {
        try (RetrievalSimulator sim = RetrievalSimulator.start(RetrievalConfig.fast()); HttpClient client = Http.client()) {
            sim.failNext(Service.VECTOR, Fault.INTERNAL_ERROR, Fault.UNAVAILABLE);
            String body = Search.vectorBody(sim.embeddingOf("sleep"), 5);
            HttpResponse<String> first = Search.postVector(client, sim, body);
            assertEquals(500, first.statusCode());
            assertEquals("INTERNAL", Search.parse(first.body()).at("/error/status").asText());
            assertEquals(5, Search.keyword(client, sim, "sleep", 5).size(), "the keyword search is not touched");
            assertEquals(503, Search.postVector(client, sim, body).statusCode());
            assertEquals(200, Search.postVector(client, sim, body).statusCode());

            List<LoggedRequest> vector = sim.requests(Service.VECTOR);
            assertEquals(List.of("500", "503", "none"), vector.stream().map(LoggedRequest::fault).toList());
            assertEquals(List.of(1, 2, 3), vector.stream().map(LoggedRequest::attempt).toList(), "the same body again is a retry");
            assertEquals(List.of(500, 503, 200), vector.stream().map(LoggedRequest::status).toList());
        }
    }

    @Test
    void failAlwaysTakesAServiceDownUntilReset() {
        try (RetrievalSimulator sim = RetrievalSimulator.start(RetrievalConfig.fast()); HttpClient client = Http.client()) {
            sim.failAlways(Service.KEYWORD, Fault.INTERNAL_ERROR);
            for (String q : List.of("sleep", "memory", "coral")) {
                assertEquals(500, Http.get(client, Search.keywordUrl(sim, "q", q)).statusCode());
            }
            assertEquals(5, Search.vector(client, sim, sim.embeddingOf("sleep"), 5).size(), "the other service is up");
            sim.failAlways(Service.KEYWORD, Fault.NONE);
            assertEquals(200, Http.get(client, Search.keywordUrl(sim, "q", "sleep")).statusCode(), "switched off");
            sim.failAlways(Service.VECTOR, Fault.UNAVAILABLE);
            assertEquals(503, Search.postVector(client, sim, Search.vectorBody(sim.embeddingOf("x"), 1)).statusCode());
            sim.reset();
            assertEquals(200, Search.postVector(client, sim, Search.vectorBody(sim.embeddingOf("x"), 1)).statusCode(),
                    "a reset switches it off");
            assertEquals(1, sim.log().requests().size(), "and empties the log");
        }
    }

    @Test
    void aHangingSearchIsCutOffByTheClientsTimeoutAndStaysInFlightOnTheServer() throws Exception {
        RetrievalConfig config = RetrievalConfig.fast()
                .withFaults(Service.VECTOR, FaultSettings.none().withHangFor(Duration.ofMillis(700)));
        try (RetrievalSimulator sim = RetrievalSimulator.start(config); HttpClient client = Http.client()) {
            sim.failAlways(Service.VECTOR, Fault.HANG);
            HttpRequest request = HttpRequest.newBuilder(URI.create(sim.vectorUrl())).timeout(Duration.ofMillis(200))
                    .POST(HttpRequest.BodyPublishers.ofString(Search.vectorBody(sim.embeddingOf("sleep"), 5))).build();
            long start = System.nanoTime();
            assertThrows(HttpTimeoutException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));
            assertTrue((System.nanoTime() - start) / 1e6 < 600, "the client's timeout ended the wait");
            LoggedRequest hanging = sim.requests(Service.VECTOR).getFirst();
            assertEquals("hang", hanging.fault());
            assertTrue(hanging.inFlight(), "the server still holds it");
            assertEquals(5, Search.keyword(client, sim, "sleep", 5).size(), "the keyword search answers meanwhile");

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (sim.requests(Service.VECTOR).getFirst().inFlight() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            LoggedRequest ended = sim.requests(Service.VECTOR).getFirst();
            assertTrue(ended.status() == 504 || ended.status() == RetrievalHandler.CLIENT_CLOSED, "ended with " + ended.status());
            assertTrue(ended.durationMs() >= 650, "held for the hang time: " + ended.durationMs());
        }
    }

    @Test
    void aDroppedConnectionIsAnIoErrorForTheClient() {
        try (RetrievalSimulator sim = RetrievalSimulator.start(RetrievalConfig.fast()); HttpClient client = Http.client()) {
            // java.net.http resends a GET whose connection died once on its own; every try is dropped.
            sim.failAlways(Service.KEYWORD, Fault.DROP);
            HttpRequest request = HttpRequest.newBuilder(URI.create(Search.keywordUrl(sim, "q", "sleep"))).build();
            assertThrows(IOException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));
            List<LoggedRequest> dropped = sim.requests(Service.KEYWORD);
            assertTrue(!dropped.isEmpty() && dropped.stream().allMatch(r -> r.fault().equals("drop") && r.status() == 0),
                    dropped.toString());
            sim.failAlways(Service.KEYWORD, Fault.NONE);
            assertEquals(200, Http.get(client, Search.keywordUrl(sim, "q", "sleep")).statusCode());
        }
    }

    @Test
    void aShareOfSeededFaultsFallsOnTheSameSearchesEveryRun() {
        RetrievalConfig config = RetrievalConfig.fast().withFaults(FaultSettings.parse("500=0.3", 5));
        List<Integer> firstRun = statuses(config);
        assertEquals(firstRun, statuses(config));
        long failed = firstRun.stream().filter(s -> s == 500).count();
        assertTrue(failed >= 6 && failed <= 42, failed + " of 80 failed at a share of 0.3");
        List<Integer> vectorOnly = statuses(RetrievalConfig.fast().withFaults(Service.VECTOR, FaultSettings.parse("500=1", 5)));
        assertEquals(40, vectorOnly.subList(0, 40).stream().filter(s -> s == 500).count());
        assertEquals(0, vectorOnly.subList(40, 80).stream().filter(s -> s == 500).count(), "the keyword search has no faults");
    }

    // 40 vector searches, then 40 keyword searches.
    private static List<Integer> statuses(RetrievalConfig config) {
        try (RetrievalSimulator sim = RetrievalSimulator.start(config); HttpClient client = Http.client()) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                statuses.add(Search.postVector(client, sim, Search.vectorBody(sim.embeddingOf("sleep " + i), 3)).statusCode());
            }
            for (int i = 0; i < 40; i++) {
                statuses.add(Http.get(client, Search.keywordUrl(sim, "q", "sleep " + i, "top_k", "3")).statusCode());
            }
            return statuses;
        }
    }

    @Test
    void presetsAndConfigurationRules() {
        RetrievalConfig realistic = RetrievalConfig.realistic();
        assertEquals(LatencyModel.logNormal(Duration.ofMillis(80), 0.3), realistic.latency(Service.VECTOR));
        assertEquals(LatencyModel.logNormal(Duration.ofMillis(120), 0.3), realistic.latency(Service.KEYWORD));
        assertEquals(768, realistic.dimensions());
        assertEquals(LatencyModel.none(), RetrievalConfig.fast().latency(Service.KEYWORD));
        assertEquals(LatencyModel.fixed(Duration.ofMillis(50)),
                realistic.withLatency(Service.VECTOR, LatencyModel.fixed(Duration.ofMillis(100))).withTimeScale(0.5)
                        .effectiveLatency(Service.VECTOR));
        assertTrue(realistic.summary().contains("vector lognormal:80ms,0.3, keyword lognormal:120ms,0.3"), realistic.summary());
        assertThrows(IllegalArgumentException.class, () -> realistic.withPorts(9000, 9000));
        assertThrows(IllegalArgumentException.class, () -> realistic.withDimensions(3073));
        assertThrows(IllegalArgumentException.class, () -> realistic.withWorks(10));
        assertThrows(IllegalArgumentException.class, () -> realistic.withTimeScale(-1));
    }

    @Test
    void aTakenPortFailsTheStart() {
        try (RetrievalSimulator first = RetrievalSimulator.start(RetrievalConfig.fast())) {
            int taken = first.port(Service.KEYWORD);
            assertThrows(java.io.UncheckedIOException.class,
                    () -> RetrievalSimulator.start(RetrievalConfig.fast().withPorts(0, taken)));
        }
    }
}
