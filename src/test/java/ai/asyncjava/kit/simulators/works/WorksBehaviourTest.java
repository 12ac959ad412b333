package ai.asyncjava.kit.simulators.works;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.Http;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.LoggedRequest;
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

/** Quota, faults, latency, the request log and determinism, seen from a client and from the log. */
class WorksBehaviourTest {

    @Test
    void overTheQuota429WithOpenAlexsRateLimitHeaders() {
        WorksConfig config = WorksConfig.fast().withQuota(3, Duration.ofSeconds(2));
        try (WorksSimulator works = WorksSimulator.start(config); HttpClient client = Http.client()) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> ok = Http.get(client, Api.worksUrl(works, "search", "gut " + i));
                assertEquals(200, ok.statusCode());
                assertEquals("3", ok.headers().firstValue("X-RateLimit-Limit").orElseThrow());
                assertEquals("" + (2 - i), ok.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
                assertEquals("1", ok.headers().firstValue("X-RateLimit-Credits-Used").orElseThrow());
            }
            HttpResponse<String> refused = Http.get(client, Api.worksUrl(works, "search", "gut"));
            assertEquals(429, refused.statusCode());
            assertEquals("2", refused.headers().firstValue("Retry-After").orElseThrow(), "whole seconds, rounded up");
            assertEquals("0", refused.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
            assertEquals("2", refused.headers().firstValue("X-RateLimit-Reset").orElseThrow());
            assertEquals("0", refused.headers().firstValue("X-RateLimit-Credits-Used").orElseThrow());
            assertEquals("Rate limit exceeded", Api.parse(refused.body()).get("error").asText());

            assertEquals(1, works.log().countStatus(429));
            assertEquals(3, works.log().maxAdmittedInWindow(Duration.ofSeconds(2)));
            assertEquals(4, works.log().maxArrivalsInWindow(Duration.ofSeconds(2)));
            works.reset();
            assertEquals(200, Http.get(client, Api.worksUrl(works, "search", "gut")).statusCode(), "a reset empties the window");
            works.reconfigure(c -> c.withQuota(0, Duration.ofSeconds(1)));
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> free = Http.get(client, Api.worksUrl(works, "search", "gut"));
                assertEquals(200, free.statusCode());
                assertTrue(free.headers().firstValue("X-RateLimit-Limit").isEmpty(), "no quota, no rate-limit headers");
            }
        }
    }

    @Test
    void aSearchPlannedToFailFailsItsTriesThenRecovers() {
        try (WorksSimulator works = WorksSimulator.start(WorksConfig.fast()); HttpClient client = Http.client()) {
            works.failSearch("gut microbiome anxiety", Fault.INTERNAL_ERROR, Fault.UNAVAILABLE);
            String url = Api.worksUrl(works, "search", "gut microbiome anxiety", "per_page", "10");
            HttpResponse<String> first = Http.get(client, url);
            assertEquals(500, first.statusCode());
            assertEquals("Internal Server Error", Api.parse(first.body()).get("error").asText());
            assertEquals(503, Http.get(client, url).statusCode());
            assertEquals(200, Http.get(client, url).statusCode());
            assertEquals(200, Http.get(client, Api.worksUrl(works, "search", "gut microbiome")).statusCode(), "other searches are served");

            List<LoggedRequest> rows = works.log().requests();
            assertEquals(List.of("500", "503", "none", "none"), rows.stream().map(LoggedRequest::fault).toList());
            assertEquals(List.of(1, 2, 3, 1), rows.stream().map(LoggedRequest::attempt).toList(), "retries are recognised");
            assertEquals("gut microbiome anxiety", rows.getFirst().target());
            assertEquals("works", rows.getFirst().method());
            assertEquals(10, rows.getFirst().batchSize());

            works.failSearchAlways("sleep", Fault.INTERNAL_ERROR);
            for (int i = 0; i < 3; i++) {
                assertEquals(500, Http.get(client, Api.worksUrl(works, "search", "sleep")).statusCode());
            }
            works.reset();
            assertEquals(200, Http.get(client, Api.worksUrl(works, "search", "sleep")).statusCode(), "a reset forgets planned faults");
        }
    }

    @Test
    void aHangingSearchIsCutOffByTheClientsTimeoutAndLogged() throws Exception {
        WorksConfig config = WorksConfig.fast().withFaults(FaultSettings.none().withHangFor(Duration.ofMillis(1500)));
        try (WorksSimulator works = WorksSimulator.start(config); HttpClient client = Http.client()) {
            works.failSearch("coral bleaching", Fault.HANG);
            HttpRequest request = HttpRequest.newBuilder(URI.create(Api.worksUrl(works, "search", "coral bleaching")))
                    .timeout(Duration.ofMillis(300)).build();
            long start = System.nanoTime();
            assertThrows(HttpTimeoutException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));
            double waitedMs = (System.nanoTime() - start) / 1e6;
            assertTrue(waitedMs < 1200, "the client's timeout ended the wait: " + waitedMs + " ms");
            LoggedRequest hanging = works.log().requests().getFirst();
            assertEquals("hang", hanging.fault());
            assertTrue(hanging.inFlight(), "still held by the server when the client gave up");
            assertEquals(1, works.log().requests().stream().filter(LoggedRequest::inFlight).count());
            assertEquals(200, Http.get(client, Api.worksUrl(works, "search", "coral bleaching")).statusCode(), "the retry is served");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (works.log().requests().getFirst().inFlight() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            LoggedRequest ended = works.log().requests().getFirst();
            assertTrue(ended.status() == 504 || ended.status() == WorksHandler.CLIENT_CLOSED, "ended with " + ended.status());
            assertTrue(ended.durationMs() >= 1400, "held for the hang time: " + ended.durationMs());
        }
    }

    @Test
    void aShareOfRandomFaultsFallsOnTheSameRequestsEveryRun() {
        WorksConfig config = WorksConfig.fast().withFaults(FaultSettings.parse("500=0.3", 5));
        List<Integer> firstRun = statuses(config);
        assertEquals(firstRun, statuses(config));
        long failed = firstRun.stream().filter(s -> s == 500).count();
        assertTrue(failed >= 4 && failed <= 22, failed + " of 40 failed at a share of 0.3");
    }

    private static List<Integer> statuses(WorksConfig config) {
        try (WorksSimulator works = WorksSimulator.start(config); HttpClient client = Http.client()) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                statuses.add(Http.get(client, Api.worksUrl(works, "search", "sleep " + i)).statusCode());
            }
            return statuses;
        }
    }

    @Test
    void concurrentSearchesOverlapInTheLogWithTheirLatency() throws Exception {
        WorksConfig config = WorksConfig.fast().withLatency(LatencyModel.fixed(Duration.ofMillis(250)));
        try (WorksSimulator works = WorksSimulator.start(config); HttpClient client = Http.client();
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (String search : List.of("gut microbiome", "depression", "anxiety", "probiotic", "vagus nerve")) {
                calls.add(pool.submit(() -> Http.get(client, Api.worksUrl(works, "search", search))));
            }
            for (var call : calls) {
                assertEquals(200, call.get().statusCode());
                assertTrue(Api.parse(call.get().body()).at("/meta/db_response_time_ms").asInt() >= 250);
            }
            assertEquals(5, works.log().peakInFlight());
            for (LoggedRequest row : works.log().requests()) {
                assertTrue(row.durationMs() >= 250 && row.durationMs() < 1500, row.target() + " took " + row.durationMs());
                assertTrue(row.startMs() >= row.arrivalMs() && row.endMs() >= row.startMs());
            }
            Table table = works.requestTable();
            assertEquals(List.of("id", "request", "attempt", "search", "method", "arrival_ms", "start_ms", "end_ms",
                    "duration_ms", "status", "per_page", "in_flight_at_arrival", "retry_after_ms", "admitted", "fault"),
                    table.columnNames());
            assertEquals(5, table.rowCount());
        }
    }

    @Test
    void theSameSeedAnswersTheSameBytes() {
        String query = "?search=%22gut-brain%20axis%22%20OR%20microplastics&per_page=40&page=2&select=" + WorksApiTest.TOOL_FIELDS;
        String first;
        try (WorksSimulator works = WorksSimulator.start(WorksConfig.fast().withSeed(3)); HttpClient client = Http.client()) {
            first = Http.get(client, works.worksUrl() + query).body();
        }
        try (WorksSimulator works = WorksSimulator.start(WorksConfig.fast().withSeed(3)); HttpClient client = Http.client()) {
            assertEquals(first, Http.get(client, works.worksUrl() + query).body());
        }
        try (WorksSimulator works = WorksSimulator.start(WorksConfig.fast().withSeed(4)); HttpClient client = Http.client()) {
            assertTrue(!first.equals(Http.get(client, works.worksUrl() + query).body()), "another seed, another corpus");
        }
    }

    @Test
    void theSimulatorAddsLittleOverTheConfiguredLatency() {
        try (WorksSimulator works = WorksSimulator.start(WorksConfig.fast()); HttpClient client = Http.client()) {
            List<String> searches = List.of("gut microbiome depression", "sleep memory", "\"soil carbon\" OR biochar",
                    "transformers NOT translation", "microplastics fish");
            for (int i = 0; i < 100; i++) {
                Http.get(client, Api.worksUrl(works, "search", searches.get(i % 5), "per_page", "10",
                        "select", WorksApiTest.TOOL_FIELDS)); // warm up
            }
            works.reset();
            double[] clientMs = new double[200];
            for (int i = 0; i < 200; i++) {
                long start = System.nanoTime();
                Http.get(client, Api.worksUrl(works, "search", searches.get(i % 5), "per_page", "10",
                        "select", WorksApiTest.TOOL_FIELDS));
                clientMs[i] = (System.nanoTime() - start) / 1e6;
            }
            double[] serverMs = works.log().requests().stream().mapToDouble(LoggedRequest::durationMs).toArray();
            double clientP50 = Http.percentile(clientMs, 50);
            double serverP50 = Http.percentile(serverMs, 50);
            System.out.printf("works overhead at 0 latency over 200 searches of 10 works: server p50 %.3f ms, p99 %.3f ms;"
                    + " client round trip p50 %.3f ms, p99 %.3f ms%n", serverP50, Http.percentile(serverMs, 99), clientP50,
                    Http.percentile(clientMs, 99));
            assertTrue(serverP50 < 5, "the server's own time per request, p50: " + serverP50 + " ms");
            assertTrue(clientP50 < 25, "the round trip, p50: " + clientP50 + " ms");
        }
    }
}
